using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Runtime.Tests.Paging;

/// <summary>A paginated request: the shape of ListDataSourceRuns reduced to what paging touches.</summary>
internal sealed record ListRequest(string? NextToken = null, int? MaxResults = null, string Status = "ALL");

/// <summary>A page: items, the next token, a non-aggregated member and an optional more-results flag.</summary>
internal sealed record ListResponse(IReadOnlyList<int> Items, string? NextToken, string DomainId = "d-1", bool? MoreResults = null);

/// <summary>
/// A service listing the integers 0..count-1. Tokens carry '+', '/' and '=' like real ones (o+OFFSET/==);
/// the page size is maxResults or the service default. The same service is used in the botocore oracle runs.
/// </summary>
internal sealed class FakeListService
{
    private readonly int _count;
    private readonly int _defaultPageSize;

    public FakeListService(int count, int defaultPageSize = 4)
    {
        _count = count;
        _defaultPageSize = defaultPageSize;
    }

    public List<ListRequest> Calls { get; } = new();

    public static string Token(int offset) => $"o+{offset}/==";

    public Task<ListResponse> FetchAsync(ListRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Calls.Add(request);
        var offset = request.NextToken is null ? 0 : int.Parse(request.NextToken[2..^3], System.Globalization.CultureInfo.InvariantCulture);
        var size = request.MaxResults ?? _defaultPageSize;
        var end = Math.Min(offset + size, _count);
        var next = offset + size < _count ? Token(offset + size) : null;
        return Task.FromResult(new ListResponse(Enumerable.Range(offset, Math.Max(0, end - offset)).ToArray(), next));
    }

    public static PaginatorDefinition<ListRequest, ListResponse, int> Definition(int? limitMin = 1, int? limitMax = 50, bool withLimit = true,
        bool withMoreResults = false) => new()
    {
        InputTokenName = "nextToken",
        WithInputToken = (request, token) => request with { NextToken = token },
        GetOutputToken = response => response.NextToken,
        WithOutputToken = (response, token) => response with { NextToken = token },
        GetItems = response => response.Items,
        WithItems = (response, items) => response with { Items = items },
        LimitName = "maxResults",
        WithLimit = withLimit ? (request, limit) => request with { MaxResults = limit } : null,
        LimitMin = limitMin,
        LimitMax = limitMax,
        GetMoreResults = withMoreResults ? response => response.MoreResults ?? false : null,
    };
}

/// <summary>A service that answers with the given pages in order, for repeated tokens, empty pages and more-results.</summary>
internal sealed class ScriptedListService
{
    private readonly Queue<ListResponse> _pages;

    public ScriptedListService(params ListResponse[] pages) => _pages = new Queue<ListResponse>(pages);

    public List<ListRequest> Calls { get; } = new();

    public Task<ListResponse> FetchAsync(ListRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        return Task.FromResult(_pages.Count > 0 ? _pages.Dequeue() : throw new InvalidOperationException("the script has no more pages"));
    }
}
