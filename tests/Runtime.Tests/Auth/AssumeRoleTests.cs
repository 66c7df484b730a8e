using System;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;
using static DataZone.Gen.Runtime.Tests.Auth.AuthFakes;

namespace DataZone.Gen.Runtime.Tests.Auth;

public sealed class AssumeRoleTests : IAsyncLifetime
{
    private const string SourceSecret = "source/secret+KEY";
    private readonly FakeEnvironment _environment = new();
    private readonly FakeClock _clock = new();
    private LoopbackServer _sts = null!;
    private Func<SeenRequest, FakeReply> _reply = null!;
    private int _issued;

    public Task InitializeAsync()
    {
        _reply = request => AuthFakes.StsCredentials("AssumeRole", "ASIAROLE" + Interlocked.Increment(ref _issued), _clock.Now.AddHours(1));
        _sts = LoopbackServer.Start(request => _reply(request));
        _environment.Set("AWS_ENDPOINT_URL_STS", _sts.Uri.ToString()).Set("AWS_REGION", "eu-west-1");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _sts.DisposeAsync();
        _environment.Dispose();
    }

    private CredentialProviderOptions Options(string? profile = null) => AuthFakes.Options(_environment, _clock, profile);

    private void Config(string text) => _environment.WriteFile(".aws/config", text);

    [Fact]
    public async Task A_role_profile_assumes_the_role_with_the_source_profile_keys_and_signs_the_call()
    {
        Config("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = " + SourceSecret + "\n"
            + "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = base\nexternal_id = ext-1\n"
            + "role_session_name = me\nduration_seconds = 1800\n");

        var credentials = await Get(new AssumeRoleCredentialsProvider("admin", Options()));

        Assert.Equal("ASIAROLE1", credentials.AccessKeyId);
        Assert.Equal("sts-token", credentials.SessionToken);
        Assert.Equal(_clock.Now.AddHours(1), credentials.Expiration);
        var call = Assert.Single(_sts.Requests);
        Assert.Equal("POST", call.Method);
        var form = call.Form();
        Assert.Equal("AssumeRole", form["Action"]);
        Assert.Equal("2011-06-15", form["Version"]);
        Assert.Equal("arn:aws:iam::123456789012:role/Admin", form["RoleArn"]);
        Assert.Equal("me", form["RoleSessionName"]);
        Assert.Equal("ext-1", form["ExternalId"]);
        Assert.Equal("1800", form["DurationSeconds"]);
        Assert.True(AuthFakes.SignedBy(call, "AKIDBASE", SourceSecret), "the AssumeRole call must be signed with the source keys");
        Assert.Contains("/eu-west-1/sts/", call.Header("authorization"));
    }

    [Fact]
    public async Task An_unnamed_session_is_named_like_botocore()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n[profile admin]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = default\n");
        await Get(new AssumeRoleCredentialsProvider("admin", Options()));
        Assert.Equal("botocore-session-" + _clock.Now.ToUnixTimeSeconds(), Assert.Single(_sts.Requests).Form()["RoleSessionName"]);
    }

    [Fact]
    public async Task Role_profiles_chain_through_source_profiles_each_signed_by_the_one_before()
    {
        Config("[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = " + SourceSecret + "\n"
            + "[profile first]\nrole_arn = arn:aws:iam::1:role/First\nsource_profile = base\n"
            + "[profile second]\nrole_arn = arn:aws:iam::2:role/Second\nsource_profile = first\n");
        _reply = request => AuthFakes.StsCredentials("AssumeRole", request.Form()["RoleArn"].EndsWith("First") ? "ASIAFIRST" : "ASIASECOND",
            _clock.Now.AddHours(1), secret: request.Form()["RoleArn"].EndsWith("First") ? "first-secret" : "second-secret");

        var credentials = await Get(new AssumeRoleCredentialsProvider("second", Options()));

        Assert.Equal("ASIASECOND", credentials.AccessKeyId);
        var calls = _sts.Requests.ToArray();
        Assert.Equal(2, calls.Length);
        Assert.True(AuthFakes.SignedBy(calls[0], "AKIDBASE", SourceSecret));
        Assert.True(AuthFakes.SignedBy(calls[1], "ASIAFIRST", "first-secret"));
        Assert.Equal("sts-token", calls[1].Header("x-amz-security-token"));
    }

    [Fact]
    public async Task A_source_profile_loop_is_reported_with_the_path()
    {
        Config("[profile a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = b\n[profile b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = a\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new AssumeRoleCredentialsProvider("a", Options())));
        Assert.Contains("loop: a -> b -> a", error.Message);
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task A_profile_may_be_its_own_source_when_it_has_static_keys()
    {
        Config("[profile self]\naws_access_key_id = AKIDSELF\naws_secret_access_key = " + SourceSecret + "\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = self\n");
        Assert.Equal("ASIAROLE1", (await Get(new AssumeRoleCredentialsProvider("self", Options()))).AccessKeyId);
        Assert.True(AuthFakes.SignedBy(Assert.Single(_sts.Requests), "AKIDSELF", SourceSecret));
    }

    [Fact]
    public async Task A_profile_without_keys_naming_itself_is_a_loop()
    {
        Config("[profile self]\nrole_arn = arn:aws:iam::1:role/S\nsource_profile = self\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new AssumeRoleCredentialsProvider("self", Options())));
        Assert.Contains("loop", error.Message);
    }

    [Theory]
    [InlineData("[profile r]\nrole_arn = arn:aws:iam::1:role/R\n", "neither source_profile nor credential_source")]
    [InlineData("[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = x\ncredential_source = Environment\n", "both source_profile and credential_source")]
    [InlineData("[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = ghost\n", "source_profile 'ghost' does not exist")]
    [InlineData("[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = Laptop\n", "credential_source 'Laptop' is not valid")]
    [InlineData("[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = empty\n[profile empty]\nregion = us-east-1\n", "source_profile 'empty' of profile 'r' (it must have credentials) gave no credentials")]
    public async Task Misconfigured_role_profiles_say_what_is_wrong_and_name_the_profile(string config, string expected)
    {
        Config(config);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new AssumeRoleCredentialsProvider("r", Options())));
        Assert.Contains(expected, error.Message);
        Assert.Contains("'r'", error.Message);
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task Credential_source_environment_signs_with_the_environment_keys()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", SourceSecret);
        Config("[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = environment\n");
        Assert.Equal("ASIAROLE1", (await Get(new AssumeRoleCredentialsProvider("r", Options()))).AccessKeyId);
        Assert.True(AuthFakes.SignedBy(Assert.Single(_sts.Requests), "AKIDENV", SourceSecret));
    }

    [Fact]
    public async Task Credential_source_ecs_container_signs_with_the_container_credentials()
    {
        await using var container = LoopbackServer.Start(_ => AuthFakes.ContainerCredentials("ASIACONTAINER", _clock.Now.AddHours(6), secret: SourceSecret));
        _environment.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", new Uri(container.Uri, "creds").ToString());
        Config("[profile r]\nrole_arn = arn:aws:iam::1:role/R\ncredential_source = EcsContainer\n");
        Assert.Equal("ASIAROLE1", (await Get(new AssumeRoleCredentialsProvider("r", Options()))).AccessKeyId);
        Assert.True(AuthFakes.SignedBy(Assert.Single(_sts.Requests), "ASIACONTAINER", SourceSecret));
    }

    [Fact]
    public async Task Sts_errors_name_the_provider_code_and_message()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = " + SourceSecret + "\n[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n");
        _reply = _ => AuthFakes.StsError(403, "AccessDenied", "User is not authorized to perform: sts:AssumeRole");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new AssumeRoleCredentialsProvider("r", Options())));
        Assert.Contains("assume role (profile 'r'): STS AssumeRole failed with HTTP 403 AccessDenied: User is not authorized", error.Message);
        Assert.Contains("req-err", error.Message);
        Assert.DoesNotContain(SourceSecret, error.ToString());
    }

    [Fact]
    public async Task Role_credentials_are_refreshed_in_the_advisory_window()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n");
        var provider = new AssumeRoleCredentialsProvider("r", Options());
        Assert.Equal("ASIAROLE1", (await Get(provider)).AccessKeyId);
        _clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("ASIAROLE1", (await Get(provider)).AccessKeyId);
        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal("ASIAROLE2", (await Get(provider)).AccessKeyId);
    }

    [Fact]
    public async Task Mfa_asks_the_callback_once_and_sends_the_code()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n"
            + "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\nmfa_serial = arn:aws:iam::1:mfa/me\n");
        string? prompt = null;
        var options = Options();
        options.MfaCodeProvider = (text, _) => { prompt = text; return new ValueTask<string>("123456"); };
        var provider = new AssumeRoleCredentialsProvider("r", options);

        await Get(provider);

        Assert.Equal("Enter MFA code for arn:aws:iam::1:mfa/me: ", prompt);
        var form = Assert.Single(_sts.Requests).Form();
        Assert.Equal("arn:aws:iam::1:mfa/me", form["SerialNumber"]);
        Assert.Equal("123456", form["TokenCode"]);

        _clock.Advance(TimeSpan.FromMinutes(55));
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(provider));
        Assert.Contains("would need a new code", error.Message);
    }

    [Fact]
    public async Task Mfa_without_a_callback_fails_clearly()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n"
            + "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\nmfa_serial = arn:aws:iam::1:mfa/me\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new AssumeRoleCredentialsProvider("r", Options())));
        Assert.Contains("mfa_serial", error.Message);
        Assert.Contains("MfaCodeProvider", error.Message);
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task The_provider_and_its_credentials_never_print_secrets()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = " + SourceSecret + "\n[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n");
        var provider = new AssumeRoleCredentialsProvider("r", Options());
        var credentials = await Get(provider);
        Assert.DoesNotContain("sts-secret", credentials.ToString());
        Assert.DoesNotContain("sts-token", credentials.ToString());
        Assert.DoesNotContain(SourceSecret, provider.ToString());
    }

    [Fact]
    public async Task Sts_regional_endpoints_legacy_signs_for_the_global_endpoint_in_its_old_regions()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\nsts_regional_endpoints = legacy\n"
            + "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n");
        var options = Options();
        options.Region = "eu-west-1";
        await Get(new AssumeRoleCredentialsProvider("r", options));
        Assert.Contains("/us-east-1/sts/", Assert.Single(_sts.Requests).Header("authorization"));

        options.Region = "eu-south-2"; // not one of the legacy global regions
        await Get(new AssumeRoleCredentialsProvider("r", options));
        Assert.Contains("/eu-south-2/sts/", _sts.Requests.ToArray()[1].Header("authorization"));
    }

    [Fact]
    public async Task An_invalid_sts_regional_endpoints_setting_fails_the_assume_role_call_as_it_fails_a_client()
    {
        Config("[default]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\nsts_regional_endpoints = Legacy\n"
            + "[profile r]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = default\n");
        var options = Options();
        options.Region = "eu-west-1";
        var error = await Assert.ThrowsAnyAsync<AwsClientException>(() => Get(new AssumeRoleCredentialsProvider("r", options)));
        Assert.Contains("it must be 'legacy' or 'regional'", error.Message);
        Assert.Empty(_sts.Requests);
    }
}
