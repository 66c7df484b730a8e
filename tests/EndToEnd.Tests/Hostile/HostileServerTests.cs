using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Json;
using Xunit;

namespace DataZone.Gen.EndToEnd.Tests.Hostile;

/// <summary>
/// The generated client against a server that hangs, stalls, lies and floods. Timeouts are short so the suite stays
/// fast; every call also carries a generous guard token, so a regression fails the test instead of hanging it.
/// </summary>
public sealed class HostileServerTests
{
    private const string SessionToken = "IQoJb3JpZ2luX2VjEHostile/Session+Token==";
    private const string SecretKey = "hostileSecretKey/abc+def0123456789EXAMPLE";
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private const string Page = """{"items":[{"id":"r1","dataSourceId":"ds","type":"SCHEDULED","status":"SUCCESS","projectId":"p","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}]}""";

    internal static DataZoneClient Client(HostileServer server, int maxAttempts = 2, long? maxResponseBytes = null) => new(new AwsClientOptions
    {
        Region = "us-east-1",
        Endpoint = server.Endpoint,
        Credentials = new StaticCredentialsProvider("AKIDHOSTILE", SecretKey, SessionToken),
        ConnectTimeout = TimeSpan.FromMilliseconds(500),
        ReadTimeout = TimeSpan.FromSeconds(1),
        MaxResponseBytes = maxResponseBytes,
        Retry = new AwsRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5), UseRetryQuota = false },
    });

    private static readonly ListDataSourceRunsRequest Request = new() { DomainIdentifier = "dzd_hostile", DataSourceIdentifier = "ds" };

    private static Task<ListDataSourceRunsResponse> CallAsync(HostileServer server, int maxAttempts = 2, long? maxResponseBytes = null)
    {
        using var guard = new CancellationTokenSource(Guard);
        return Client(server, maxAttempts, maxResponseBytes).ListDataSourceRunsAsync(Request, guard.Token);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_and_each_attempt_is_retried()
    {
        await using var server = new HostileServer(exchange => exchange.HangAsync());

        var error = await Assert.ThrowsAsync<AwsClientException>(() => CallAsync(server, maxAttempts: 3));

        Assert.Contains("timed out (3 attempts)", error.Message);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("read timeout", error.InnerException!.Message);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_body_that_stalls_part_way_is_retried_like_a_dropped_connection()
    {
        var body = Encoding.UTF8.GetBytes(Page);
        await using var server = new HostileServer(async exchange =>
        {
            if (exchange.Index == 0)
            {
                await exchange.WriteAsync(HostileExchange.HeadOf(200, body.Length));
                await exchange.WriteAsync(body[..20]);
                await exchange.HangAsync();
                return;
            }

            await exchange.RespondAsync(200, body);
        });

        var page = await CallAsync(server);

        Assert.Equal("r1", Assert.Single(page.Items).Id);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_slow_body_that_keeps_moving_is_not_a_timeout()
    {
        // The read timeout bounds each wait for bytes, not the whole body (botocore's socket timeout).
        var body = Encoding.UTF8.GetBytes(Page);
        await using var server = new HostileServer(async exchange =>
        {
            await exchange.WriteAsync(HostileExchange.HeadOf(200, body.Length));
            for (var at = 0; at < body.Length; at += 16)
            {
                await exchange.WriteAsync(body[at..Math.Min(at + 16, body.Length)]);
                await Task.Delay(25, exchange.Stopping);
            }
        });

        var page = await CallAsync(server, maxAttempts: 1);

        Assert.Equal("r1", Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task A_declared_oversized_body_fails_at_once_with_a_typed_error_and_is_not_retried()
    {
        await using var server = new HostileServer(async exchange =>
        {
            await exchange.WriteAsync(HostileExchange.HeadOf(200, 200L * 1024 * 1024));
            await exchange.HangAsync();
        });

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => CallAsync(server));

        Assert.Equal(AwsClientOptions.DefaultMaxResponseBytes, error.Limit);
        Assert.Equal(200L * 1024 * 1024, error.DeclaredLength);
        Assert.Contains("MaxResponseBytes", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(500)]
    public async Task An_endless_streamed_body_stops_at_the_size_cap(int status)
    {
        await using var server = new HostileServer(async exchange =>
        {
            await exchange.WriteAsync(HostileExchange.HeadOf(status, contentLength: null));
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
            while (!exchange.Stopping.IsCancellationRequested)
            {
                await exchange.WriteAsync(chunk); // fails once the client hangs up
            }
        });

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() => CallAsync(server, maxResponseBytes: 1024 * 1024));

        Assert.Null(error.DeclaredLength);
        Assert.Equal(1024 * 1024, error.Limit);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_megabyte_of_headers_is_refused_not_buffered()
    {
        await using var server = new HostileServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nx-junk: ");
            var junk = Encoding.ASCII.GetBytes(new string('j', 64 * 1024));
            for (var i = 0; i < 16; i++)
            {
                await exchange.WriteAsync(junk); // fails once the client hangs up
            }

            await exchange.WriteAsync("\r\nContent-Length: 2\r\n\r\n{}");
        });

        var error = await Assert.ThrowsAsync<AwsClientException>(() => CallAsync(server));

        Assert.Contains("failed to reach the service", error.Message);
        Assert.Contains("header", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_truncated_body_is_retried_and_then_reported()
    {
        await using var server = new HostileServer(async exchange =>
        {
            var body = Encoding.UTF8.GetBytes(Page);
            await exchange.WriteAsync(HostileExchange.HeadOf(200, body.Length));
            await exchange.WriteAsync(body[..(body.Length / 2)]); // then the connection closes
        });

        var error = await Assert.ThrowsAsync<AwsClientException>(() => CallAsync(server));

        Assert.Contains("failed to reach the service (2 attempts)", error.Message);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_null_item_is_a_typed_error_naming_its_path()
    {
        await using var server = new HostileServer(exchange => exchange.RespondAsync(200, """{"items":[null]}"""));

        var error = await Assert.ThrowsAsync<AwsClientException>(() => CallAsync(server));

        var json = Assert.IsType<AwsJsonException>(error.InnerException);
        Assert.Equal("$.items[0]", json.Path);
        Assert.Contains("$.items[0]", error.Message);
    }

    [Fact]
    public async Task An_echoed_canonical_request_does_not_leak_the_session_token_or_secret_key()
    {
        await using var server = new HostileServer(exchange =>
        {
            var echo = $"The request signature we calculated does not match. The Canonical String for this request should have been 'GET\\n/v2/domains\\nx-amz-security-token:{SessionToken}\\n' secret {SecretKey} url {Uri.EscapeDataString(SessionToken)}";
            return exchange.RespondAsync(403, "{\"message\":\"" + echo + "\"}", "InvalidSignatureException");
        });

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => CallAsync(server));

        foreach (var text in new[] { error.Message, error.ToString(), error.Details.Message!, Encoding.UTF8.GetString(error.Details.Body.Span) })
        {
            Assert.DoesNotContain(SessionToken, text);
            Assert.DoesNotContain(Uri.EscapeDataString(SessionToken), text);
            Assert.DoesNotContain(SecretKey, text);
            Assert.Contains("calculated does not match", text);
        }

        Assert.Contains("[redacted]", error.Message);
    }

    [Fact]
    public async Task A_secret_quoted_in_an_unreadable_value_does_not_reach_the_exception()
    {
        await using var server = new HostileServer(exchange =>
            exchange.RespondAsync(200, Page.Replace("\"createdAt\":\"2026-01-01T00:00:00Z\"", "\"createdAt\":\"" + SessionToken + "\"")));

        var error = await Assert.ThrowsAsync<AwsClientException>(() => CallAsync(server));

        Assert.DoesNotContain(SessionToken, error.ToString());
        Assert.Contains("$.items[0].createdAt", error.ToString());
        Assert.Contains("[redacted]", error.Message);
    }

    [Fact]
    public async Task A_one_megabyte_next_token_is_refused_before_it_is_sent_and_the_listing_can_resume()
    {
        var hugeToken = new string('t', 1024 * 1024);
        await using var server = new HostileServer(exchange =>
            exchange.RespondAsync(200, Page.Replace("]}", "],\"nextToken\":\"" + hugeToken + "\"}")));
        using var client = Client(server);
        var listing = new DataSourceRunsPaginator(client).Paginate(Request);
        var seen = new List<string>();

        using var guard = new CancellationTokenSource(Guard);
        var error = await Assert.ThrowsAsync<RequestValidationException>(async () =>
        {
            await foreach (var run in listing.WithCancellation(guard.Token))
            {
                seen.Add(run.Id);
            }
        });

        Assert.Equal(new[] { "r1" }, seen);
        Assert.Contains(error.Problems, p => p.Contains("NextToken"));
        Assert.Equal(1, server.Requests);
    }
}
