using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Static keys (<c>aws_access_key_id</c>, <c>aws_secret_access_key</c>, <c>aws_session_token</c>) of a profile, from the
/// shared credentials file, else the shared config file. Files come from <c>AWS_SHARED_CREDENTIALS_FILE</c> /
/// <c>AWS_CONFIG_FILE</c> or <c>~/.aws/</c>. The keys are read once and cached, as the AWS SDKs do. For profiles that
/// assume a role, use SSO, web identity or a process, use <see cref="DefaultCredentialsChain"/> (or that source's own provider).
/// </summary>
public sealed class ProfileCredentialsProvider : ICredentialsSource
{
    private static readonly (string Key, string Provider)[] OtherSources =
    {
        ("role_arn", nameof(AssumeRoleCredentialsProvider)),
        ("web_identity_token_file", nameof(WebIdentityCredentialsProvider)),
        ("sso_session", nameof(SsoCredentialsProvider)),
        ("sso_account_id", nameof(SsoCredentialsProvider)),
        ("credential_process", nameof(ProcessCredentialsProvider)),
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
        _environment = environment ?? throw new System.ArgumentNullException(nameof(environment));
    }

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => "shared profile";

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Resolve());
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

        foreach (var credentialsFile in new[] { true, false })
        {
            if (files.GetProfileIn(credentialsFile, profileName) is not { } section)
            {
                continue;
            }

            var lookup = StaticProfileKeys.FromKeys(section, profileName, (credentialsFile ? files.CredentialsPath : files.ConfigPath)!);
            if (lookup.Credentials is not null || lookup.IsMisconfigured)
            {
                _cached = lookup.Credentials;
                return lookup;
            }
        }

        return CredentialsLookup.NotFound($"profile '{profileName}' has no aws_access_key_id{OtherSource(profile)}");
    }

    private static string OtherSource(IReadOnlyDictionary<string, string> profile)
    {
        foreach (var (key, provider) in OtherSources)
        {
            if (profile.ContainsKey(key))
            {
                return $" (it has {key}: use {nameof(DefaultCredentialsChain)} or {provider})";
            }
        }

        return "";
    }
}
