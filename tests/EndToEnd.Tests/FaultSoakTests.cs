using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;
using Xunit;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>
/// Listings under every fault the emulator has at once (throttling, 5xx, dropped connections, empty pages that carry a
/// token), resumed in a loop with max items and, when a page fails for good, with the resume token the failure left.
/// Every run must come back exactly once, in order. Bounded in runs and loop turns; nothing is timed.
/// </summary>
public sealed class FaultSoakTests
{
    [Theory]
    [InlineData(2000, 50, 333, 2)]
    [InlineData(1200, 17, 100, 3)]
    [InlineData(600, 50, 49, 2)]
    public async Task Every_run_comes_back_exactly_once_through_faults_and_resumes(int runCount, int pageSize, int maxItems, int emptyPageEvery)
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            Port = 0,
            RunCount = runCount,
            Faults = { ThrottleEvery = 10, ServerErrorRate = 0.05, ServerErrorSeed = 11, DropConnectionEvery = 7, EmptyPageEvery = emptyPageEvery },
        });
        using var client = new DataZoneClient(new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken),
            // Two attempts: back-to-back faults exhaust them now and then, so listings also fail part-way and resume.
            Retry = new AwsRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(2), UseRetryQuota = false },
        });
        var paginator = new DataSourceRunsPaginator(client);
        var request = new ListDataSourceRunsRequest { DomainIdentifier = emulator.DomainId, DataSourceIdentifier = emulator.DataSourceId };

        var ids = new List<string>();
        var failures = 0;
        var turns = 0;
        string? token = null;
        do
        {
            Assert.True(++turns <= 400, $"the listing did not end: {ids.Count} of {runCount} runs after {turns - 1} turns");
            var listing = paginator.Paginate(request, new PaginationOptions { PageSize = pageSize, MaxItems = maxItems, StartingToken = token });
            try
            {
                await foreach (var run in listing)
                {
                    ids.Add(run.Id);
                }
            }
            catch (Exception exception) when (exception is AwsClientException or AwsServiceException)
            {
                failures++;
                Assert.NotNull(listing.ResumeToken);
            }

            token = listing.ResumeToken;
        }
        while (token is not null);

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        Assert.True(failures > 0, "no listing failed part-way: the faults did not exercise resume-after-failure");
        Assert.Contains(emulator.Requests, r => r.StatusCode == 0);
        Assert.Contains(emulator.Requests, r => r.StatusCode == 429);
        Assert.Contains(emulator.Requests, r => r.StatusCode is 500 or 503);
    }
}
