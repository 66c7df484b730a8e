using System;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Auth;

public sealed class RefreshingCredentialsTests
{
    private readonly FakeClock _clock = new();
    private int _fetches;

    private AwsCredentials Issue(TimeSpan lifetime) =>
        new("AKID" + Interlocked.Increment(ref _fetches), "secret") { Expiration = _clock.Now + lifetime };

    private RefreshingCredentials Cache(Func<CancellationToken, Task<AwsCredentials>> fetch) => new("test provider", fetch, () => _clock.Now);

    [Fact]
    public async Task Credentials_are_fetched_once_while_they_are_fresh()
    {
        var cache = Cache(_ => Task.FromResult(Issue(TimeSpan.FromHours(1))));
        var first = await cache.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(44));
        Assert.Same(first, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task Credentials_without_expiration_are_never_refreshed()
    {
        var cache = Cache(_ => Task.FromResult(new AwsCredentials("AKID" + Interlocked.Increment(ref _fetches), "secret")));
        await cache.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(400));
        await cache.GetAsync(CancellationToken.None);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task The_advisory_window_refreshes_fifteen_minutes_before_expiry()
    {
        var cache = Cache(_ => Task.FromResult(Issue(TimeSpan.FromHours(1))));
        await cache.GetAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(46));
        Assert.Equal("AKID2", (await cache.GetAsync(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public async Task A_failed_advisory_refresh_keeps_the_still_valid_credentials()
    {
        var fail = false;
        var cache = Cache(_ => fail ? throw new AwsCredentialsException("source down") : Task.FromResult(Issue(TimeSpan.FromHours(1))));
        var first = await cache.GetAsync(CancellationToken.None);
        fail = true;
        _clock.Advance(TimeSpan.FromMinutes(47));
        Assert.Same(first, await cache.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_mandatory_refresh_is_thrown()
    {
        var fail = false;
        var cache = Cache(_ => fail ? throw new AwsCredentialsException("source down") : Task.FromResult(Issue(TimeSpan.FromHours(1))));
        await cache.GetAsync(CancellationToken.None);
        fail = true;
        _clock.Advance(TimeSpan.FromMinutes(51));
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => cache.GetAsync(CancellationToken.None).AsTask());
        Assert.Equal("source down", error.Message);
    }

    [Fact]
    public async Task Refreshed_credentials_that_are_already_expired_are_an_error()
    {
        var cache = Cache(_ => Task.FromResult(Issue(TimeSpan.FromMinutes(-1))));
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => cache.GetAsync(CancellationToken.None).AsTask());
        Assert.Contains("test provider", error.Message);
        Assert.Contains("expired", error.Message);
    }

    [Fact]
    public async Task Many_waiters_in_the_mandatory_window_share_one_refresh()
    {
        var gate = new TaskCompletionSource();
        var cache = Cache(async _ =>
        {
            await gate.Task;
            return Issue(TimeSpan.FromHours(1));
        });

        var waiters = new Task<AwsCredentials>[50];
        for (var i = 0; i < waiters.Length; i++)
        {
            waiters[i] = cache.GetAsync(CancellationToken.None).AsTask();
        }

        gate.SetResult();
        var results = await Task.WhenAll(waiters);
        Assert.Equal(1, _fetches);
        Assert.All(results, credentials => Assert.Same(results[0], credentials));
    }

    [Fact]
    public async Task In_the_advisory_window_others_keep_signing_while_one_refreshes()
    {
        var gate = new TaskCompletionSource();
        var blockNext = false;
        var cache = Cache(async _ =>
        {
            if (blockNext)
            {
                await gate.Task;
            }

            return Issue(TimeSpan.FromHours(1));
        });
        var first = await cache.GetAsync(CancellationToken.None);
        blockNext = true;
        _clock.Advance(TimeSpan.FromMinutes(48));

        var refreshing = cache.GetAsync(CancellationToken.None).AsTask();
        Assert.Same(first, await cache.GetAsync(CancellationToken.None)); // not blocked by the refresh in flight
        gate.SetResult();
        Assert.Equal("AKID2", (await refreshing).AccessKeyId);
        Assert.Equal(2, _fetches);
    }
}
