using System;
using DataZone.Gen.Auth;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>
/// A service whose model came without <c>endpoint-rule-set-1.json</c> (the generator warns, DZGEN020): there is nothing
/// to derive an endpoint from, so a client needs a configured one and is refused FIPS and dual-stack.
/// </summary>
public sealed class WithoutRuleSetTests : IDisposable
{
    private readonly FakeEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    private AwsServiceClient Client(Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(TestClients.Credentials),
            Dependencies = new ClientDependencies { Environment = _environment },
        };
        configure?.Invoke(options);
        return new AwsServiceClient(TestClients.WithoutRules, options);
    }

    [Fact]
    public void Without_a_configured_endpoint_the_client_says_where_to_set_one()
    {
        var error = Assert.Throws<AwsClientException>(() => Client());

        Assert.StartsWith("DataZone has no endpoint rules (the generator was not given its endpoint-rule-set-1.json)", error.Message);
        Assert.Contains("AwsClientOptions.Endpoint, AWS_ENDPOINT_URL_DATAZONE or AWS_ENDPOINT_URL", error.Message);
        Assert.Contains("Looked at: AWS_ENDPOINT_URL_DATAZONE and AWS_ENDPOINT_URL (not set)", error.Message);
    }

    [Fact]
    public void A_configured_endpoint_is_used_as_it_is()
    {
        using var fromOptions = Client(o => o.Endpoint = new Uri("http://127.0.0.1:4566/base"));
        _environment.Set("AWS_ENDPOINT_URL_DATAZONE", "https://proxy.example.com");
        using var fromEnvironment = Client();

        Assert.Equal(new Uri("http://127.0.0.1:4566/base"), fromOptions.Endpoint);
        Assert.Equal(new Uri("https://proxy.example.com"), fromEnvironment.Endpoint);
    }

    [Fact]
    public void FIPS_and_dual_stack_are_refused_with_the_rule_sets_own_words()
    {
        var fips = Assert.Throws<EndpointResolutionException>(() => Client(o =>
        {
            o.Endpoint = new Uri("https://proxy.example.com");
            o.UseFips = true;
        }));
        var dualStack = Assert.Throws<EndpointResolutionException>(() => Client(o =>
        {
            o.Endpoint = new Uri("https://proxy.example.com");
            o.UseDualStack = true;
        }));

        Assert.Equal("Invalid Configuration: FIPS and custom endpoint are not supported", fips.Message);
        Assert.Equal("Invalid Configuration: Dualstack and custom endpoint are not supported", dualStack.Message);
    }
}
