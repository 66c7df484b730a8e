using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;
using Xunit;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>The generated client and paginator against the in-process emulator, over real loopback sockets.</summary>
public sealed class EmulatorEndToEndTests
{
    private static Task<DataZoneEmulator> StartAsync(int runCount = 60, Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions { Port = 0, RunCount = runCount };
        configure?.Invoke(options);
        return DataZoneEmulator.StartAsync(options);
    }

    private static DataZoneClient Client(DataZoneEmulator emulator, IAwsCredentialsProvider? credentials = null) => new(new AwsClientOptions
    {
        Region = "us-east-1",
        Endpoint = emulator.Endpoint,
        Credentials = credentials ?? new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken),
        // Fast retries: the tests exercise the retry path, not its timing.
        Retry = new AwsRetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5), UseRetryQuota = false },
    });

    private static ListDataSourceRunsRequest Request(DataZoneEmulator emulator) =>
        new() { DomainIdentifier = emulator.DomainId, DataSourceIdentifier = emulator.DataSourceId };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(null)]
    public async Task EveryRunExactlyOnceInOrder(int? pageSize)
    {
        await using var emulator = await StartAsync(runCount: 123);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var ids = (await ToListAsync(paginator.GetItemsAsync(Request(emulator), new PaginationOptions { PageSize = pageSize }))).Select(r => r.Id).ToList();

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        var expectedPages = (123 + (pageSize ?? 50) - 1) / (pageSize ?? 50);
        Assert.Equal(expectedPages, emulator.Requests.Count);
        Assert.All(emulator.Requests, r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task Items_carry_every_member_the_emulator_serves()
    {
        await using var emulator = await StartAsync(runCount: 80);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var runs = await ToListAsync(paginator.GetItemsAsync(Request(emulator)));

        Assert.Equal(emulator.Runs.Count, runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var expected = emulator.Runs[i];
            var actual = runs[i];
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.DataSourceId, actual.DataSourceId);
            Assert.Equal(expected.Type, actual.Type.Value);
            Assert.Equal(expected.Status, actual.Status.Value);
            Assert.True(actual.Status.IsKnown);
            Assert.Equal(expected.ProjectId, actual.ProjectId);
            Assert.Equal(expected.CreatedAt, actual.CreatedAt);
            Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
            Assert.Equal(expected.StartedAt, actual.StartedAt);
            Assert.Equal(expected.StoppedAt, actual.StoppedAt);
            Assert.Equal(expected.ErrorMessage?.ErrorType, actual.ErrorMessage?.ErrorType.Value);
            Assert.Equal(expected.ErrorMessage?.ErrorDetail, actual.ErrorMessage?.ErrorDetail);
            Assert.Equal(expected.LineageSummary?.ImportStatus, actual.LineageSummary?.ImportStatus?.Value);
            Assert.Equal(expected.RunStatisticsForAssets?.Added, actual.RunStatisticsForAssets?.Added);
            Assert.Equal(expected.RunStatisticsForAssets?.Failed, actual.RunStatisticsForAssets?.Failed);
        }
    }

    [Fact]
    public async Task Pages_and_full_result_agree()
    {
        await using var emulator = await StartAsync(runCount: 33);
        var paginator = new DataSourceRunsPaginator(Client(emulator));
        var options = new PaginationOptions { PageSize = 10 };

        var pages = await ToListAsync(paginator.GetPagesAsync(Request(emulator), options));
        Assert.Equal(new[] { 10, 10, 10, 3 }, pages.Select(p => p.Items.Count));
        Assert.NotNull(pages[0].NextToken);
        Assert.Null(pages[^1].NextToken);

        var full = await paginator.BuildFullResultAsync(Request(emulator), options);
        Assert.Equal(emulator.Runs.Select(r => r.Id), full.Items.Select(r => r.Id));
        Assert.Null(full.NextToken);
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("SUCCESS")]
    [InlineData("RUNNING")]
    public async Task Status_filter_returns_only_matching_runs_in_order(string status)
    {
        await using var emulator = await StartAsync(runCount: 150);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var runs = await ToListAsync(paginator.GetItemsAsync(Request(emulator) with { Status = new DataSourceRunStatus(status) }, new PaginationOptions { PageSize = 7 }));

        var expected = emulator.Runs.Where(r => r.Status == status).Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, runs.Select(r => r.Id));
        Assert.All(runs, r => Assert.Equal(status, r.Status.ToString()));
    }

    [Fact]
    public async Task Max_items_and_resume_lose_and_repeat_nothing()
    {
        await using var emulator = await StartAsync(runCount: 61);
        var client = Client(emulator);
        var paginator = new DataSourceRunsPaginator(client);
        var all = emulator.Runs.Select(r => r.Id).ToList();

        foreach (var pageSize in new int?[] { 1, 4, 7, 50, null })
        {
            foreach (var maxItems in new[] { 1, 2, 3, 5, 7, 8, 14, 49, 50, 51, 60, 61, 100 })
            {
                var seen = new List<string>();
                string? token = null;
                var listings = 0;
                do
                {
                    var listing = paginator.Paginate(Request(emulator), new PaginationOptions { PageSize = pageSize, MaxItems = maxItems, StartingToken = token });
                    var chunk = await ToListAsync(listing);
                    Assert.InRange(chunk.Count, 1, maxItems);
                    seen.AddRange(chunk.Select(r => r.Id));
                    token = listing.ResumeToken;
                    if (token is not null)
                    {
                        Assert.Equal(maxItems, chunk.Count);
                    }

                    Assert.True(++listings <= all.Count, "the resume loop does not end");
                }
                while (token is not null);

                Assert.True(all.SequenceEqual(seen), $"pageSize {pageSize}, maxItems {maxItems}: got {seen.Count} items, {seen.Distinct().Count()} distinct");
            }
        }
    }

    [Fact]
    public async Task Resume_token_from_build_full_result_continues()
    {
        await using var emulator = await StartAsync(runCount: 40);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var first = await paginator.BuildFullResultAsync(Request(emulator), new PaginationOptions { PageSize = 6, MaxItems = 15 });
        Assert.Equal(15, first.Items.Count);
        Assert.NotNull(first.NextToken);

        var rest = await paginator.BuildFullResultAsync(Request(emulator), new PaginationOptions { PageSize = 6, StartingToken = first.NextToken });
        Assert.Null(rest.NextToken);
        Assert.Equal(emulator.Runs.Select(r => r.Id), first.Items.Concat(rest.Items).Select(r => r.Id));
    }

    [Fact]
    public async Task Throttling_every_third_request_is_absorbed_by_retries()
    {
        await using var emulator = await StartAsync(runCount: 100, o => o.Faults.ThrottleEvery = 3);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var ids = (await ToListAsync(paginator.GetItemsAsync(Request(emulator), new PaginationOptions { PageSize = 7 }))).Select(r => r.Id);

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        var log = emulator.Requests;
        Assert.Contains(log, r => r.StatusCode == 429 && r.ErrorCode == "ThrottlingException");
        Assert.Equal(15, log.Count(r => r.StatusCode == 200)); // ceil(100 / 7) pages, each answered once
    }

    [Fact]
    public async Task Throttling_beyond_max_attempts_surfaces_typed_exception()
    {
        await using var emulator = await StartAsync(runCount: 10, o => o.Faults.ThrottleEvery = 1);
        var client = new DataZoneClient(new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey),
            Retry = new AwsRetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(2), UseRetryQuota = false },
        });

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => client.ListDataSourceRunsAsync(Request(emulator)));
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(3, emulator.Requests.Count);
    }

    [Fact]
    public async Task Empty_pages_with_tokens_are_followed()
    {
        await using var emulator = await StartAsync(runCount: 45, o => o.Faults.EmptyPageEvery = 2);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var pages = await ToListAsync(paginator.GetPagesAsync(Request(emulator), new PaginationOptions { PageSize = 10 }));

        Assert.Contains(pages, p => p.Items.Count == 0 && p.NextToken is not null);
        Assert.Equal(emulator.Runs.Select(r => r.Id), pages.SelectMany(p => p.Items).Select(r => r.Id));
    }

    [Fact]
    public async Task Wrong_secret_is_invalid_signature()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator, new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, "not/the/secret"));

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => client.ListDataSourceRunsAsync(Request(emulator)));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(403, error.StatusCode);
        Assert.NotNull(error.RequestId);
        Assert.Single(emulator.Requests); // not retried
    }

    [Fact]
    public async Task Unknown_access_key_is_unrecognized_client()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator, new StaticCredentialsProvider("AKIAUNKNOWNEXAMPLE", "whatever"));

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => client.ListDataSourceRunsAsync(Request(emulator)));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("security token", error.Message);
    }

    [Fact]
    public async Task Forged_next_token_is_validation_exception()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator);

        var error = await Assert.ThrowsAsync<ValidationException>(() => client.ListDataSourceRunsAsync(Request(emulator) with { NextToken = "not-a-real-token" }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(ValidationException.Code, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public async Task Token_of_another_filter_is_validation_exception()
    {
        await using var emulator = await StartAsync(runCount: 30);
        var client = Client(emulator);
        var page = await client.ListDataSourceRunsAsync(Request(emulator) with { MaxResults = 5 });
        Assert.NotNull(page.NextToken);

        await Assert.ThrowsAsync<ValidationException>(() =>
            client.ListDataSourceRunsAsync(Request(emulator) with { NextToken = page.NextToken, Status = DataSourceRunStatus.Failed }));
    }

    [Fact]
    public async Task Identifier_not_matching_pattern_is_validation_exception()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            client.ListDataSourceRunsAsync(new ListDataSourceRunsRequest { DomainIdentifier = "not-a-domain", DataSourceIdentifier = emulator.DataSourceId }));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("domainIdentifier", error.Message);
    }

    [Fact]
    public async Task Unknown_data_source_is_resource_not_found()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator);

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            client.ListDataSourceRunsAsync(Request(emulator) with { DataSourceIdentifier = "no-such-source" }));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Single(emulator.Requests); // a 404 is not retried
    }

    [Fact]
    public async Task Unknown_domain_is_resource_not_found_through_the_paginator()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            ToListAsync(paginator.GetItemsAsync(Request(emulator) with { DomainIdentifier = "dzd_unknown" })));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task Page_size_out_of_range_fails_before_sending(int pageSize)
    {
        await using var emulator = await StartAsync(runCount: 5);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var error = Assert.Throws<RequestValidationException>(() => paginator.Paginate(Request(emulator), new PaginationOptions { PageSize = pageSize }));
        Assert.Contains("maxResults", Assert.Single(error.Problems));
        await Assert.ThrowsAsync<RequestValidationException>(() => ToListAsync(paginator.GetItemsAsync(Request(emulator), new PaginationOptions { PageSize = pageSize })));

        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task A_bad_page_size_is_reported_together_with_the_requests_other_problems()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var paginator = new DataSourceRunsPaginator(Client(emulator));
        var request = new ListDataSourceRunsRequest { DomainIdentifier = null!, DataSourceIdentifier = emulator.DataSourceId };

        var error = Assert.Throws<RequestValidationException>(() => paginator.Paginate(request, new PaginationOptions { PageSize = 0 }));

        Assert.Equal("ListDataSourceRuns", error.OperationName);
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.StartsWith("PageSize 0 is outside the allowed range 1..50", StringComparison.Ordinal));
        Assert.Contains("DomainIdentifier is required.", error.Problems);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Max_results_zero_on_the_request_fails_before_sending()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.ListDataSourceRunsAsync(Request(emulator) with { MaxResults = 0 }));

        Assert.Equal("ListDataSourceRuns", error.OperationName);
        var problem = Assert.Single(error.Problems);
        Assert.Contains("MaxResults", problem);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Request_validation_lists_every_problem()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var client = Client(emulator);
        var request = new ListDataSourceRunsRequest { DomainIdentifier = null!, DataSourceIdentifier = null!, MaxResults = 99, NextToken = "" };

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.ListDataSourceRunsAsync(request));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("DomainIdentifier", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("DataSourceIdentifier", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("MaxResults", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("NextToken", StringComparison.Ordinal));
        Assert.Contains("4 problems", error.Message);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Both_identifiers_missing_are_both_reported()
    {
        await using var emulator = await StartAsync(runCount: 5);
        var paginator = new DataSourceRunsPaginator(Client(emulator));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            ToListAsync(paginator.GetItemsAsync(new ListDataSourceRunsRequest { DomainIdentifier = null!, DataSourceIdentifier = null! })));

        Assert.Equal(2, error.Problems.Count);
        Assert.Empty(emulator.Requests);
    }
}
