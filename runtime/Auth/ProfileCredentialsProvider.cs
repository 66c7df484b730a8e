using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Reads static keys (<c>aws_access_key_id</c>, <c>aws_secret_access_key</c>, <c>aws_session_token</c>) of a profile
/// from the shared credentials file and the shared config file (the credentials file wins for the same profile).
/// Files come from <c>AWS_SHARED_CREDENTIALS_FILE</c> / <c>AWS_CONFIG_FILE</c> or <c>~/.aws/</c>. The credentials are
/// read once and cached, as the AWS SDKs do. Profiles that assume roles, use SSO or run a process are reported as
/// unsupported: plug such sources in with <see cref="DelegateCredentialsProvider"/>.
/// </summary>
public sealed class ProfileCredentialsProvider : IAwsCredentialsProvider
{
    private static readonly (string Key, string Description)[] UnsupportedSources =
    {
        ("role_arn", "role_arn (assume role)"),
        ("sso_session", "sso_session (IAM Identity Center)"),
        ("sso_start_url", "sso_start_url (IAM Identity Center)"),
        ("credential_process", "credential_process"),
        ("web_identity_token_file", "web_identity_token_file"),
    };

    private readonly string? _explicitProfile;
    private readonly IAwsEnvironment _environment;
    private AwsCredentials? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The profile; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    public ProfileCredentialsProvider(string? profileName = null) : this(profileName, AwsEnvironment.Process) { }

    /// <summary>Creates the provider over an environment (its variables, shared files and home directory).</summary>
    /// <param name="profileName">The profile; <see langword="null"/> means the environment's <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="environment">Where variables and files are read, for example <see cref="AwsEnvironment.FromVariables"/>.</param>
    public ProfileCredentialsProvider(string? profileName, IAwsEnvironment environment)
    {
        _explicitProfile = profileName;
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = Resolve();
        return result.Credentials is { } credentials
            ? new(credentials)
            : throw new AwsCredentialsException("Shared profile: " + result.Reason);
    }

    internal CredentialsLookup Resolve()
    {
        if (_cached is { } cached)
        {
            return CredentialsLookup.Found(cached);
        }

        var files = SharedConfigFiles.Load(_environment);
        var profileName = SharedConfigFiles.SelectProfile(_explicitProfile, _environment);
        var profile = files.GetProfile(profileName);
        if (profile is null)
        {
            return CredentialsLookup.NotFound($"profile '{profileName}' not found in {files.DescribeFiles()}");
        }

        var lookup = FromProfile(profileName, profile);
        if (lookup.Credentials is not null)
        {
            _cached = lookup.Credentials;
        }

        return lookup;
    }

    private static CredentialsLookup FromProfile(string profileName, IReadOnlyDictionary<string, string> profile)
    {
        var accessKey = Get(profile, "aws_access_key_id");
        var secretKey = Get(profile, "aws_secret_access_key");
        var sessionToken = Get(profile, "aws_session_token") ?? Get(profile, "aws_security_token");
        if (accessKey is not null && secretKey is not null)
        {
            return CredentialsLookup.Found(new AwsCredentials(accessKey, secretKey, sessionToken));
        }

        if (accessKey is not null || secretKey is not null)
        {
            var missing = accessKey is null ? "aws_access_key_id" : "aws_secret_access_key";
            return CredentialsLookup.Misconfigured($"profile '{profileName}' is missing {missing}");
        }
        foreach (var (key, description) in UnsupportedSources)
        {
            if (Get(profile, key) is not null)
            {
                return CredentialsLookup.NotFound(
                    $"profile '{profileName}' uses {description}, which this provider does not support; plug that source in with DelegateCredentialsProvider");
            }
        }
        return CredentialsLookup.NotFound($"profile '{profileName}' has no aws_access_key_id");
    }

    private static string? Get(IReadOnlyDictionary<string, string> profile, string key) =>
        profile.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
