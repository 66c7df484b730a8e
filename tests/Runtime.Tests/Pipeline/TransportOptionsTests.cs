using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Pipeline;

public sealed class TransportOptionsTests
{
    private readonly FakeHttpHandler _handler = new();

    [Fact]
    public void Timeouts_default_to_botocores_sixty_seconds_and_the_size_cap_to_64_MiB()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), AwsClientOptions.DefaultTimeout);
        Assert.Equal(64L * 1024 * 1024, AwsClientOptions.DefaultMaxResponseBytes);
    }

    [Theory]
    [InlineData("ConnectTimeout", 0)]
    [InlineData("ReadTimeout", -5)]
    [InlineData("Timeout", 0)]
    public void A_timeout_that_is_not_positive_is_rejected_when_the_client_is_created(string option, int seconds)
    {
        var value = TimeSpan.FromSeconds(seconds);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TestClients.Create(_handler, out _, o =>
        {
            switch (option)
            {
                case "ConnectTimeout": o.ConnectTimeout = value; break;
                case "ReadTimeout": o.ReadTimeout = value; break;
                default: o.Timeout = value; break;
            }
        }));

        Assert.Contains(option, error.Message);
        Assert.Contains("Timeout.InfiniteTimeSpan", error.Message);
    }

    [Fact]
    public async Task Infinite_timeouts_mean_no_limit()
    {
        _handler.Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _, o =>
        {
            o.ConnectTimeout = Timeout.InfiniteTimeSpan;
            o.ReadTimeout = Timeout.InfiniteTimeSpan;
        });

        Assert.Equal("ok", await client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None));
    }

    [Fact]
    public void A_size_cap_below_one_byte_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestClients.Create(_handler, out _, o => o.MaxResponseBytes = 0));

    [Fact]
    public async Task A_body_longer_than_the_cap_is_a_typed_error_that_is_not_retried()
    {
        _handler.Reply(HttpStatusCode.OK, new string('x', 2048)).Reply(HttpStatusCode.OK, "ok");
        using var client = TestClients.Create(_handler, out _, o => o.MaxResponseBytes = 1024);

        var error = await Assert.ThrowsAsync<AwsResponseTooLargeException>(() =>
            client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None));

        Assert.Equal(1024, error.Limit);
        Assert.Single(_handler.Requests);
    }
}
