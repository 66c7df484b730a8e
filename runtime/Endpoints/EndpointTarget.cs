using System;
using System.Collections.Generic;
using System.Linq;

namespace DataZone.Gen.Endpoints;

/// <summary>Where one call goes and how it is signed: the endpoint's URL and headers, and the SigV4 scope its auth scheme asks for.</summary>
internal sealed record EndpointTarget(Uri Uri, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, string SigningRegion, string SigningName)
{
    /// <summary>Whether <see cref="SigningName"/> is the auth scheme's own, which an operation's <c>signingName</c> does not replace.</summary>
    public bool HasSchemeSigningName { get; init; }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoHeaders = new Dictionary<string, IReadOnlyList<string>>();

    public static EndpointTarget Plain(Uri uri, string region, string signingName) => new(uri, NoHeaders, region, signingName);

    /// <summary>
    /// The target of a resolved endpoint. As botocore's <c>auth_schemes_to_signing_ctx</c>, the first scheme this client
    /// can sign with is used (here only <c>sigv4</c>); its <c>signingRegion</c> and <c>signingName</c> replace the client's.
    /// </summary>
    /// <exception cref="AwsClientException">The URL is not an absolute http or https URL, or no auth scheme is <c>sigv4</c>.</exception>
    public static EndpointTarget From(ResolvedEndpoint endpoint, string region, string signingName)
    {
        if (endpoint.Uri is not { } uri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new AwsClientException($"The endpoint '{endpoint.Url}' is not an absolute http or https URL.");
        }

        if (endpoint.AuthSchemes.Count == 0)
        {
            return new(uri, endpoint.Headers, region, signingName);
        }

        var sigv4 = endpoint.AuthSchemes.FirstOrDefault(s => s.Name == "sigv4")
            ?? throw new AwsClientException(
                $"The endpoint {endpoint.Url} must be signed with {string.Join(" or ", endpoint.AuthSchemes.Select(s => s.Name))}; "
                + "this client signs with sigv4 only (sigv4a is not supported).");
        return new(uri, endpoint.Headers, sigv4.SigningRegion ?? region, sigv4.SigningName ?? signingName)
        {
            HasSchemeSigningName = sigv4.SigningName is not null,
        };
    }
}
