using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Client;

/// <summary>
/// The public environment seam: <see cref="AwsEnvironment"/>, <see cref="AwsClientOptions.Environment"/> and
/// <see cref="AwsClientSettings"/>. Variables live in a dictionary; files under a temporary home directory.
/// </summary>
public sealed class AwsEnvironmentTests : IDisposable
{
    private const string Secret = "s3cr3t/SECRET+value";
    private readonly FakeEnvironment _files = new(); // only for its temporary home directory
    private readonly Dictionary<string, string?> _variables = new();
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _files.Dispose();

    private IAwsEnvironment Environment => AwsEnvironment.FromVariables(_variables);

    private AwsClientOptions Options(Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions { Environment = Environment };
        configure?.Invoke(options);
        return options;
    }

    private string WithHome()
    {
        _variables["HOME"] = _files.HomeDirectory;
        return _files.HomeDirectory;
    }

    // ---- AwsEnvironment

    [Fact]
    public void From_variables_blank_and_missing_are_unset()
    {
        _variables["A"] = "value";
        _variables["EMPTY"] = "";
        _variables["BLANK"] = "  ";
        _variables["NULL"] = null;

        Assert.Equal("value", Environment.GetVariable("A"));
        Assert.Null(Environment.GetVariable("EMPTY"));
        Assert.Null(Environment.GetVariable("BLANK"));
        Assert.Null(Environment.GetVariable("NULL"));
        Assert.Null(Environment.GetVariable("MISSING"));
    }

    [Fact]
    public void From_variables_does_not_see_the_process_environment()
    {
        Assert.NotNull(System.Environment.GetEnvironmentVariable("PATH"));
        Assert.Null(Environment.GetVariable("PATH"));
        Assert.Equal(System.Environment.GetEnvironmentVariable("PATH"), AwsEnvironment.Process.GetVariable("PATH"));
    }

    [Fact]
    public void From_variables_home_is_the_argument_else_home_else_user_profile_else_none()
    {
        Assert.Null(Environment.HomeDirectory);
        _variables["USERPROFILE"] = "/users/me";
        Assert.Equal("/users/me", Environment.HomeDirectory);
        _variables["HOME"] = "/home/me";
        Assert.Equal("/home/me", Environment.HomeDirectory);
        Assert.Equal("/elsewhere", AwsEnvironment.FromVariables(_variables, "/elsewhere").HomeDirectory);
    }

    [Fact]
    public void From_variables_reads_files_from_disk()
    {
        var path = _files.WriteFile("some/file", "text");
        Assert.Equal("text", Environment.ReadFile(path));
        Assert.Null(Environment.ReadFile(path + ".missing"));
    }

    [Fact]
    public void To_string_names_no_values()
    {
        _variables["AWS_SECRET_ACCESS_KEY"] = Secret;
        Assert.DoesNotContain(Secret, Environment.ToString());
        Assert.Equal("AwsEnvironment.FromVariables(1 variables)", Environment.ToString());
        Assert.Equal("AwsEnvironment.Process", AwsEnvironment.Process.ToString());
    }

    // ---- AwsClientSettings.FindRegion

    [Fact]
    public void Find_region_nothing_configured_is_null_and_says_where_it_looked()
    {
        Assert.Null(AwsClientSettings.FindRegion(Options(), out var looked));
        Assert.Contains("AWS_REGION (not set)", looked);
        Assert.Contains("AWS_DEFAULT_REGION (not set)", looked);
        Assert.Contains("'region' of profile 'default'", looked);
        Assert.Contains("no home directory", looked);
    }

    [Theory]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_DEFAULT_REGION")]
    public void Find_region_from_a_variable(string variable)
    {
        _variables[variable] = " eu-west-1 ";
        Assert.Equal("eu-west-1", AwsClientSettings.FindRegion(Options(), out var source));
        Assert.Equal(variable, source);
    }

    [Fact]
    public void Find_region_options_before_aws_region_before_aws_default_region()
    {
        _variables["AWS_REGION"] = "eu-west-1";
        _variables["AWS_DEFAULT_REGION"] = "eu-west-2";
        Assert.Equal("eu-west-1", AwsClientSettings.FindRegion(Options(), out _));
        Assert.Equal("ap-south-1", AwsClientSettings.FindRegion(Options(o => o.Region = "ap-south-1"), out var source));
        Assert.Equal("AwsClientOptions.Region", source);
    }

    [Fact]
    public void Find_region_from_the_profile_in_the_injected_home()
    {
        WithHome();
        var config = _files.WriteFile(".aws/config", "[default]\nregion = us-west-2\n[profile work]\nregion = ap-southeast-2\n");

        Assert.Equal("us-west-2", AwsClientSettings.FindRegion(Options(), out var source));
        Assert.Equal($"'region' of profile 'default' in {config}", source);
        _variables["AWS_PROFILE"] = "work";
        Assert.Equal("ap-southeast-2", AwsClientSettings.FindRegion(Options(), out _));
        _variables.Remove("AWS_PROFILE");
        Assert.Equal("ap-southeast-2", AwsClientSettings.FindRegion(Options(o => o.Profile = "work"), out _));
    }

    [Fact]
    public void Find_region_profile_without_region_says_so()
    {
        WithHome();
        _files.WriteFile(".aws/config", "[profile work]\noutput = json\n");

        Assert.Null(AwsClientSettings.FindRegion(Options(o => o.Profile = "work"), out var looked));
        Assert.Contains("'region' of profile 'work'", looked);
        Assert.Contains("(found)", looked);
        Assert.Contains("profile has no region", looked);
    }

    [Fact]
    public void Find_region_agrees_with_the_client()
    {
        _variables["AWS_DEFAULT_REGION"] = "ca-central-1";
        var found = AwsClientSettings.FindRegion(Options(), out _);
        using var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler));
        Assert.Equal(found, client.Region);
    }

    // ---- AwsClientSettings.FindEndpoint

    [Fact]
    public void Find_endpoint_nothing_configured_is_null()
    {
        Assert.Null(AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out var looked));
        Assert.Equal(
            "AWS_ENDPOINT_URL_DATAZONE and AWS_ENDPOINT_URL (not set); profile 'default' in ~/.aws/credentials (no home directory), "
            + "~/.aws/config (no home directory): no endpoint_url, none for datazone in a services section",
            looked);
    }

    [Fact]
    public void Find_endpoint_option_then_service_variable_then_global_variable()
    {
        _variables["AWS_ENDPOINT_URL"] = "http://global-env:2";
        Assert.Equal(new Uri("http://global-env:2"), AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out var source));
        Assert.Equal("AWS_ENDPOINT_URL", source);

        _variables["AWS_ENDPOINT_URL_DATAZONE"] = "http://service-env:1";
        Assert.Equal(new Uri("http://service-env:1"), AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out source));
        Assert.Equal("AWS_ENDPOINT_URL_DATAZONE", source);

        var explicitEndpoint = new Uri("http://localhost:4566");
        Assert.Equal(explicitEndpoint, AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(o => o.Endpoint = explicitEndpoint), out source));
        Assert.Equal("AwsClientOptions.Endpoint", source);
    }

    [Fact]
    public void Find_endpoint_variables_can_be_ignored()
    {
        _variables["AWS_ENDPOINT_URL"] = "http://global-env:2";
        _variables["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true";
        Assert.Null(AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out var looked));
        Assert.Contains("ignored", looked);
    }

    // botocore's ConfiguredEndpointProvider order: AWS_ENDPOINT_URL_<SERVICE>, the profile's services section,
    // AWS_ENDPOINT_URL, the profile's endpoint_url.
    [Fact]
    public void Find_endpoint_profile_settings_take_their_place_in_botocores_order()
    {
        WithHome();
        var config = _files.WriteFile(".aws/config",
            "[profile dev]\nendpoint_url = http://profile-global:4\nservices = local\n"
            + "[services local]\ndatazone =\n  endpoint_url = http://services-datazone:3\ns3 =\n  endpoint_url = http://services-s3:9\n");
        _variables["AWS_PROFILE"] = "dev";

        Assert.Equal(new Uri("http://services-datazone:3"), AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out var source));
        Assert.Equal($"'endpoint_url' for datazone in the services section of profile 'dev' in {config}", source);

        // botocore reads both variables before the config file: AWS_ENDPOINT_URL beats the services section.
        _variables["AWS_ENDPOINT_URL"] = "http://global-env:2";
        Assert.Equal(new Uri("http://global-env:2"), AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out source));
        Assert.Equal("AWS_ENDPOINT_URL", source);

        _variables["AWS_ENDPOINT_URL_DATAZONE"] = "http://service-env:1";
        Assert.Equal(new Uri("http://service-env:1"), AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out source));
        Assert.Equal("AWS_ENDPOINT_URL_DATAZONE", source);

        // Without a datazone block the profile's own endpoint_url applies.
        _variables.Remove("AWS_ENDPOINT_URL_DATAZONE");
        _variables.Remove("AWS_ENDPOINT_URL");
        _files.WriteFile(".aws/config", "[profile dev]\nendpoint_url = http://profile-global:4\nservices = local\n[services local]\ns3 =\n  endpoint_url = http://services-s3:9\n");
        Assert.Equal(new Uri("http://profile-global:4"), AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out source));
        Assert.Equal($"'endpoint_url' of profile 'dev' in {config}", source);
    }

    [Fact]
    public void Find_region_keeps_spaces_inside_section_headers_as_configparser_does()
    {
        WithHome();
        _files.WriteFile(".aws/config", "[ default ]\nregion = eu-west-1\n[profile   dev]\nregion = ca-central-1\n");

        // "[ default ]" names the section " default ", which botocore's build_profile_map does not take as the default.
        Assert.Null(AwsClientSettings.FindRegion(Options(), out _));

        _variables["AWS_PROFILE"] = "dev";
        Assert.Equal("ca-central-1", AwsClientSettings.FindRegion(Options(), out _));
    }

    [Fact]
    public void A_section_or_setting_given_twice_in_one_file_is_refused_as_configparser_does()
    {
        WithHome();
        var config = _files.WriteFile(".aws/config", "[default]\nregion = eu-west-1\n[default]\noutput = json\n");
        var error = Assert.Throws<AwsClientException>(() => AwsClientSettings.FindRegion(Options(), out _));
        Assert.StartsWith($"Unable to parse config file {config} (line 3): section [default] appears a second time.", error.Message);

        _files.WriteFile(".aws/config", "[default]\nregion = eu-west-1\nRegion = us-west-2\n");
        error = Assert.Throws<AwsClientException>(() => AwsClientSettings.FindRegion(Options(), out _));
        Assert.StartsWith($"Unable to parse config file {config} (line 3): 'region' appears a second time in section [default].", error.Message);
    }

    [Theory]
    [InlineData("region = eu-west-1\n[default]\n", "line 1): a setting before the first [section]")]
    [InlineData("[default]\nregion = eu-west-1\njunk\n", "line 3): a line that is neither a [section], a 'name = value' setting nor a # or ; comment")]
    public void A_line_configparser_refuses_makes_the_file_unreadable(string text, string problem)
    {
        WithHome();
        var config = _files.WriteFile(".aws/config", text);
        var error = Assert.Throws<AwsClientException>(() => AwsClientSettings.FindRegion(Options(), out _));
        Assert.StartsWith($"Unable to parse config file {config} ({problem}.", error.Message);
    }

    [Fact]
    public void Find_endpoint_refuses_a_services_section_that_does_not_exist()
    {
        WithHome();
        var config = _files.WriteFile(".aws/config", "[profile dev]\nendpoint_url = http://profile-global:4\nservices = nowhere\n");
        _variables["AWS_PROFILE"] = "dev";

        var error = Assert.Throws<AwsClientException>(() => AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out _));

        Assert.Equal($"Profile 'dev' in {config} is configured to use the services section \"nowhere\", but there is no [services nowhere] in {config}.", error.Message);
    }

    [Fact]
    public void Find_endpoint_profile_can_ignore_configured_endpoints_and_a_client_uses_what_find_endpoint_finds()
    {
        WithHome();
        _files.WriteFile(".aws/config", "[default]\nregion = eu-west-1\nendpoint_url = http://profile-global:4\n");
        using (var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler)))
        {
            Assert.Equal(new Uri("http://profile-global:4"), client.Endpoint);
        }

        _files.WriteFile(".aws/config", "[default]\nregion = eu-west-1\nendpoint_url = http://profile-global:4\nignore_configured_endpoint_urls = TRUE\n");
        Assert.Null(AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out var looked));
        Assert.Contains("ignored: 'ignore_configured_endpoint_urls' of profile 'default'", looked);
        using (var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler)))
        {
            Assert.Equal(new Uri("https://datazone.eu-west-1.api.aws/"), client.Endpoint);
        }
    }

    [Fact]
    public void Find_endpoint_a_malformed_profile_setting_names_the_setting()
    {
        WithHome();
        _files.WriteFile(".aws/config", "[default]\nendpoint_url = localhost:4566\n");
        var error = Assert.Throws<AwsClientException>(() => AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out _));
        Assert.Contains("'endpoint_url' of profile 'default'", error.Message);
        Assert.Contains("must be an absolute http or https URL; got 'localhost:4566'", error.Message);
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("ftp://host/")]
    [InlineData("/just/a/path")]
    public void Find_endpoint_a_malformed_variable_is_a_clear_error(string value)
    {
        _variables["AWS_ENDPOINT_URL_DATAZONE"] = value;
        var error = Assert.Throws<AwsClientException>(() => AwsClientSettings.FindEndpoint(TestClients.DataZone, Options(), out _));
        Assert.Contains("AWS_ENDPOINT_URL_DATAZONE must be an absolute http or https URL", error.Message);
    }

    // ---- a client over an injected environment

    [Fact]
    public async Task Client_takes_region_endpoint_and_credentials_from_the_injected_environment()
    {
        _variables["AWS_REGION"] = "eu-central-1";
        _variables["AWS_ENDPOINT_URL_DATAZONE"] = "http://emulator.test:4566";
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDFROMDICTIONARY";
        _variables["AWS_SECRET_ACCESS_KEY"] = Secret;
        _handler.Reply(HttpStatusCode.OK, "ok");
        using var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler));

        Assert.Equal("ok", await client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None));

        Assert.Equal("eu-central-1", client.Region);
        Assert.Equal(new Uri("http://emulator.test:4566"), client.Endpoint);
        var authorization = _handler.Requests[0].Header("Authorization")!;
        Assert.Contains("Credential=AKIDFROMDICTIONARY/", authorization);
        Assert.Contains("/eu-central-1/datazone/aws4_request", authorization);
    }

    [Fact]
    public async Task Client_reads_profile_credentials_under_the_injected_home()
    {
        WithHome();
        _files.WriteFile(".aws/credentials", $"[work]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = {Secret}\n");
        _files.WriteFile(".aws/config", "[profile work]\nregion = us-west-2\n");
        _variables["AWS_PROFILE"] = "work";
        _handler.Reply(HttpStatusCode.OK, "ok");
        using var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler));

        await client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None);

        Assert.Equal("us-west-2", client.Region);
        Assert.Contains("Credential=AKIDPROFILE/", _handler.Requests[0].Header("Authorization"));
    }

    [Fact]
    public async Task Client_no_credentials_in_the_injected_environment_says_where_it_looked()
    {
        _variables["AWS_REGION"] = "us-east-1";
        using var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(
            () => client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None));

        Assert.Empty(_handler.Requests);
        Assert.Contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", error.Message);
        Assert.Contains("profile 'default' not found", error.Message);
    }

    [Fact]
    public async Task Client_partial_keys_in_the_injected_environment_are_misconfigured_without_the_secret()
    {
        _variables["AWS_REGION"] = "us-east-1";
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDPARTIAL";
        _variables["AWS_SESSION_TOKEN"] = Secret;
        using var client = new AwsServiceClient(TestClients.DataZone, Options(o => o.HttpMessageHandler = _handler));

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(
            () => client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None));

        Assert.Contains("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void Client_options_environment_wins_over_the_test_seam()
    {
        using var seam = new FakeEnvironment();
        seam.Set("AWS_REGION", "eu-west-1");
        _variables["AWS_REGION"] = "eu-west-2";
        using var client = TestClients.Create(_handler, out _, o => { o.Region = null; o.Environment = Environment; }, seam);
        Assert.Equal("eu-west-2", client.Region);
    }

    // ---- credential providers over an injected environment

    [Fact]
    public async Task Providers_read_through_the_given_environment()
    {
        WithHome();
        _files.WriteFile(".aws/credentials", $"[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = {Secret}\n");
        _variables["AWS_ACCESS_KEY_ID"] = "AKIDENV";
        _variables["AWS_SECRET_ACCESS_KEY"] = Secret;

        Assert.Equal("AKIDENV", (await new EnvironmentCredentialsProvider(Environment).GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal("AKIDPROFILE", (await new ProfileCredentialsProvider(null, Environment).GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal("AKIDENV", (await new DefaultCredentialsChain(null, Environment).GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal("AKIDPROFILE", (await new DefaultCredentialsChain("default", Environment).GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
    }
}
