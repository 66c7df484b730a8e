using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Static keys of a profile in one of the shared files: botocore's shared-credentials-file and config-file providers,
/// which the chain tries with credential_process between them.
/// </summary>
internal sealed class StaticProfileKeys : ICredentialsSource
{
    private readonly CredentialsContext _context;
    private readonly string _profile;
    private readonly bool _credentialsFile;

    public StaticProfileKeys(CredentialsContext context, string profile, bool credentialsFile)
    {
        _context = context;
        _profile = profile;
        _credentialsFile = credentialsFile;
    }

    public string Name => _credentialsFile ? "shared credentials file" : "shared config file";

    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    public ValueTask<CredentialsLookup> LookupAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var files = _context.Settings().Files;
        var path = (_credentialsFile ? files.CredentialsPath : files.ConfigPath) ?? "(no file)";
        var profile = files.GetProfileIn(_credentialsFile, _profile);
        return new(profile is null
            ? CredentialsLookup.NotFound($"profile '{_profile}' not in {path}")
            : FromKeys(profile, _profile, path));
    }

    /// <summary>botocore's rule: a profile with <c>aws_access_key_id</c> must also have the secret; the secret alone is ignored.</summary>
    internal static CredentialsLookup FromKeys(IReadOnlyDictionary<string, string> profile, string name, string path)
    {
        var accessKey = Get(profile, "aws_access_key_id");
        var secretKey = Get(profile, "aws_secret_access_key");
        if (accessKey is null)
        {
            return CredentialsLookup.NotFound($"profile '{name}' in {path} has no aws_access_key_id");
        }

        if (secretKey is null)
        {
            return CredentialsLookup.Misconfigured($"profile '{name}' in {path} has aws_access_key_id but is missing aws_secret_access_key");
        }

        var sessionToken = Get(profile, "aws_security_token") ?? Get(profile, "aws_session_token");
        return CredentialsLookup.Found(new AwsCredentials(accessKey, secretKey, sessionToken));
    }

    internal static bool HasStaticKeys(IReadOnlyDictionary<string, string> profile) =>
        profile.ContainsKey("aws_access_key_id") || profile.ContainsKey("aws_secret_access_key");

    private static string? Get(IReadOnlyDictionary<string, string> profile, string key) =>
        profile.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
