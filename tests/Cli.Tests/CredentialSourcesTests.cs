using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataSourceRuns;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>An emulator that accepts only temporary credentials: the ones the fakes below hand out.</summary>
public sealed class TemporaryCredentialsEmulator : IAsyncLifetime
{
    public static readonly EmulatorCredentials Temporary = new("ASIAE2ETEMPORARY", "temporary/secret/KEY", "temporary-session-token");

    private DataZoneEmulator? _emulator;

    public DataZoneEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
    {
        Port = 0,
        RunCount = 30,
        VerifySignatures = true,
        Credentials = Temporary,
    });

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}

/// <summary>
/// The tool lists from a SigV4-checking emulator with credentials from each source the chain knows, obtained from
/// loopback fakes of STS, the SSO portal, SSO-OIDC, the container endpoint and IMDS: the emulator only accepts the
/// temporary keys those fakes hand out.
/// </summary>
public sealed class CredentialSourcesTests : IClassFixture<TemporaryCredentialsEmulator>, IDisposable
{
    private const string StaticSecret = "static/secret/KEY";
    private static readonly EmulatorCredentials Temporary = TemporaryCredentialsEmulator.Temporary;
    private readonly DataZoneEmulator _emulator;
    private readonly string _home = Path.Combine(Path.GetTempPath(), "dzgen-cli-creds-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _environment;

    public CredentialSourcesTests(TemporaryCredentialsEmulator emulator)
    {
        _emulator = emulator.Emulator;
        Directory.CreateDirectory(_home);
        _environment = new Dictionary<string, string?> { ["HOME"] = _home, ["AWS_REGION"] = "us-east-1" };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_home, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset InAnHour => DateTimeOffset.UtcNow.AddHours(1);

    private static FakeReply ContainerReply() => new(200, $$"""
        {"AccessKeyId":"{{Temporary.AccessKeyId}}","SecretAccessKey":"{{Temporary.SecretAccessKey}}","Token":"{{Temporary.SessionToken}}","Expiration":"{{Iso(InAnHour)}}"}
        """);

    private static FakeReply StsReply(string action) => new(200, $"""
        <{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><{action}Result><Credentials>
          <AccessKeyId>{Temporary.AccessKeyId}</AccessKeyId><SecretAccessKey>{Temporary.SecretAccessKey}</SecretAccessKey>
          <SessionToken>{Temporary.SessionToken}</SessionToken><Expiration>{Iso(InAnHour)}</Expiration>
        </Credentials></{action}Result></{action}Response>
        """, "text/xml");

    private static FakeReply PortalReply(SeenRequest request, string expectedToken) =>
        request.Header("x-amz-sso_bearer_token") != expectedToken
            ? new FakeReply(401, """{"message":"Session token not found or invalid"}""")
            : new FakeReply(200, $$$"""
                {"roleCredentials":{"accessKeyId":"{{{Temporary.AccessKeyId}}}","secretAccessKey":"{{{Temporary.SecretAccessKey}}}","sessionToken":"{{{Temporary.SessionToken}}}","expiration":{{{InAnHour.ToUnixTimeMilliseconds()}}}}}
                """);

    private async Task<CliResult> ListAsync(string? profile, CliHost? host = null)
    {
        var args = new List<string> { "list-runs", "--endpoint", _emulator.Endpoint.ToString(), "--domain", _emulator.DomainId,
            "--data-source", _emulator.DataSourceId, "--output", "json" };
        if (profile is not null)
        {
            args.AddRange(new[] { "--profile", profile });
        }

        if (host is null)
        {
            return await CliRunner.RunAsync(_environment, args.ToArray());
        }

        var exitCode = await DataSourceRuns.Cli.RunAsync(args.ToArray(), host, CancellationToken.None);
        return new CliResult(exitCode, host.Out.ToString()!, host.Error.ToString()!);
    }

    private void AssertListedEveryRun(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
        Assert.Equal(_emulator.Runs.Select(r => r.Id), ids);
        Assert.DoesNotContain(Temporary.SecretAccessKey, result.Stderr);
        Assert.DoesNotContain(Temporary.SessionToken!, result.Stderr);
    }

    [Fact]
    public async Task An_sso_session_profile_with_an_expiring_token_refreshes_it_and_lists()
    {
        await using var oidc = LoopbackServer.Start(_ => new FakeReply(200, """{"accessToken":"fresh-access","expiresIn":28800,"refreshToken":"refresh-2","tokenType":"Bearer"}"""));
        await using var portal = LoopbackServer.Start(request => PortalReply(request, "fresh-access"));
        _environment["AWS_ENDPOINT_URL_SSO"] = portal.Uri.ToString();
        _environment["AWS_ENDPOINT_URL_SSO_OIDC"] = oidc.Uri.ToString();
        Write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = DataEngineer\n"
            + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n");
        var cache = Write(".aws/sso/cache/" + SsoTokenCacheName("corp") + ".json",
            $$"""{"startUrl":"https://corp.awsapps.com/start","region":"eu-central-1","accessToken":"old-access","expiresAt":"{{Iso(DateTimeOffset.UtcNow.AddMinutes(3))}}","clientId":"c","clientSecret":"cs","registrationExpiresAt":"{{Iso(DateTimeOffset.UtcNow.AddDays(60))}}","refreshToken":"refresh-1"}""");

        AssertListedEveryRun(await ListAsync("dev"));

        Assert.Single(oidc.Requests);
        Assert.Single(portal.Requests);
        Assert.Contains("\"accessToken\":\"fresh-access\"", File.ReadAllText(cache));
        Assert.Contains("\"refreshToken\":\"refresh-2\"", File.ReadAllText(cache));
    }

    [Fact]
    public async Task A_legacy_sso_profile_lists()
    {
        await using var portal = LoopbackServer.Start(request => PortalReply(request, "legacy-access"));
        _environment["AWS_ENDPOINT_URL_SSO"] = portal.Uri.ToString();
        Write(".aws/config", "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 1\nsso_role_name = R\n");
        Write(".aws/sso/cache/" + SsoTokenCacheName("https://legacy.awsapps.com/start") + ".json",
            $$"""{"startUrl":"https://legacy.awsapps.com/start","region":"us-east-1","accessToken":"legacy-access","expiresAt":"{{Iso(InAnHour)}}"}""");
        AssertListedEveryRun(await ListAsync("legacy"));
    }

    [Fact]
    public async Task An_expired_sso_login_tells_the_user_to_log_in_again()
    {
        Write(".aws/config", "[profile dev]\nsso_session = corp\nsso_account_id = 1\nsso_role_name = R\n"
            + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-central-1\n");
        Write(".aws/sso/cache/" + SsoTokenCacheName("corp") + ".json", $$"""{"accessToken":"old","expiresAt":"{{Iso(DateTimeOffset.UtcNow.AddHours(-2))}}"}""");
        var result = await ListAsync("dev");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("aws sso login --profile dev", result.Stderr);
    }

    [Fact]
    public async Task A_role_profile_chained_from_a_static_profile_lists()
    {
        await using var sts = LoopbackServer.Start(request => SignedBy(request, "AKIDSTATICEXAMPLE", StaticSecret)
            ? StsReply("AssumeRole")
            : new FakeReply(403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>bad signature</Message></Error></ErrorResponse>", "text/xml"));
        _environment["AWS_ENDPOINT_URL_STS"] = sts.Uri.ToString();
        Write(".aws/credentials", $"[base]\naws_access_key_id = AKIDSTATICEXAMPLE\naws_secret_access_key = {StaticSecret}\n");
        Write(".aws/config", "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/DataZoneReader\nsource_profile = base\n");

        AssertListedEveryRun(await ListAsync("admin"));
        Assert.Equal("arn:aws:iam::123456789012:role/DataZoneReader", Assert.Single(sts.Requests).Form()["RoleArn"]);
    }

    [Fact]
    public async Task A_role_profile_with_mfa_prompts_through_the_host()
    {
        await using var sts = LoopbackServer.Start(request => request.Form().GetValueOrDefault("TokenCode") == "654321"
            ? StsReply("AssumeRole")
            : new FakeReply(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>MFA failed</Message></Error></ErrorResponse>", "text/xml"));
        _environment["AWS_ENDPOINT_URL_STS"] = sts.Uri.ToString();
        Write(".aws/config", $"[profile base]\naws_access_key_id = AKIDSTATICEXAMPLE\naws_secret_access_key = {StaticSecret}\n"
            + "[profile mfa]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/me\n");
        var prompts = new List<string>();
        var host = new CliHost(new StringWriter(), new StringWriter(), _environment)
        {
            ReadMfaCode = (prompt, _) => { prompts.Add(prompt); return new ValueTask<string>("654321"); },
        };

        AssertListedEveryRun(await ListAsync("mfa", host));
        Assert.Equal(new[] { "Enter MFA code for arn:aws:iam::1:mfa/me: " }, prompts);

        var withoutTerminal = await ListAsync("mfa");
        Assert.True(withoutTerminal.ExitCode == 1, withoutTerminal.ToString());
        Assert.Contains("mfa_serial", withoutTerminal.Stderr);
    }

    [Fact]
    public async Task A_container_endpoint_lists()
    {
        await using var container = LoopbackServer.Start(request => request.Header("authorization") == "pod-token" ? ContainerReply() : new FakeReply(401));
        _environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = new Uri(container.Uri, "v1/credentials").ToString();
        _environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = Write("eks/pod-token", "pod-token\n");
        AssertListedEveryRun(await ListAsync(null));
    }

    [Fact]
    public async Task Web_identity_lists()
    {
        await using var sts = LoopbackServer.Start(request => request.Form().GetValueOrDefault("WebIdentityToken") == "eks-jwt"
            ? StsReply("AssumeRoleWithWebIdentity")
            : new FakeReply(400, "<ErrorResponse><Error><Code>InvalidIdentityToken</Code><Message>no</Message></Error></ErrorResponse>", "text/xml"));
        _environment["AWS_ENDPOINT_URL_STS"] = sts.Uri.ToString();
        _environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = Write("eks/token", "eks-jwt");
        _environment["AWS_ROLE_ARN"] = "arn:aws:iam::1:role/Pod";
        AssertListedEveryRun(await ListAsync(null));
    }

    [Fact]
    public async Task Credential_process_lists()
    {
        var script = Write("bin/creds.sh",
            $$"""echo '{"Version": 1, "AccessKeyId": "{{Temporary.AccessKeyId}}", "SecretAccessKey": "{{Temporary.SecretAccessKey}}", "SessionToken": "{{Temporary.SessionToken}}", "Expiration": "{{Iso(InAnHour)}}"}'""");
        Write(".aws/config", $"[profile tool]\ncredential_process = /bin/sh \"{script}\"\n");
        AssertListedEveryRun(await ListAsync("tool"));
    }

    [Fact]
    public async Task Imds_v2_lists()
    {
        await using var imds = LoopbackServer.Start(request => (request.Method, request.Path) switch
        {
            ("PUT", "/latest/api/token") => new FakeReply(200, "imds-token", "text/plain"),
            _ when request.Header("x-aws-ec2-metadata-token") != "imds-token" => new FakeReply(401),
            ("GET", "/latest/meta-data/iam/security-credentials/") => new FakeReply(200, "instance-role", "text/plain"),
            ("GET", "/latest/meta-data/iam/security-credentials/instance-role") => ContainerReply(),
            _ => new FakeReply(404),
        });
        _environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = imds.Uri.ToString();
        AssertListedEveryRun(await ListAsync(null));
    }

    [Fact]
    public async Task With_no_source_at_all_the_error_lists_every_source_and_never_reaches_the_metadata_addresses()
    {
        var result = await ListAsync(null);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("No AWS credentials found", result.Stderr);
        Assert.Contains("EC2 instance metadata: 169.254.169.254 is blocked", result.Stderr);
    }

    [Fact]
    public async Task The_embedded_emulator_needs_no_credentials()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["AWS_EC2_METADATA_DISABLED"] = "false" }, "list-runs", "--max-items", "5", "--output", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, result.StdoutLines.Length);
    }

    // botocore's cache key: SHA-1 of the sso-session name or the legacy start URL, in lower-case hex.
    private static string SsoTokenCacheName(string key) =>
        Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    private static bool SignedBy(SeenRequest request, string accessKeyId, string secret)
    {
        if (!SigV4Signer.TryParseAuthorization(request.Header("authorization"), out var authorization) || authorization.AccessKeyId != accessKeyId)
        {
            return false;
        }

        var described = new SigV4Request(request.Method, request.Path) { PayloadHash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes(request.Body)) };
        foreach (var name in authorization.SignedHeaders)
        {
            described.Headers.Add(new(name, request.Header(name) ?? ""));
        }

        var expected = SigV4Signer.ComputeSignature(described, authorization.SignedHeaders, secret, request.Header("x-amz-date")!, authorization.Region, "sts");
        return SigV4Signer.SignaturesMatch(expected, authorization.Signature);
    }
}
