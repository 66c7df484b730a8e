using System;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Client;

public sealed class RegionAndEndpointTests : IDisposable
{
    private readonly FakeEnvironment _environment = new();
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _environment.Dispose();

    private AwsServiceClient Client(Action<AwsClientOptions>? configure = null) =>
        TestClients.Create(_handler, out _, options =>
        {
            options.Region = null;
            configure?.Invoke(options);
        }, _environment);

    [Fact]
    public void Region_options_win_over_everything()
    {
        _environment.Set("AWS_REGION", "eu-west-1");
        using var client = Client(o => o.Region = "ap-south-1");
        Assert.Equal("ap-south-1", client.Region);
    }

    [Fact]
    public void Region_aws_region_before_aws_default_region()
    {
        _environment.Set("AWS_REGION", "eu-west-1").Set("AWS_DEFAULT_REGION", "eu-west-2");
        using var client = Client();
        Assert.Equal("eu-west-1", client.Region);
    }

    [Fact]
    public void Region_aws_default_region()
    {
        _environment.Set("AWS_DEFAULT_REGION", "eu-west-2");
        using var client = Client();
        Assert.Equal("eu-west-2", client.Region);
    }

    [Fact]
    public void Region_from_selected_profile_in_config_file()
    {
        _environment.WriteFile(".aws/config", "[default]\nregion = us-west-2\n[profile dev]\nregion = ca-central-1\n");
        _environment.Set("AWS_PROFILE", "dev");
        using var client = Client();
        Assert.Equal("ca-central-1", client.Region);
    }

    [Fact]
    public void Region_from_options_profile_and_aws_config_file()
    {
        var path = _environment.WriteFile("elsewhere/cfg", "[profile ops]\nregion = sa-east-1\n");
        _environment.Set("AWS_CONFIG_FILE", path);
        using var client = Client(o => o.Profile = "ops");
        Assert.Equal("sa-east-1", client.Region);
    }

    [Fact]
    public void Region_missing_says_where_it_looked()
    {
        _environment.WriteFile(".aws/config", "[default]\noutput = json\n");
        var error = Assert.Throws<AwsClientException>(() => Client());
        Assert.Contains("No AWS region configured", error.Message);
        Assert.Contains("AwsClientOptions.Region", error.Message);
        Assert.Contains("AWS_REGION", error.Message);
        Assert.Contains("AWS_DEFAULT_REGION", error.Message);
        Assert.Contains("profile 'default'", error.Message);
        Assert.Contains("profile has no region", error.Message);
    }

    [Theory]
    [InlineData("AWS_PROFILE")]
    [InlineData("AWS_DEFAULT_PROFILE")]
    [InlineData(null)]
    public void A_named_profile_that_does_not_exist_is_an_error_as_in_botocore(string? variable)
    {
        _environment.WriteFile(".aws/config", "[default]\nregion = us-west-2\n");
        if (variable is not null)
        {
            _environment.Set(variable, "typo");
        }

        var error = Assert.Throws<AwsClientException>(() => Client(o => o.Profile = variable is null ? "typo" : null));
        Assert.Contains("The config profile 'typo'", error.Message);
        Assert.Contains(variable ?? "the profile option", error.Message);
    }

    [Fact]
    public void A_named_profile_that_does_not_exist_fails_even_when_the_environment_has_the_region()
    {
        // As `AWS_PROFILE=typo aws --region eu-west-1 ...` fails: other settings (FIPS, retries) read the profile too.
        _environment.Set("AWS_REGION", "eu-west-1").Set("AWS_PROFILE", "typo");
        var error = Assert.Throws<AwsClientException>(() => Client());
        Assert.Contains("The config profile 'typo' (from AWS_PROFILE)", error.Message);
    }

    [Fact]
    public void The_unnamed_default_profile_may_be_missing()
    {
        _environment.Set("AWS_REGION", "eu-west-1");
        using var client = Client();
        Assert.Equal("eu-west-1", client.Region);
    }

    // Expected URLs are what botocore 1.43's rule-set resolver returns for DataZone.
    [Theory]
    [InlineData("us-east-1", false, "https://datazone.us-east-1.api.aws/")]
    [InlineData("us-east-1", true, "https://datazone-fips.us-east-1.api.aws/")]
    [InlineData("eu-west-1", false, "https://datazone.eu-west-1.api.aws/")]
    [InlineData("cn-north-1", false, "https://datazone.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("cn-north-1", true, "https://datazone-fips.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("us-gov-west-1", false, "https://datazone.us-gov-west-1.api.aws/")]
    [InlineData("us-gov-west-1", true, "https://datazone-fips.us-gov-west-1.api.aws/")]
    [InlineData("us-iso-east-1", false, "https://datazone.us-iso-east-1.api.aws.ic.gov/")]
    [InlineData("us-isob-east-1", true, "https://datazone-fips.us-isob-east-1.api.aws.scloud/")]
    [InlineData("eusc-de-east-1", false, "https://datazone.eusc-de-east-1.api.amazonwebservices.eu/")]
    [InlineData("xx-unknown-1", false, "https://datazone.xx-unknown-1.api.aws/")]
    public void Endpoint_FromRuleSet(string region, bool fips, string expected)
    {
        using var client = Client(o => { o.Region = region; o.UseFips = fips; });
        Assert.Equal(expected, client.Endpoint.ToString());
    }

    [Fact]
    public void Endpoint_partition_table()
    {
        Assert.Equal("aws-us-gov", Partitions.For("us-gov-east-1").Name);
        Assert.Equal("aws", Partitions.For("aws-global").Name);
        Assert.Equal("aws-cn", Partitions.For("aws-cn-global").Name);
        Assert.Equal("aws-iso-f", Partitions.For("us-isof-south-1").Name);
        Assert.Equal("aws", Partitions.For("mars-north-1").Name);
    }

    [Fact]
    public void Endpoint_options_override_beats_environment()
    {
        _environment.Set("AWS_ENDPOINT_URL_DATAZONE", "http://service-env:1").Set("AWS_ENDPOINT_URL", "http://global-env:2");
        using var client = Client(o => { o.Region = "us-east-1"; o.Endpoint = new Uri("http://localhost:4566"); });
        Assert.Equal(new Uri("http://localhost:4566"), client.Endpoint);
    }

    [Fact]
    public void Endpoint_service_variable_beats_global_variable()
    {
        _environment.Set("AWS_ENDPOINT_URL_DATAZONE", "http://service-env:1").Set("AWS_ENDPOINT_URL", "http://global-env:2");
        using var client = Client(o => o.Region = "us-east-1");
        Assert.Equal(new Uri("http://service-env:1"), client.Endpoint);
    }

    [Fact]
    public void Endpoint_global_variable()
    {
        _environment.Set("AWS_ENDPOINT_URL", "http://global-env:2");
        using var client = Client(o => o.Region = "us-east-1");
        Assert.Equal(new Uri("http://global-env:2"), client.Endpoint);
    }

    [Fact]
    public void Endpoint_configured_urls_can_be_ignored()
    {
        _environment.Set("AWS_ENDPOINT_URL", "http://global-env:2").Set("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        using var client = Client(o => o.Region = "us-east-1");
        Assert.Equal(new Uri("https://datazone.us-east-1.api.aws"), client.Endpoint);
    }

    [Fact]
    public void Endpoint_variable_name_follows_botocore_rule() =>
        Assert.Equal("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", new AwsServiceMetadata("CloudWatch Logs", "logs", "logs", "2014-03-28").EndpointUrlVariable);

    // botocore reads use_fips_endpoint from AWS_USE_FIPS_ENDPOINT, then the profile, through ensure_boolean:
    // only "true", in any case, turns it on.
    [Theory]
    [InlineData("true", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("false", false)]
    [InlineData("1", false)]
    [InlineData("yes", false)]
    public void Endpoint_FipsFromEnvironmentVariable(string value, bool fips)
    {
        _environment.Set("AWS_USE_FIPS_ENDPOINT", value);
        using var client = Client(o => o.Region = "us-east-1");
        Assert.Equal(fips ? "https://datazone-fips.us-east-1.api.aws/" : "https://datazone.us-east-1.api.aws/", client.Endpoint.ToString());
    }

    [Fact]
    public void Endpoint_fips_from_profile_and_the_variable_wins_over_it()
    {
        _environment.WriteFile(".aws/config", "[default]\nregion = us-gov-west-1\nuse_fips_endpoint = true\n");
        using (var client = Client())
        {
            Assert.Equal("https://datazone-fips.us-gov-west-1.api.aws/", client.Endpoint.ToString());
        }

        _environment.Set("AWS_USE_FIPS_ENDPOINT", "false");
        using (var client = Client())
        {
            Assert.Equal("https://datazone.us-gov-west-1.api.aws/", client.Endpoint.ToString());
        }
    }

    [Fact]
    public void Endpoint_fips_option_wins_over_the_variable()
    {
        _environment.Set("AWS_USE_FIPS_ENDPOINT", "true");
        using var client = Client(o => { o.Region = "us-east-1"; o.UseFips = false; });
        Assert.Equal("https://datazone.us-east-1.api.aws/", client.Endpoint.ToString());
    }

    [Fact]
    public void Endpoint_fips_from_variable_with_custom_endpoint_is_an_error()
    {
        // As the service's rule set states it: a configured endpoint and FIPS together are refused, not silently mixed
        // (botocore's client instead drops FIPS when an endpoint is configured).
        _environment.Set("AWS_USE_FIPS_ENDPOINT", "true");
        _environment.Set("AWS_ENDPOINT_URL", "http://localhost:1");
        var error = Assert.Throws<EndpointResolutionException>(() => Client(o => o.Region = "us-east-1"));
        Assert.Contains("FIPS and custom endpoint are not supported", error.Message);
    }

    [Fact]
    public void Endpoint_fips_with_custom_endpoint_is_an_error()
    {
        var error = Assert.Throws<EndpointResolutionException>(() => Client(o => { o.Region = "us-east-1"; o.UseFips = true; o.Endpoint = new Uri("http://localhost:1"); }));
        Assert.Contains("FIPS and custom endpoint are not supported", error.Message);
    }

    [Theory]
    [InlineData("us-east-1.evil.com/x")]
    [InlineData("us east 1")]
    public void Endpoint_region_must_be_a_host_label(string region) =>
        Assert.Throws<AwsClientException>(() => Client(o => o.Region = region));

    [Fact]
    public void Endpoint_invalid_variable_is_a_clear_error()
    {
        _environment.Set("AWS_ENDPOINT_URL", "not a uri");
        var error = Assert.Throws<AwsClientException>(() => Client(o => o.Region = "us-east-1"));
        Assert.Contains("AWS_ENDPOINT_URL", error.Message);
    }
}
