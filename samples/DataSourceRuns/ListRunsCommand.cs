using System;
using System.Linq;
using System.CommandLine;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DataSourceRuns.Output;
using DataZone.Gen;

namespace DataSourceRuns;

/// <summary><c>list-runs</c>: the options, and the listing itself with its error handling.</summary>
internal sealed class ListRunsCommand
{
    private readonly CliHost _host;

    public ListRunsCommand(CliHost host)
    {
        _host = host;
        Command = new Command("list-runs", "List the runs of an Amazon DataZone data source, newest first, across as many pages as needed.")
        {
            Domain, DataSource, Status, MaxItems, PageSize, StartingToken, Output, Endpoint, Region, Profile,
            ConnectTimeout, ReadTimeout,
        };
        Command.SetAction((parse, cancellationToken) => ExecuteAsync(ListRunsSettings.From(parse, this), cancellationToken));
    }

    public Command Command { get; }

    public Option<string?> Domain { get; } = new("--domain")
    {
        HelpName = "ID",
        Description = "The domain id (dzd_...). Required with --endpoint or a configured region; else the demo domain (dzd_demo01).",
        CustomParser = r => ListRunsSettings.ParseText(r, "--domain"),
    };

    public Option<string?> DataSource { get; } = new("--data-source")
    {
        HelpName = "ID",
        Description = "The data source id. Required with --endpoint or a configured region; else the demo data source (demo-data-source).",
        CustomParser = r => ListRunsSettings.ParseText(r, "--data-source"),
    };

    public Option<DataSourceRunStatus?> Status { get; } = new("--status")
    {
        HelpName = "S",
        Description = $"Only runs in this status: {ListRunsSettings.KnownStatuses}.",
        CustomParser = ListRunsSettings.ParseStatus,
    };

    public Option<int?> MaxItems { get; } = new("--max-items")
    {
        HelpName = "N",
        Description = "Stop after N runs. When more remain, 'NextToken: <token>' goes to stderr; pass it to --starting-token to continue.",
        CustomParser = ListRunsSettings.ParseMaxItems,
    };

    public Option<int?> PageSize { get; } = new("--page-size")
    {
        HelpName = "N",
        Description = $"Runs per request ({ListRunsSettings.MinPageSize}-{ListRunsSettings.MaxPageSize}, sent as maxResults). Default: the service's (50).",
        CustomParser = ListRunsSettings.ParsePageSize,
    };

    public Option<string?> StartingToken { get; } = new("--starting-token")
    {
        HelpName = "T",
        Description = "Continue a listing where a --max-items run stopped (its NextToken; AWS CLI tokens work too).",
        CustomParser = r => ListRunsSettings.ParseText(r, "--starting-token"),
    };

    public Option<OutputFormat> Output { get; } = new("--output")
    {
        HelpName = "table|json|csv",
        Description = "table (default; a summary by status follows it on stdout), json (one object per line, wire field names) or csv (RFC 4180).",
        CustomParser = ListRunsSettings.ParseOutput,
    };

    public Option<Uri?> Endpoint { get; } = new("--endpoint")
    {
        HelpName = "URL",
        Description = "Call this endpoint (AWS or any DataZone-compatible server) with the standard credential and region chains.",
        CustomParser = ListRunsSettings.ParseEndpoint,
    };

    public Option<string?> Region { get; } = new("--region")
    {
        HelpName = "R",
        Description = "The AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile's region). Setting one selects AWS over the emulator.",
        CustomParser = ListRunsSettings.ParseRegion,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        HelpName = "P",
        Description = "The shared config profile for region and credentials: keys, role, SSO, web identity or credential_process (else AWS_PROFILE, else default).",
        CustomParser = r => ListRunsSettings.ParseText(r, "--profile"),
    };

    public Option<TimeSpan?> ConnectTimeout { get; } = new("--cli-connect-timeout")
    {
        HelpName = "SECONDS",
        Description = "The longest wait to open a connection, in seconds, as the AWS CLI's option; 0 waits without limit. Default: 60.",
        CustomParser = r => ListRunsSettings.ParseTimeout(r, "--cli-connect-timeout"),
    };

    public Option<TimeSpan?> ReadTimeout { get; } = new("--cli-read-timeout")
    {
        HelpName = "SECONDS",
        Description = "The longest wait for the service's next bytes, in seconds, as the AWS CLI's option; 0 waits without limit. "
            + "A stalled response is retried like a dropped connection. Default: 60.",
        CustomParser = r => ListRunsSettings.ParseTimeout(r, "--cli-read-timeout"),
    };

    /// <summary>Lists the runs; returns the exit code. Usage problems found only now throw <see cref="UsageException"/>.</summary>
    private async Task<int> ExecuteAsync(ListRunsSettings settings, CancellationToken cancellationToken)
    {
        var error = _host.Error;
        ServiceConnection? connection = null;
        try
        {
            connection = await ServiceConnection.OpenAsync(settings, _host, cancellationToken).ConfigureAwait(false);
            return await ListAsync(connection, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception)
        {
            await error.WriteLineAsync($"error: {Describe(exception)}").ConfigureAwait(false);
            await error.WriteLineAsync($"request id: {TerminalText.Escape(exception.RequestId ?? "(none)")}").ConfigureAwait(false);
            if (connection?.Emulator is { } emulator && exception.StatusCode == 404)
            {
                await error.WriteLineAsync(
                    $"The embedded emulator serves domain {emulator.DomainId}, data source {emulator.DataSourceId}.").ConfigureAwait(false);
            }

            return Cli.ExitFailure;
        }
        catch (RequestValidationException exception)
        {
            await error.WriteLineAsync(
                $"error: the request is invalid, nothing was sent:\n- {string.Join("\n- ", exception.Problems.Select(p => TerminalText.Escape(p)))}").ConfigureAwait(false);
            return Cli.ExitFailure;
        }
        catch (PaginationException exception)
        {
            await error.WriteLineAsync($"error: {TerminalText.Escape(exception.Message)}").ConfigureAwait(false);
            return Cli.ExitFailure;
        }
        catch (AwsClientException exception)
        {
            // Network failures after retries, credentials that cannot be found, an unusable endpoint or region, a response
            // that could not be read (its message may quote the service's text).
            await error.WriteLineAsync($"error: {TerminalText.Escape(exception.Message)}").ConfigureAwait(false);
            return Cli.ExitFailure;
        }
        catch (HttpRequestException exception)
        {
            await error.WriteLineAsync($"error: could not reach the service: {TerminalText.Escape(exception.Message)}").ConfigureAwait(false);
            return Cli.ExitFailure;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<int> ListAsync(ServiceConnection connection, ListRunsSettings settings, CancellationToken cancellationToken)
    {
        var request = new ListDataSourceRunsRequest
        {
            DomainIdentifier = connection.DomainId,
            DataSourceIdentifier = connection.DataSourceId,
            Status = settings.Status,
        };
        var paginator = new DataSourceRunsPaginator(connection.Client);
        AsyncPaginator<ListDataSourceRunsRequest, ListDataSourceRunsResponse, DataSourceRunSummary> listing;
        try
        {
            listing = paginator.Paginate(request, new PaginationOptions
            {
                PageSize = settings.PageSize,
                MaxItems = settings.MaxItems,
                StartingToken = settings.StartingToken,
            });
        }
        catch (PaginationException exception) when (settings.StartingToken is not null)
        {
            throw new PaginationException($"--starting-token is not a resume token this tool (or the AWS CLI) printed: {exception.Message}", exception);
        }

        var writer = RunWriter.Create(settings.Output, _host);
        var progress = _host.ErrorIsTerminal ? new ProgressLine(_host.Error) : null;
        var tally = new RunTally();
        var completed = false;
        try
        {
            await foreach (var page in listing.AsPages(cancellationToken).ConfigureAwait(false))
            {
                var runs = page.Items;
                tally.AddPage(runs);
                if (writer.Streams && runs.Count > 0)
                {
                    if (_host.OutIsTerminal)
                    {
                        progress?.Clear(); // the same terminal: the rows must not land on the progress line
                    }

                    writer.WritePage(runs);
                    await _host.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    writer.WritePage(runs);
                }

                progress?.Update(tally);
            }

            completed = true;
        }
        finally
        {
            progress?.Clear();
            if (!completed)
            {
                await ReportResumePointAsync(listing, writer, tally, settings).ConfigureAwait(false);
            }
        }

        var resumeToken = listing.ResumeToken;
        writer.Complete(tally, moreRemain: resumeToken is not null);
        await _host.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (resumeToken is not null)
        {
            await _host.Error.WriteLineAsync($"NextToken: {resumeToken}").ConfigureAwait(false);
        }

        if (settings.Output != OutputFormat.Table && _host.ErrorIsTerminal)
        {
            await _host.Error.WriteLineAsync(tally.Describe()).ConfigureAwait(false);
        }

        return Cli.ExitSuccess;
    }

    /// <summary>
    /// The listing failed or was cancelled part-way: what was printed stays valid, and 'NextToken: ...' tells where to
    /// continue with --starting-token, with no run repeated or skipped. Only when it moved: a listing that printed
    /// nothing from the start is simply run again.
    /// </summary>
    private async Task ReportResumePointAsync(AsyncPaginator<ListDataSourceRunsRequest, ListDataSourceRunsResponse, DataSourceRunSummary> listing,
        RunWriter writer, RunTally tally, ListRunsSettings settings)
    {
        if (listing.ResumeToken is not { } token || (tally.Total == 0 && settings.StartingToken is null))
        {
            return;
        }

        if (!writer.Streams)
        {
            writer.Complete(tally, moreRemain: true); // the table holds what was read; show it rather than lose it
        }

        await _host.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await _host.Error.WriteLineAsync($"NextToken: {token}").ConfigureAwait(false);
    }

    private static string Describe(AwsServiceException exception)
    {
        var code = exception.ErrorCode.Length > 0 ? exception.ErrorCode : "service error";
        return TerminalText.Escape($"{code} (HTTP {exception.StatusCode}): {exception.Message}");
    }
}
