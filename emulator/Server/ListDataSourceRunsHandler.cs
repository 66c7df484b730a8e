using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Protocol;
using DataZone.Gen.Emulator.Paging;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// <c>ListDataSourceRuns</c>: newest first, optional status filter, pages of <c>maxResults</c> (the model's
/// maximum when absent), and a validated opaque <c>nextToken</c> while runs remain.
/// </summary>
internal sealed class ListDataSourceRunsHandler : IOperationHandler
{
    private const string DomainMember = "domainIdentifier";
    private const string DataSourceMember = "dataSourceIdentifier";
    private const string StatusMember = "status";
    private const string TokenMember = "nextToken";
    private const string MaxResultsMember = "maxResults";

    private readonly IReadOnlyDictionary<(string Domain, string DataSource), EmulatedDataSource> _dataSources;
    private readonly HashSet<string> _domains;
    private readonly PageTokenCodec _tokens;
    private readonly Func<FaultOptions> _faults;
    private readonly int _defaultPageSize;
    private long _pagesWithRuns;

    public ListDataSourceRunsHandler(
        OperationModel operation,
        IReadOnlyDictionary<(string Domain, string DataSource), EmulatedDataSource> dataSources,
        PageTokenCodec tokens,
        Func<FaultOptions> faults)
    {
        _dataSources = dataSources;
        _tokens = tokens;
        _faults = faults;
        _domains = new HashSet<string>(StringComparer.Ordinal);
        foreach ((var domain, _) in dataSources.Keys)
        {
            _domains.Add(domain);
        }

        // Every member the handler reads must be in the model, or start-up fails here rather than on a request.
        foreach (var member in new[] { DomainMember, DataSourceMember, StatusMember, TokenMember, MaxResultsMember })
        {
            _ = operation.GetInput(member);
        }

        // "maxResults" without a value means the most the model allows (50 for DataZone), as the service does.
        _defaultPageSize = (int)Math.Min(int.MaxValue, operation.GetInput(MaxResultsMember).Shape.Max ?? 50);
    }

    public const string Name = "ListDataSourceRuns";

    public string OperationName => Name;

    public async Task HandleAsync(RequestContext context, BoundRequest request)
    {
        var domainId = request.GetString(DomainMember)!;
        var dataSourceId = request.GetString(DataSourceMember)!;
        var status = request.GetString(StatusMember);
        var token = request.GetString(TokenMember);
        var pageSize = (int)(request.GetInteger(MaxResultsMember) ?? _defaultPageSize);

        if (!_domains.Contains(domainId))
        {
            await context.WriteModeledErrorAsync("ResourceNotFoundException", $"Domain {domainId} not found.").ConfigureAwait(false);
            return;
        }

        if (!_dataSources.TryGetValue((domainId, dataSourceId), out var dataSource))
        {
            await context.WriteModeledErrorAsync("ResourceNotFoundException", $"Data source {dataSourceId} not found in domain {domainId}.").ConfigureAwait(false);
            return;
        }

        var runs = dataSource.RunList;
        var scope = PageTokenCodec.Scope(domainId, dataSourceId, status, runs.Fingerprint);
        long position = 0;
        if (token is not null)
        {
            var failure = _tokens.TryRead(token, scope, runs.Count, out position);
            if (failure != PageTokenCodec.Failure.None)
            {
                await context.WriteModeledErrorAsync("ValidationException", failure switch
                {
                    PageTokenCodec.Failure.OtherRequest => "Invalid nextToken: it was issued for a different data source or status filter.",
                    PageTokenCodec.Failure.OutOfRange => "Invalid nextToken: it points outside this data source's runs.",
                    PageTokenCodec.Failure.NotIssuedHere => "Invalid nextToken: it was not issued by this service.",
                    _ => "Invalid nextToken: the token is malformed.",
                }).ConfigureAwait(false);
                return;
            }
        }

        // Collect the page: matching runs from the cursor on, then find where the next page starts.
        var page = new List<int>(Math.Min(pageSize, runs.Count));
        var i = (int)position;
        var count = runs.Count;
        for (; i < count && page.Count < pageSize; i++)
        {
            if (status is null || string.Equals(runs.StatusAt(i), status, StringComparison.Ordinal))
            {
                page.Add(i);
            }
        }

        while (status is not null && i < count && !string.Equals(runs.StatusAt(i), status, StringComparison.Ordinal))
        {
            i++;
        }

        var nextToken = i < count ? _tokens.Issue(scope, i) : null;

        var emptyEvery = _faults().EmptyPageEvery;
        if (page.Count > 0 && emptyEvery > 1 && Interlocked.Increment(ref _pagesWithRuns) % emptyEvery == 0)
        {
            // An empty page that still carries a token, to where this page would have started.
            context.Fault = EmulatorFault.EmptyPage;
            nextToken = _tokens.Issue(scope, page[0]);
            page.Clear();
        }

        context.ItemCount = page.Count;
        context.NextToken = nextToken;
        var response = context.Http.Response;
        response.StatusCode = request.Operation.ResponseCode;
        response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, RunJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items"u8);
            foreach (var index in page)
            {
                RunJson.Write(writer, runs[index]);
            }

            writer.WriteEndArray();
            if (nextToken is not null)
            {
                writer.WriteString("nextToken"u8, nextToken);
            }

            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.Http.RequestAborted).ConfigureAwait(false);
    }
}
