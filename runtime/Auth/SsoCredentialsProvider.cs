using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// IAM Identity Center (SSO) profiles, both kinds botocore reads: <c>sso_session</c> naming an
/// <c>[sso-session NAME]</c> section (<c>sso_start_url</c>, <c>sso_region</c>), whose token is refreshed when it nears
/// expiry, and legacy profiles with <c>sso_start_url</c> and <c>sso_region</c> of their own. Both need
/// <c>sso_account_id</c> and <c>sso_role_name</c>. The token comes from <c>~/.aws/sso/cache/</c> (written by
/// <c>aws sso login</c>); the role credentials from the SSO portal's GetRoleCredentials (<c>AWS_ENDPOINT_URL_SSO</c>
/// overrides its endpoint), refreshed before they expire.
/// </summary>
public sealed class SsoCredentialsProvider : ICredentialsSource
{
    private static readonly AwsServiceMetadata Portal = new("SSO", "portal.sso", "awsssoportal", "2019-06-10");
    private readonly CredentialsContext _context;
    private readonly string? _profile;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The SSO profile; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="options">Environment and HTTP handler; <see langword="null"/> means the process and defaults.</param>
    public SsoCredentialsProvider(string? profileName = null, CredentialProviderOptions? options = null)
        : this(new CredentialsContext(options), profileName)
    {
    }

    internal SsoCredentialsProvider(CredentialsContext context, string? profile)
    {
        _context = context;
        _profile = profile;
        _cache = new RefreshingCredentials("SSO", FetchAsync, context.UtcNow);
    }

    private string ProfileName => _profile ?? _context.Settings().ProfileName;

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => $"SSO (profile '{ProfileName}')";

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    async ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        if (_cache.Current is null && LoadConfig() is null)
        {
            return CredentialsLookup.NotFound($"profile '{ProfileName}' has no sso_account_id or sso_role_name");
        }

        return CredentialsLookup.Found(await _cache.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    private sealed record SsoConfig(string StartUrl, string Region, string AccountId, string RoleName, string? SessionName);

    // botocore's _load_sso_config and _resolve_sso_session_reference.
    private SsoConfig? LoadConfig()
    {
        var files = _context.Settings().Files;
        var name = ProfileName;
        if (files.GetProfile(name) is not { } profile || (!profile.ContainsKey("sso_account_id") && !profile.ContainsKey("sso_role_name")))
        {
            return null;
        }

        var resolved = new Dictionary<string, string>(profile, StringComparer.OrdinalIgnoreCase);
        var required = new List<string> { "sso_role_name", "sso_account_id", "sso_start_url", "sso_region" };
        if (Value(profile, "sso_session") is { } sessionName)
        {
            var session = files.GetSsoSession(sessionName)
                ?? throw new AwsCredentialsException($"{Name}: sso_session '{sessionName}' has no [sso-session {sessionName}] section in {files.ConfigPath}.");
            foreach (var (key, value) in session)
            {
                if (resolved.TryGetValue(key, out var fromProfile) && fromProfile != value)
                {
                    throw new AwsCredentialsException(
                        $"{Name}: {key} differs between the profile and [sso-session {sessionName}] in {files.ConfigPath}; keep one value.");
                }

                resolved[key] = value;
            }

            required.Add("sso_session");
        }

        var missing = required.FindAll(key => Value(resolved, key) is null);
        if (missing.Count > 0)
        {
            throw new AwsCredentialsException(
                $"{Name}: the profile is configured for SSO but is missing {string.Join(", ", missing)} ({files.DescribeFiles()}).");
        }

        return new SsoConfig(resolved["sso_start_url"], resolved["sso_region"], resolved["sso_account_id"], resolved["sso_role_name"],
            Value(resolved, "sso_session"));
    }

    private async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var config = LoadConfig() ?? throw new AwsCredentialsException($"{Name}: the profile is no longer configured for SSO.");
        var tokens = new SsoTokenCache(_context, Name, ProfileName);
        var accessToken = await tokens.GetAccessTokenAsync(config.StartUrl, config.SessionName, config.Region, cancellationToken).ConfigureAwait(false);

        var endpoint = _context.Endpoint(Portal, () => CredentialsContext.RegionalEndpoint("portal.sso", config.Region), out _);
        var uri = new Uri(endpoint, $"federation/credentials?role_name={Uri.EscapeDataString(config.RoleName)}&account_id={Uri.EscapeDataString(config.AccountId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("x-amz-sso_bearer_token", accessToken);
        var (status, body) = await CredentialsContext.SendAsync(_context.Services, request, TimeSpan.FromSeconds(30), Name, cancellationToken).ConfigureAwait(false);
        if (status == 401)
        {
            throw new AwsCredentialsException(
                $"{Name}: the SSO session has expired or is otherwise invalid. To refresh it, run 'aws sso login --profile {ProfileName}'.");
        }

        if (status is < 200 or >= 300)
        {
            throw new AwsCredentialsException(
                $"{Name}: GetRoleCredentials for role '{config.RoleName}' in account {config.AccountId} failed with HTTP {status}{ErrorType(body)}.");
        }

        return Parse(body);
    }

    private AwsCredentials Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("roleCredentials", out var role) || role.ValueKind != JsonValueKind.Object)
            {
                throw new AwsCredentialsException($"{Name}: the GetRoleCredentials response has no roleCredentials.");
            }

            string Field(string name) =>
                role.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                    ? text
                    : throw new AwsCredentialsException($"{Name}: the GetRoleCredentials response has no {name}.");
            if (!role.TryGetProperty("expiration", out var expiration) || !expiration.TryGetInt64(out var milliseconds))
            {
                throw new AwsCredentialsException($"{Name}: the GetRoleCredentials response has no expiration.");
            }

            return new AwsCredentials(Field("accessKeyId"), Field("secretAccessKey"), Field("sessionToken"))
            {
                Expiration = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
            };
        }
        catch (JsonException)
        {
            throw new AwsCredentialsException($"{Name}: the GetRoleCredentials response is not JSON.");
        }
    }

    private static string ErrorType(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                ? ": " + message.GetString()
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string? Value(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
