using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen.Auth;

/// <summary>
/// The two STS operations the providers need, by hand: the query protocol is a form-encoded POST
/// (<c>Action</c>, <c>Version</c>, parameters) answered with XML. AssumeRole is SigV4-signed with the source
/// credentials; AssumeRoleWithWebIdentity is unsigned (the token is the proof).
/// </summary>
internal static class StsClient
{
    private const string ApiVersion = "2011-06-15";
    private static readonly AwsServiceMetadata Sts = new("STS", "sts", "sts", ApiVersion);

    public static Task<AwsCredentials> AssumeRoleAsync(CredentialsContext context, AwsCredentials source,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string provider, CancellationToken cancellationToken) =>
        CallAsync(context, "AssumeRole", parameters, source, provider, cancellationToken);

    public static Task<AwsCredentials> AssumeRoleWithWebIdentityAsync(CredentialsContext context,
        IReadOnlyList<KeyValuePair<string, string>> parameters, string provider, CancellationToken cancellationToken) =>
        CallAsync(context, "AssumeRoleWithWebIdentity", parameters, signWith: null, provider, cancellationToken);

    private static async Task<AwsCredentials> CallAsync(CredentialsContext context, string action,
        IReadOnlyList<KeyValuePair<string, string>> parameters, AwsCredentials? signWith, string provider, CancellationToken cancellationToken)
    {
        var region = context.StsRegion();
        var global = region is null || EndpointBuiltIns.UseStsGlobalEndpoint(context.Settings(), region);
        // The global endpoint (no region, or sts_regional_endpoints = legacy in one of its regions) signs as us-east-1.
        var endpoint = context.Endpoint(Sts, () => global ? new Uri("https://sts.amazonaws.com/") : CredentialsContext.RegionalEndpoint("sts", region!), out _);
        var signingRegion = global ? "us-east-1" : region!;

        var form = new StringBuilder();
        form.Append("Action=").Append(action).Append("&Version=").Append(ApiVersion);
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        var body = Encoding.UTF8.GetBytes(form.ToString());
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        if (signWith is not null)
        {
            var description = new SigV4Request("POST", string.IsNullOrEmpty(endpoint.AbsolutePath) ? "/" : endpoint.AbsolutePath)
            {
                PayloadHash = SigV4Signer.HashPayload(body),
            };
            description.Headers.Add(new("host", endpoint.Authority));
            description.Headers.Add(new("content-type", ContentType));
            var signature = SigV4Signer.Sign(description, signWith, signingRegion, "sts", context.UtcNow());
            foreach (var (name, value) in signature.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var (status, text) = await CredentialsContext.SendAsync(context.Services, request, TimeSpan.FromSeconds(30), provider, cancellationToken)
            .ConfigureAwait(false);
        var result = action + "Result/Credentials";
        StsResponse response;
        try
        {
            response = StsResponse.Parse(text,
            [
                "Error/Code", "Error/Message", "RequestId", result,
                result + "/AccessKeyId", result + "/SecretAccessKey", result + "/SessionToken", result + "/Expiration",
            ]);
        }
        catch (XmlException)
        {
            throw new AwsCredentialsException($"{provider}: STS {action} at {endpoint} answered HTTP {status} with a body that is not XML.");
        }

        if (status is < 200 or >= 300)
        {
            var code = response.Value("Error/Code");
            var message = response.Value("Error/Message");
            var requestId = response.Value("RequestId");
            throw new AwsCredentialsException(
                $"{provider}: STS {action} failed with HTTP {status} {code ?? "(no error code)"}: {message ?? "(no message)"}"
                + (requestId is null ? "" : $" (request id {requestId})") + ".");
        }

        if (!response.Has(result))
        {
            throw new AwsCredentialsException($"{provider}: the STS {action} response has no Credentials element.");
        }

        return new AwsCredentials(
            Required(response, result, "AccessKeyId", action, provider),
            Required(response, result, "SecretAccessKey", action, provider),
            Required(response, result, "SessionToken", action, provider))
        {
            Expiration = ParseTime(Required(response, result, "Expiration", action, provider), $"{provider}: STS {action} Expiration"),
        };
    }

    internal static DateTimeOffset ParseTime(string text, string what) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new AwsCredentialsException($"{what} '{text}' is not an ISO 8601 time.");

    private static string Required(StsResponse response, string credentials, string name, string action, string provider) =>
        response.Value(credentials + "/" + name) is { Length: > 0 } value
            ? value
            : throw new AwsCredentialsException($"{provider}: the STS {action} response has no {name}.");
}
