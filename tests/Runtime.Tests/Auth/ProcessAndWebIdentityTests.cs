using System;
using System.IO;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;
using static DataZone.Gen.Runtime.Tests.Auth.AuthFakes;

namespace DataZone.Gen.Runtime.Tests.Auth;

public sealed class ProcessAndWebIdentityTests : IDisposable
{
    private readonly FakeEnvironment _environment = new();
    private readonly FakeClock _clock = new();

    public void Dispose() => _environment.Dispose();

    private CredentialProviderOptions Options() => AuthFakes.Options(_environment, _clock);

    /// <summary>A credential_process command running a POSIX shell script (in a folder with a space) made of <paramref name="body"/>.</summary>
    private string Script(string body) => $"/bin/sh \"{_environment.WriteFile("bin/creds helper.sh", body + "\n")}\"";

    private void Profile(string command) =>
        _environment.WriteFile(".aws/config", "[profile tool]\ncredential_process = " + command + "\n");

    [Fact]
    public async Task Credential_process_output_is_read_as_version_1_json_and_quoted_arguments_survive()
    {
        var script = Script("""
            echo "note on stderr" >&2
            printf '{"Version": 1, "AccessKeyId": "AKIDPROC-%s", "SecretAccessKey": "proc-secret", "SessionToken": "proc-token", "Expiration": "2026-01-15T13:00:00Z"}' "$1"
            """);
        Profile(script + " 'first arg'");

        var credentials = await Get(new ProcessCredentialsProvider("tool", Options()));

        Assert.Equal("AKIDPROC-first arg", credentials.AccessKeyId);
        Assert.Equal("proc-token", credentials.SessionToken);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 13, 0, 0, TimeSpan.Zero), credentials.Expiration);
    }

    [Fact]
    public async Task Credential_process_stderr_goes_to_the_writer_given()
    {
        var script = Script("""
            echo "Touch your key" >&2
            echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "proc-secret"}'
            """);
        Profile(script);
        var stderr = new StringWriter();
        var options = Options();
        options.CredentialProcessErrorOutput = stderr;
        var credentials = await Get(new ProcessCredentialsProvider("tool", options));
        Assert.Null(credentials.Expiration);
        Assert.Contains("Touch your key", stderr.ToString());
    }

    [Theory]
    [InlineData("echo 'signin required' >&2; exit 3", "exited with code 3: signin required")]
    [InlineData("echo 'SECRET-LOOKING not json'", "output is not JSON")]
    [InlineData("echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'", "supported versions: 1")]
    [InlineData("echo '{\"Version\": 1, \"AccessKeyId\": \"A\"}'", "missing SecretAccessKey")]
    public async Task Credential_process_failures_name_the_profile_and_the_problem(string body, string expected)
    {
        Profile(Script(body));
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ProcessCredentialsProvider("tool", Options())));
        Assert.Contains("credential_process (profile 'tool')", error.Message);
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("SECRET-LOOKING", error.Message);
    }

    [Fact]
    public async Task Credential_process_that_hangs_is_stopped_after_the_timeout()
    {
        Profile(Script("sleep 30"));
        var options = Options();
        options.CredentialProcessTimeout = TimeSpan.FromMilliseconds(200);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ProcessCredentialsProvider("tool", options)));
        Assert.Contains("did not finish", error.Message);
    }

    [Fact]
    public async Task Credential_process_that_cannot_start_says_which_program()
    {
        Profile("/nonexistent/dzgen-helper --flag");
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new ProcessCredentialsProvider("tool", Options())));
        Assert.Contains("could not start '/nonexistent/dzgen-helper'", error.Message);
    }

    [Theory]
    [InlineData("a b  c", new[] { "a", "b", "c" })]
    [InlineData("'/path with/space' \"double \\\"quoted\\\"\" back\\ slash", new[] { "/path with/space", "double \"quoted\"", "back slash" })]
    [InlineData("cmd --opt='x y'z", new[] { "cmd", "--opt=x yz" })]
    public void The_command_is_split_like_python_shlex(string command, string[] expected) =>
        Assert.Equal(expected, ProcessCredentialsProvider.ShellSplit(command));

    [Fact]
    public async Task Web_identity_from_the_variables_reads_the_token_file_on_every_refresh()
    {
        await using var sts = LoopbackServer.Start(request =>
            AuthFakes.StsCredentials("AssumeRoleWithWebIdentity", "ASIA" + request.Form()["WebIdentityToken"], _clock.Now.AddHours(1)));
        var tokenFile = _environment.WriteFile("eks/token", "jwt-1\n");
        _environment.Set("AWS_ENDPOINT_URL_STS", sts.Uri.ToString()).Set("AWS_REGION", "us-west-2")
            .Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile).Set("AWS_ROLE_ARN", "arn:aws:iam::1:role/Pod").Set("AWS_ROLE_SESSION_NAME", "pod-1");
        var provider = new WebIdentityCredentialsProvider(null, Options());

        Assert.Equal("ASIAjwt-1", (await Get(provider)).AccessKeyId);
        var call = Assert.Single(sts.Requests);
        Assert.Null(call.Header("authorization"));
        var form = call.Form();
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"]);
        Assert.Equal("arn:aws:iam::1:role/Pod", form["RoleArn"]);
        Assert.Equal("pod-1", form["RoleSessionName"]);

        _environment.WriteFile("eks/token", "jwt-2");
        _clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal("ASIAjwt-2", (await Get(provider)).AccessKeyId);
    }

    [Fact]
    public async Task Web_identity_from_the_profile()
    {
        await using var sts = LoopbackServer.Start(_ => AuthFakes.StsCredentials("AssumeRoleWithWebIdentity", "ASIAWEB", _clock.Now.AddHours(1)));
        var tokenFile = _environment.WriteFile("token", "jwt");
        _environment.Set("AWS_ENDPOINT_URL_STS", sts.Uri.ToString());
        _environment.WriteFile(".aws/config", $"[profile web]\nweb_identity_token_file = {tokenFile}\nrole_arn = arn:aws:iam::1:role/Web\n");
        Assert.Equal("ASIAWEB", (await Get(new WebIdentityCredentialsProvider("web", Options()))).AccessKeyId);
    }

    [Fact]
    public async Task Web_identity_errors_name_what_is_missing()
    {
        var tokenFile = _environment.WriteFile("token", "jwt");
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile);
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new WebIdentityCredentialsProvider(null, Options())));
        Assert.Contains("AWS_ROLE_ARN", error.Message);

        await using var sts = LoopbackServer.Start(_ => AuthFakes.StsError(400, "InvalidIdentityToken", "Token expired"));
        _environment.Set("AWS_ROLE_ARN", "arn:aws:iam::1:role/Pod").Set("AWS_ENDPOINT_URL_STS", sts.Uri.ToString());
        error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Get(new WebIdentityCredentialsProvider(null, Options())));
        Assert.Contains("web identity: STS AssumeRoleWithWebIdentity failed with HTTP 400 InvalidIdentityToken: Token expired", error.Message);
        Assert.DoesNotContain("jwt", error.Message);
    }
}
