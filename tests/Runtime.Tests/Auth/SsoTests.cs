using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Auth;

/// <summary>SSO profiles against a fake portal and a fake SSO-OIDC, with the token cache on disk.</summary>
public sealed class SsoTests : IAsyncLifetime
{
    private const string SessionCacheFile = ".aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json"; // sha1("my-sso")
    private const string LegacyCacheFile = ".aws/sso/cache/79e435d7a515078e81c9dffc35f38d5687ebd3a7.json"; // sha1(start URL)
    private readonly FakeEnvironment _environment = new();
    private readonly FakeClock _clock = new();
    private LoopbackServer _portal = null!;
    private LoopbackServer _oidc = null!;
    private Func<SeenRequest, FakeReply> _oidcReply = null!;
    private string _validToken = "access-1";
    private int _issued;

    public Task InitializeAsync()
    {
        _portal = LoopbackServer.Start(request => request.Header("x-amz-sso_bearer_token") == _validToken
            ? AuthFakes.SsoRoleCredentials("ASIASSO" + Interlocked.Increment(ref _issued), _clock.Now.AddHours(1))
            : new FakeReply(401, """{"message":"Session token not found or invalid"}"""));
        _oidcReply = _ => new FakeReply(200, """{"accessToken":"access-2","tokenType":"Bearer","expiresIn":28800,"refreshToken":"refresh-2"}""");
        _oidc = LoopbackServer.Start(request => _oidcReply(request));
        _environment.Set("AWS_ENDPOINT_URL_SSO", _portal.Uri.ToString()).Set("AWS_ENDPOINT_URL_SSO_OIDC", _oidc.Uri.ToString());
        _environment.WriteFile(".aws/config",
            "[profile dev]\nsso_session = my-sso\nsso_account_id = 111122223333\nsso_role_name = DataEngineer\nregion = eu-west-1\n"
            + "[sso-session my-sso]\nsso_start_url = https://my-sso.awsapps.com/start\nsso_region = eu-central-1\nsso_registration_scopes = sso:account:access\n"
            + "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 444455556666\nsso_role_name = ReadOnly\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _oidc.DisposeAsync();
        _environment.Dispose();
    }

    private void SessionToken(TimeSpan expiresIn, bool refreshable = true) =>
        _environment.WriteFile(SessionCacheFile, refreshable
            ? $$"""{"startUrl":"https://my-sso.awsapps.com/start","region":"eu-central-1","accessToken":"access-1","expiresAt":"{{AuthFakes.Iso(_clock.Now + expiresIn)}}","clientId":"client-1","clientSecret":"client-secret-1","registrationExpiresAt":"{{AuthFakes.Iso(_clock.Now.AddDays(30))}}","refreshToken":"refresh-1"}"""
            : $$"""{"startUrl":"https://my-sso.awsapps.com/start","region":"eu-central-1","accessToken":"access-1","expiresAt":"{{AuthFakes.Iso(_clock.Now + expiresIn)}}"}""");

    private Task<AwsCredentials> Get(string profile) =>
        new SsoCredentialsProvider(profile, AuthFakes.Options(_environment, _clock)).GetCredentialsAsync(CancellationToken.None).AsTask();

    [Fact]
    public async Task An_sso_session_profile_gets_role_credentials_with_the_cached_token()
    {
        SessionToken(TimeSpan.FromHours(4));
        var credentials = await Get("dev");

        Assert.Equal("ASIASSO1", credentials.AccessKeyId);
        Assert.Equal("sso-token", credentials.SessionToken);
        Assert.Equal(_clock.Now.AddHours(1), credentials.Expiration);
        var call = Assert.Single(_portal.Requests);
        Assert.Equal("GET", call.Method);
        Assert.Equal("/federation/credentials", call.Path);
        Assert.Equal("role_name=DataEngineer&account_id=111122223333", call.Query);
        Assert.Null(call.Header("authorization")); // unsigned: the bearer token is the proof
        Assert.Empty(_oidc.Requests);
    }

    [Fact]
    public async Task An_expiring_token_is_refreshed_with_sso_oidc_and_written_back()
    {
        SessionToken(TimeSpan.FromMinutes(5));
        _validToken = "access-2";

        Assert.Equal("ASIASSO1", (await Get("dev")).AccessKeyId);

        var create = Assert.Single(_oidc.Requests);
        Assert.Equal("POST", create.Method);
        Assert.Equal("/token", create.Path);
        using (var body = JsonDocument.Parse(create.Body))
        {
            Assert.Equal("refresh_token", body.RootElement.GetProperty("grantType").GetString());
            Assert.Equal("client-1", body.RootElement.GetProperty("clientId").GetString());
            Assert.Equal("client-secret-1", body.RootElement.GetProperty("clientSecret").GetString());
            Assert.Equal("refresh-1", body.RootElement.GetProperty("refreshToken").GetString());
        }

        using var cache = JsonDocument.Parse(File.ReadAllText(Path.Combine(_environment.HomeDirectory, SessionCacheFile)));
        var root = cache.RootElement;
        Assert.Equal("access-2", root.GetProperty("accessToken").GetString());
        Assert.Equal("refresh-2", root.GetProperty("refreshToken").GetString());
        Assert.Equal(AuthFakes.Iso(_clock.Now.AddSeconds(28800)), root.GetProperty("expiresAt").GetString());
        Assert.Equal("https://my-sso.awsapps.com/start", root.GetProperty("startUrl").GetString());
        Assert.Equal("eu-central-1", root.GetProperty("region").GetString());
        Assert.Equal("client-1", root.GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task A_failed_refresh_in_the_advisory_window_keeps_the_valid_token()
    {
        SessionToken(TimeSpan.FromMinutes(12));
        _oidcReply = _ => new FakeReply(500, """{"error":"server_error"}""");
        Assert.Equal("ASIASSO1", (await Get("dev")).AccessKeyId);
        Assert.Single(_oidc.Requests);
    }

    [Fact]
    public async Task An_expired_token_whose_refresh_is_refused_tells_the_user_to_log_in()
    {
        SessionToken(TimeSpan.FromMinutes(-1));
        _oidcReply = _ => new FakeReply(400, """{"error":"invalid_grant","error_description":"Invalid refresh token provided"}""");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get("dev"));
        Assert.Contains("SSO (profile 'dev')", error.Message);
        Assert.Contains("expired and could not be refreshed", error.Message);
        Assert.Contains("aws sso login --profile dev", error.Message);
        Assert.DoesNotContain("access-1", error.Message);
        Assert.DoesNotContain("refresh-1", error.Message);
        Assert.Empty(_portal.Requests);
    }

    [Fact]
    public async Task An_expired_token_without_refresh_data_tells_the_user_to_log_in()
    {
        SessionToken(TimeSpan.FromMinutes(-1), refreshable: false);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get("dev"));
        Assert.Contains("aws sso login --profile dev", error.Message);
        Assert.Empty(_oidc.Requests);
    }

    [Fact]
    public async Task A_legacy_profile_reads_the_token_cached_under_its_start_url()
    {
        _environment.WriteFile(LegacyCacheFile,
            $$"""{"startUrl":"https://legacy.awsapps.com/start","region":"us-east-1","accessToken":"access-1","expiresAt":"{{AuthFakes.Iso(_clock.Now.AddHours(1))}}"}""");
        Assert.Equal("ASIASSO1", (await Get("legacy")).AccessKeyId);
        Assert.Equal("role_name=ReadOnly&account_id=444455556666", Assert.Single(_portal.Requests).Query);
    }

    [Fact]
    public async Task A_legacy_token_the_portal_rejects_tells_the_user_to_log_in()
    {
        _environment.WriteFile(LegacyCacheFile,
            $$"""{"startUrl":"https://legacy.awsapps.com/start","region":"us-east-1","accessToken":"stale","expiresAt":"{{AuthFakes.Iso(_clock.Now.AddHours(-1))}}"}""");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get("legacy"));
        Assert.Contains("expired or is otherwise invalid", error.Message);
        Assert.Contains("aws sso login --profile legacy", error.Message);
        Assert.DoesNotContain("stale", error.Message);
    }

    [Fact]
    public async Task No_cached_token_names_the_file_and_the_login_command()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get("dev"));
        Assert.Contains("sso-session 'my-sso'", error.Message);
        Assert.Contains("0ad374308c5a4e22f723adf10145eafad7c4031c.json", error.Message);
        Assert.Contains("aws sso login --profile dev", error.Message);
    }

    [Fact]
    public async Task A_profile_and_its_sso_session_must_agree()
    {
        _environment.WriteFile(".aws/config",
            "[profile dev]\nsso_session = my-sso\nsso_region = us-west-2\nsso_account_id = 1\nsso_role_name = R\n"
            + "[sso-session my-sso]\nsso_start_url = https://my-sso.awsapps.com/start\nsso_region = eu-central-1\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get("dev"));
        Assert.Contains("sso_region differs", error.Message);
    }

    [Theory]
    [InlineData("[profile dev]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = R\n", "[sso-session nowhere]")]
    [InlineData("[profile dev]\nsso_account_id = 1\nsso_role_name = R\n", "missing sso_start_url, sso_region")]
    [InlineData("[profile dev]\nsso_session = s\nsso_role_name = R\n[sso-session s]\nsso_start_url = https://x\nsso_region = us-east-1\n", "missing sso_account_id")]
    public async Task Incomplete_sso_profiles_say_what_is_missing(string config, string expected)
    {
        _environment.WriteFile(".aws/config", config);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get("dev"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Role_credentials_are_refreshed_before_they_expire_and_the_token_file_is_read_again()
    {
        SessionToken(TimeSpan.FromHours(8));
        var provider = new SsoCredentialsProvider("dev", AuthFakes.Options(_environment, _clock));
        Assert.Equal("ASIASSO1", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        _environment.WriteFile(SessionCacheFile, File.ReadAllText(Path.Combine(_environment.HomeDirectory, SessionCacheFile)).Replace("access-1", "access-9"));
        _validToken = "access-9";
        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal("ASIASSO2", (await provider.GetCredentialsAsync(CancellationToken.None)).AccessKeyId);
        Assert.Equal(2, _portal.Requests.Count);
        Assert.Equal("access-9", _portal.Requests.Last().Header("x-amz-sso_bearer_token"));
    }
}
