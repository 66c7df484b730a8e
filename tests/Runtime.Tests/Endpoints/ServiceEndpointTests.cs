using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Http;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>
/// Clients whose metadata carries a real service's rule set (read from ../shared/models), checked through
/// <see cref="AwsServiceClient.Endpoint"/> and the requests they send. Expected URLs are what botocore's
/// EndpointProvider gives for the same rule set and parameters.
/// </summary>
public sealed class ServiceEndpointTests : IDisposable
{
    private readonly FakeEnvironment _environment = new();
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _environment.Dispose();

    private static AwsServiceMetadata Service(string folder, string serviceId, string prefix, string signingName) =>
        new(serviceId, prefix, signingName, "2000-01-01") { EndpointRules = SharedModels.RuleSet(folder) };

    private static readonly AwsServiceMetadata DataZone = Service("datazone", "DataZone", "datazone", "datazone");
    private static readonly AwsServiceMetadata Kms = Service("kms", "KMS", "kms", "kms");
    private static readonly AwsServiceMetadata Lambda = Service("lambda", "Lambda", "lambda", "lambda");
    private static readonly AwsServiceMetadata Sso = Service("sso", "SSO", "portal.sso", "awsssoportal");
    private static readonly AwsServiceMetadata Sts = Service("sts", "STS", "sts", "sts");
    private static readonly AwsServiceMetadata DynamoDb = Service("dynamodb", "DynamoDB", "dynamodb", "dynamodb");

    private static readonly Dictionary<string, AwsServiceMetadata> ByName = new()
    {
        ["datazone"] = DataZone, ["kms"] = Kms, ["lambda"] = Lambda, ["sso"] = Sso, ["sts"] = Sts, ["dynamodb"] = DynamoDb,
    };

    private AwsServiceClient Client(AwsServiceMetadata service, Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(TestClients.Credentials),
            HttpMessageHandler = _handler,
            Dependencies = new ClientDependencies
            {
                Environment = _environment,
                UtcNow = () => TestClients.Now,
                Delay = (_, _) => Task.CompletedTask,
                NextRandom = () => 0.5,
            },
        };
        configure?.Invoke(options);
        return new AwsServiceClient(service, options);
    }

    [Theory]
    [InlineData("datazone", "us-east-1", false, false, "https://datazone.us-east-1.api.aws/")]
    [InlineData("datazone", "us-east-1", true, false, "https://datazone-fips.us-east-1.api.aws/")]
    [InlineData("datazone", "cn-north-1", false, false, "https://datazone.cn-north-1.api.amazonwebservices.com.cn/")]
    [InlineData("datazone", "us-gov-west-1", true, false, "https://datazone-fips.us-gov-west-1.api.aws/")]
    [InlineData("datazone", "eu-isoe-west-1", false, false, "https://datazone.eu-isoe-west-1.api.cloud-aws.adc-e.uk/")]
    [InlineData("datazone", "us-isof-south-1", true, false, "https://datazone-fips.us-isof-south-1.api.aws.hci.ic.gov/")]
    [InlineData("kms", "us-east-1", false, false, "https://kms.us-east-1.amazonaws.com/")]
    [InlineData("kms", "us-east-1", true, false, "https://kms-fips.us-east-1.amazonaws.com/")]
    [InlineData("kms", "us-east-1", false, true, "https://kms.us-east-1.api.aws/")]
    [InlineData("kms", "us-east-1", true, true, "https://kms-fips.us-east-1.api.aws/")]
    [InlineData("kms", "cn-north-1", false, false, "https://kms.cn-north-1.amazonaws.com.cn/")]
    [InlineData("kms", "cn-north-1", true, false, "https://kms-fips.cn-north-1.amazonaws.com.cn/")]
    [InlineData("kms", "us-gov-west-1", true, false, "https://kms-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("kms", "us-iso-east-1", false, false, "https://kms.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("kms", "us-iso-east-1", false, true, "https://kms.us-iso-east-1.api.aws.ic.gov/")]
    [InlineData("kms", "us-isob-east-1", true, false, "https://kms-fips.us-isob-east-1.sc2s.sgov.gov/")]
    [InlineData("lambda", "us-gov-west-1", true, false, "https://lambda-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("lambda", "us-gov-west-1", false, true, "https://lambda.us-gov-west-1.api.aws/")]
    [InlineData("lambda", "eu-isoe-west-1", false, false, "https://lambda.eu-isoe-west-1.cloud.adc-e.uk/")]
    [InlineData("sso", "us-east-1", true, true, "https://portal.sso-fips.us-east-1.api.aws/")]
    [InlineData("sso", "us-gov-west-1", false, false, "https://portal.sso.us-gov-west-1.amazonaws.com/")]
    [InlineData("sts", "eu-west-1", false, false, "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData("dynamodb", "us-east-1", true, true, "https://dynamodb-fips.us-east-1.api.aws/")]
    public void A_client_resolves_its_endpoint_from_the_service_rule_set(string service, string region, bool fips, bool dualStack, string expected)
    {
        using var client = Client(ByName[service], o => { o.Region = region; o.UseFips = fips; o.UseDualStack = dualStack; });
        Assert.Equal(expected, client.Endpoint.ToString());
    }

    [Theory]
    [InlineData("true", "https://kms.us-east-1.api.aws/")]
    [InlineData(" TRUE ", "https://kms.us-east-1.api.aws/")]
    [InlineData("1", "https://kms.us-east-1.amazonaws.com/")]
    [InlineData("false", "https://kms.us-east-1.amazonaws.com/")]
    public void Dual_stack_comes_from_the_environment_variable_as_botocore_reads_booleans(string value, string expected)
    {
        _environment.Set("AWS_USE_DUALSTACK_ENDPOINT", value);
        using var client = Client(Kms);
        Assert.Equal(expected, client.Endpoint.ToString());
    }

    [Fact]
    public void Dual_stack_comes_from_the_profile_and_the_option_wins()
    {
        _environment.WriteFile(".aws/config", "[default]\nuse_dualstack_endpoint = true\n");
        using (var client = Client(Kms))
        {
            Assert.Equal("https://kms.us-east-1.api.aws/", client.Endpoint.ToString());
        }

        using (var client = Client(Kms, o => o.UseDualStack = false))
        {
            Assert.Equal("https://kms.us-east-1.amazonaws.com/", client.Endpoint.ToString());
        }
    }

    [Fact]
    public void A_configured_endpoint_is_passed_to_the_rules_as_written()
    {
        using var client = Client(Kms, o => o.Endpoint = new Uri("http://localhost:4566/prefix"));
        Assert.Equal(new Uri("http://localhost:4566/prefix"), client.Endpoint);
    }

    [Fact]
    public void An_endpoint_variable_is_the_custom_endpoint_of_the_rules()
    {
        _environment.Set("AWS_ENDPOINT_URL_KMS", "https://kms.internal.example:8443");
        using var client = Client(Kms);
        Assert.Equal(new Uri("https://kms.internal.example:8443"), client.Endpoint);
    }

    [Theory]
    [InlineData("datazone", true, false, "Invalid Configuration: FIPS and custom endpoint are not supported")]
    [InlineData("kms", true, false, "Invalid Configuration: FIPS and custom endpoint are not supported")]
    [InlineData("kms", false, true, "Invalid Configuration: Dualstack and custom endpoint are not supported")]
    public void Fips_or_dual_stack_with_a_custom_endpoint_is_refused_with_the_rule_text(string service, bool fips, bool dualStack, string message)
    {
        var error = Assert.Throws<EndpointResolutionException>(() =>
            Client(ByName[service], o => { o.UseFips = fips; o.UseDualStack = dualStack; o.Endpoint = new Uri("http://localhost:1"); }));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Missing_region_stops_the_client_before_the_rules()
    {
        var error = Assert.Throws<AwsClientException>(() => Client(Kms, o => o.Region = null));
        Assert.Contains("No AWS region configured", error.Message);
    }

    [Theory]
    [InlineData("us-east-1.evil.com")]
    [InlineData("us-east-1/x")]
    [InlineData("-us-east-1")]
    public void An_invalid_region_is_refused_as_botocore_validates_region_names(string region)
    {
        var error = Assert.Throws<AwsClientException>(() => Client(Kms, o => o.Region = region));
        Assert.Equal($"Provided region_name '{region}' doesn't match a supported format.", error.Message);
    }

    [Fact]
    public async Task Requests_go_to_the_resolved_endpoint_and_are_signed_for_the_region()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = Client(Lambda, o => { o.Region = "us-gov-west-1"; o.UseFips = true; });
        await client.InvokeAsync(Operation(), "x", CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("https://lambda-fips.us-gov-west-1.amazonaws.com/things/x", request.Uri.ToString());
        Assert.Contains("/20240501/us-gov-west-1/lambda/aws4_request", request.Header("Authorization"));
    }

    [Fact]
    public async Task The_auth_scheme_of_the_endpoint_sets_the_signing_region()
    {
        // STS's legacy global endpoint is signed for us-east-1 whatever the client's region (its authSchemes say so).
        _environment.Set("AWS_STS_REGIONAL_ENDPOINTS", "legacy");
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = Client(Sts, o => o.Region = "eu-west-1");
        Assert.Equal("https://sts.amazonaws.com/", client.Endpoint.ToString());
        Assert.Equal("us-east-1", client.SigningRegion);
        Assert.Equal("sts", client.SigningName);

        await client.InvokeAsync(Operation(), "x", CancellationToken.None);
        Assert.Contains("/20240501/us-east-1/sts/aws4_request", Assert.Single(_handler.Requests).Header("Authorization"));
    }

    [Theory]
    [InlineData(null, "eu-west-1", "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData("regional", "us-east-1", "https://sts.us-east-1.amazonaws.com/")]
    [InlineData("legacy", "us-east-1", "https://sts.amazonaws.com/")]
    [InlineData("legacy", "af-south-1", "https://sts.af-south-1.amazonaws.com/")]
    public void The_sts_global_endpoint_built_in_follows_sts_regional_endpoints(string? setting, string region, string expected)
    {
        if (setting is not null)
        {
            _environment.WriteFile(".aws/config", $"[default]\nsts_regional_endpoints = {setting}\n");
        }

        using var client = Client(Sts, o => o.Region = region);
        Assert.Equal(expected, client.Endpoint.ToString());
    }

    [Fact]
    public void An_invalid_sts_regional_endpoints_setting_is_a_clear_error()
    {
        _environment.Set("AWS_STS_REGIONAL_ENDPOINTS", "global");
        var error = Assert.Throws<AwsClientException>(() => Client(Sts));
        Assert.Contains("AWS_STS_REGIONAL_ENDPOINTS is 'global'", error.Message);
    }

    [Fact]
    public void Account_id_endpoint_mode_required_without_an_account_id_gives_the_rule_error()
    {
        _environment.Set("AWS_ACCOUNT_ID_ENDPOINT_MODE", "required");
        var error = Assert.Throws<EndpointResolutionException>(() => Client(DynamoDb));
        Assert.Equal("AccountIdEndpointMode is required but no AccountID was provided or able to be loaded", error.Message);
    }

    [Fact]
    public async Task Operation_context_parameters_resolve_the_endpoint_per_call()
    {
        _handler.Reply(HttpStatusCode.OK, "{}").Reply(HttpStatusCode.OK, "{}");
        using var client = Client(DynamoDb);
        var operation = Operation(bind: (arn, parameters) => parameters.Set("ResourceArn", arn));

        await client.InvokeAsync(operation, "arn:aws:dynamodb:us-east-1:222233334444:table/T", CancellationToken.None);
        await client.InvokeAsync(operation, "not-an-arn", CancellationToken.None);

        Assert.Equal("https://222233334444.ddb.us-east-1.amazonaws.com/things/arn%3Aaws%3Adynamodb%3Aus-east-1%3A222233334444%3Atable%2FT",
            _handler.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("dynamodb.us-east-1.amazonaws.com", _handler.Requests[1].Uri.Host);
        Assert.Equal("https://dynamodb.us-east-1.amazonaws.com/", client.Endpoint.ToString()); // the client's own endpoint is unchanged
    }

    [Fact]
    public void An_operation_whose_parameters_the_rules_refuse_fails_before_sending()
    {
        using var client = Client(Kms);
        var operation = Operation(bind: (_, parameters) => parameters.Remove("Region"));

        var error = Assert.Throws<EndpointResolutionException>(() => { _ = client.InvokeAsync(operation, "x", CancellationToken.None); });
        Assert.Equal("Invalid Configuration: Missing Region", error.Message);
        Assert.Empty(_handler.Requests);
    }

    private static AwsOperation<string, string> Operation(Action<string, EndpointParameters>? bind = null) =>
        new("GetThing", id => new AwsHttpRequest("GET", "/things/" + AwsUriEncoding.EscapeLabel(id)), _ => "ok", _ => null)
        {
            EndpointParameters = bind,
        };
}
