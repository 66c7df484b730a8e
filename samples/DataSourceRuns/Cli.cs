using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DataSourceRuns;

/// <summary>
/// The command-line tool as a function: arguments, output writers and environment in, exit code out. The process
/// entry point (<see cref="Program"/>) and the tests both call it; it reads nothing else from the process.
/// </summary>
public static class Cli
{
    /// <summary>The listing completed (possibly stopped early by <c>--max-items</c>).</summary>
    public const int ExitSuccess = 0;

    /// <summary>A service error, a network failure, missing credentials, an invalid request or token.</summary>
    public const int ExitFailure = 1;

    /// <summary>A usage error: the message names the bad or missing argument.</summary>
    public const int ExitUsage = 2;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int ExitCancelled = 130;

    internal const string HelpFooter = """

        Where it lists from:
          With no --endpoint and no region configured (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile's
          region in the shared config files), list-runs starts an embedded DataZone emulator with 120 demo runs,
          says so on stderr, and lists from it (no credentials needed). Otherwise it calls that endpoint or
          region, --domain and --data-source are required, and credentials come from botocore's chain (below). AWS_ENDPOINT_URL_DATAZONE / AWS_ENDPOINT_URL and the
          profile's endpoint_url (or its services section) count as an endpoint. AWS_MAX_ATTEMPTS (or the
          profile's max_attempts) sets the attempts per request (default 3). AWS_USE_FIPS_ENDPOINT=true (or the
          profile's use_fips_endpoint) calls the region's FIPS endpoint. Each attempt waits at most 60 s to connect
          and 60 s for the next bytes of a response (--cli-connect-timeout, --cli-read-timeout; 0 = no limit); a
          stalled response is retried like a dropped connection. Responses over 64 MiB are refused.

        Credentials (the first source configured wins, as in botocore and the AWS CLI):
          1. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (not with --profile)
          2. assume role: the profile's role_arn with source_profile or credential_source (mfa_serial prompts
             for a code on the terminal)
          3. web identity: AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN (not with --profile), or the profile's
             web_identity_token_file + role_arn
          4. SSO: the profile's sso_session (or legacy sso_start_url), with the token from 'aws sso login'
          5. the profile's keys in ~/.aws/credentials   6. its credential_process   7. its keys in ~/.aws/config
          8. the container endpoint: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI (ECS, EKS Pod Identity)
          9. EC2 instance metadata (IMDSv2; AWS_EC2_METADATA_DISABLED=true turns it off)
          --profile (else AWS_PROFILE, else default) chooses the profile; AWS_ENDPOINT_URL_STS, _SSO and
          _SSO_OIDC move the STS, SSO portal and SSO-OIDC calls.

        Output:
          Runs go to stdout. stderr gets the emulator notice, 'NextToken: <token>' when --max-items stopped early
          or when a failure or Ctrl+C stopped the listing part-way (--starting-token then continues with the next
          run), errors, and a live progress line (pages, runs, runs/s) when stderr is a terminal. Text from the
          service is printed with control characters escaped (\x1b, \n, ...), except in --output json.

        Exit codes:
          0 success, 1 service or network error (error code, message and request id on stderr), 2 usage error.

        Examples:
          DataSourceRuns list-runs
          DataSourceRuns list-runs --status FAILED --output csv > failed.csv
          DataSourceRuns list-runs --max-items 25 --output json
          DataSourceRuns list-runs --starting-token <NextToken> --output json
          DataSourceRuns list-runs --region eu-west-1 --domain dzd_abc123 --data-source 5x8yexample
        """;

    /// <summary>Runs the tool with plain writers (neither counts as a terminal).</summary>
    /// <param name="args">The arguments, for example <c>["list-runs", "--output", "json"]</c>.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="environment">The environment variables the tool sees (and nothing else of the process's).</param>
    /// <param name="cancellationToken">Stops the listing (exit code 130).</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliHost(stdout, stderr, environment), cancellationToken);

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="host">Output writers, terminal flags and environment.</param>
    /// <param name="cancellationToken">Stops the listing (exit code 130).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(host);
        var listRuns = new ListRunsCommand(host);
        var root = new RootCommand("DataSourceRuns: lists Amazon DataZone data source runs (a DataZone.Gen sample).")
        {
            listRuns.Command,
        };
        root.SetAction(async (_, _) =>
        {
            await host.Error.WriteLineAsync("error: a command is required; the tool has one, list-runs.").ConfigureAwait(false);
            await host.Error.WriteLineAsync("Run 'DataSourceRuns list-runs --help' for usage.").ConfigureAwait(false);
            return ExitUsage;
        });
        AddHelpFooter(root, listRuns.Command);

        // No response files: a token or id starting with '@' is data, not a file name.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        try
        {
            if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
            {
                foreach (var message in parse.Errors.Select(e => e.Message).Distinct())
                {
                    await host.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
                }

                await host.Error.WriteLineAsync("Run 'DataSourceRuns list-runs --help' for usage.").ConfigureAwait(false);
                return ExitUsage;
            }

            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = host.Out,
                Error = host.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // Program owns Ctrl+C; in-process callers own their process.
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            await host.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
            await host.Error.WriteLineAsync("Run 'DataSourceRuns list-runs --help' for usage.").ConfigureAwait(false);
            return ExitUsage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await host.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
            return ExitCancelled;
        }
        finally
        {
            await host.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await host.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Help lists everything: after the generated option list come where the tool lists from, exit codes and
    /// examples; the root's help also shows <c>list-runs</c>'s options, the only command.
    /// </summary>
    private static void AddHelpFooter(RootCommand root, Command listRuns)
    {
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
            {
                help.Action = new HelpWithFooter(standard, root, listRuns);
            }
        }
    }

    private sealed class HelpWithFooter : SynchronousCommandLineAction
    {
        private readonly HelpAction _standard;
        private readonly RootCommand _root;
        private readonly Command _listRuns;

        public HelpWithFooter(HelpAction standard, RootCommand root, Command listRuns)
        {
            _standard = standard;
            _root = root;
            _listRuns = listRuns;
        }

        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.CommandResult.Command == _root)
            {
                // The tool has one command: show its options right away rather than a one-line command list.
                return _root.Parse(new[] { _listRuns.Name, "--help" }).Invoke(parseResult.InvocationConfiguration);
            }

            _standard.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(HelpFooter.TrimStart('\n'));
            output.Flush();
            return ExitSuccess;
        }
    }
}
