using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
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
            var length = 0;
            await using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                }
            }
            if ((int)response.StatusCode != 200)
            {
                throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(buffer, 0, length)}");
            }

            pages++;
            bytes += length;
            token = Scan(buffer.AsSpan(0, length), hashIds ? hash : null, ref items);
        }
        while (token is not null);
        stopwatch.Stop();

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var output = new StringBuilder("{\"client\":\"raw-floor\"");
        output.Append(CultureInfo.InvariantCulture, $",\"items\":{items},\"pages\":{pages},\"responseBytes\":{bytes}");
        output.Append(",\"sha256\":\"").Append(hashIds ? Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant() : "").Append('"');
        output.Append(CultureInfo.InvariantCulture, $",\"elapsedMs\":{Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3)},\"peakWorkingSetBytes\":{process.PeakWorkingSet64}}}");
        Console.Out.WriteLine(output.ToString());
        return 0;
    }

    // One pass over the tokens: returns the top-level nextToken (null when absent or empty), counts items, hashes ids.
    private static string? Scan(ReadOnlySpan<byte> body, IncrementalHash? hash, ref long items)
    {
        var reader = new Utf8JsonReader(body);
        string? nextToken = null;
        var inItems = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    if (reader.ValueTextEquals("nextToken"u8))
                    {
                        reader.Read();
                        nextToken = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else
                    {
                        inItems = reader.ValueTextEquals("items"u8);
                    }
                    break;
                case JsonTokenType.StartObject when inItems && reader.CurrentDepth == 2:
                    items++;
                    break;
                case JsonTokenType.PropertyName when inItems && hash is not null && reader.CurrentDepth == 3 && reader.ValueTextEquals("id"u8):
                    reader.Read();
                    if (items > 1)
                    {
                        hash.AppendData("\n"u8);
                    }

                    if (reader.ValueIsEscaped)
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes(reader.GetString()!));
                    }
                    else
                    {
                        hash.AppendData(reader.ValueSpan);
                    }

                    break;
            }
        }
        return string.IsNullOrEmpty(nextToken) ? null : nextToken;
    }
}
