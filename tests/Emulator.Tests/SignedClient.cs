using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Http;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>A response as the tests look at it: status, error type, request id and the body parsed as JSON.</summary>
internal sealed class Reply : IDisposable
{
    public Reply(int status, string? errorType, string? requestId, string body)
    {
        Status = status;
        ErrorType = errorType;
        RequestId = requestId;
        Body = body;
        Json = JsonDocument.Parse(body);
    }

    public int Status { get; }

    public string? ErrorType { get; }

    public string? RequestId { get; }

    public string Body { get; }

    public JsonDocument Json { get; }

    public string? Message => Json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;

    public string? NextToken => Json.RootElement.TryGetProperty("nextToken", out var t) ? t.GetString() : null;

    public List<JsonElement> Items
    {
        get
        {
            var items = new List<JsonElement>();
            foreach (var item in Json.RootElement.GetProperty("items").EnumerateArray())
            {
                items.Add(item);
            }

            return items;
        }
    }

    public List<string> Ids => Items.ConvertAll(i => i.GetProperty("id").GetString()!);

    public void Dispose() => Json.Dispose();
}

/// <summary>
/// Real HTTP over loopback to the emulator, each request signed by the runtime's <see cref="SigV4Signer"/>.
/// Knobs let a test break exactly one thing about a request.
/// </summary>
internal sealed class SignedClient : IDisposable
{
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    private readonly Uri _endpoint;

    public SignedClient(DataZoneEmulator emulator)
        : this(emulator.Endpoint, new AwsCredentials(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken))
    {
    }

    public SignedClient(Uri endpoint, AwsCredentials? credentials)
    {
        _endpoint = endpoint;
        Credentials = credentials;
    }

    /// <summary>Null: send unsigned.</summary>
    public AwsCredentials? Credentials { get; set; }

    public string Region { get; set; } = "eu-central-1";

    public string Service { get; set; } = "datazone";

    /// <summary>The signing time; null for now.</summary>
    public DateTimeOffset? SigningTime { get; set; }

    /// <summary>Send every request on a new connection (no pooled connection the handler could retry on).</summary>
    public bool FreshConnection { get; set; }

    /// <summary>Called after signing, before sending: the place to tamper.</summary>
    public Action<HttpRequestMessage>? AfterSigning { get; set; }

    public static string RunsPath(string domainId, string dataSourceId) =>
        $"/v2/domains/{AwsUriEncoding.EscapeLabel(domainId)}/data-sources/{AwsUriEncoding.EscapeLabel(dataSourceId)}/runs";

    public Task<Reply> ListRunsAsync(string domainId, string dataSourceId, string? status = null, string? nextToken = null, int? maxResults = null)
    {
        var query = new List<KeyValuePair<string, string>>();
        if (status is not null)
        {
            query.Add(new("status", status));
        }

        if (nextToken is not null)
        {
            query.Add(new("nextToken", nextToken));
        }

        if (maxResults is not null)
        {
            query.Add(new("maxResults", maxResults.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return GetAsync(RunsPath(domainId, dataSourceId), query);
    }

    /// <summary>GET <paramref name="path"/> (already encoded) with decoded query pairs, encoded here as the runtime does.</summary>
    public async Task<Reply> GetAsync(string path, IReadOnlyList<KeyValuePair<string, string>> query, string? rawQuery = null)
    {
        var encoded = new StringBuilder();
        foreach (var pair in query)
        {
            encoded.Append(encoded.Length == 0 ? "" : "&")
                .Append(AwsUriEncoding.EscapeQueryComponent(pair.Key)).Append('=')
                .Append(AwsUriEncoding.EscapeQueryComponent(pair.Value));
        }

        var queryText = rawQuery ?? encoded.ToString();
        var uri = new Uri(_endpoint, path + (queryText.Length > 0 ? "?" + queryText : ""));
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (Credentials is not null)
        {
            var description = new SigV4Request("GET", path);
            description.Query.AddRange(rawQuery is null ? query : SigV4Signer.ParseQuery(rawQuery));
            description.Headers.Add(new("host", uri.Authority));
            var signed = SigV4Signer.Sign(description, Credentials, Region, Service, SigningTime ?? DateTimeOffset.UtcNow);
            foreach (var header in signed.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        AfterSigning?.Invoke(request);
        using var fresh = FreshConnection ? new HttpClient(new SocketsHttpHandler { UseCookies = false }) : null;
        using var response = await (fresh ?? SharedHttp).SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? string.Join(",", types) : null;
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? string.Join(",", ids) : null;
        return new Reply((int)response.StatusCode, errorType, requestId, body);
    }

    /// <summary>Every run of a listing, following tokens; also returns the pages' item counts and tokens.</summary>
    public async Task<(List<string> Ids, List<int> PageSizes, List<string> Tokens)> ListAllAsync(string domainId, string dataSourceId, string? status = null, int? maxResults = null)
    {
        var ids = new List<string>();
        var sizes = new List<int>();
        var tokens = new List<string>();
        string? token = null;
        do
        {
            using var reply = await ListRunsAsync(domainId, dataSourceId, status, token, maxResults).ConfigureAwait(false);
            if (reply.Status != 200)
            {
                throw new InvalidOperationException($"HTTP {reply.Status} {reply.ErrorType}: {reply.Message}");
            }

            ids.AddRange(reply.Ids);
            sizes.Add(reply.Items.Count);
            token = reply.NextToken;
            if (token is not null)
            {
                tokens.Add(token);
            }

            if (sizes.Count > 100_000)
            {
                throw new InvalidOperationException("The listing does not end.");
            }
        }
        while (token is not null);

        return (ids, sizes, tokens);
    }

    public void Dispose()
    {
    }
}
