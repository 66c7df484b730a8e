using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System.Threading;
using System;
using DataZone.Gen.Pipeline;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Pipeline;

public sealed class RetryTests
{
    private readonly FakeHttpHandler _handler = new();

    private static Task<string> Call(AwsServiceClient client, CancellationToken token = default) =>
        client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, token);

    private static (string, string) ErrorType(string code) => ("X-Amzn-ErrorType", code);

    [Fact]
    public async Task Throttle_then_success()
    {
        _handler.Reply(HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}", ErrorType("ThrottlingException"))
            .Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out var delays);

        Assert.Equal("ok", await Call(client));
        Assert.Equal(2, _handler.Requests.Count);
        Assert.Single(delays.Delays);
    }

    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("LimitExceededException")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    [InlineData("RequestTimeout")]
    [InlineData("RequestTimeoutException")]
    public async Task ThrottlingAndTransientCodes_AreRetriedWhateverTheStatus(string code)
    {
        _handler.Reply(HttpStatusCode.BadRequest, "{}", ErrorType(code)).Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _);
        Assert.Equal("ok", await Call(client));
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientStatuses_AreRetried(HttpStatusCode status)
    {
        _handler.Reply(status).Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _);
        Assert.Equal("ok", await Call(client));
    }

    [Fact]
    public async Task Exhaustion_throws_the_last_service_error_after_max_attempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _handler.Reply(HttpStatusCode.ServiceUnavailable, "", ("x-amzn-RequestId", "req-" + i));
        }

        using var client = TestClients.Create(_handler, out var delays);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));

        Assert.Equal(3, _handler.Requests.Count);
        Assert.Equal(2, delays.Delays.Count);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("req-2", error.RequestId);
    }

    [Fact]
    public async Task Max_attempts_is_configurable()
    {
        for (var i = 0; i < 5; i++)
        {
            _handler.Reply(HttpStatusCode.InternalServerError);
        }

        using var client = TestClients.Create(_handler, out _, o => o.Retry.MaxAttempts = 5);
        await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));
        Assert.Equal(5, _handler.Requests.Count);
        Assert.Equal("attempt=5; max=5", _handler.Requests[4].Header("amz-sdk-request"));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDeniedException")]
    [InlineData(HttpStatusCode.NotFound, "ResourceNotFoundException")]
    [InlineData(HttpStatusCode.Conflict, "ConflictException")]
    [InlineData(HttpStatusCode.TooManyRequests, "")]
    public async Task ClientErrors_AreNotRetried(HttpStatusCode status, string code)
    {
        _handler.Reply(status, $"{{\"__type\":\"{code}\",\"message\":\"no\"}}");
        using var client = TestClients.Create(_handler, out var delays);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));

        Assert.Single(_handler.Requests);
        Assert.Empty(delays.Delays);
        Assert.Equal(code, error.ErrorCode);
    }

    [Fact]
    public async Task Modeled_retryable_error_is_retried_and_surfaces_as_its_generated_type()
    {
        // "Busy" is in no list: only the generated exception's IsRetryable makes it retryable.
        var operation = new AwsOperation<TestClients.RunsRequest, string>("Op", TestClients.ListRuns.Marshal, _ => "ok",
            details => details.ErrorCode == "Busy" ? new TestClients.ModeledThrottlingException(details) : null);
        _handler.Reply(HttpStatusCode.BadRequest, "{\"code\":\"Busy\"}").Reply(HttpStatusCode.BadRequest, "{\"code\":\"Busy\"}")
            .Reply(HttpStatusCode.BadRequest, "{\"code\":\"Busy\"}");
        using var client = TestClients.Create(_handler, out _);

        await Assert.ThrowsAsync<TestClients.ModeledThrottlingException>(() => client.InvokeAsync(operation, TestClients.SampleRequest, CancellationToken.None));
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_are_retried()
    {
        _handler.Throw(new HttpRequestException("connection reset")).Throw(new IOException("broken pipe")).Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _);
        Assert.Equal("ok", await Call(client));
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task Network_errors_exhausted_become_a_client_exception_with_the_cause()
    {
        _handler.Throw(new HttpRequestException("a")).Throw(new HttpRequestException("b")).Throw(new HttpRequestException("no route"));
        using var client = TestClients.Create(_handler, out _);

        var error = await Assert.ThrowsAsync<AwsClientException>(() => Call(client));

        Assert.Contains("ListDataSourceRuns failed to reach the service (3 attempts)", error.Message);
        Assert.Equal("no route", error.InnerException!.Message);
    }

    [Fact]
    public async Task Attempt_timeout_is_retried()
    {
        _handler.Hang().Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _, o => o.Timeout = TimeSpan.FromMilliseconds(20));

        Assert.Equal("ok", await Call(client));
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task Attempt_timeout_exhausted_says_it_timed_out()
    {
        _handler.Hang().Hang();
        using var client = TestClients.Create(_handler, out _, o => { o.Timeout = TimeSpan.FromMilliseconds(20); o.Retry.MaxAttempts = 2; });

        var error = await Assert.ThrowsAsync<AwsClientException>(() => Call(client));

        Assert.Contains("timed out (2 attempts)", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task Caller_cancellation_during_send_is_not_retried()
    {
        using var cancellation = new CancellationTokenSource();
        _handler.Hang();
        using var client = TestClients.Create(_handler, out _);

        var call = Call(client, cancellation.Token);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task Cancellation_mid_backoff_stops_the_wait_at_once()
    {
        using var cancellation = new CancellationTokenSource();
        _handler.Reply(HttpStatusCode.ServiceUnavailable);
        using var client = TestClients.Create(_handler, out var delays, o => { o.Retry.BaseDelay = TimeSpan.FromHours(1); o.Retry.MaxBackoff = TimeSpan.FromHours(2); });
        // The real Task.Delay of an hour: only cancellation can end it.
        delays.OnDelay = (delay, token) =>
        {
            cancellation.Cancel();
            return Task.Delay(delay, token);
        };

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Call(client, cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Single(_handler.Requests);
        Assert.Equal(TimeSpan.FromMinutes(30), delays.Delays.Single()); // random 0.5 × 1 h × 2^0
    }

    [Fact]
    public void Backoff_is_full_jitter_exponential_capped_at_20_seconds()
    {
        var services = new ClientDependencies { NextRandom = () => 0.999 };
        var strategy = new RetryStrategy(RetrySettings.Of(new AwsRetryOptions()), services);

        var delays = Enumerable.Range(0, 8).Select(strategy.Backoff).ToArray();

        Assert.Equal(TimeSpan.FromSeconds(0.999), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(0.999 * 4), delays[2]);
        Assert.Equal(TimeSpan.FromSeconds(0.999 * 16), delays[4]);
        Assert.All(delays.Skip(5), d => Assert.Equal(TimeSpan.FromSeconds(20), d));
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Backoff_zero_random_is_zero_and_max_backoff_is_configurable()
    {
        var zero = new RetryStrategy(RetrySettings.Of(new AwsRetryOptions()), new ClientDependencies { NextRandom = () => 0 });
        Assert.Equal(TimeSpan.Zero, zero.Backoff(3));
        var capped = new RetryStrategy(RetrySettings.Of(new AwsRetryOptions { MaxBackoff = TimeSpan.FromSeconds(2) }), new ClientDependencies { NextRandom = () => 0.9 });
        Assert.Equal(TimeSpan.FromSeconds(2), capped.Backoff(10));
    }

    [Fact]
    public async Task Backoff_delays_used_by_the_client_follow_the_formula()
    {
        for (var i = 0; i < 4; i++)
        {
            _handler.Reply(HttpStatusCode.ServiceUnavailable);
        }

        using var client = TestClients.Create(_handler, out var delays, o => o.Retry.MaxAttempts = 4, random: 0.25);

        await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));

        Assert.Equal(new[] { TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1) }, delays.Delays);
    }

    [Fact]
    public void Quota_costs_and_refunds_like_botocore()
    {
        var quota = new RetryQuota();
        Assert.True(quota.TryAcquire(afterTimeout: false, out var cost));
        Assert.Equal(5, cost);
        Assert.True(quota.TryAcquire(afterTimeout: true, out cost));
        Assert.Equal(10, cost);
        Assert.Equal(485, quota.Available);
        quota.ReleaseAfterSuccess(lastRetryCost: 10);
        Assert.Equal(495, quota.Available);
        quota.ReleaseAfterSuccess(lastRetryCost: 0);
        Assert.Equal(496, quota.Available);
        for (var i = 0; i < 10; i++)
        {
            quota.ReleaseAfterSuccess(0);
        }

        Assert.Equal(500, quota.Available); // never above the initial capacity
    }

    [Fact]
    public async Task Quota_when_used_up_stops_retrying_for_the_whole_client()
    {
        // 50 calls × 2 retries × 5 tokens drain the 500-token bucket.
        for (var i = 0; i < 151; i++)
        {
            _handler.Reply(HttpStatusCode.ServiceUnavailable);
        }

        using var client = TestClients.Create(_handler, out _);
        for (var call = 0; call < 50; call++)
        {
            await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));
        }

        Assert.Equal(150, _handler.Requests.Count);
        Assert.Equal(0, client.RetryQuotaAvailable);

        await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));

        Assert.Equal(151, _handler.Requests.Count); // one attempt, no retry
    }

    [Fact]
    public async Task Quota_success_refunds_the_last_retry_cost_or_one_token()
    {
        _handler.Reply(HttpStatusCode.ServiceUnavailable).Reply(HttpStatusCode.ServiceUnavailable).Reply(HttpStatusCode.ServiceUnavailable)
            .Reply(HttpStatusCode.ServiceUnavailable).Reply(HttpStatusCode.OK, "ok")
            .Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _);

        await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));
        Assert.Equal(490, client.RetryQuotaAvailable); // two retries at 5
        await Call(client);
        Assert.Equal(490, client.RetryQuotaAvailable); // paid 5, success after a retry refunds those 5
        await Call(client);
        Assert.Equal(491, client.RetryQuotaAvailable); // first-try success adds 1
    }

    [Fact]
    public async Task Quota_can_be_turned_off()
    {
        for (var i = 0; i < 3; i++)
        {
            _handler.Reply(HttpStatusCode.ServiceUnavailable);
        }

        using var client = TestClients.Create(_handler, out _, o => o.Retry.UseRetryQuota = false);
        await Assert.ThrowsAsync<AwsServiceException>(() => Call(client));
        Assert.Equal(500, client.RetryQuotaAvailable);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public void Invalid_retry_options_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestClients.Create(_handler, out _, o => o.Retry.MaxAttempts = 0));
}
