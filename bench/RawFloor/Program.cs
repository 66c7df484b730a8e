using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Bench.Shared;
using DataZone.Gen.Http;

namespace DataZone.Gen.Bench.RawFloor;

/// <summary>
/// The floor of bench/run.sh: the same GET requests as every client (page size 50, SigV4-signed with the runtime's
/// <see cref="SigV4Signer"/>), one pooled connection, one reused buffer, and no item parsing. Each body is only
/// counted and walked once with <see cref="Utf8JsonReader"/> (tokens, no values materialized) to find the top-level
/// <c>nextToken</c>; on the way it counts items (objects at depth 2 of <c>items</c>) and feeds the raw bytes of
/// each item's <c>id</c> to SHA-256, so its result can be checked against the real clients.
/// Prints one JSON line like bench/Consumer. With <c>--service sso|kms</c> it is the floor of those workloads instead
/// (<see cref="ServiceFloor"/>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (Array.IndexOf(args, "--service") >= 0)
        {
            try
            {
                return await ServiceFloor.RunAsync(ListingArguments.Parse(args)).ConfigureAwait(false);
            }
            catch (ArgumentException exception)
            {
                await Console.Error.WriteLineAsync($"rawfloor: {exception.Message}\n{ListingArguments.Usage}").ConfigureAwait(false);
                return 2;
            }
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--domain"] = "dzd_demo01",
            ["--data-source"] = "demo-data-source",
            ["--page-size"] = "50",
            ["--region"] = "us-east-1",
            ["--access-key-id"] = "AKIAEMULATOREXAMPLE",
            ["--secret-access-key"] = "emulator/secret/EXAMPLEKEY",
        };
        var hashIds = true;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-hash")
            {
                hashIds = false;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length && (values.ContainsKey(args[i]) || args[i] == "--endpoint"))
            {
                values[args[i]] = args[++i];
            }
            else
            {
                await Console.Error.WriteLineAsync($"rawfloor: unexpected argument '{args[i]}'\nusage: DataZone.Gen.Bench.RawFloor --endpoint URL [--domain ID] [--data-source ID] [--page-size N] [--region R] [--no-hash]").ConfigureAwait(false);
                return 2;
            }
        }
        if (!values.TryGetValue("--endpoint", out var endpointText))
        {
            await Console.Error.WriteLineAsync("rawfloor: --endpoint is required").ConfigureAwait(false);
            return 2;
        }

        var endpoint = new Uri(endpointText, UriKind.Absolute);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var path = $"/v2/domains/{AwsUriEncoding.EscapeLabel(values["--domain"])}/data-sources/{AwsUriEncoding.EscapeLabel(values["--data-source"])}/runs";
        var baseUri = endpoint.GetLeftPart(UriPartial.Authority) + path + "?maxResults=" + values["--page-size"];
        var region = values["--region"];
        var credentials = new AwsCredentials(values["--access-key-id"], values["--secret-access-key"]);

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromMinutes(2) };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long items = 0, bytes = 0;
        var pages = 0;
        string? token = null;

        var stopwatch = Stopwatch.StartNew();
        do
        {
            var signing = new SigV4Request("GET", path);
            signing.Query.Add(new("maxResults", values["--page-size"]));
            var uri = baseUri;
            if (token is not null)
            {
                signing.Query.Add(new("nextToken", token));
                uri += "&nextToken=" + AwsUriEncoding.EscapeQueryComponent(token);
            }
            signing.Headers.Add(new("host", host));
            var signature = SigV4Signer.Sign(signing, credentials, region, "datazone", DateTimeOffset.UtcNow);

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var header in signature.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            (buffer, var length) = await FloorPages.ReadBodyAsync(response, buffer).ConfigureAwait(false);

            pages++;
            bytes += length;
            token = FloorPages.Scan(buffer.AsSpan(0, length), "nextToken"u8, "items"u8, "id"u8, hashIds ? hash : null, ref items);
        }
        while (token is not null);
        stopwatch.Stop();

        FloorPages.PrintResult(items, pages, bytes, hashIds ? Convert.ToHexStringLower(hash.GetHashAndReset()) : "", stopwatch.Elapsed);
        return 0;
    }
}
