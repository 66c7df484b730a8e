using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// The endpoint a generated client resolves, seen through its public <c>Endpoint</c>, for the cases people meet:
/// FIPS, dual-stack, the China, GovCloud and ISO partitions, a custom endpoint, FIPS with a custom endpoint, no region.
/// Each service's own rule set (from ../shared/models) decides, so services differ where their rules do; the expected
/// URLs are botocore's answers (<c>Fixtures/EndpointTests</c> holds them all, run by <see cref="EndpointTestSuiteTests"/>).
/// </summary>
public class GeneratedClientEndpointTests
{
    private static readonly string SharedModels = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models"));

    [Theory]
    [InlineData("datazone", "us-east-1", false, false, "https://datazone.us-east-1.api.aws/")]
    [InlineData("datazone", "us-east-1", true, false, "https://datazone-fips.us-east-1.api.aws/")]
    [InlineData("datazone", "cn-north-1", false, false, "https://datazone.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("datazone", "us-gov-west-1", true, false, "https://datazone-fips.us-gov-west-1.api.aws/")]
    [InlineData("lambda", "us-gov-east-1", true, true, "https://lambda-fips.us-gov-east-1.api.aws/")]
    [InlineData("lambda", "cn-northwest-1", false, true, "https://lambda.cn-northwest-1.api.amazonwebservices.com.cn/")]
    [InlineData("lambda", "us-iso-east-1", false, false, "https://lambda.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("lambda", "us-iso-east-1", false, true, "https://lambda.us-iso-east-1.api.aws.ic.gov/")]
    [InlineData("sso", "us-isob-east-1", false, false, "https://portal.sso.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("sso", "us-gov-west-1", true, false, "https://portal.sso.us-gov-west-1.amazonaws.com/")]
    [InlineData("iot", "eu-isoe-west-1", true, false, "https://iot-fips.eu-isoe-west-1.cloud.adc-e.uk/")]
    [InlineData("apigateway", "us-isof-south-1", false, true, "https://apigateway.us-isof-south-1.api.aws.hci.ic.gov/")]
    public void The_client_resolves_its_services_own_endpoint(string service, string region, bool fips, bool dualStack, string expected)
    {
        using var client = Create(service, o =>
        {
            o.Region = region;
            o.UseFips = fips;
            o.UseDualStack = dualStack;
        });

        Assert.Equal(new Uri(expected), client.Endpoint);
    }

    [Fact]
    public void DataZone_rules_know_no_dual_stack_so_the_setting_changes_nothing()
    {
        using var client = Create("datazone", o =>
        {
            o.Region = "eu-west-1";
            o.UseDualStack = true;
        });

        Assert.Equal(new Uri("https://datazone.eu-west-1.api.aws/"), client.Endpoint);
    }

    [Theory]
    [InlineData("datazone")]
    [InlineData("lambda")]
    public void A_custom_endpoint_is_used_as_given(string service)
    {
        using var client = Create(service, o =>
        {
            o.Region = "us-east-1";
            o.Endpoint = new Uri("http://127.0.0.1:4566/base");
        });

        Assert.Equal(new Uri("http://127.0.0.1:4566/base"), client.Endpoint);
    }

    [Fact]
    public void A_configured_endpoint_from_the_environment_counts_as_custom_too()
    {
        using var client = Create("sso", o => o.Region = "us-east-1", new() { ["AWS_ENDPOINT_URL_SSO"] = "https://sso.proxy.example" });

        Assert.Equal(new Uri("https://sso.proxy.example/"), client.Endpoint);
    }

    [Theory]
    [InlineData("datazone", false)]
    [InlineData("lambda", false)]
    [InlineData("lambda", true)]
    public void FIPS_or_dual_stack_with_a_custom_endpoint_is_refused_with_the_rules_words(string service, bool dualStackInstead)
    {
        var error = Assert.Throws<EndpointResolutionException>(() => Create(service, o =>
        {
            o.Region = "us-east-1";
            o.Endpoint = new Uri("https://example.com");
            o.UseFips = !dualStackInstead;
            o.UseDualStack = dualStackInstead;
        }));

        Assert.Equal(
            dualStackInstead ? "Invalid Configuration: Dualstack and custom endpoint are not supported" : "Invalid Configuration: FIPS and custom endpoint are not supported",
            error.Message);
    }

    [Fact]
    public void Without_a_region_the_client_says_where_it_looked()
    {
        var error = Assert.Throws<AwsClientException>(() => Create("datazone", o => o.Region = null));

        Assert.StartsWith("No AWS region configured. Looked at:\n- AwsClientOptions.Region (not set)", error.Message);
        Assert.EndsWith("Set AwsClientOptions.Region, AWS_REGION, or 'region' in the profile.", error.Message);
    }

    private static AwsServiceClient Create(string service, Action<AwsClientOptions> configure, Dictionary<string, string?>? variables = null)
    {
        var options = new AwsClientOptions
        {
            Credentials = new Auth.StaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            Environment = AwsEnvironment.FromVariables(variables ?? new Dictionary<string, string?>()),
        };
        configure(options);
        return GeneratedClient.For(Directory.GetDirectories(Path.Combine(SharedModels, service)).Single()).Create(options);
    }
}
