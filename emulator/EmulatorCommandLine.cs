using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
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

    /// <summary>The usage text.</summary>
    public const string Usage = """
        DataZone.Gen emulator: a local Amazon DataZone endpoint (ListDataSourceRuns) on 127.0.0.1.

        Usage: dotnet run --project emulator -- [options]

        Server and data:
          --port N                   TCP port on 127.0.0.1 (default 4566; 0 picks a free one)
          --runs N                   generated runs per data source (default 50; 1000000 is fine)
          --seed N                   seed of the generated runs (default 1)
          --domain ID                domain id (default dzd_demo01)
          --data-source ID           data source id (default demo-data-source)
          --extra-data-source ID     another data source in the domain (repeatable)
          --data FILE                serve runs from a JSON file: an array of runs in wire format,
                                     or {"domainId": ..., "dataSourceId": ..., "items": [...]}
          --newest-run-at TIME       creation time of the newest generated run (ISO-8601, default 2026-11-01T09:30:00Z)
          --model FILE               serve this service-2.json instead of the embedded model
          --token-secret TEXT        secret nextTokens are authenticated with

        Signatures (SigV4, service 'datazone', any region):
          --no-auth                  accept unsigned requests
          --access-key-id ID         accepted access key id (default AKIAEMULATOREXAMPLE)
          --secret-access-key KEY    its secret (default emulator/secret/EXAMPLEKEY)
          --session-token TOKEN      require this X-Amz-Security-Token
          --max-clock-skew DURATION  allowed X-Amz-Date skew (default 15m)
          --error-type-namespace     x-amzn-ErrorType as 'Code:http://internal.amazon.com/coral/...'

        Faults (requests are counted from 1, across all requests):
          --throttle-every K         every K-th request: 429 ThrottlingException
          --server-error-rate R      share 0..1 of requests: 500 InternalServerException or 503
          --server-error-seed N      seed of the 5xx draw (default 1)
          --latency DURATION         delay before every response (e.g. 20ms, 1s)
          --empty-page-every N       every N-th page with runs comes back empty, with a token (N >= 2)
          --drop-connection-every N  every N-th request: connection aborted, no response

        Output:
          --log-requests             print one line per request on stderr
          -h, --help                 show this text

        Durations: 250ms, 2s, 15m, 1h, or hh:mm:ss.
        """;

    private EmulatorCommandLine(EmulatorOptions options, bool showHelp, bool logRequests)
    {
        Options = options;
        ShowHelp = showHelp;
        LogRequests = logRequests;
    }

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
        var options = new EmulatorOptions { Port = DefaultPort };
        var help = false;
        var log = false;
        string? accessKey = null;
        string? secret = null;
        string? sessionToken = null;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string? inline = null;
            var eq = flag.IndexOf('=', StringComparison.Ordinal);
            if (flag.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = flag.Substring(eq + 1);
                flag = flag.Substring(0, eq);
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{flag} needs a value.");
                }

                return args[++i];
            }

            switch (flag)
            {
                case "-h":
                case "--help":
                    help = true;
                    break;
                case "--port":
                    options.Port = Int(flag, Value(), 0, 65535);
                    break;
                case "--runs":
                    options.RunCount = Int(flag, Value(), 0, int.MaxValue);
                    break;
                case "--seed":
                    options.Seed = Int(flag, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--domain":
                    options.DomainId = Text(flag, Value());
                    break;
                case "--data-source":
                    options.DataSourceId = Text(flag, Value());
                    break;
                case "--extra-data-source":
                    options.AdditionalDataSourceIds.Add(Text(flag, Value()));
                    break;
                case "--data":
                    options.DataFile = Text(flag, Value());
                    break;
                case "--newest-run-at":
                    var time = Value();
                    options.NewestRunAt = DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var newest)
                        ? newest
                        : throw new ArgumentException($"{flag}: '{time}' is not an ISO-8601 time.");
                    break;
                case "--model":
                    options.ModelPath = Text(flag, Value());
                    break;
                case "--token-secret":
                    options.TokenSecret = Text(flag, Value());
                    break;
                case "--no-auth":
                    options.VerifySignatures = false;
                    break;
                case "--access-key-id":
                    accessKey = Text(flag, Value());
                    break;
                case "--secret-access-key":
                    secret = Text(flag, Value());
                    break;
                case "--session-token":
                    sessionToken = Text(flag, Value());
                    break;
                case "--max-clock-skew":
                    options.MaxClockSkew = Duration(flag, Value());
                    break;
                case "--error-type-namespace":
                    options.ErrorTypeWithNamespace = true;
                    break;
                case "--throttle-every":
                    options.Faults.ThrottleEvery = Int(flag, Value(), 0, int.MaxValue);
                    break;
                case "--server-error-rate":
                    var rate = Value();
                    options.Faults.ServerErrorRate = double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
                        ? r
                        : throw new ArgumentException($"{flag}: '{rate}' is not a number between 0 and 1.");
                    break;
                case "--server-error-seed":
                    options.Faults.ServerErrorSeed = Int(flag, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--latency":
                    options.Faults.Latency = Duration(flag, Value());
                    break;
                case "--empty-page-every":
                    options.Faults.EmptyPageEvery = Int(flag, Value(), 0, int.MaxValue);
                    if (options.Faults.EmptyPageEvery == 1)
                    {
                        throw new ArgumentException($"{flag}: must be 0 (off) or at least 2.");
                    }

                    break;
                case "--drop-connection-every":
                    options.Faults.DropConnectionEvery = Int(flag, Value(), 0, int.MaxValue);
                    break;
                case "--log-requests":
                    log = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. See --help.");
            }

            if (inline is not null && flag is "--help" or "--no-auth" or "--error-type-namespace" or "--log-requests")
            {
                throw new ArgumentException($"{flag} takes no value.");
            }
        }

        if (accessKey is not null || secret is not null || sessionToken is not null)
        {
            options.Credentials = new EmulatorCredentials(
                accessKey ?? EmulatorCredentials.Default.AccessKeyId,
                secret ?? EmulatorCredentials.Default.SecretAccessKey,
                sessionToken);
        }

        return new EmulatorCommandLine(options, help, log);
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
        var lines = new List<string> { $"DataZone emulator listening on {emulator.Endpoint}" };
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

        lines.Add($"  try: curl --aws-sigv4 \"aws:amz:{DataZoneEmulator.DefaultRegion}:{emulator.Model.SigningName}\" --user '{emulator.Credentials.AccessKeyId}:{emulator.Credentials.SecretAccessKey}' '{emulator.Endpoint}v2/domains/{emulator.DomainId}/data-sources/{emulator.DataSourceId}/runs?maxResults=2'");
        lines.Add("  Press Ctrl+C to stop.");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(RequestLogEntry e)
    {
        var outcome = e.StatusCode == 0 ? "dropped" : e.StatusCode.ToString(CultureInfo.InvariantCulture);
        var detail = e.ErrorCode ?? ("items=" + e.ItemCount.ToString(CultureInfo.InvariantCulture) + (e.NextToken is null ? "" : " +token"));
        var fault = e.Fault == EmulatorFault.None ? "" : $" [fault: {e.Fault}]";
        return $"#{e.Sequence.ToString(CultureInfo.InvariantCulture)} {e.Method} {e.Target} -> {outcome} {detail}{fault} id={e.RequestId}";
    }

    private static int Int(string flag, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{flag}: '{value}' is not a whole number in {min}..{max}.");

    private static string Text(string flag, string value) =>
        value.Length > 0 ? value : throw new ArgumentException($"{flag} needs a non-empty value.");

    /// <summary>Parses <c>250ms</c>, <c>2s</c>, <c>15m</c>, <c>1h</c> or <c>hh:mm:ss</c>.</summary>
    internal static TimeSpan Duration(string flag, string value)
    {
        (var digits, var unitMs) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 1d),
            _ when value.EndsWith('s') => (value[..^1], 1_000d),
            _ when value.EndsWith('m') => (value[..^1], 60_000d),
            _ when value.EndsWith('h') => (value[..^1], 3_600_000d),
            _ => ("", 0d),
        };
        if (unitMs > 0 && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            return TimeSpan.FromMilliseconds(amount * unitMs);
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        throw new ArgumentException($"{flag}: '{value}' is not a duration (250ms, 2s, 15m, 1h or hh:mm:ss).");
    }
}

/// <summary>The standalone entry point.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
