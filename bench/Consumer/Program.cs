using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Json;

namespace DataZone.Gen.Bench.Consumer;

/// <summary>
/// bench/run.sh's consumer: lists every run of one data source through the generated paginator, the way a user would
/// (<c>await foreach</c> over items, page size 50), and prints one JSON line: item count, SHA-256 of the ids joined by
/// <c>\n</c>, listing time, peak working set and bytes allocated per item.
/// <c>--breakdown</c> adds a profile: time inside HTTP (send + read the body), time re-reading the same bodies with the
/// generated JSON reader, time signing, and the rest (marshalling, pipeline, paging, hashing).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync($"consumer: {exception.Message}\n{Options.Usage}").ConfigureAwait(false);
            return 2;
        }

        for (var iteration = 1; iteration <= options.Iterations; iteration++)
        {
            var result = await ListAsync(options).ConfigureAwait(false);
            Console.Out.WriteLine(result.ToJson(iteration));
        }
        return 0;
    }

    private static async Task<Result> ListAsync(Options options)
    {
        var timing = options.Breakdown ? new TimingHandler(captureBodies: true) : null;
        using var client = new DataZoneClient(new AwsClientOptions
        {
            Region = options.Region,
            Endpoint = options.Endpoint,
            Credentials = new StaticCredentialsProvider(options.AccessKeyId, options.SecretAccessKey),
            HttpMessageHandler = timing,
        });
        var paginator = new DataSourceRunsPaginator(client);
        var request = new ListDataSourceRunsRequest
        {
            DomainIdentifier = options.Domain,
            DataSourceIdentifier = options.DataSource,
        };

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var idBuffer = new byte[256];
        long items = 0;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var pauseBefore = GC.GetTotalPauseDuration();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var stopwatch = Stopwatch.StartNew();

        await foreach (var run in paginator.Paginate(request, new PaginationOptions { PageSize = options.PageSize, MaxItems = options.MaxItems }))
        {
            if (items > 0)
            {
                hash.AppendData("\n"u8);
            }

            var id = run.Id;
            if (Encoding.UTF8.GetMaxByteCount(id.Length) > idBuffer.Length)
            {
                idBuffer = new byte[Encoding.UTF8.GetMaxByteCount(id.Length)];
            }

            var length = Encoding.UTF8.GetBytes(id, idBuffer);
            hash.AppendData(idBuffer, 0, length);
            items++;
        }

        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var result = new Result
        {
            Items = items,
            Sha256 = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant(),
            ElapsedMs = stopwatch.Elapsed.TotalMilliseconds,
            AllocatedBytes = allocated,
            Gen0 = GC.CollectionCount(0) - gen0,
            Gen1 = GC.CollectionCount(1) - gen1,
            Gen2 = GC.CollectionCount(2) - gen2,
            GcPauseMs = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds,
            JitMs = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds,
            JitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore,
        };
        // The managed heap after the listing (as of the last GC): flat when nothing is retained across pages.
        var gcInfo = GC.GetGCMemoryInfo();
        result.GcHeapSizeBytes = gcInfo.HeapSizeBytes;
        result.GcCommittedBytes = gcInfo.TotalCommittedBytes;
        if (timing is not null)
        {
            result.Breakdown = Profile(timing, options, client.Endpoint);
        }

        using (var process = Process.GetCurrentProcess())
        {
            process.Refresh();
            result.PeakWorkingSetBytes = process.PeakWorkingSet64;
        }
        return result;
    }

    /// <summary>
    /// Splits the listing time: HTTP as the handler saw it, then the generated reader and the signer re-run on the
    /// same inputs (warm, so a lower bound of what they cost inside the listing).
    /// </summary>
    private static Breakdown Profile(TimingHandler timing, Options options, Uri endpoint)
    {
        var breakdown = new Breakdown
        {
            Pages = timing.Requests,
            ResponseBytes = timing.ResponseBytes,
            HttpMs = timing.HttpTime.TotalMilliseconds,
        };

        // The generated reader over every captured body (what ReadListDataSourceRunsResponse does per page).
        long readItems = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var read = Stopwatch.StartNew();
        foreach (var body in timing.Bodies)
        {
            readItems += AwsJson.ReadBody(body, ListDataSourceRunsResponse.ReadJson).Items.Count;
        }

        read.Stop();
        breakdown.JsonReadMs = read.Elapsed.TotalMilliseconds;
        breakdown.JsonReadItems = readItems;
        breakdown.JsonReadAllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        // A token-only scan of the same bodies: the floor of any reader.
        var scan = Stopwatch.StartNew();
        foreach (var body in timing.Bodies)
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }
        }
        scan.Stop();
        breakdown.TokenScanMs = scan.Elapsed.TotalMilliseconds;

        // The signer, once per page, over a request like the ones sent.
        var credentials = new AwsCredentials(options.AccessKeyId, options.SecretAccessKey);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var path = $"/v2/domains/{options.Domain}/data-sources/{options.DataSource}/runs";
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sign = Stopwatch.StartNew();
        for (var i = 0; i < timing.Requests; i++)
        {
            var description = new SigV4Request("GET", path);
            description.Query.Add(new("maxResults", "50"));
            description.Query.Add(new("nextToken", "QkVOQ0hNQVJLK1RPS0VOL0FBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB="));
            description.Headers.Add(new("host", host));
            SigV4Signer.Sign(description, credentials, options.Region, "datazone", DateTimeOffset.UtcNow);
        }
        sign.Stop();
        breakdown.SignMs = sign.Elapsed.TotalMilliseconds;
        breakdown.SignAllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return breakdown;
    }

    /// <summary>Times each exchange up to the last byte of the body (buffered here, so the transport's read is a copy).</summary>
    private sealed class TimingHandler : DelegatingHandler
    {
        private readonly bool _captureBodies;
        private long _ticks;

        public TimingHandler(bool captureBodies)
            : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            _captureBodies = captureBodies;
        }

        public int Requests { get; private set; }

        public long ResponseBytes { get; private set; }

        public List<byte[]> Bodies { get; } = new();

        public TimeSpan HttpTime => Stopwatch.GetElapsedTime(0, _ticks);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            _ticks += Stopwatch.GetTimestamp() - start;
            Requests++;
            ResponseBytes += body.Length;
            if (_captureBodies)
            {
                Bodies.Add(body);
            }

            var buffered = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            return response;
        }
    }

    private sealed class Result
    {
        public long Items { get; init; }
        public required string Sha256 { get; init; }
        public double ElapsedMs { get; init; }
        public long AllocatedBytes { get; init; }
        public int Gen0 { get; init; }
        public int Gen1 { get; init; }
        public int Gen2 { get; init; }
        public double GcPauseMs { get; init; }
        public double JitMs { get; init; }
        public long JitMethods { get; init; }
        public long PeakWorkingSetBytes { get; set; }
        public long GcHeapSizeBytes { get; set; }
        public long GcCommittedBytes { get; set; }
        public Breakdown? Breakdown { get; set; }

        public string ToJson(int iteration)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("client", "datazone-gen");
                writer.WriteNumber("iteration", iteration);
                writer.WriteNumber("items", Items);
                writer.WriteString("sha256", Sha256);
                writer.WriteNumber("elapsedMs", Math.Round(ElapsedMs, 3));
                writer.WriteNumber("peakWorkingSetBytes", PeakWorkingSetBytes);
                writer.WriteNumber("allocatedBytes", AllocatedBytes);
                writer.WriteNumber("allocatedBytesPerItem", Items == 0 ? 0 : Math.Round((double)AllocatedBytes / Items, 1));
                writer.WriteNumber("gen0", Gen0);
                writer.WriteNumber("gen1", Gen1);
                writer.WriteNumber("gen2", Gen2);
                writer.WriteNumber("gcPauseMs", Math.Round(GcPauseMs, 3));
                writer.WriteNumber("jitMs", Math.Round(JitMs, 3));
                writer.WriteNumber("jitMethods", JitMethods);
                writer.WriteNumber("gcHeapSizeBytes", GcHeapSizeBytes);
                writer.WriteNumber("gcCommittedBytes", GcCommittedBytes);
                if (Breakdown is { } b)
                {
                    writer.WriteStartObject("breakdown");
                    writer.WriteNumber("pages", b.Pages);
                    writer.WriteNumber("responseBytes", b.ResponseBytes);
                    writer.WriteNumber("httpMs", Math.Round(b.HttpMs, 3));
                    writer.WriteNumber("outsideHttpMs", Math.Round(ElapsedMs - b.HttpMs, 3));
                    writer.WriteNumber("jsonReadMsWarm", Math.Round(b.JsonReadMs, 3));
                    writer.WriteNumber("jsonReadItems", b.JsonReadItems);
                    writer.WriteNumber("tokenScanMsWarm", Math.Round(b.TokenScanMs, 3));
                    writer.WriteNumber("signMsWarm", Math.Round(b.SignMs, 3));
                    writer.WriteNumber("jsonReadAllocatedBytesPerItem", b.JsonReadItems == 0 ? 0 : Math.Round((double)b.JsonReadAllocatedBytes / b.JsonReadItems, 1));
                    writer.WriteNumber("signAllocatedBytesPerRequest", b.Pages == 0 ? 0 : Math.Round((double)b.SignAllocatedBytes / b.Pages, 1));
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    private sealed class Breakdown
    {
        public int Pages { get; init; }
        public long ResponseBytes { get; init; }
        public double HttpMs { get; init; }
        public double JsonReadMs { get; set; }
        public long JsonReadItems { get; set; }
        public double TokenScanMs { get; set; }
        public double SignMs { get; set; }
        public long JsonReadAllocatedBytes { get; set; }
        public long SignAllocatedBytes { get; set; }
    }

    private sealed class Options
    {
        public const string Usage =
            "usage: DataZone.Gen.Bench.Consumer --endpoint URL [--domain ID] [--data-source ID] [--page-size N] [--max-items N]\n" +
            "       [--region R] [--access-key-id ID] [--secret-access-key KEY] [--iterations N] [--breakdown]";

        public required Uri Endpoint { get; init; }
        public string Domain { get; private set; } = "dzd_demo01";
        public string DataSource { get; private set; } = "demo-data-source";
        public int PageSize { get; private set; } = 50;
        public int? MaxItems { get; private set; }
        public string Region { get; private set; } = "us-east-1";
        public string AccessKeyId { get; private set; } = "AKIAEMULATOREXAMPLE";
        public string SecretAccessKey { get; private set; } = "emulator/secret/EXAMPLEKEY";
        public int Iterations { get; private set; } = 1;
        public bool Breakdown { get; private set; }

        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var breakdown = false;
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i] == "--breakdown")
                {
                    breakdown = true;
                    continue;
                }
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
                }

                values[args[i]] = args[++i];
            }
            if (!values.TryGetValue("--endpoint", out var endpoint))
            {
                throw new ArgumentException("--endpoint is required");
            }

            var options = new Options { Endpoint = new Uri(endpoint, UriKind.Absolute), Breakdown = breakdown };
            foreach (var (name, value) in values)
            {
                switch (name)
                {
                    case "--endpoint": break;
                    case "--domain": options.Domain = value; break;
                    case "--data-source": options.DataSource = value; break;
                    case "--page-size": options.PageSize = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--max-items": options.MaxItems = int.Parse(value, CultureInfo.InvariantCulture); break;
                    case "--region": options.Region = value; break;
                    case "--access-key-id": options.AccessKeyId = value; break;
                    case "--secret-access-key": options.SecretAccessKey = value; break;
                    case "--iterations": options.Iterations = int.Parse(value, CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"unknown option '{name}'");
                }
            }
            return options;
        }
    }
}
