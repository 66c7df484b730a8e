using System;
using System.Net.Http;
using System.Text;
using DataZone.Gen.Auth;
using DataZone.Gen.Http;

namespace DataZone.Gen.Pipeline;

/// <summary>
/// Turns a marshalled <see cref="AwsHttpRequest"/> into the <see cref="HttpRequestMessage"/> of one attempt,
/// and describes that message for the signer from the very URI that goes on the wire.
/// </summary>
internal static class HttpRequestFactory
{
    public static Uri BuildUri(Uri endpoint, AwsHttpRequest request, bool injectHostPrefix = true)
    {
        var authority = endpoint.GetLeftPart(UriPartial.Authority);
        if (injectHostPrefix && !string.IsNullOrEmpty(request.HostPrefix))
        {
            // botocore's _urljoin: the prefix goes in front of the endpoint's host, configured endpoints included.
            var hostStart = endpoint.Scheme.Length + "://".Length;
            authority = authority.Insert(hostStart, request.HostPrefix);
        }

        // An endpoint may carry a base path (a proxy or emulator prefix); the operation path goes below it.
        var text = new StringBuilder(authority)
            .Append(endpoint.AbsolutePath.TrimEnd('/'))
            .Append(request.Path);
        var separator = '?';
        foreach (var pair in request.Query)
        {
            text.Append(separator).Append(AwsUriEncoding.EscapeQueryComponent(pair.Key))
                .Append('=').Append(AwsUriEncoding.EscapeQueryComponent(pair.Value ?? ""));
            separator = '&';
        }
        return new Uri(text.ToString(), UriKind.Absolute);
    }

    public static HttpRequestMessage Create(Uri uri, AwsHttpRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        message.Headers.Host = HostHeader(uri); // set explicitly so the signed and the sent Host cannot differ
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }
        foreach (var header in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content ??= new ByteArrayContent(Array.Empty<byte>());
                message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
        return message;
    }

    public static SigV4Request Describe(Uri uri, AwsHttpRequest request)
    {
        var description = new SigV4Request(request.Method, uri.AbsolutePath)
        {
            PayloadHash = request.Body is { Length: > 0 } body ? SigV4Signer.HashPayload(body) : SigV4Signer.EmptyPayloadHash,
        };
        description.Query.AddRange(request.Query);
        description.Headers.Add(new("host", HostHeader(uri)));
        if (request.Body is not null && request.ContentType is not null)
        {
            description.Headers.Add(new("content-type", request.ContentType));
        }

        description.Headers.AddRange(request.Headers);
        return description;
    }

    public static void AddHeaders(HttpRequestMessage message, SigV4SigningResult signature)
    {
        foreach (var header in signature.Headers)
        {
            message.Headers.Remove(header.Key);
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    internal static string HostHeader(Uri uri)
    {
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return uri.IsDefaultPort ? host : $"{host}:{uri.Port}";
    }
}
