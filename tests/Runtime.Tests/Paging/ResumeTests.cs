using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Paging;

/// <summary>
/// The listing of 0..count-1 with the faults a real service has: calls that fail, and (like the emulator's fault) every
/// n-th page that would hold items comes back empty, carrying a fresh token to the same place. Tokens are o+N/== or
/// e+N/==, both meaning offset N.
/// </summary>
internal sealed class FaultyListService
{
    private readonly int _count;
    private readonly int _pageSize;
    private readonly int _emptyPageEvery;
    private readonly HashSet<int> _failingCalls;
    private int _pagesWithItems;

    public FaultyListService(int count, int pageSize, int emptyPageEvery, params int[] failingCalls)
    {
        _count = count;
        _pageSize = pageSize;
        _emptyPageEvery = emptyPageEvery;
        _failingCalls = failingCalls.ToHashSet();
    }

    public int Calls { get; private set; }

    public int EmptyPages { get; private set; }

    public Task<ListResponse> FetchAsync(ListRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_failingCalls.Contains(++Calls))
        {
            throw new IOException($"call {Calls} failed");
        }

        var token = request.NextToken ?? "o+0/==";
        var offset = int.Parse(token[2..^3], System.Globalization.CultureInfo.InvariantCulture);
        if (_emptyPageEvery > 0 && offset < _count && ++_pagesWithItems % _emptyPageEvery == 0)
        {
            EmptyPages++;
            return Task.FromResult(new ListResponse(Array.Empty<int>(), (token[0] == 'e' ? "o+" : "e+") + offset + "/=="));
        }

        var end = Math.Min(offset + _pageSize, _count);
        var next = end < _count ? $"o+{end}/==" : null;
        return Task.FromResult(new ListResponse(Enumerable.Range(offset, end - offset).ToArray(), next));
    }
}

public sealed class ResumeTests
{
    private static AsyncPaginator<ListRequest, ListResponse, int> Paginate(FaultyListService service, int? maxItems = null, string? token = null) =>
        new(FakeListService.Definition(), new ListRequest(), new PaginationOptions { MaxItems = maxItems, StartingToken = token }, service.FetchAsync);

    [Fact]
    public async Task A_starting_tokens_skip_applies_to_the_first_page_with_items_not_to_an_empty_page()
    {
        // Every real page comes after an empty page with a token: botocore spends the skip on the empty page and repeats.
        var service = new FaultyListService(count: 40, pageSize: 5, emptyPageEvery: 2);
        var seen = new List<int>();
        string? token = null;
        for (var run = 0; run < 20 && (run == 0 || token is not null); run++)
        {
            var listing = Paginate(service, maxItems: 7, token);
            await foreach (var item in listing)
            {
                seen.Add(item);
            }

            token = listing.ResumeToken;
        }

        Assert.Equal(Enumerable.Range(0, 40), seen);
        Assert.True(service.EmptyPages > 0);
    }

    [Fact]
    public async Task A_listing_that_fails_part_way_exposes_a_token_that_resumes_right_after_the_last_item()
    {
        var service = new FaultyListService(count: 23, pageSize: 4, emptyPageEvery: 2, failingCalls: new[] { 4, 9, 10 });
        var seen = new List<int>();
        string? token = null;
        var failures = 0;
        for (var run = 0; run < 20; run++)
        {
            var listing = Paginate(service, token: token);
            try
            {
                await foreach (var item in listing)
                {
                    seen.Add(item);
                }

                Assert.Null(listing.ResumeToken);
                break;
            }
            catch (IOException)
            {
                failures++;
                token = listing.ResumeToken;
                Assert.NotNull(token);
            }
        }

        Assert.Equal(3, failures);
        Assert.Equal(Enumerable.Range(0, 23), seen);
    }

    [Fact]
    public async Task Pages_that_fail_part_way_resume_after_the_last_page_yielded()
    {
        var service = new FaultyListService(count: 17, pageSize: 3, emptyPageEvery: 0, failingCalls: new[] { 3, 5 });
        var seen = new List<int>();
        string? token = null;
        for (var run = 0; run < 10; run++)
        {
            var listing = Paginate(service, token: token);
            try
            {
                await foreach (var page in listing.AsPages())
                {
                    seen.AddRange(page.Items);
                }

                break;
            }
            catch (IOException)
            {
                token = listing.ResumeToken;
            }
        }

        Assert.Equal(Enumerable.Range(0, 17), seen);
    }

    [Fact]
    public async Task Cancelling_mid_page_resumes_with_the_very_next_item()
    {
        var service = new FaultyListService(count: 12, pageSize: 5, emptyPageEvery: 0);
        using var cancel = new CancellationTokenSource();
        var listing = Paginate(service);
        var seen = new List<int>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in listing.WithCancellation(cancel.Token))
            {
                seen.Add(item);
                if (item == 6)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        var rest = Paginate(service, token: listing.ResumeToken);
        await foreach (var item in rest)
        {
            seen.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 12), seen);
    }

    [Fact]
    public async Task Leaving_the_loop_early_keeps_the_place_too()
    {
        var service = new FaultyListService(count: 9, pageSize: 4, emptyPageEvery: 2);
        var listing = Paginate(service);
        var seen = new List<int>();
        await foreach (var item in listing)
        {
            seen.Add(item);
            if (item == 5)
            {
                break;
            }
        }

        await foreach (var item in Paginate(service, token: listing.ResumeToken))
        {
            seen.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, 9), seen);
    }

    [Fact]
    public async Task A_failure_before_any_item_resumes_where_the_starting_token_pointed()
    {
        var first = Paginate(new FaultyListService(count: 10, pageSize: 4, emptyPageEvery: 0), maxItems: 3);
        await foreach (var _ in first)
        {
        }

        var failing = Paginate(new FaultyListService(count: 10, pageSize: 4, emptyPageEvery: 0, failingCalls: 1), token: first.ResumeToken);
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in failing)
            {
            }
        });

        Assert.Equal(first.ResumeToken, failing.ResumeToken);
    }
}
