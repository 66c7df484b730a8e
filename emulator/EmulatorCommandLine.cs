using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Emulator;

/// <summary>
/// The standalone emulator's command line: <c>dotnet run --project emulator -- --port 4566 --runs 10000</c>.
/// Public so that a host (the command-line tool) can offer the same flags.
/// </summary>
public sealed class EmulatorCommandLine
{
    /// <summary>The port the standalone emulator listens on unless told otherwise.</summary>
    public const int DefaultPort = 4566;

    private const string Description =
        "DataZone.Gen emulator: a local AWS endpoint on 127.0.0.1 serving every operation of a rest-json or json " +
        "botocore model (the embedded DataZone model by default).";

    private const string Footer = """

        Signatures are SigV4 with the model's signing name, any region; operations the model marks
        unauthenticated ("authtype": "none") are served unsigned. Faults count requests from 1, across all
        requests. Durations: 250ms, 2s, 15m, 1h, or hh:mm:ss.
        Exit codes: 0 after Ctrl+C or --help, 2 for bad flags, 1 when the emulator cannot start.
        """;

    private static readonly Lazy<string> UsageText = new(RenderUsage);

    private EmulatorCommandLine(EmulatorOptions options, bool showHelp, bool logRequests)
    {
        Options = options;
        ShowHelp = showHelp;
        LogRequests = logRequests;
    }

    /// <summary>The usage text (System.CommandLine's help for the flags, then durations and exit codes).</summary>
    public static string Usage => UsageText.Value;

    /// <summary>The options the flags describe (port defaulting to <see cref="DefaultPort"/>).</summary>
    public EmulatorOptions Options { get; }

    /// <summary>Whether <c>--help</c> was given.</summary>
    public bool ShowHelp { get; }

    /// <summary>Whether <c>--log-requests</c> was given.</summary>
    public bool LogRequests { get; }

    /// <summary>Parses flags; throws <see cref="ArgumentException"/> whose message names the bad flag.</summary>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var flags = new Flags();
        // No response files: an id or secret starting with '@' is data, not a file name.
        var result = flags.Root.Parse(args.ToArray(), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is HelpAction)
        {
            return new EmulatorCommandLine(new EmulatorOptions { Port = DefaultPort }, showHelp: true, logRequests: false);
        }

        if (result.Errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", result.Errors.Select(e => e.Message).Distinct()) + " See --help.");
        }

        return new EmulatorCommandLine(flags.ToOptions(result), showHelp: false, result.GetValue(flags.LogRequests));
    }

    /// <summary>
    /// Runs the standalone emulator until <paramref name="cancellationToken"/> fires:
    /// 0 after a clean stop or <c>--help</c>, 2 for bad arguments, 1 when it cannot start.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        EmulatorCommandLine commandLine;
        try
        {
            commandLine = Parse(args);
            commandLine.Options.Validate();
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync("Run with --help for the options.").ConfigureAwait(false);
            return 2;
        }

        if (commandLine.ShowHelp)
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        var options = commandLine.Options;
        if (commandLine.LogRequests)
        {
            var synchronizedErr = TextWriter.Synchronized(stderr);
            options.OnRequest = entry => synchronizedErr.WriteLine(Describe(entry));
        }

        DataZoneEmulator emulator;
        try
        {
            emulator = await DataZoneEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync("error: the emulator could not start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }

        await using (emulator.ConfigureAwait(false))
        {
            await stdout.WriteLineAsync(Banner(emulator)).ConfigureAwait(false);
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop cleanly.
            }

            await stdout.WriteLineAsync("Stopping.").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>What the standalone emulator prints when it is ready.</summary>
    public static string Banner(DataZoneEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var model = emulator.Model;
        var paginated = model.Operations.Values.Count(o => o.Paginator is not null);
        var lines = new List<string>
        {
            $"Emulator listening on {emulator.Endpoint}",
            $"  service {model.SigningName} ({model.Protocol}{(model.IsJsonProtocol ? " " + model.JsonVersion : "")}): {model.Operations.Count} operations, {paginated} listings of {emulator.Options.ItemCount} items",
        };
        foreach (var source in emulator.DataSources)
        {
            lines.Add($"  domain {source.DomainId}, data source {source.DataSourceId}: {source.Runs.Count} runs");
        }

        lines.Add(emulator.Options.VerifySignatures
            ? $"  SigV4 required: access key {emulator.Credentials.AccessKeyId}, secret {emulator.Credentials.SecretAccessKey}, service {emulator.Model.SigningName}, any region"
            : "  SigV4 not checked (--no-auth)");
        var f = emulator.Faults;
        if (f.ThrottleEvery > 0 || f.ServerErrorRate > 0 || f.Latency > TimeSpan.Zero || f.EmptyPageEvery > 0 || f.DropConnectionEvery > 0)
        {
            lines.Add(FormattableString.Invariant(
                $"  faults: throttle every {f.ThrottleEvery}, 5xx rate {f.ServerErrorRate}, latency {f.Latency.TotalMilliseconds} ms, empty page every {f.EmptyPageEvery}, drop every {f.DropConnectionEvery}"));
        }

        if (emulator.DataSources.Count > 0)
        {
            lines.Add($"  try: curl --aws-sigv4 \"aws:amz:{DataZoneEmulator.DefaultRegion}:{emulator.Model.SigningName}\" --user '{emulator.Credentials.AccessKeyId}:{emulator.Credentials.SecretAccessKey}' '{emulator.Endpoint}v2/domains/{emulator.DomainId}/data-sources/{emulator.DataSourceId}/runs?maxResults=2'");
        }

        lines.Add("  Press Ctrl+C to stop.");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(RequestLogEntry e)
    {
        var outcome = e.StatusCode == 0 ? "dropped" : e.StatusCode.ToString(CultureInfo.InvariantCulture);
        var detail = e.ErrorCode ?? ("items=" + e.ItemCount.ToString(CultureInfo.InvariantCulture) + (e.NextToken is null ? "" : " +token"));
        var fault = e.Fault == EmulatorFault.None ? "" : $" [fault: {e.Fault}]";
        var operation = e.Operation is null ? "" : $" ({e.Operation})";
        return $"#{e.Sequence.ToString(CultureInfo.InvariantCulture)} {e.Method} {e.Target}{operation} -> {outcome} {detail}{fault} id={e.RequestId}";
    }

    private static string RenderUsage()
    {
        var flags = new Flags();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        flags.Root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = writer });
        return writer.ToString().TrimEnd() + Environment.NewLine + Footer.TrimEnd();
    }

    /// <summary>The flags, one <see cref="Option{T}"/> each; built per parse because System.CommandLine's symbols are not shared across roots.</summary>
    private sealed class Flags
    {
        public readonly Option<int> Port = new("--port") { HelpName = "N", Description = $"TCP port on 127.0.0.1 (0 picks a free one)", CustomParser = r => CommandLineValues.Int(r, 0, 65535), DefaultValueFactory = _ => DefaultPort };
        public readonly Option<int> Runs = new("--runs") { HelpName = "N", Description = "generated runs per data source (1000000 is fine)", CustomParser = r => CommandLineValues.Int(r, 0, int.MaxValue), DefaultValueFactory = _ => 50 };
        public readonly Option<int> Seed = new("--seed") { HelpName = "N", Description = "seed of the generated data", CustomParser = r => CommandLineValues.Int(r, int.MinValue, int.MaxValue), DefaultValueFactory = _ => 1 };
        public readonly Option<string> Domain = new("--domain") { HelpName = "ID", Description = $"domain id (default {EmulatorOptions.DemoDomainId})", CustomParser = CommandLineValues.Text };
        public readonly Option<string> DataSource = new("--data-source") { HelpName = "ID", Description = $"data source id (default {EmulatorOptions.DemoDataSourceId})", CustomParser = CommandLineValues.Text };
        public readonly Option<string[]> ExtraDataSources = new("--extra-data-source") { HelpName = "ID", Description = "another data source in the domain (repeatable)", AllowMultipleArgumentsPerToken = false };
        public readonly Option<string> Data = new("--data") { HelpName = "FILE", Description = "serve runs from a JSON file: an array of runs in wire format, or {\"domainId\": ..., \"dataSourceId\": ..., \"items\": [...]}", CustomParser = CommandLineValues.Text };
        public readonly Option<DateTimeOffset?> NewestRunAt = new("--newest-run-at") { HelpName = "TIME", Description = "creation time of the newest generated run (ISO-8601, default 2026-11-01T09:30:00Z)", CustomParser = r => CommandLineValues.Time(r) };
        public readonly Option<string> Model = new("--model") { HelpName = "DIR|FILE", Description = "serve this botocore model: a directory with service-2.json and paginators-1.json, or a service-2.json", CustomParser = CommandLineValues.Text };
        public readonly Option<int?> ItemCount = new("--items") { HelpName = "N", Description = "items of each synthesized listing, per path ids and filters (default 25)", CustomParser = r => CommandLineValues.Int(r, 0, 1_000_000) };
        public readonly Option<string> TokenSecret = new("--token-secret") { HelpName = "TEXT", Description = "secret page tokens are authenticated with", CustomParser = CommandLineValues.Text };
        public readonly Option<bool> NoAuth = new("--no-auth") { Description = "accept unsigned requests" };
        public readonly Option<string> AccessKeyId = new("--access-key-id") { HelpName = "ID", Description = $"accepted access key id (default {EmulatorCredentials.Default.AccessKeyId})", CustomParser = CommandLineValues.Text };
        public readonly Option<string> SecretAccessKey = new("--secret-access-key") { HelpName = "KEY", Description = $"its secret (default {EmulatorCredentials.Default.SecretAccessKey})", CustomParser = CommandLineValues.Text };
        public readonly Option<string> SessionToken = new("--session-token") { HelpName = "TOKEN", Description = "require this X-Amz-Security-Token", CustomParser = CommandLineValues.Text };
        public readonly Option<TimeSpan?> MaxClockSkew = new("--max-clock-skew") { HelpName = "DURATION", Description = "allowed X-Amz-Date skew (default 15m)", CustomParser = r => CommandLineValues.Duration(r) };
        public readonly Option<bool> ErrorTypeNamespace = new("--error-type-namespace") { Description = "x-amzn-ErrorType as 'Code:http://internal.amazon.com/coral/...'" };
        public readonly Option<int> ThrottleEvery = new("--throttle-every") { HelpName = "K", Description = "every K-th request: 429 ThrottlingException", CustomParser = r => CommandLineValues.Int(r, 0, int.MaxValue) };
        public readonly Option<double> ServerErrorRate = new("--server-error-rate") { HelpName = "R", Description = "share 0..1 of requests: 500 InternalServerException or 503", CustomParser = CommandLineValues.Rate };
        public readonly Option<int> ServerErrorSeed = new("--server-error-seed") { HelpName = "N", Description = "seed of the 5xx draw", CustomParser = r => CommandLineValues.Int(r, int.MinValue, int.MaxValue), DefaultValueFactory = _ => 1 };
        public readonly Option<TimeSpan> Latency = new("--latency") { HelpName = "DURATION", Description = "delay before every response (e.g. 20ms, 1s)", CustomParser = CommandLineValues.Duration };
        public readonly Option<int> EmptyPageEvery = new("--empty-page-every") { HelpName = "N", Description = "every N-th page with items comes back empty, with a token (N >= 2)", CustomParser = CommandLineValues.EmptyPageEvery };
        public readonly Option<int> DropConnectionEvery = new("--drop-connection-every") { HelpName = "N", Description = "every N-th request: connection aborted, no response", CustomParser = r => CommandLineValues.Int(r, 0, int.MaxValue) };
        public readonly Option<bool> LogRequests = new("--log-requests") { Description = "print one line per request on stderr" };

        public Flags()
        {
            Root = new RootCommand(Description);
            Option[] all =
            [
                Port, Runs, Seed, Domain, DataSource, ExtraDataSources, Data, NewestRunAt, Model, ItemCount, TokenSecret,
                NoAuth, AccessKeyId, SecretAccessKey, SessionToken, MaxClockSkew, ErrorTypeNamespace,
                ThrottleEvery, ServerErrorRate, ServerErrorSeed, Latency, EmptyPageEvery, DropConnectionEvery, LogRequests,
            ];
            foreach (var option in all)
            {
                Root.Options.Add(option);
            }
        }

        public RootCommand Root { get; }

        public EmulatorOptions ToOptions(ParseResult result)
        {
            var options = new EmulatorOptions
            {
                Port = result.GetValue(Port),
                RunCount = result.GetValue(Runs),
                Seed = result.GetValue(Seed),
                DataFile = result.GetValue(Data),
                ModelPath = result.GetValue(Model),
                VerifySignatures = !result.GetValue(NoAuth),
                ErrorTypeWithNamespace = result.GetValue(ErrorTypeNamespace),
                Faults =
                {
                    ThrottleEvery = result.GetValue(ThrottleEvery),
                    ServerErrorRate = result.GetValue(ServerErrorRate),
                    ServerErrorSeed = result.GetValue(ServerErrorSeed),
                    Latency = result.GetValue(Latency),
                    EmptyPageEvery = result.GetValue(EmptyPageEvery),
                    DropConnectionEvery = result.GetValue(DropConnectionEvery),
                },
            };
            options.DomainId = result.GetValue(Domain) ?? options.DomainId;
            options.DataSourceId = result.GetValue(DataSource) ?? options.DataSourceId;
            options.NewestRunAt = result.GetValue(NewestRunAt) ?? options.NewestRunAt;
            options.ItemCount = result.GetValue(ItemCount) ?? options.ItemCount;
            options.TokenSecret = result.GetValue(TokenSecret) ?? options.TokenSecret;
            options.MaxClockSkew = result.GetValue(MaxClockSkew) ?? options.MaxClockSkew;
            foreach (var extra in result.GetValue(ExtraDataSources) ?? [])
            {
                options.AdditionalDataSourceIds.Add(extra);
            }

            var accessKey = result.GetValue(AccessKeyId);
            var secret = result.GetValue(SecretAccessKey);
            var sessionToken = result.GetValue(SessionToken);
            if (accessKey is not null || secret is not null || sessionToken is not null)
            {
                options.Credentials = new EmulatorCredentials(
                    accessKey ?? EmulatorCredentials.Default.AccessKeyId,
                    secret ?? EmulatorCredentials.Default.SecretAccessKey,
                    sessionToken);
            }

            return options;
        }
    }
}
