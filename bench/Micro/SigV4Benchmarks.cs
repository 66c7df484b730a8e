using System;
using BenchmarkDotNet.Attributes;
using DataZone.Gen.Auth;
using DataZone.Gen.Bench.Config;

namespace DataZone.Gen.Bench;

/// <summary>
/// SigV4 signing of one <c>ListDataSourceRuns</c> page request (GET with query and the headers the client sends,
/// temporary credentials with a session token), through the runtime's <see cref="SigV4Signer.Sign"/>.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class SigV4Benchmarks
{
    private SigV4Request _request = null!;
    private AwsCredentials _credentials = null!;
    private DateTimeOffset _time;

    [GlobalSetup]
    public void Setup()
    {
        _request = new SigV4Request("GET", "/v2/domains/dzd_4p9n6sw4qt9xgn/data-sources/5n2bqycz3jwq0l/runs");
        _request.Query.Add(new("maxResults", "50"));
        _request.Query.Add(new("status", "FAILED"));
        _request.Query.Add(new("nextToken", "AAMA-EFRSURBSGg4b2VkdW5Gd2tLZm9hN0VPR3pxOXBWOWJ2aXh6N1dHUmNZbXc0bUxPZ1lRRXV4UDQwQ2JRPT0="));
        _request.Headers.Add(new("host", "datazone.us-east-1.api.aws"));
        _request.Headers.Add(new("user-agent", "aws-sdk-dotnet-datazone-gen/1.0.0 ua/2.1 os/linux lang/dotnet#10.0"));
        _request.Headers.Add(new("amz-sdk-invocation-id", "5e4b1f0c-6d3a-4c39-9c2e-7f1b2a9d8e61"));
        _request.Headers.Add(new("amz-sdk-request", "attempt=1; max=3"));
        _request.Headers.Add(new("accept", "application/json"));
        _credentials = new AwsCredentials(
            "ASIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "IQoJb3JpZ2luX2VjEDQaCXVzLWVhc3QtMSJHMEUCIQD6ZrDp8aNzL0Y0wNcXIWh2ZbCVrR1rIjVmB3vk8y0tJwIgZb3zQm0cJ0Tj2Vq+session-token-of-usual-length");
        _time = new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
    }

    [Benchmark(Description = "SigV4Signer.Sign (one page request)")]
    public SigV4SigningResult Sign() => SigV4Signer.Sign(_request, _credentials, "us-east-1", "datazone", _time);
}
