using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Bench.Shared;
using DataZone.Gen.Http;

namespace DataZone.Gen.Bench.RawFloor;

/// <summary>
/// The floor of the SSO and KMS workloads (<c>--service sso|kms</c>): the wire requests the SDKs send, one pooled
/// connection, one reused buffer, no item parsing. SSO's ListAccounts is <c>GET /assignment/accounts</c> with the
/// bearer token in <c>x-amz-sso_bearer_token</c> and no signature (the model marks it <c>authtype: none</c>); KMS's
/// ListKeys is a SigV4-signed <c>POST /</c> with <c>X-Amz-Target: TrentService.ListKeys</c> and a JSON body. Each body
/// is walked once with <see cref="Utf8JsonReader"/> for the token, counting items and hashing their ids, so the result
/// checks against the real clients.
/// </summary>
internal static class ServiceFloor
{
    private static readonly MediaTypeHeaderValue KmsContentType = new("application/x-amz-json-1.1");

    public static async Task<int> RunAsync(ListingArguments arguments)
    {
        var (service, endpoint, pageSize, region) = (arguments.Service, arguments.Endpoint, arguments.PageSize, arguments.Region);
        var credentials = new AwsCredentials(arguments.AccessKeyId, arguments.SecretAccessKey);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var origin = endpoint.GetLeftPart(UriPartial.Authority);
        var size = pageSize.ToString(CultureInfo.InvariantCulture);
        var (tokenName, listName, idName) = service == "sso"
            ? ("nextToken"u8.ToArray(), "accountList"u8.ToArray(), "accountId"u8.ToArray())
            : ("NextMarker"u8.ToArray(), "Keys"u8.ToArray(), "KeyId"u8.ToArray());

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long items = 0, bytes = 0;
        var pages = 0;
        string? token = null;

        var stopwatch = Stopwatch.StartNew();
        do
        {
            using var request = service == "sso"
                ? AccountsRequest(origin, size, token, arguments.AccessToken)
                : KeysRequest(origin, host, pageSize, token, region, credentials);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            (buffer, var length) = await FloorPages.ReadBodyAsync(response, buffer).ConfigureAwait(false);

            pages++;
            bytes += length;
            token = FloorPages.Scan(buffer.AsSpan(0, length), tokenName, listName, idName, hash, ref items);
        }
        while (token is not null);
        stopwatch.Stop();

        FloorPages.PrintResult(items, pages, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()), stopwatch.Elapsed);
        return 0;
    }

    private static HttpRequestMessage AccountsRequest(string origin, string pageSize, string? token, string accessToken)
    {
        var uri = origin + "/assignment/accounts?max_result=" + pageSize;
        if (token is not null)
        {
            uri += "&next_token=" + AwsUriEncoding.EscapeQueryComponent(token);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", accessToken);
        return request;
    }

    private static HttpRequestMessage KeysRequest(string origin, string host, int pageSize, string? token, string region, AwsCredentials credentials)
    {
        var body = token is null
            ? Encoding.UTF8.GetBytes($"{{\"Limit\":{pageSize}}}")
            : Encoding.UTF8.GetBytes($"{{\"Limit\":{pageSize},\"Marker\":\"{JsonEncodedText.Encode(token, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"}}");
        var signing = new SigV4Request("POST", "/") { PayloadHash = SigV4Signer.HashPayload(body) };
        signing.Headers.Add(new("host", host));
        signing.Headers.Add(new("content-type", "application/x-amz-json-1.1"));
        signing.Headers.Add(new("x-amz-target", "TrentService.ListKeys"));
        var signature = SigV4Signer.Sign(signing, credentials, region, "kms", DateTimeOffset.UtcNow);

        var request = new HttpRequestMessage(HttpMethod.Post, origin + "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = KmsContentType;
        request.Headers.TryAddWithoutValidation("x-amz-target", "TrentService.ListKeys");
        foreach (var header in signature.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return request;
    }
}
