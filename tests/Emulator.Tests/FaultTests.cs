using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

public sealed class FaultTests
{
    private const string Domain = EmulatorOptions.DemoDomainId;
    private const string Source = EmulatorOptions.DemoDataSourceId;

    [Fact]
    public async Task Every_third_request_is_throttled()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            RunCount = 10,
            Faults = { ThrottleEvery = 3 },
        });
        using var client = new SignedClient(emulator);

        var statuses = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            using var reply = await client.ListRunsAsync(Domain, Source, maxResults: 2);
            statuses.Add(reply.Status);
            if (reply.Status == 429)
            {
                Assert.Equal("ThrottlingException", reply.ErrorType);
                Assert.Equal("Rate exceeded", reply.Message);
            }
        }

        Assert.Equal(new[] { 200, 200, 429, 200, 200, 429, 200 }, statuses);
        Assert.Equal(new[] { 3L, 6L }, emulator.Requests.Where(r => r.Fault == EmulatorFault.Throttled).Select(r => r.Sequence));
    }

    [Fact]
    public async Task Empty_pages_still_carry_a_token_and_lose_nothing()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            RunCount = 45,
            Faults = { EmptyPageEvery = 2 },
        });
        using var client = new SignedClient(emulator);

        (var ids, var sizes, var tokens) = await client.ListAllAsync(Domain, Source, maxResults: 10);

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        Assert.Contains(0, sizes);
        Assert.Equal(sizes.Count - 1, tokens.Count);
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(emulator.Requests.Where(r => r.Fault == EmulatorFault.EmptyPage), r =>
        {
            Assert.Equal(0, r.ItemCount);
            Assert.NotNull(r.NextToken);
        });
    }

    [Fact]
    public async Task Every_second_connection_is_dropped()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            RunCount = 5,
            Faults = { DropConnectionEvery = 2 },
        });
        using var client = new SignedClient(emulator) { FreshConnection = true };

        using (var first = await client.ListRunsAsync(Domain, Source))
        {
            Assert.Equal(200, first.Status);
        }

        await Assert.ThrowsAsync<HttpRequestException>(() => client.ListRunsAsync(Domain, Source));

        using (var third = await client.ListRunsAsync(Domain, Source))
        {
            Assert.Equal(200, third.Status);
        }

        var dropped = Assert.Single(emulator.Requests, r => r.Fault == EmulatorFault.DroppedConnection);
        Assert.Equal(2, dropped.Sequence);
        Assert.Equal(0, dropped.StatusCode);
    }

    [Fact]
    public async Task A_server_error_rate_of_one_fails_every_request_with_500_or_503()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            RunCount = 5,
            Faults = { ServerErrorRate = 1.0 },
        });
        using var client = new SignedClient(emulator);

        var seen = new HashSet<(int, string?)>();
        for (var i = 0; i < 12; i++)
        {
            using var reply = await client.ListRunsAsync(Domain, Source);
            seen.Add((reply.Status, reply.ErrorType));
        }

        Assert.Subset(new HashSet<(int, string?)> { (500, "InternalServerException"), (503, "ServiceUnavailableException") }, seen);
        Assert.Contains((500, "InternalServerException"), seen);
    }

    [Fact]
    public async Task The_server_error_draw_is_seeded()
    {
        async Task<List<int>> Draw()
        {
            await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
            {
                RunCount = 5,
                Faults = { ServerErrorRate = 0.4, ServerErrorSeed = 7 },
            });
            using var client = new SignedClient(emulator);
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                using var reply = await client.ListRunsAsync(Domain, Source);
                statuses.Add(reply.Status);
            }

            return statuses;
        }

        var first = await Draw();
        var second = await Draw();

        Assert.Equal(first, second);
        Assert.Contains(200, first);
        Assert.Contains(first, s => s >= 500);
    }

    [Fact]
    public async Task Faults_can_be_switched_while_running()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 5 });
        using var client = new SignedClient(emulator);

        using (var before = await client.ListRunsAsync(Domain, Source))
        {
            Assert.Equal(200, before.Status);
        }

        emulator.Faults.ThrottleEvery = 1;
        using (var during = await client.ListRunsAsync(Domain, Source))
        {
            Assert.Equal(429, during.Status);
        }

        emulator.Faults.ThrottleEvery = 0;
        using var after = await client.ListRunsAsync(Domain, Source);
        Assert.Equal(200, after.Status);
    }

    [Fact]
    public async Task Added_latency_still_serves_the_page()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            RunCount = 5,
            Faults = { Latency = TimeSpan.FromMilliseconds(5) },
        });
        using var client = new SignedClient(emulator);

        using var reply = await client.ListRunsAsync(Domain, Source);

        Assert.Equal(200, reply.Status);
        Assert.Equal(5, reply.Items.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Invalid_fault_settings_are_refused_at_start(int emptyPageEvery)
    {
        var options = new EmulatorOptions { Faults = { EmptyPageEvery = emptyPageEvery } };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}
