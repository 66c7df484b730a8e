using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;
using static DataZone.Gen.Runtime.Tests.Auth.AuthFakes;

namespace DataZone.Gen.Runtime.Tests.Auth;

/// <summary>The container endpoint and EC2 instance metadata, against loopback fakes.</summary>
public sealed class MetadataProviderTests : IDisposable
{
    private readonly FakeEnvironment _environment = new();
    private readonly FakeClock _clock = new();

    public void Dispose() => _environment.Dispose();

    private CredentialProviderOptions Options() => AuthFakes.Options(_environment, _clock);

    [Fact]
    public async Task Container_full_uri_with_a_token_file_read_on_every_fetch()
    {
        await using var server = LoopbackServer.Start(request => AuthFakes.ContainerCredentials("ASIA" + request.Header("authorization"), _clock.Now.AddHours(1)));
        var tokenFile = _environment.WriteFile("token", "first-token\n");
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", new Uri(server.Uri, "v1/credentials").ToString())
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile)
            .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-the-file-is-set");
        var provider = new ContainerCredentialsProvider(Options());

        var credentials = await Get(provider);
        Assert.Equal("ASIAfirst-token", credentials.AccessKeyId);
        Assert.Equal("container-token", credentials.SessionToken);
        Assert.Equal("/v1/credentials", Assert.Single(server.Requests).Path);

        _environment.WriteFile("token", "second-token");
        _clock.Advance(TimeSpan.FromMinutes(51));
        Assert.Equal("ASIAsecond-token", (await Get(provider)).AccessKeyId);
    }

    [Fact]
    public async Task Container_token_from_the_variable()
    {
        await using var server = LoopbackServer.Start(request => AuthFakes.ContainerCredentials("ASIA" + request.Header("authorization"), _clock.Now.AddHours(1)));
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.Uri.ToString()).Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "var-token");
        Assert.Equal("ASIAvar-token", (await Get(new ContainerCredentialsProvider(Options()))).AccessKeyId);
    }

    [Theory]
    [InlineData("http://example.com/creds")]
    [InlineData("http://10.0.0.1/creds")]
    [InlineData("https://metadata.internal/creds")]
    public async Task Container_full_uri_must_name_a_loopback_or_container_host(string uri)
    {
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ContainerCredentialsProvider(Options())));
        Assert.Contains("container credentials", error.Message);
        Assert.Contains("not allowed", error.Message);
    }

    [Fact]
    public async Task Container_failures_are_retried_three_times_then_named()
    {
        await using var server = LoopbackServer.Start(_ => new FakeReply(500, "{}"));
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.Uri.ToString()).Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "secret-token");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ContainerCredentialsProvider(Options())));
        Assert.Equal(3, server.Requests.Count);
        Assert.Contains("HTTP 500", error.Message);
        Assert.DoesNotContain("secret-token", error.Message);
    }

    [Theory]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("\"x\"", "is not a JSON object")]
    [InlineData("{\"AccessKeyId\": 1}", "has no AccessKeyId")]
    [InlineData("not json", "is not JSON")]
    public async Task Container_responses_that_are_not_credentials_are_a_credentials_error(string body, string expected)
    {
        await using var server = LoopbackServer.Start(_ => new FakeReply(200, body));
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.Uri.ToString());
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ContainerCredentialsProvider(Options())));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Container_relative_uri_goes_to_the_link_local_address_which_the_test_guard_blocks()
    {
        _environment.Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ContainerCredentialsProvider(Options())));
        Assert.Contains("169.254.170.2 is blocked", error.Message);
    }

    [Fact]
    public async Task Container_token_with_a_line_break_is_refused()
    {
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/").Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", "a\r\nInjected: yes");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ContainerCredentialsProvider(Options())));
        Assert.Contains("line break", error.Message);
    }

    private sealed class FakeImds
    {
        public bool TokensSupported { get; set; } = true;
        public string? Role { get; set; } = "app-role";
        public int Issued;

        public FakeReply Handle(SeenRequest request, FakeClock clock)
        {
            if (request.Method == "PUT" && request.Path == "/latest/api/token")
            {
                if (!TokensSupported)
                {
                    return new FakeReply(404);
                }

                return request.Header("x-aws-ec2-metadata-token-ttl-seconds") is null ? new FakeReply(400) : new FakeReply(200, "imds-token", "text/plain");
            }

            if (TokensSupported && request.Header("x-aws-ec2-metadata-token") != "imds-token")
            {
                return new FakeReply(401);
            }

            if (request.Path == "/latest/meta-data/iam/security-credentials/")
            {
                return Role is null ? new FakeReply(404) : new FakeReply(200, Role, "text/plain");
            }

            if (request.Path == "/latest/meta-data/iam/security-credentials/" + Role)
            {
                var issued = Interlocked.Increment(ref Issued);
                return new FakeReply(200, $$"""
                    {"Code":"Success","LastUpdated":"{{AuthFakes.Iso(clock.Now)}}","Type":"AWS-HMAC","AccessKeyId":"ASIAIMDS{{issued}}",
                     "SecretAccessKey":"imds-secret","Token":"imds-session","Expiration":"{{AuthFakes.Iso(clock.Now.AddHours(6))}}"}
                    """);
            }

            return new FakeReply(404);
        }
    }

    [Fact]
    public async Task Imds_v2_gets_a_token_then_the_role_then_its_credentials()
    {
        var imds = new FakeImds();
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        _environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.Uri.ToString());
        var provider = new InstanceMetadataCredentialsProvider(Options());

        var credentials = await Get(provider);

        Assert.Equal("ASIAIMDS1", credentials.AccessKeyId);
        Assert.Equal("imds-session", credentials.SessionToken);
        Assert.Equal(new[] { "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/", "GET /latest/meta-data/iam/security-credentials/app-role" },
            server.Requests.Select(r => r.Method + " " + r.Path));
        _clock.Advance(TimeSpan.FromHours(5).Add(TimeSpan.FromMinutes(46)));
        Assert.Equal("ASIAIMDS2", (await Get(provider)).AccessKeyId);
    }

    [Fact]
    public async Task Imds_reads_the_shared_files_once_for_its_endpoint_and_its_fetch()
    {
        var imds = new FakeImds();
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        var configPath = _environment.WriteFile(".aws/config", "[default]\nec2_metadata_service_endpoint = " + server.Uri + "\n");

        Assert.Equal("ASIAIMDS1", (await Get(new InstanceMetadataCredentialsProvider(Options()))).AccessKeyId);
        Assert.Single(_environment.FilesRead, path => path == configPath);
    }

    [Fact]
    public async Task Imds_falls_back_to_v1_when_the_token_call_is_not_found()
    {
        var imds = new FakeImds { TokensSupported = false };
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        _environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.Uri.ToString());
        Assert.Equal("ASIAIMDS1", (await Get(new InstanceMetadataCredentialsProvider(Options()))).AccessKeyId);
    }

    [Fact]
    public async Task Imds_v1_fallback_can_be_switched_off()
    {
        var imds = new FakeImds { TokensSupported = false };
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        _environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.Uri.ToString()).Set("AWS_EC2_METADATA_V1_DISABLED", "true");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new InstanceMetadataCredentialsProvider(Options())));
        Assert.Contains("AWS_EC2_METADATA_V1_DISABLED", error.Message);
    }

    [Fact]
    public async Task Imds_without_a_role_has_no_credentials_and_says_so()
    {
        var imds = new FakeImds { Role = null };
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        _environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.Uri.ToString()).Set("AWS_METADATA_SERVICE_NUM_ATTEMPTS", "2");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new InstanceMetadataCredentialsProvider(Options())));
        Assert.Contains("no role name", error.Message);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Imds_disabled_makes_no_call()
    {
        var imds = new FakeImds();
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        _environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.Uri.ToString()).Set("AWS_EC2_METADATA_DISABLED", "TRUE");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new InstanceMetadataCredentialsProvider(Options())));
        Assert.Contains("AWS_EC2_METADATA_DISABLED", error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Imds_endpoint_from_the_profile()
    {
        var imds = new FakeImds();
        await using var server = LoopbackServer.Start(request => imds.Handle(request, _clock));
        _environment.WriteFile(".aws/config", $"[default]\nec2_metadata_service_endpoint = {server.Uri}\n");
        Assert.Equal("ASIAIMDS1", (await Get(new InstanceMetadataCredentialsProvider(Options()))).AccessKeyId);
    }

    [Fact]
    public async Task The_test_guard_blocks_the_default_metadata_address_whatever_the_environment_says()
    {
        Assert.True(AppContext.TryGetSwitch(MetadataGuard.Switch, out var on) && on);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new InstanceMetadataCredentialsProvider(Options())));
        Assert.Contains("169.254.169.254 is blocked", error.Message);
        _environment.Set("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6");
        error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new InstanceMetadataCredentialsProvider(Options())));
        Assert.Contains("fd00:ec2::254", error.Message);
        Assert.Equal("true", Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"));
        Assert.Null(Environment.GetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
    }
}
