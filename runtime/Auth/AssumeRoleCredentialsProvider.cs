using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// A role profile: <c>role_arn</c> with <c>source_profile</c> (followed through chains of role profiles, with cycle
/// detection) or <c>credential_source</c> (<c>Environment</c>, <c>Ec2InstanceMetadata</c>, <c>EcsContainer</c>), plus
/// <c>external_id</c>, <c>role_session_name</c>, <c>duration_seconds</c> and <c>mfa_serial</c>; the credentials come from
/// STS AssumeRole (<c>AWS_ENDPOINT_URL_STS</c> overrides its endpoint) and are refreshed before they expire. As in
/// botocore, a profile that also has <c>web_identity_token_file</c> is left to <see cref="WebIdentityCredentialsProvider"/>,
/// and MFA credentials are not refreshed (a second code would need a second prompt): they fail when they expire.
/// </summary>
public sealed class AssumeRoleCredentialsProvider : ICredentialsSource
{
    private readonly CredentialsContext _context;
    private readonly string? _explicitProfile;
    private readonly List<string> _visited;
    private readonly RefreshingCredentials _cache;
    private ICredentialsSource? _source;
    private List<KeyValuePair<string, string>>? _parameters;
    private string? _mfaSerial;
    private bool _mfaUsed;

    /// <summary>Creates the provider for a profile.</summary>
    /// <param name="profileName">The role profile; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="options">Environment, STS region, MFA prompt; <see langword="null"/> means the process and defaults.</param>
    public AssumeRoleCredentialsProvider(string? profileName = null, CredentialProviderOptions? options = null)
        : this(new CredentialsContext(options), profileName, new List<string>())
    {
    }

    internal AssumeRoleCredentialsProvider(CredentialsContext context, string? profileName, List<string> visited)
    {
        _context = context;
        _explicitProfile = profileName;
        _visited = visited;
        _cache = new RefreshingCredentials("assume role", FetchAsync, context.UtcNow);
    }

    private string ProfileName => _explicitProfile ?? _context.Settings().ProfileName;

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => $"assume role (profile '{ProfileName}')";

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    /// <summary>Redacted: names the provider and profile only.</summary>
    public override string ToString() => $"AssumeRoleCredentialsProvider(profile '{ProfileName}')";

    async ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        // Once credentials are held the files are not read again: the refresh decides.
        if (_cache.Current is null && (_context.Settings().Files.GetProfile(ProfileName) is not { } profile || !IsRoleProfile(profile)))
        {
            return CredentialsLookup.NotFound($"profile '{ProfileName}' has no role_arn");
        }

        return CredentialsLookup.Found(await _cache.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    internal static bool IsRoleProfile(IReadOnlyDictionary<string, string> profile) =>
        profile.ContainsKey("role_arn") && !profile.ContainsKey("web_identity_token_file");

    private async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        if (_source is null || _parameters is null)
        {
            Plan();
        }

        var parameters = new List<KeyValuePair<string, string>>(_parameters!);
        if (_mfaSerial is not null)
        {
            if (_mfaUsed)
            {
                throw new AwsCredentialsException(
                    $"{Name}: the role credentials obtained with MFA ({_mfaSerial}) expire, and refreshing them would need a new code; start again to be prompted.");
            }

            var prompt = _context.Options.MfaCodeProvider
                ?? throw new AwsCredentialsException(
                    $"{Name}: the profile has mfa_serial but nothing can ask for the code: set CredentialProviderOptions.MfaCodeProvider (the CLI prompts when it runs on a terminal).");
            var code = (await prompt($"Enter MFA code for {_mfaSerial}: ", cancellationToken).ConfigureAwait(false))?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                throw new AwsCredentialsException($"{Name}: no MFA code was entered for {_mfaSerial}.");
            }

            _mfaUsed = true;
            parameters.Add(new("TokenCode", code));
        }

        var sourceCredentials = await _source!.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return await StsClient.AssumeRoleAsync(_context, sourceCredentials, parameters, Name, cancellationToken).ConfigureAwait(false);
    }

    // botocore's _get_role_config and _resolve_source_credentials: validate, then pick where the source credentials come from.
    private void Plan()
    {
        var settings = _context.Settings();
        var files = settings.Files;
        var name = ProfileName;
        if (_visited.Count == 0)
        {
            _visited.Add(name);
        }

        var profile = files.GetProfile(name) ?? throw new AwsCredentialsException($"{Name}: the profile is not in {files.DescribeFiles()}.");
        var sourceProfile = Value(profile, "source_profile");
        var credentialSource = Value(profile, "credential_source");
        if (sourceProfile is not null && credentialSource is not null)
        {
            throw new AwsCredentialsException($"{Name}: the profile has both source_profile and credential_source; keep one ({files.DescribeFiles()}).");
        }

        if (sourceProfile is null && credentialSource is null)
        {
            throw new AwsCredentialsException($"{Name}: the profile has role_arn but neither source_profile nor credential_source; add one ({files.DescribeFiles()}).");
        }

        var parameters = new List<KeyValuePair<string, string>> { new("RoleArn", profile["role_arn"]) };
        // botocore names an unnamed session after the time it is created.
        parameters.Add(new("RoleSessionName", Value(profile, "role_session_name") ?? "botocore-session-" + _context.UtcNow().ToUnixTimeSeconds()));
        if (Value(profile, "external_id") is { } externalId)
        {
            parameters.Add(new("ExternalId", externalId));
        }

        _mfaSerial = Value(profile, "mfa_serial");
        if (_mfaSerial is not null)
        {
            parameters.Add(new("SerialNumber", _mfaSerial));
        }

        // botocore passes duration_seconds when it is an integer and ignores it otherwise.
        if (Value(profile, "duration_seconds") is { } duration && int.TryParse(duration, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            parameters.Add(new("DurationSeconds", seconds.ToString(CultureInfo.InvariantCulture)));
        }

        _source = credentialSource is not null ? FromCredentialSource(credentialSource, name) : FromSourceProfile(sourceProfile!, name, files);
        _parameters = parameters;
    }

    private ICredentialsSource FromCredentialSource(string credentialSource, string profile)
    {
        // Canonical names are case-insensitive (botocore's CanonicalNameCredentialSourcer).
        ICredentialsSource? source = credentialSource.ToLowerInvariant() switch
        {
            "environment" => new EnvironmentCredentialsProvider(_context.Environment),
            "ec2instancemetadata" => new InstanceMetadataCredentialsProvider(_context),
            "ecscontainer" => new ContainerCredentialsProvider(_context),
            _ => null,
        };
        return source is null
            ? throw new AwsCredentialsException(
                $"assume role (profile '{profile}'): credential_source '{credentialSource}' is not valid; use Environment, Ec2InstanceMetadata or EcsContainer.")
            : new RequiredSource(source, $"credential_source {credentialSource} of profile '{profile}'");
    }

    private ICredentialsSource FromSourceProfile(string sourceProfile, string parent, SharedConfigFiles files)
    {
        var source = files.GetProfile(sourceProfile)
            ?? throw new AwsCredentialsException(
                $"assume role (profile '{parent}'): source_profile '{sourceProfile}' does not exist in {files.DescribeFiles()}.");

        // A profile may name itself as its source only to use its own static keys (botocore's rule); any other repeat is a loop.
        if (_visited.Contains(sourceProfile) && (sourceProfile != parent || !StaticProfileKeys.HasStaticKeys(source)))
        {
            throw new AwsCredentialsException(
                $"assume role (profile '{parent}'): source_profile '{sourceProfile}' makes a loop: {string.Join(" -> ", _visited)} -> {sourceProfile}. Fix source_profile in {files.DescribeFiles()}.");
        }

        _visited.Add(sourceProfile);
        var context = _context.ForProfile(sourceProfile);
        if (StaticProfileKeys.HasStaticKeys(source) || !IsRoleProfile(source))
        {
            // The source profile's own providers, without the environment variables (botocore's disable_env_vars=True).
            return new RequiredSource(new CredentialsChainSource(CredentialsChains.ProfileSources(context, sourceProfile, disableEnvVars: true), context: context),
                $"source_profile '{sourceProfile}' of profile '{parent}' (it must have credentials)");
        }

        return new AssumeRoleCredentialsProvider(context, sourceProfile, _visited);
    }

    private static string? Value(IReadOnlyDictionary<string, string> profile, string key) =>
        profile.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
