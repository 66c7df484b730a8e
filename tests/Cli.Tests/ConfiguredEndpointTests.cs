using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>
/// With --endpoint or a configured region the tool uses the standard region and credential chains, read from the
/// environment the test hands it; an emulator started by the test stands in for AWS.
/// </summary>
public sealed class ConfiguredEndpointTests : IClassFixture<ReferenceEmulator>
{
    private readonly ReferenceEmulator _reference;

    public ConfiguredEndpointTests(ReferenceEmulator reference) => _reference = reference;

    private Dictionary<string, string?> Environment(string accessKeyId, string secretAccessKey) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = accessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
        ["AWS_REGION"] = "us-east-1",
    };

    private string[] Args(params string[] more) =>
        new[] { "list-runs", "--endpoint", _reference.Endpoint, "--domain", _reference.Emulator.DomainId, "--data-source", _reference.Emulator.DataSourceId }
            .Concat(more).ToArray();

    [Fact]
    public async Task Credentials_from_the_environment_list_from_the_endpoint()
    {
        var credentials = _reference.Emulator.Credentials;

        var result = await CliRunner.RunAsync(Environment(credentials.AccessKeyId, credentials.SecretAccessKey), Args("--output", "json", "--page-size", "25"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("embedded", result.Stderr);
        var ids = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
        Assert.Equal(_reference.Emulator.Runs.Select(r => r.Id), ids);
    }

    [Theory]
    [InlineData("AKIAWRONGEXAMPLE0001", "wrong/secret/KEY", "UnrecognizedClientException")]
    [InlineData("AKIAEMULATOREXAMPLE", "wrong/secret/KEY", "InvalidSignatureException")]
    public async Task Wrong_credentials_exit_1_with_the_error_code_and_request_id(string accessKeyId, string secret, string errorCode)
    {
        var result = await CliRunner.RunAsync(Environment(accessKeyId, secret), Args());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"error: {errorCode} (HTTP 403)", result.Stderr);
        var requestId = _reference.Emulator.Requests.Last(r => r.ErrorCode == errorCode && r.AccessKeyId == accessKeyId).RequestId;
        Assert.Contains($"request id: {requestId}", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task An_unreachable_endpoint_exits_1_with_a_clear_message()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var environment = Environment("AKIAEMULATOREXAMPLE", "x");
        environment["AWS_MAX_ATTEMPTS"] = "1";

        var result = await CliRunner.RunAsync(environment,
            "list-runs", "--endpoint", $"http://127.0.0.1:{port}/", "--domain", "dzd_demo01", "--data-source", "demo-data-source");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("failed to reach the service", result.Stderr);
    }

    [Fact]
    public async Task An_endpoint_from_aws_endpoint_url_counts_as_configured()
    {
        var credentials = _reference.Emulator.Credentials;
        var environment = Environment(credentials.AccessKeyId, credentials.SecretAccessKey);
        environment["AWS_ENDPOINT_URL_DATAZONE"] = _reference.Endpoint;

        var result = await CliRunner.RunAsync(environment,
            "list-runs", "--domain", "dzd_demo01", "--data-source", "demo-data-source", "--max-items", "3", "--output", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, Csv.Parse(result.Stdout).Count);
        Assert.DoesNotContain("embedded", result.Stderr);
    }

    [Theory]
    [InlineData("AWS_REGION")]
    [InlineData("AWS_DEFAULT_REGION")]
    public async Task A_region_in_the_environment_selects_aws_and_requires_domain(string variable)
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { [variable] = "eu-west-1" }, "list-runs");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--domain is required", result.Stderr);
        Assert.Contains($"eu-west-1 (from {variable})", result.Stderr);
        Assert.DoesNotContain("embedded DataZone emulator at", result.Stderr);
    }

    [Fact]
    public async Task A_region_in_the_shared_config_profile_selects_aws()
    {
        var home = Directory.CreateTempSubdirectory("cli-tests-home-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(home, ".aws"));
            File.WriteAllText(Path.Combine(home, ".aws", "config"), "[default]\nregion = us-west-2\n\n[profile work]\nregion = ap-southeast-2\n");

            var byDefault = await CliRunner.RunAsync(new Dictionary<string, string?> { ["HOME"] = home }, "list-runs", "--domain", "dzd_x");
            var byProfile = await CliRunner.RunAsync(new Dictionary<string, string?> { ["HOME"] = home, ["AWS_PROFILE"] = "work" }, "list-runs");
            var byOption = await CliRunner.RunAsync(new Dictionary<string, string?> { ["HOME"] = home }, "list-runs", "--profile", "work");

            Assert.True(byDefault.ExitCode == 2, byDefault.ToString());
            Assert.Contains("--data-source is required", byDefault.Stderr);
            Assert.Contains("us-west-2", byDefault.Stderr);
            Assert.True(byProfile.ExitCode == 2, byProfile.ToString());
            Assert.Contains("ap-southeast-2", byProfile.Stderr);
            Assert.True(byOption.ExitCode == 2, byOption.ToString());
            Assert.Contains("ap-southeast-2", byOption.Stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task An_endpoint_without_any_region_asks_for_one()
    {
        var result = await CliRunner.RunAsync(Args());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--region is required", result.Stderr);
    }

    [Fact]
    public async Task A_malformed_aws_max_attempts_is_a_usage_error()
    {
        var environment = Environment("AKIAEMULATOREXAMPLE", "x");
        environment["AWS_MAX_ATTEMPTS"] = "many";

        var result = await CliRunner.RunAsync(environment, Args());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("AWS_MAX_ATTEMPTS", result.Stderr);
    }

    [Fact]
    public async Task A_fips_preference_with_an_endpoint_is_a_usage_error()
    {
        var environment = Environment("AKIAEMULATOREXAMPLE", "x");
        environment["AWS_USE_FIPS_ENDPOINT"] = "true";

        var result = await CliRunner.RunAsync(environment, Args());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("FIPS and custom endpoint are not supported", result.Stderr);
    }

    [Fact]
    public async Task Profile_credentials_are_read_under_the_tools_home_directory()
    {
        var credentials = _reference.Emulator.Credentials;
        var home = Directory.CreateTempSubdirectory("cli-tests-home-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(home, ".aws"));
            File.WriteAllText(Path.Combine(home, ".aws", "credentials"),
                $"[work]\naws_access_key_id = {credentials.AccessKeyId}\naws_secret_access_key = {credentials.SecretAccessKey}\n");
            File.WriteAllText(Path.Combine(home, ".aws", "config"), "[profile work]\nregion = us-east-1\nmax_attempts = 2\n");

            var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["HOME"] = home },
                Args("--profile", "work", "--max-items", "2", "--output", "json"));

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(2, result.StdoutLines.Length);
            Assert.Equal(credentials.AccessKeyId, _reference.Emulator.Requests.Last().AccessKeyId);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_profiles_services_section_endpoint_is_called_instead_of_the_embedded_emulator()
    {
        var credentials = _reference.Emulator.Credentials;
        var home = Directory.CreateTempSubdirectory("cli-tests-home-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(home, ".aws"));
            File.WriteAllText(Path.Combine(home, ".aws", "config"),
                $"[default]\nregion = us-east-1\nservices = local\n[services local]\ndatazone =\n  endpoint_url = {_reference.Endpoint}\n");
            var environment = new Dictionary<string, string?>
            {
                ["HOME"] = home,
                ["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey,
            };
            var requestsBefore = _reference.Emulator.Requests.Count;

            var result = await CliRunner.RunAsync(environment, "list-runs", "--domain", _reference.Emulator.DomainId,
                "--data-source", _reference.Emulator.DataSourceId, "--max-items", "2", "--output", "json");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("embedded DataZone emulator", result.Stderr);
            Assert.Equal(2, result.StdoutLines.Length);
            Assert.True(_reference.Emulator.Requests.Count > requestsBefore, "the configured endpoint was not called");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_profile_that_does_not_exist_is_a_usage_error_as_in_the_aws_cli()
    {
        var result = await CliRunner.RunAsync("list-runs", "--profile", "ghost");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The config profile 'ghost' (from the profile option) could not be found", result.Stderr);
        Assert.DoesNotContain("embedded DataZone emulator at", result.Stderr);
    }

    [Fact]
    public async Task An_explicit_profile_without_a_region_is_a_usage_error_that_says_where_it_looked()
    {
        var home = Directory.CreateTempSubdirectory("cli-tests-home-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(home, ".aws"));
            File.WriteAllText(Path.Combine(home, ".aws", "config"), "[profile ghost]\noutput = json\n");

            var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["HOME"] = home }, "list-runs", "--profile", "ghost");

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("--region is required: profile 'ghost' has no region", result.Stderr);
            Assert.Contains("AWS_REGION (not set)", result.Stderr);
            Assert.DoesNotContain("embedded DataZone emulator at", result.Stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task A_malformed_endpoint_variable_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = "localhost:4566" }, "list-runs");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("AWS_ENDPOINT_URL must be an absolute http or https URL", result.Stderr);
    }

    [Fact]
    public async Task A_retry_mode_other_than_standard_is_a_usage_error()
    {
        var environment = Environment("AKIAEMULATOREXAMPLE", "x");
        environment["AWS_RETRY_MODE"] = "adaptive";

        var result = await CliRunner.RunAsync(environment, Args());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("AWS_RETRY_MODE is 'adaptive'", result.Stderr);
    }

    [Fact]
    public async Task Missing_credentials_say_where_the_chain_looked_without_the_process_environment()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["AWS_REGION"] = "us-east-1" }, Args());

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("No AWS credentials found", result.Stderr);
        Assert.Contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", result.Stderr);
        Assert.Contains("no home directory", result.Stderr);
    }
}
