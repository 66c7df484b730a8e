using System;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Auth;

/// <summary>Several sources configured at once: the chain picks the one botocore picks.</summary>
public sealed class ChainOrderTests : IAsyncLifetime
{
    private readonly FakeEnvironment _environment = new();
    private readonly FakeClock _clock = new();
    private LoopbackServer _sts = null!;
    private LoopbackServer _container = null!;
    private LoopbackServer _portal = null!;

    public Task InitializeAsync()
    {
        _sts = LoopbackServer.Start(request => request.Form()["Action"] == "AssumeRole"
            ? AuthFakes.StsCredentials("AssumeRole", "ASIAROLE", _clock.Now.AddHours(1))
            : AuthFakes.StsCredentials("AssumeRoleWithWebIdentity", "ASIAWEB", _clock.Now.AddHours(1)));
        _container = LoopbackServer.Start(_ => AuthFakes.ContainerCredentials("ASIACONTAINER", _clock.Now.AddHours(1)));
        _portal = LoopbackServer.Start(_ => AuthFakes.SsoRoleCredentials("ASIASSO", _clock.Now.AddHours(1)));
        _environment.Set("AWS_ENDPOINT_URL_STS", _sts.Uri.ToString()).Set("AWS_ENDPOINT_URL_SSO", _portal.Uri.ToString())
            .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", _container.Uri.ToString());
        _environment.WriteFile(".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json",
            $$"""{"accessToken":"t","expiresAt":"{{AuthFakes.Iso(_clock.Now.AddHours(8))}}"}""");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sts.DisposeAsync();
        await _container.DisposeAsync();
        await _portal.DisposeAsync();
        _environment.Dispose();
    }

    private async Task<(string AccessKeyId, string? Source)> Resolve(string? explicitProfile = null)
    {
        var chain = new DefaultCredentialsChain(AuthFakes.Options(_environment, _clock, explicitProfile));
        var credentials = await chain.GetCredentialsAsync(CancellationToken.None);
        return (credentials.AccessKeyId, chain.Source);
    }

    private const string Everything =
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s\n"
        + "[profile role]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n"
        + "aws_access_key_id = AKIDROLEKEYS\naws_secret_access_key = s\nsso_session = my-sso\nsso_account_id = 1\nsso_role_name = R\n"
        + "[profile sso]\nsso_session = my-sso\nsso_account_id = 1\nsso_role_name = R\naws_access_key_id = AKIDSSOKEYS\naws_secret_access_key = s\n"
        + "[profile keys]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = s\ncredential_process = /nonexistent/never-run\n"
        + "[profile empty]\nregion = us-east-1\n"
        + "[sso-session my-sso]\nsso_start_url = https://my-sso.awsapps.com/start\nsso_region = eu-central-1\n";

    [Fact]
    public async Task Environment_variables_come_before_every_profile_source()
    {
        _environment.WriteFile(".aws/config", Everything);
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "s").Set("AWS_PROFILE", "role");
        Assert.Equal(("AKIDENV", "environment variables"), await Resolve());
    }

    [Fact]
    public async Task An_explicit_profile_skips_the_environment_variables()
    {
        _environment.WriteFile(".aws/config", Everything);
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", "s");
        Assert.Equal(("ASIAROLE", "assume role (profile 'role')"), await Resolve("role"));
    }

    [Fact]
    public async Task Assume_role_comes_before_sso_and_static_keys_of_the_same_profile()
    {
        _environment.WriteFile(".aws/config", Everything);
        Assert.Equal("ASIAROLE", (await Resolve("role")).AccessKeyId);
    }

    [Fact]
    public async Task Sso_comes_before_static_keys_of_the_same_profile()
    {
        _environment.WriteFile(".aws/config", Everything);
        Assert.Equal(("ASIASSO", "SSO (profile 'sso')"), await Resolve("sso"));
    }

    [Fact]
    public async Task The_credentials_file_comes_before_credential_process_which_comes_before_the_config_file()
    {
        _environment.WriteFile(".aws/config", Everything);
        _environment.WriteFile(".aws/credentials", "[keys]\naws_access_key_id = AKIDCREDFILE\naws_secret_access_key = s\n");
        Assert.Equal(("AKIDCREDFILE", "shared credentials file"), await Resolve("keys"));
    }

    [Fact]
    public async Task Web_identity_variables_come_before_the_profile_and_are_ignored_with_an_explicit_profile()
    {
        _environment.WriteFile(".aws/config", Everything);
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", _environment.WriteFile("token", "jwt")).Set("AWS_ROLE_ARN", "arn:aws:iam::1:role/Pod");
        Assert.Equal(("ASIAWEB", "web identity"), await Resolve());
        Assert.Equal("ASIASSO", (await Resolve("sso")).AccessKeyId);
    }

    [Fact]
    public async Task The_container_comes_when_no_profile_source_is_configured()
    {
        _environment.WriteFile(".aws/config", Everything);
        Assert.Equal(("ASIACONTAINER", "container credentials"), await Resolve("empty"));
    }

    [Fact]
    public async Task Instance_metadata_comes_last()
    {
        await using var imds = LoopbackServer.Start(request => request.Method == "PUT"
            ? new FakeReply(200, "tok", "text/plain")
            : request.Path.EndsWith("/security-credentials/", StringComparison.Ordinal)
                ? new FakeReply(200, "r", "text/plain")
                : AuthFakes.ContainerCredentials("ASIAIMDS", _clock.Now.AddHours(1)));
        _environment.WriteFile(".aws/config", Everything);
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", "").Set("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.Uri.ToString());
        Assert.Equal(("ASIAIMDS", "EC2 instance metadata"), await Resolve("empty"));
    }

    [Fact]
    public async Task The_winner_is_kept_and_refreshes_itself()
    {
        _environment.WriteFile(".aws/config", Everything);
        var chain = new DefaultCredentialsChain(AuthFakes.Options(_environment, _clock, "empty"));
        await chain.GetCredentialsAsync(CancellationToken.None);
        _environment.WriteFile(".aws/credentials", "[empty]\naws_access_key_id = AKIDLATE\naws_secret_access_key = s\n");
        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal("ASIACONTAINER", (await chain.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal(2, _container.Requests.Count);
        Assert.DoesNotContain("container-secret", chain.ToString());
    }

    [Fact]
    public async Task A_configured_source_that_fails_stops_the_chain()
    {
        _environment.WriteFile(".aws/config", "[profile p]\ncredential_process = /nonexistent/helper\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Resolve("p"));
        Assert.Contains("credential_process (profile 'p'): could not start", error.Message);
        Assert.Empty(_container.Requests);
    }
}
