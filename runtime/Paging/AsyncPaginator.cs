using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen;

/// <summary>
/// The paging engine: pages and items of a paginated operation with the AWS CLI's semantics (botocore's
/// <c>PageIterator</c>): page size, max items with exact mid-page truncation, resume tokens compatible with the
/// CLI and boto3, a repeated-token guard, empty pages followed while they carry a token.
/// Enumerate it for items, or <see cref="AsPages()"/> for whole responses. One enumeration at a time.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response (page) type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public sealed class AsyncPaginator<TRequest, TResponse, TItem> : IAsyncEnumerable<TItem>
{
    private readonly PaginatorDefinition<TRequest, TResponse, TItem> _definition;
    private readonly TRequest _request;
    private readonly PaginationOptions _options;
    private readonly Func<TRequest, CancellationToken, Task<TResponse>> _fetchPage;
    private readonly ResumePoint? _start;

    /// <summary>Creates a paginator; options are checked here, before any request is sent.</summary>
    /// <param name="definition">The operation's paging accessors.</param>
    /// <param name="request">The first request (its own token, if any, is where paging starts unless a starting token is given).</param>
    /// <param name="options">Page size, max items, starting token.</param>
    /// <param name="fetchPage">Sends one request.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PaginationOptions.PageSize"/> is outside the limit's bounds, or <see cref="PaginationOptions.MaxItems"/> is below 1.</exception>
    /// <exception cref="PaginationException">The starting token is not a valid resume token, or the operation has no page size.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AsyncPaginator(PaginatorDefinition<TRequest, TResponse, TItem> definition, TRequest request, PaginationOptions? options,
        Func<TRequest, CancellationToken, Task<TResponse>> fetchPage)
    {
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
        _request = request;
        _options = Snapshot(options);
        Validate(_definition, _options);
        if (_options.StartingToken is { } startingToken)
        {
            _start = ResumeTokenCodec.Decode(startingToken, _definition.InputTokenName);
        }
    }

    /// <summary>
    /// After an enumeration stopped by <see cref="PaginationOptions.MaxItems"/>: the token to pass as
    /// <see cref="PaginationOptions.StartingToken"/> to continue with the next item. <see langword="null"/> when the listing
    /// was exhausted (or has not been enumerated). Same format as the AWS CLI's <c>NextToken</c>.
    /// </summary>
    public string? ResumeToken { get; private set; }

    /// <summary>The pages (whole responses); a page cut by max items holds only the items that count.</summary>
    public IAsyncEnumerable<TResponse> AsPages() => PagesAsync(CancellationToken.None);

    /// <summary>The pages, cancellable with <paramref name="cancellationToken"/> (and with <c>WithCancellation</c>).</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IAsyncEnumerable<TResponse> AsPages(CancellationToken cancellationToken) => PagesAsync(cancellationToken);

    /// <summary>The items of every page, cancellable with <paramref name="cancellationToken"/> (and with <c>WithCancellation</c>).</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IAsyncEnumerable<TItem> AsItems(CancellationToken cancellationToken) => ItemsAsync(cancellationToken);

    /// <summary>The items of every page, in order.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ItemsAsync(CancellationToken.None).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<TItem> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in _definition.GetItems(page) ?? Array.Empty<TItem>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }
        }
    }

    /// <summary>
    /// Reads every page and returns one response: the first page's other members, all items, and the output token set
    /// to <see cref="ResumeToken"/> when max items cut the listing short (else <see langword="null"/>), like botocore's <c>build_full_result</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public async Task<TResponse> BuildFullResultAsync(CancellationToken cancellationToken = default)
    {
        TResponse? first = default;
        var any = false;
        var items = new List<TItem>();
        await foreach (var page in PagesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!any)
            {
                first = page;
                any = true;
            }
            items.AddRange(_definition.GetItems(page) ?? Array.Empty<TItem>());
        }
        // PagesAsync always fetches at least one page.
        var result = _definition.WithItems(first!, items);
        return _definition.WithOutputToken(result, ResumeToken);
    }

    // botocore's PageIterator.__iter__, step for step (comments name the botocore behaviour kept).
    private async IAsyncEnumerable<TResponse> PagesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ResumeToken = null;
        var definition = _definition;
        var request = _request;
        string? pageToken = null; // the token that fetched the current page: a mid-page resume token repeats it
        if (_start is { } start)
        {
            pageToken = start.ServiceToken;
            request = definition.WithInputToken(request, start.ServiceToken);
        }
        if (_options.PageSize is { } pageSize)
        {
            request = definition.WithLimit!(request, pageSize);
        }

        var maxItems = _options.MaxItems;
        var totalItems = 0;
        var firstPage = true;
        string? previousNextToken = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _fetchPage(request, cancellationToken).ConfigureAwait(false);
            var items = definition.GetItems(page) ?? Array.Empty<TItem>();

            // Only the first page of a resumed listing is cut on the left: those items were returned last time.
            var startingTruncation = 0;
            if (firstPage && _start is { } resumed)
            {
                startingTruncation = resumed.TruncateAmount;
                if (startingTruncation > 0)
                {
                    items = Slice(items, Math.Min(startingTruncation, items.Count), items.Count);
                    page = definition.WithItems(page, items);
                }
            }
            firstPage = false;

            var truncateAmount = maxItems is { } max ? totalItems + items.Count - max : 0;
            if (truncateAmount > 0)
            {
                // Cut mid-page: the resume token refetches this page and skips what was already returned,
                // counting the left cut too (botocore's amount_to_keep + starting_truncation).
                var keep = items.Count - truncateAmount;
                page = definition.WithItems(page, Slice(items, 0, keep));
                ResumeToken = ResumeTokenCodec.Encode(definition.InputTokenName, pageToken, keep + startingTruncation);
                yield return page;
                yield break;
            }

            yield return page;
            totalItems += items.Count;
            var nextToken = NextToken(page);
            if (nextToken is null)
            {
                yield break; // exhausted: no resume token
            }

            if (maxItems is { } limit && totalItems == limit)
            {
                ResumeToken = ResumeTokenCodec.Encode(definition.InputTokenName, nextToken, truncateAmount: null);
                yield break; // on a page boundary: the next page's token, no truncate amount
            }
            if (_options.StopOnRepeatedToken && previousNextToken is not null && previousNextToken == nextToken)
            {
                throw new PaginationException($"The same next token was received twice: {{'{definition.InputTokenName}': '{nextToken}'}}");
            }

            request = definition.WithInputToken(request, nextToken);
            previousNextToken = nextToken;
            pageToken = nextToken;
        }
    }

    // botocore's _get_next_token: more_results false ends paging; an empty token counts as none.
    private string? NextToken(TResponse page)
    {
        if (_definition.GetMoreResults is { } moreResults && !moreResults(page))
        {
            return null;
        }

        var token = _definition.GetOutputToken(page);
        return string.IsNullOrEmpty(token) ? null : token;
    }

    private static IReadOnlyList<TItem> Slice(IReadOnlyList<TItem> items, int start, int end)
    {
        var slice = new TItem[end - start];
        for (var i = start; i < end; i++)
        {
            slice[i - start] = items[i];
        }

        return slice;
    }

    private static PaginationOptions Snapshot(PaginationOptions? options) => new()
    {
        PageSize = options?.PageSize,
        MaxItems = options?.MaxItems,
        StartingToken = string.IsNullOrWhiteSpace(options?.StartingToken) ? null : options!.StartingToken,
        StopOnRepeatedToken = options?.StopOnRepeatedToken ?? true,
    };

    private static void Validate(PaginatorDefinition<TRequest, TResponse, TItem> definition, PaginationOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(definition.InputTokenName);
        if (options.MaxItems is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PaginationOptions.MaxItems), options.MaxItems, $"MaxItems must be at least 1; got {options.MaxItems}.");
        }

        if (options.PageSize is not { } pageSize)
        {
            return;
        }

        if (definition.WithLimit is null)
        {
            throw new PaginationException("PageSize parameter is not supported for the pagination interface for this operation.");
        }

        var min = definition.LimitMin ?? 1;
        if (pageSize < min || pageSize > (definition.LimitMax ?? int.MaxValue))
        {
            var range = definition.LimitMax is { } maxLimit ? $"{min}..{maxLimit}" : $"at least {min}";
            var limitName = definition.LimitName is null ? "" : $" (sent as '{definition.LimitName}')";
            throw new ArgumentOutOfRangeException(nameof(PaginationOptions.PageSize), pageSize,
                $"PageSize {pageSize} is outside the allowed range {range}{limitName}.");
        }
    }
}
