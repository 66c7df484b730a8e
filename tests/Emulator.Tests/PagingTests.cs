using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

public sealed class PagingTests
{
    private const string Domain = EmulatorOptions.DemoDomainId;
    private const string Source = EmulatorOptions.DemoDataSourceId;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(49)]
    [InlineData(50)]
    [InlineData(null)]
    public async Task Listing_returns_every_run_once_newest_first(int? pageSize)
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 200 });
        using var client = new SignedClient(emulator);

        (var ids, var sizes, var tokens) = await client.ListAllAsync(Domain, Source, maxResults: pageSize);

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        var expectedPage = pageSize ?? 50;
        Assert.All(sizes.Take(sizes.Count - 1), size => Assert.Equal(expectedPage, size));
        Assert.Equal((200 + expectedPage - 1) / expectedPage, sizes.Count);
        Assert.Equal(sizes.Count - 1, tokens.Count);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public async Task Runs_are_ordered_by_creation_time_descending_then_id()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 2_000 });
        using var client = new SignedClient(emulator);

        (var ids, _, _) = await client.ListAllAsync(Domain, Source);
        var byId = emulator.Runs.ToDictionary(r => r.Id);
        Assert.Equal(2_000, byId.Count);
        var sawTie = false;
        for (var i = 1; i < ids.Count; i++)
        {
            var previous = byId[ids[i - 1]];
            var current = byId[ids[i]];
            Assert.True(previous.CreatedAt >= current.CreatedAt, $"run {i} is newer than run {i - 1}");
            if (previous.CreatedAt == current.CreatedAt)
            {
                sawTie = true;
                Assert.True(string.CompareOrdinal(previous.Id, current.Id) < 0, $"tie at {i} not ordered by id");
            }
        }

        Assert.True(sawTie, "the generated data should contain creation-time ties");
    }

    [Fact]
    public async Task Every_token_carries_plus_slash_and_equals()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 60 });
        using var client = new SignedClient(emulator);

        (_, _, var tokens) = await client.ListAllAsync(Domain, Source, maxResults: 5);

        Assert.Equal(11, tokens.Count);
        Assert.All(tokens, t =>
        {
            Assert.Contains('+', t);
            Assert.Contains('/', t);
            Assert.EndsWith("=", t, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("FAILED", 7)]
    [InlineData("SUCCESS", 50)]
    [InlineData("RUNNING", 1)]
    [InlineData("PARTIALLY_SUCCEEDED", null)]
    public async Task Status_filter_lists_only_that_status_in_order(string status, int? pageSize)
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 300 });
        using var client = new SignedClient(emulator);

        (var ids, var sizes, _) = await client.ListAllAsync(Domain, Source, status, pageSize);

        var expected = emulator.DataSource.RunsWithStatus(status).Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
        Assert.DoesNotContain(0, sizes);
    }

    [Fact]
    public async Task Generated_data_has_a_realistic_mix()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 200 });
        var runs = emulator.Runs;

        foreach (var status in new[] { "REQUESTED", "RUNNING", "FAILED", "PARTIALLY_SUCCEEDED", "SUCCESS" })
        {
            Assert.Contains(runs, r => r.Status == status);
        }

        Assert.Contains(runs, r => r.Type == "PRIORITIZED");
        Assert.Contains(runs, r => r.Type == "SCHEDULED");
        Assert.All(runs.Where(r => r.Status == "FAILED"), r => Assert.NotNull(r.ErrorMessage));
        Assert.Contains(runs, r => r.ErrorMessage?.ErrorDetail is { } d && d.Contains('"') && d.Contains('\n') && d.Any(c => c > 127));
        Assert.Contains(runs, r => r.ErrorMessage is { ErrorDetail: null });
        Assert.Contains(runs, r => r.StartedAt is null);
        Assert.Contains(runs, r => r.LineageSummary is null);
        Assert.Contains(runs, r => r.RunStatisticsForAssets is null);
        Assert.Contains(runs, r => r.RunStatisticsForAssets is { Skipped: null });
        Assert.All(runs, r => Assert.Equal(emulator.DataSourceId, r.DataSourceId));
        Assert.Single(runs.Select(r => r.ProjectId).Distinct());
    }

    [Fact]
    public async Task Timestamps_are_iso8601_utc_with_and_without_fractions()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 100 });
        using var client = new SignedClient(emulator);
        var format = new Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$");
        var seen = new List<string>();

        using (var first = await client.ListRunsAsync(Domain, Source))
        using (var second = await client.ListRunsAsync(Domain, Source, nextToken: first.NextToken))
        {
            foreach (var item in first.Items.Concat(second.Items))
            {
                foreach (var name in new[] { "createdAt", "updatedAt", "startedAt", "stoppedAt" })
                {
                    if (item.TryGetProperty(name, out var value))
                    {
                        seen.Add(value.GetString()!);
                    }
                }
            }
        }

        Assert.All(seen, s => Assert.Matches(format, s));
        Assert.Contains(seen, s => s.Contains('.'));
        Assert.Contains(seen, s => !s.Contains('.'));
        Assert.Equal(RunJson.FormatTimestamp(emulator.Runs[0].CreatedAt), seen[0]);
    }

    [Fact]
    public async Task Empty_listing_has_no_token()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 0 });
        using var client = new SignedClient(emulator);

        using var reply = await client.ListRunsAsync(Domain, Source);

        Assert.Equal(200, reply.Status);
        Assert.Empty(reply.Items);
        Assert.Null(reply.NextToken);
    }

    [Fact]
    public async Task A_token_resumes_in_a_restarted_emulator_with_the_same_data()
    {
        string token;
        List<string> expected;
        await using (var first = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 30 }))
        {
            using var client = new SignedClient(first);
            using var page = await client.ListRunsAsync(Domain, Source, maxResults: 10);
            token = page.NextToken!;
            expected = first.Runs.Skip(10).Select(r => r.Id).ToList();
        }

        await using var second = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 30 });
        using var again = new SignedClient(second);
        using var rest = await again.ListRunsAsync(Domain, Source, nextToken: token);

        Assert.Equal(200, rest.Status);
        Assert.Equal(expected, rest.Ids);
    }

    [Fact]
    public async Task Several_data_sources_have_their_own_runs()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            RunCount = 20,
            AdditionalDataSourceIds = { "other_source-2" },
        });
        using var client = new SignedClient(emulator);

        (var ids, _, _) = await client.ListAllAsync(Domain, "other_source-2", maxResults: 6);

        var other = emulator.FindDataSource(Domain, "other_source-2")!;
        Assert.Equal(other.Runs.Select(r => r.Id), ids);
        Assert.Empty(ids.Intersect(emulator.Runs.Select(r => r.Id)));
        Assert.All(other.Runs, r => Assert.Equal("other_source-2", r.DataSourceId));
    }
}
