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
    private readonly PageTokens<TRequest, TResponse> _tokens;
    private readonly CompositeResumePoint? _start;

    // The position of the enumeration in progress: the service token that fetches the current page, and how many of
    // that page's items were already returned (by this enumeration or, for a starting token, by an earlier one).
    private string?[] _cursorTokens;
    private int _cursorConsumed;

    /// <summary>Creates a paginator; options are checked here, before any request is sent.</summary>
    /// <param name="definition">The operation's paging accessors.</param>
    /// <param name="request">The first request (its own token, if any, is where paging starts unless a starting token is given).</param>
    /// <param name="options">Page size, max items, starting token.</param>
    /// <param name="fetchPage">Sends one request.</param>
    /// <exception cref="RequestValidationException">
    /// <see cref="PaginationOptions.PageSize"/> is outside the limit's bounds or <see cref="PaginationOptions.MaxItems"/> is
    /// below 1; every problem of the request is listed with them.
    /// </exception>
    /// <exception cref="PaginationException">The starting token is not a valid resume token, or the operation has no page size.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AsyncPaginator(PaginatorDefinition<TRequest, TResponse, TItem> definition, TRequest request, PaginationOptions? options,
        Func<TRequest, CancellationToken, Task<TResponse>> fetchPage)
    {
        _definition = definition ?? throw new ArgumentNullException(nameof(definition));
        _fetchPage = fetchPage ?? throw new ArgumentNullException(nameof(fetchPage));
        _request = request;
        _options = Snapshot(options);
        _tokens = PageTokens<TRequest, TResponse>.Of(_definition);
        _cursorTokens = _tokens.None;
        Validate(_definition, request, _options);
        if (_options.StartingToken is { } startingToken)
        {
            _start = _tokens.Decode(startingToken);
        }
    }

    /// <summary>
    /// Where the last enumeration stopped, as a token to pass as <see cref="PaginationOptions.StartingToken"/> to continue
    /// with the very next item: set when <see cref="PaginationOptions.MaxItems"/> cut the listing, and also when it ended
    /// early for any other reason (a failure once retries were exhausted, cancellation, or the caller leaving the loop),
    /// then pointing right after the last item (or page) the enumeration yielded. <see langword="null"/> when the listing
    /// was exhausted (or has not been enumerated). Same format as the AWS CLI's <c>NextToken</c>.
    /// </summary>
    public string? ResumeToken { get; private set; }

    /// <summary>The pages (whole responses); a page cut by max items holds only the items that count.</summary>
    public IAsyncEnumerable<TResponse> AsPages() => PagesAsync(itemsCountedByCaller: false, CancellationToken.None);

    /// <summary>The pages, cancellable with <paramref name="cancellationToken"/> (and with <c>WithCancellation</c>).</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IAsyncEnumerable<TResponse> AsPages(CancellationToken cancellationToken) => PagesAsync(itemsCountedByCaller: false, cancellationToken);

    /// <summary>The items of every page, cancellable with <paramref name="cancellationToken"/> (and with <c>WithCancellation</c>).</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IAsyncEnumerable<TItem> AsItems(CancellationToken cancellationToken) => ItemsAsync(cancellationToken);

    /// <summary>The items of every page, in order.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        ItemsAsync(CancellationToken.None).GetAsyncEnumerator(cancellationToken);

    private async IAsyncEnumerable<TItem> ItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in PagesAsync(itemsCountedByCaller: true, cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in _definition.GetItems(page) ?? Array.Empty<TItem>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                _cursorConsumed++; // counted as it is handed over: a caller that stops now has this item
                yield return item;
            }
        }
    }

    /// <summary>
    /// Reads every page and returns one response, like botocore's <c>build_full_result</c>: all items; the other result keys
    /// aggregated (lists concatenated, numbers summed, strings joined); the first page's other members, which include the
    /// model's <c>non_aggregate_keys</c>; and the output token set to <see cref="ResumeToken"/> when max items cut the listing
    /// short (else <see langword="null"/>).
    /// </summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public async Task<TResponse> BuildFullResultAsync(CancellationToken cancellationToken = default)
    {
        TResponse? aggregate = default;
        var any = false;
        var items = new List<TItem>();
        await foreach (var page in PagesAsync(itemsCountedByCaller: false, cancellationToken).ConfigureAwait(false))
        {
            if (!any)
            {
                aggregate = page;
                any = true;
            }
            else if (_definition.AggregateOtherResults is { } aggregateOthers)
            {
                aggregate = aggregateOthers(aggregate!, page);
            }
            items.AddRange(_definition.GetItems(page) ?? Array.Empty<TItem>());
        }
        // PagesAsync always fetches at least one page.
        var result = _definition.WithItems(aggregate!, items);
        return _definition.WithOutputToken is { } withOutputToken ? withOutputToken(result, ResumeToken) : result;
    }

    // botocore's PageIterator.__iter__, step for step (comments name the botocore behaviour kept), with one deliberate
    // difference: a starting token's skip count applies to the first page that has items, not to the first page.
    // botocore applies it to whatever page comes first, so an empty page that still carries a token swallows it and the
    // next page repeats items already returned; this engine promises no duplicate and no gap.
    private async IAsyncEnumerable<TResponse> PagesAsync(bool itemsCountedByCaller, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ResumeToken = null;
        var definition = _definition;
        var request = _request;
        var tokens = _tokens;
        _cursorTokens = tokens.None; // a mid-page resume token repeats the tokens that fetched the page
        _cursorConsumed = 0;
        if (_start is { } start)
        {
            _cursorTokens = start.ServiceTokens;
            _cursorConsumed = start.TruncateAmount;
            request = tokens.Apply(request, start.ServiceTokens);
        }
        if (_options.PageSize is { } pageSize)
        {
            request = definition.WithLimit!(request, pageSize);
        }

        var maxItems = _options.MaxItems;
        var totalItems = 0;
        string?[]? previousNextToken = null;
        var finished = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await _fetchPage(request, cancellationToken).ConfigureAwait(false);
                var items = definition.GetItems(page) ?? Array.Empty<TItem>();
                var hadItems = items.Count > 0;

                // The left cut: items of this page an earlier enumeration already returned.
                var startingTruncation = 0;
                if (hadItems && _cursorConsumed > 0)
                {
                    startingTruncation = Math.Min(_cursorConsumed, items.Count);
                    items = Slice(items, startingTruncation, items.Count);
                    page = definition.WithItems(page, items);
                    // The other result keys came with the part returned before (botocore's _handle_first_request). Unlike
                    // botocore, a page-boundary resume (no skip) keeps them: nothing of that page was returned yet.
                    if (definition.ClearOtherResults is { } clearOthers)
                    {
                        page = clearOthers(page);
                    }
                    _cursorConsumed = startingTruncation;
                }

                var truncateAmount = maxItems is { } max ? totalItems + items.Count - max : 0;
                if (truncateAmount > 0)
                {
                    // Cut mid-page: the resume token refetches this page and skips what was already returned,
                    // counting the left cut too (botocore's amount_to_keep + starting_truncation).
                    var keep = items.Count - truncateAmount;
                    page = definition.WithItems(page, Slice(items, 0, keep));
                    var cutToken = tokens.Encode(_cursorTokens, keep + startingTruncation);
                    if (!itemsCountedByCaller)
                    {
                        _cursorConsumed += keep;
                    }

                    yield return page;
                    finished = true;
                    ResumeToken = cutToken;
                    yield break;
                }

                var nextToken = NextToken(page);
                if (!itemsCountedByCaller)
                {
                    _cursorConsumed += items.Count;
                }

                yield return page;
                totalItems += items.Count;
                if (nextToken is null)
                {
                    finished = true;
                    yield break; // exhausted: no resume token
                }

                if (maxItems is { } limit && totalItems == limit)
                {
                    finished = true;
                    ResumeToken = tokens.Encode(nextToken, truncateAmount: null);
                    yield break; // on a page boundary: the next page's token, no truncate amount
                }
                if (_options.StopOnRepeatedToken && previousNextToken is not null && PageTokens<TRequest, TResponse>.SameTokens(previousNextToken, nextToken))
                {
                    throw new PaginationException($"The same next token was received twice: {tokens.Describe(nextToken)}");
                }

                request = tokens.Apply(request, nextToken);
                previousNextToken = nextToken;
                _cursorTokens = nextToken;
                if (hadItems)
                {
                    _cursorConsumed = 0; // an empty page carries a pending skip over to the next page
                }
            }
        }
        finally
        {
            if (!finished)
            {
                // Failed, cancelled or abandoned part-way: keep the place right after the last item handed over.
                ResumeToken = tokens.Encode(_cursorTokens, _cursorConsumed > 0 ? _cursorConsumed : null);
            }
        }
    }

    // botocore's _get_next_token: more_results false ends paging; an empty token counts as none.
    private string?[]? NextToken(TResponse page) =>
        _definition.GetMoreResults is { } moreResults && !moreResults(page) ? null : _tokens.Next(page);

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

    private static void Validate(PaginatorDefinition<TRequest, TResponse, TItem> definition, TRequest request, PaginationOptions options)
    {
        if (options.PageSize is not null && definition.WithLimit is null)
        {
            throw new PaginationException("PageSize parameter is not supported for the pagination interface for this operation.");
        }

        var problems = new List<string>();
        if (options.MaxItems is < 1)
        {
            problems.Add($"MaxItems must be at least 1; got {options.MaxItems}.");
        }

        if (options.PageSize is { } pageSize)
        {
            var min = definition.LimitMin ?? 1;
            if (pageSize < min || pageSize > (definition.LimitMax ?? int.MaxValue))
            {
                var range = definition.LimitMax is { } maxLimit ? $"{min}..{maxLimit}" : $"at least {min}";
                var limitName = definition.LimitName is null ? "" : $" (sent as '{definition.LimitName}')";
                problems.Add($"PageSize {pageSize} is outside the allowed range {range}{limitName}.");
            }
        }

        if (problems.Count == 0)
        {
            return; // a valid request is validated when it is sent, as every call is
        }

        // All at once: the options' problems together with the request's own, as one validation error.
        definition.CollectRequestProblems?.Invoke(request, problems);
        throw new RequestValidationException(OperationName(definition), problems);
    }

    private static string OperationName(PaginatorDefinition<TRequest, TResponse, TItem> definition) =>
        definition.OperationMethodName is { Length: > 0 } method
            ? (method.EndsWith("Async", StringComparison.Ordinal) && method.Length > 5 ? method[..^5] : method)
            : typeof(TRequest).Name;
}
