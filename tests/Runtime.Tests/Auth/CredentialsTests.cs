using System;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;
using static DataZone.Gen.Runtime.Tests.Auth.AuthFakes;

namespace DataZone.Gen.Runtime.Tests.Auth;

public sealed class CredentialsTests : IDisposable
{
    private const string Secret = "s3cr3t/SECRET+value";
    private const string Token = "session-token-VALUE";
    private readonly FakeEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void To_string_redacts_secret_and_token()
    {
        var credentials = new AwsCredentials("AKID1", Secret, Token);
        var text = credentials.ToString();
        Assert.Contains("AKID1", text);
        Assert.DoesNotContain(Secret, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain(Secret, new StaticCredentialsProvider(credentials).ToString());
    }

    [Fact]
    public async Task Static_returns_what_it_was_given()
    {
        var credentials = await Get(new StaticCredentialsProvider("AKID1", Secret, Token));
        Assert.Equal(new AwsCredentials("AKID1", Secret, Token), credentials);
    }

    [Fact]
    public async Task Environment_reads_keys_and_session_token()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", Secret).Set("AWS_SESSION_TOKEN", Token);
        Assert.Equal(new AwsCredentials("AKIDENV", Secret, Token), await Get(new EnvironmentCredentialsProvider(_environment)));
    }

    [Fact]
    public async Task Environment_missing_says_which_variables()
    {
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new EnvironmentCredentialsProvider(_environment)));
        Assert.Contains("AWS_ACCESS_KEY_ID", error.Message);
    }

    [Fact]
    public async Task Profile_default_from_credentials_file()
    {
        _environment.WriteFile(".aws/credentials", $"[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = {Secret}\n");
        Assert.Equal(new AwsCredentials("AKIDFILE", Secret), await Get(new ProfileCredentialsProvider(null, _environment)));
    }

    [Fact]
    public async Task Profile_named_profile_from_config_file_with_profile_prefix()
    {
        _environment.WriteFile(".aws/config",
            "# comment\n[default]\nregion = us-east-1\n[profile dev]\n; comment\nAWS_Access_Key_Id: AKIDDEV\naws_secret_access_key=" + Secret
            + "\naws_session_token = " + Token + "\ns3 =\n  max_concurrent_requests = 20\n[dev]\naws_access_key_id = WRONG\n");
        var credentials = await Get(new ProfileCredentialsProvider("dev", _environment));
        Assert.Equal(new AwsCredentials("AKIDDEV", Secret, Token), credentials);
    }

    [Fact]
    public async Task Profile_credentials_file_wins_over_config_for_the_same_profile()
    {
        _environment.WriteFile(".aws/config", "[profile dev]\naws_access_key_id = FROMCONFIG\naws_secret_access_key = config-secret\n");
        _environment.WriteFile(".aws/credentials", "[dev]\naws_access_key_id = FROMCREDENTIALS\naws_secret_access_key = " + Secret + "\n");
        Assert.Equal("FROMCREDENTIALS", (await Get(new ProfileCredentialsProvider("dev", _environment))).AccessKeyId);
    }

    [Fact]
    public async Task Profile_from_aws_profile_and_custom_file_paths()
    {
        var credentialsPath = _environment.WriteFile("custom/creds.ini", "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = " + Secret + "\n");
        var configPath = _environment.WriteFile("custom/config.ini", "[profile work]\nregion = eu-west-1\n");
        _environment.Set("AWS_PROFILE", "work").Set("AWS_SHARED_CREDENTIALS_FILE", credentialsPath).Set("AWS_CONFIG_FILE", configPath);

        Assert.Equal("AKIDWORK", (await Get(new ProfileCredentialsProvider(null, _environment))).AccessKeyId);
        Assert.Contains(credentialsPath, _environment.FilesRead);
    }

    [Fact]
    public async Task Profile_quoted_profile_name_with_space()
    {
        _environment.WriteFile(".aws/config", "[profile \"my team\"]\naws_access_key_id = AKIDTEAM\naws_secret_access_key = " + Secret + "\n");
        Assert.Equal("AKIDTEAM", (await Get(new ProfileCredentialsProvider("my team", _environment))).AccessKeyId);
    }

    [Fact]
    public async Task Profile_provider_points_a_role_profile_to_the_chain()
    {
        _environment.WriteFile(".aws/config", "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\nsource_profile = default\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ProfileCredentialsProvider("admin", _environment)));
        Assert.Contains("role_arn", error.Message);
        Assert.Contains("AssumeRoleCredentialsProvider", error.Message);
    }

    [Fact]
    public async Task Chain_environment_comes_first()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", Secret);
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = x\n");
        Assert.Equal("AKIDENV", (await Get(new DefaultCredentialsChain(null, _environment))).AccessKeyId);
    }

    [Fact]
    public async Task Chain_falls_back_to_profile()
    {
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = " + Secret + "\n");
        Assert.Equal("AKIDFILE", (await Get(new DefaultCredentialsChain(null, _environment))).AccessKeyId);
    }

    [Fact]
    public async Task One_pass_over_the_chain_reads_each_shared_file_once_however_many_sources_look_at_it()
    {
        // Keys in the config file only: every profile source before the last one reads the files and finds nothing.
        var configPath = _environment.WriteFile(".aws/config", "[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = " + Secret + "\n");
        var chain = new DefaultCredentialsChain(null, _environment);

        Assert.Equal("AKIDCONFIG", (await Get(chain)).AccessKeyId);
        Assert.Equal("shared config file", chain.Source);
        Assert.Single(_environment.FilesRead, path => path == configPath);
    }

    [Fact]
    public async Task A_pass_that_found_nothing_does_not_keep_its_reading_so_a_profile_added_later_is_found()
    {
        var chain = new DefaultCredentialsChain(new CredentialProviderOptions
        {
            Environment = _environment.Set("AWS_EC2_METADATA_DISABLED", "true"),
        });
        await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(chain));

        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDLATER\naws_secret_access_key = " + Secret + "\n");
        Assert.Equal("AKIDLATER", (await Get(chain)).AccessKeyId);
    }

    [Fact]
    public async Task Chain_long_term_keys_are_read_once_and_not_on_every_request()
    {
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = " + Secret + "\n");
        var chain = new DefaultCredentialsChain(null, _environment);
        await Get(chain);
        var reads = _environment.FilesRead.Count;
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDCHANGED\naws_secret_access_key = x\n");
        Assert.Equal("AKIDFILE", (await Get(chain)).AccessKeyId);
        Assert.Equal(reads, _environment.FilesRead.Count);
        Assert.Equal("shared credentials file", chain.Source);
    }

    [Fact]
    public async Task Chain_explicit_profile_skips_environment_like_botocore()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", Secret);
        _environment.WriteFile(".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = " + Secret + "\n");
        Assert.Equal("AKIDDEV", (await Get(new DefaultCredentialsChain("dev", _environment))).AccessKeyId);
    }

    [Fact]
    public async Task Chain_failure_lists_every_provider_and_why()
    {
        _environment.WriteFile(".aws/config", "[default]\nregion = us-east-1\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new DefaultCredentialsChain(null, _environment)));

        Assert.Contains("environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", error.Message);
        Assert.Contains("assume role (profile 'default'): profile 'default' has no role_arn", error.Message);
        Assert.Contains("web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set", error.Message);
        Assert.Contains("SSO (profile 'default'): profile 'default' has no sso_account_id or sso_role_name", error.Message);
        Assert.Contains("credential_process (profile 'default'): profile 'default' has no credential_process", error.Message);
        Assert.Contains("shared config file: profile 'default' in " + _environment.HomeDirectory, error.Message);
        Assert.Contains("container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set", error.Message);
        Assert.Contains("EC2 instance metadata: 169.254.169.254 is blocked", error.Message);
    }

    [Fact]
    public async Task Chain_with_a_named_profile_that_does_not_exist_fails_naming_the_files_looked_at()
    {
        // botocore: ProfileNotFound as soon as a setting of the named profile is read (here, by the metadata provider).
        _environment.Set("AWS_PROFILE", "ghost");
        var error = await Assert.ThrowsAsync<AwsClientException>(() => Get(new DefaultCredentialsChain(null, _environment)));
        Assert.Contains("The config profile 'ghost' (from AWS_PROFILE) could not be found", error.Message);
        Assert.Contains("credentials (not found)", error.Message);
        Assert.Contains("config (not found)", error.Message);
    }

    [Fact]
    public async Task Chain_with_a_named_profile_that_does_not_exist_fails_even_when_environment_keys_are_set()
    {
        // botocore's create_credential_resolver reads the scoped config first: ProfileNotFound before any provider runs.
        _environment.Set("AWS_PROFILE", "ghost").Set("AWS_EC2_METADATA_DISABLED", "true")
            .Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SECRET_ACCESS_KEY", Secret);
        var error = await Assert.ThrowsAsync<AwsClientException>(() => Get(new DefaultCredentialsChain(null, _environment)));
        Assert.Contains("The config profile 'ghost' (from AWS_PROFILE) could not be found", error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public async Task Chain_a_secret_alone_in_the_environment_is_ignored_like_botocore()
    {
        _environment.Set("AWS_SECRET_ACCESS_KEY", Secret);
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = x\n");
        Assert.Equal("AKIDFILE", (await Get(new DefaultCredentialsChain(null, _environment))).AccessKeyId);
    }

    [Fact]
    public async Task Chain_an_access_key_without_its_secret_stops_the_chain_without_leaking_anything()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIDENV").Set("AWS_SESSION_TOKEN", Token);
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = x\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new DefaultCredentialsChain(null, _environment)));
        Assert.Contains("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    [Fact]
    public async Task Chain_partial_profile_is_misconfigured_and_never_quotes_values()
    {
        _environment.WriteFile(".aws/credentials", "[default]\naws_access_key_id = AKIDFILE\naws_session_token = " + Token + "\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new DefaultCredentialsChain(null, _environment)));
        Assert.Contains("missing aws_secret_access_key", error.Message);
        Assert.DoesNotContain(Token, error.ToString());
    }

    [Fact]
    public async Task Chain_a_profile_secret_without_its_key_is_ignored_and_never_quoted()
    {
        _environment.WriteFile(".aws/credentials", "[default]\naws_secret_access_key = " + Secret + "\n");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new DefaultCredentialsChain(null, _environment)));
        Assert.Contains("has no aws_access_key_id", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public async Task Delegate_is_called_and_its_failures_are_wrapped_without_their_message()
    {
        var calls = 0;
        var provider = new DelegateCredentialsProvider(_ => { calls++; return new(new AwsCredentials("AKIDDELEGATE", Secret)); });
        Assert.Equal("AKIDDELEGATE", (await Get(provider)).AccessKeyId);
        Assert.Equal(1, calls);

        var failing = new DelegateCredentialsProvider(_ => throw new InvalidOperationException("leaked " + Secret));
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(failing));
        Assert.DoesNotContain(Secret, error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
