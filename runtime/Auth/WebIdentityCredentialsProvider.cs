using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Web identity (EKS IRSA and other OIDC federation): <c>AWS_WEB_IDENTITY_TOKEN_FILE</c>, <c>AWS_ROLE_ARN</c> and
/// <c>AWS_ROLE_SESSION_NAME</c>, else the profile's <c>web_identity_token_file</c>, <c>role_arn</c> and
/// <c>role_session_name</c> (each variable wins over its setting, as in botocore), exchanged with the unsigned STS
/// AssumeRoleWithWebIdentity. The token file is read again on every refresh, because EKS rotates it.
/// </summary>
public sealed class WebIdentityCredentialsProvider : ICredentialsSource
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["web_identity_token_file"] = "AWS_WEB_IDENTITY_TOKEN_FILE",
        ["role_arn"] = "AWS_ROLE_ARN",
        ["role_session_name"] = "AWS_ROLE_SESSION_NAME",
    };

    private readonly CredentialsContext _context;
    private readonly string? _profile;
    private readonly bool _disableEnvVars;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The profile for settings the variables leave unset; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="options">Environment and STS region; <see langword="null"/> means the process and defaults.</param>
    public WebIdentityCredentialsProvider(string? profileName = null, CredentialProviderOptions? options = null)
        : this(new CredentialsContext(options), profileName, disableEnvVars: false)
    {
    }

    internal WebIdentityCredentialsProvider(CredentialsContext context, string? profile, bool disableEnvVars)
    {
        _context = context;
        _profile = profile;
        _disableEnvVars = disableEnvVars;
        _cache = new RefreshingCredentials(Name, FetchAsync, context.UtcNow);
    }

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => "web identity";

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    async ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        if (_cache.Current is null && Get("web_identity_token_file", out _) is null)
        {
            return CredentialsLookup.NotFound(_disableEnvVars
                ? $"profile '{ProfileName}' has no web_identity_token_file"
                : $"AWS_WEB_IDENTITY_TOKEN_FILE is not set and profile '{ProfileName}' has no web_identity_token_file");
        }

        return CredentialsLookup.Found(await _cache.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    private string ProfileName => _profile ?? _context.Settings().ProfileName;

    private async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var tokenFile = Get("web_identity_token_file", out var tokenSource)
            ?? throw new AwsCredentialsException($"{Name}: no token file is configured any more.");
        var roleArn = Get("role_arn", out _)
            ?? throw new AwsCredentialsException(
                $"{Name}: {tokenSource} is set but no role is: set AWS_ROLE_ARN or role_arn in profile '{ProfileName}'.");
        var token = _context.Environment.ReadFile(tokenFile)
            ?? throw new AwsCredentialsException($"{Name}: the token file {tokenFile} (from {tokenSource}) does not exist.");
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("RoleArn", roleArn),
            new("RoleSessionName", Get("role_session_name", out _) ?? "botocore-session-" + _context.UtcNow().ToUnixTimeSeconds()),
            new("WebIdentityToken", token.Trim()),
        };
        return await StsClient.AssumeRoleWithWebIdentityAsync(_context, parameters, Name, cancellationToken).ConfigureAwait(false);
    }

    private string? Get(string key, out string source)
    {
        if (!_disableEnvVars && _context.Environment.GetVariable(Variables[key]) is { } value)
        {
            source = Variables[key];
            return value;
        }

        var profile = ProfileName;
        source = $"{key} of profile '{profile}'";
        return _context.Settings().Files.GetProfile(profile) is { } settings && settings.TryGetValue(key, out var setting) && setting.Length > 0
            ? setting
            : null;
    }
}
