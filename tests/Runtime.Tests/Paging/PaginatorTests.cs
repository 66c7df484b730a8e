using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Paging;

/// <summary>
/// The paging rules of botocore's PageIterator. Expected resume tokens are the ones botocore 1.43 printed for the
/// same fake service (10 items, default page size 4, tokens o+N/==).
/// </summary>
public sealed class PaginatorTests
{
    private const string MidSecondPage = "eyJuZXh0VG9rZW4iOiAibys0Lz09IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMn0="; // {"nextToken": "o+4/==", "boto_truncate_amount": 2}
    private const string PageBoundary = "eyJuZXh0VG9rZW4iOiAibys0Lz09In0="; // {"nextToken": "o+4/=="}
    private const string MidFirstPage = "eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ=="; // {"nextToken": null, "boto_truncate_amount": 2}
    private const string ResumedMidFirstPage = "eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ=="; // amount 3

    private readonly FakeListService _service = new(10);

    private AsyncPaginator<ListRequest, ListResponse, int> Paginator(PaginationOptions? options = null, ListRequest? request = null,
        PaginatorDefinition<ListRequest, ListResponse, int>? definition = null) =>
        new(definition ?? FakeListService.Definition(), request ?? new ListRequest(), options, _service.FetchAsync);

    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task No_options_reads_every_page()
    {
        var paginator = Paginator();
        Assert.Equal(Enumerable.Range(0, 10), await ToList(paginator));
        Assert.Null(paginator.ResumeToken);
        Assert.Equal(new string?[] { null, "o+4/==", "o+8/==" }, _service.Calls.Select(c => c.NextToken));
    }

    [Fact]
    public async Task Pages_are_whole_responses()
    {
        var pages = await ToList(Paginator().AsPages());
        Assert.Equal(new[] { 4, 4, 2 }, pages.Select(p => p.Items.Count));
        Assert.Equal(new[] { "o+4/==", "o+8/==", null }, pages.Select(p => p.NextToken));
    }

    [Fact]
    public async Task Max_items_mid_page_truncates_exactly_and_resumes_with_botocores_token()
    {
        var paginator = Paginator(new() { MaxItems = 6 });

        var pages = await ToList(paginator.AsPages());

        Assert.Equal(new[] { new[] { 0, 1, 2, 3 }, new[] { 4, 5 } }, pages.Select(p => p.Items.ToArray()));
        Assert.Equal(MidSecondPage, paginator.ResumeToken);

        var resumed = Paginator(new() { StartingToken = paginator.ResumeToken });
        Assert.Equal(new[] { 6, 7, 8, 9 }, await ToList(resumed));
        Assert.Null(resumed.ResumeToken);
    }

    [Fact]
    public async Task Max_items_on_page_boundary_token_has_no_truncate_amount()
    {
        var paginator = Paginator(new() { MaxItems = 4 });
        Assert.Equal(new[] { 0, 1, 2, 3 }, await ToList(paginator));
        Assert.Equal(PageBoundary, paginator.ResumeToken);
        Assert.Single(_service.Calls); // the next page is not fetched
    }

    [Fact]
    public async Task Max_items_inside_first_page_then_resume_inside_the_same_page()
    {
        var first = Paginator(new() { MaxItems = 2 });
        Assert.Equal(new[] { 0, 1 }, await ToList(first));
        Assert.Equal(MidFirstPage, first.ResumeToken);

        var second = Paginator(new() { MaxItems = 1, StartingToken = first.ResumeToken });
        Assert.Equal(new[] { 2 }, await ToList(second));
        Assert.Equal(ResumedMidFirstPage, second.ResumeToken); // left cut 2 + kept 1

        var rest = Paginator(new() { StartingToken = second.ResumeToken });
        Assert.Equal(new[] { 3, 4, 5, 6, 7, 8, 9 }, await ToList(rest));
        Assert.Equal(new string?[] { null, null, null, "o+4/==", "o+8/==" }, _service.Calls.Select(c => c.NextToken));
    }

    [Fact]
    public async Task Max_items_larger_than_the_listing_returns_everything_without_token()
    {
        var paginator = Paginator(new() { MaxItems = 10 });
        Assert.Equal(Enumerable.Range(0, 10), await ToList(paginator));
        Assert.Null(paginator.ResumeToken); // exhausted on the boundary: botocore checks "no next token" first
    }

    [Fact]
    public async Task Page_size_is_sent_as_the_limit_on_every_request()
    {
        var paginator = Paginator(new() { PageSize = 2, MaxItems = 3 });
        Assert.Equal(new[] { 0, 1, 2 }, await ToList(paginator));
        Assert.All(_service.Calls, call => Assert.Equal(2, call.MaxResults));
        Assert.Equal("eyJuZXh0VG9rZW4iOiAibysyLz09IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogMX0=", paginator.ResumeToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-3)]
    public void Page_size_out_of_bounds_is_rejected_before_any_request(int pageSize)
    {
        var error = Assert.Throws<RequestValidationException>(() => Paginator(new() { PageSize = pageSize }));
        Assert.Contains($"PageSize {pageSize} is outside the allowed range 1..50 (sent as 'maxResults').", Assert.Single(error.Problems));
        Assert.Empty(_service.Calls);
    }

    [Fact]
    public void A_bad_page_size_is_reported_with_every_other_problem_of_the_request()
    {
        var definition = FakeListService.Definition();
        var withRequestChecks = new PaginatorDefinition<ListRequest, ListResponse, int>
        {
            InputTokenName = definition.InputTokenName,
            WithInputToken = definition.WithInputToken,
            GetOutputToken = definition.GetOutputToken,
            WithOutputToken = definition.WithOutputToken,
            GetItems = definition.GetItems,
            WithItems = definition.WithItems,
            LimitName = definition.LimitName,
            WithLimit = definition.WithLimit,
            LimitMin = 1,
            LimitMax = 50,
            OperationMethodName = "ListThingsAsync",
            CollectRequestProblems = (request, problems) =>
            {
                if (request.Status.Length == 0)
                {
                    problems.Add("Status must not be empty.");
                }
            },
        };

        var error = Assert.Throws<RequestValidationException>(() =>
            Paginator(new() { PageSize = 0, MaxItems = 0 }, new ListRequest(Status: ""), withRequestChecks));

        Assert.Equal("ListThings", error.OperationName);
        Assert.Equal(3, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("PageSize 0 is outside", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("MaxItems must be at least 1", StringComparison.Ordinal));
        Assert.Contains("Status must not be empty.", error.Problems);
        Assert.Empty(_service.Calls);
    }

    [Fact]
    public void Page_size_without_limit_key_is_rejected_like_botocore()
    {
        var error = Assert.Throws<PaginationException>(() => Paginator(new() { PageSize = 5 }, definition: FakeListService.Definition(withLimit: false)));
        Assert.Contains("PageSize parameter is not supported", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Max_items_below_one_is_rejected(int maxItems) =>
        Assert.Contains("MaxItems must be at least 1", Assert.Single(Assert.Throws<RequestValidationException>(() => Paginator(new() { MaxItems = maxItems })).Problems));

    [Fact]
    public async Task Requests_own_token_is_where_paging_starts_without_starting_token()
    {
        Assert.Equal(new[] { 4, 5, 6, 7, 8, 9 }, await ToList(Paginator(request: new ListRequest(NextToken: "o+4/=="))));
    }

    [Fact]
    public async Task Starting_token_with_null_service_token_clears_the_requests_token()
    {
        var paginator = Paginator(new() { StartingToken = MidFirstPage }, request: new ListRequest(NextToken: "o+8/=="));
        Assert.Equal(new[] { 2, 3, 4, 5, 6, 7, 8, 9 }, await ToList(paginator));
        Assert.Null(_service.Calls[0].NextToken);
    }

    [Fact]
    public async Task Other_request_members_are_kept_on_every_page()
    {
        await ToList(Paginator(request: new ListRequest(Status: "FAILED")));
        Assert.All(_service.Calls, call => Assert.Equal("FAILED", call.Status));
    }

    [Fact]
    public async Task Repeated_next_token_throws_after_the_repeated_page()
    {
        var service = new ScriptedListService(new ListResponse(new[] { 1 }, "T"), new ListResponse(new[] { 2 }, "T"), new ListResponse(new[] { 3 }, null));
        var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(), null, service.FetchAsync);
        var seen = new List<int>();

        var error = await Assert.ThrowsAsync<PaginationException>(async () =>
        {
            await foreach (var item in paginator)
            {
                seen.Add(item);
            }
        });

        Assert.Equal("The same next token was received twice: {'nextToken': 'T'}", error.Message);
        Assert.Equal(new[] { 1, 2 }, seen);
        Assert.Equal(2, service.Calls.Count);
    }

    [Fact]
    public async Task Repeated_next_token_guard_can_be_turned_off()
    {
        var service = new ScriptedListService(new ListResponse(new[] { 1 }, "T"), new ListResponse(new[] { 2 }, "T"), new ListResponse(new[] { 3 }, null));
        var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(),
            new PaginationOptions { StopOnRepeatedToken = false }, service.FetchAsync);
        Assert.Equal(new[] { 1, 2, 3 }, await ToList(paginator));
    }

    [Fact]
    public async Task Empty_pages_that_carry_a_token_are_followed()
    {
        var service = new ScriptedListService(new ListResponse(Array.Empty<int>(), "A"), new ListResponse(Array.Empty<int>(), "B"),
            new ListResponse(new[] { 7, 8 }, ""));
        var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(), null, service.FetchAsync);

        Assert.Equal(new[] { 7, 8 }, await ToList(paginator));
        Assert.Equal(new string?[] { null, "A", "B" }, service.Calls.Select(c => c.NextToken));
        Assert.Null(paginator.ResumeToken); // an empty-string token means the end, as in botocore
    }

    [Fact]
    public async Task More_results_false_stops_despite_a_token()
    {
        var service = new ScriptedListService(new ListResponse(new[] { 1 }, "A", MoreResults: true), new ListResponse(new[] { 2 }, "B", MoreResults: false));
        var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(withMoreResults: true), new ListRequest(), null, service.FetchAsync);
        Assert.Equal(new[] { 1, 2 }, await ToList(paginator));
        Assert.Equal(2, service.Calls.Count);
    }

    [Fact]
    public async Task Build_full_result_aggregates_and_sets_the_resume_token()
    {
        var truncated = await Paginator(new() { MaxItems = 6 }).BuildFullResultAsync();
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, truncated.Items);
        Assert.Equal(MidSecondPage, truncated.NextToken); // botocore's build_full_result NextToken
        Assert.Equal("d-1", truncated.DomainId);

        var complete = await Paginator().BuildFullResultAsync();
        Assert.Equal(Enumerable.Range(0, 10), complete.Items);
        Assert.Null(complete.NextToken);
    }

    [Fact]
    public async Task Resume_token_is_reset_by_a_new_enumeration()
    {
        var paginator = Paginator(new() { MaxItems = 6 });
        await ToList(paginator);
        Assert.Equal(MidSecondPage, paginator.ResumeToken);

        await foreach (var page in paginator.AsPages())
        {
            break; // abandoned after the first page: the token of this run, not a stale one from the last
        }

        Assert.Equal("eyJuZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiA0fQ==", paginator.ResumeToken); // {"nextToken": null, "boto_truncate_amount": 4}
    }

    [Fact]
    public async Task With_cancellation_stops_the_item_enumeration()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Paginator().WithCancellation(cancellation.Token))
            {
                seen.Add(item);
                if (item == 1)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.Equal(new[] { 0, 1 }, seen);
        Assert.Single(_service.Calls);
    }

    [Fact]
    public async Task Pages_with_cancellation_stops_before_the_next_request()
    {
        using var cancellation = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var page in Paginator().AsPages().WithCancellation(cancellation.Token))
            {
                cancellation.Cancel();
            }
        });
        Assert.Single(_service.Calls);
    }

    [Fact]
    public async Task As_items_token_stops_the_enumeration()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Paginator().AsItems(cancellation.Token))
            {
                seen.Add(item);
                if (item == 4)
                {
                    cancellation.Cancel();
                }
            }
        });
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, seen);
        Assert.Equal(2, _service.Calls.Count);
    }

    [Fact]
    public async Task As_pages_token_reaches_the_fetch()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(), null,
            (request, token) => { seen = token; return _service.FetchAsync(request, token); });
        await foreach (var page in paginator.AsPages(cancellation.Token))
        {
            break;
        }

        Assert.True(seen.CanBeCanceled);
        cancellation.Cancel();
        Assert.True(seen.IsCancellationRequested);
    }
}
