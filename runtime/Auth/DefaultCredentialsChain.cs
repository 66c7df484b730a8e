using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// The default credential chain, in botocore's order: environment variables (<c>AWS_ACCESS_KEY_ID</c>...), assume role
/// (a profile's <c>role_arn</c>), web identity, SSO, static keys in the shared credentials file, <c>credential_process</c>,
/// static keys in the shared config file, the container endpoint (ECS, EKS Pod Identity), then EC2 instance metadata.
/// The first source that is configured wins and is kept (it refreshes temporary credentials itself); a source that is
/// configured but fails stops the chain with its reason. As in botocore, a profile chosen explicitly (not through
/// <c>AWS_PROFILE</c>) takes the environment variables (and web identity's) out of the chain.
/// </summary>
public sealed class DefaultCredentialsChain : IAwsCredentialsProvider
{
    private readonly CredentialsContext _context;
    private readonly CredentialsChainSource _chain;

    /// <summary>Creates the chain over the process environment.</summary>
    /// <param name="profileName">An explicit profile (skips the environment variables); <see langword="null"/> for the full chain.</param>
    public DefaultCredentialsChain(string? profileName = null) : this(profileName, AwsEnvironment.Process) { }

    /// <summary>Creates the chain over an environment (its variables, shared files and home directory).</summary>
    /// <param name="profileName">An explicit profile (skips the environment variables); <see langword="null"/> for the full chain.</param>
    /// <param name="environment">Where variables and files are read, for example <see cref="AwsEnvironment.FromVariables"/>.</param>
    public DefaultCredentialsChain(string? profileName, IAwsEnvironment environment)
        : this(new CredentialProviderOptions { Profile = profileName, Environment = environment ?? throw new ArgumentNullException(nameof(environment)) })
    {
    }

    /// <summary>Creates the chain from options: environment, explicit profile, STS region, HTTP handler, MFA prompt.</summary>
    /// <param name="options">The options; they are copied.</param>
    public DefaultCredentialsChain(CredentialProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _context = new CredentialsContext(options);
        _chain = CredentialsChains.Default(_context);
    }

    /// <summary>The provider that found credentials, for example <c>SSO (profile 'dev')</c>; <see langword="null"/> before the first success.</summary>
    public string? Source => _chain.Winner?.Name;

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        // The check and the providers share one reading of the shared files.
        using var pass = _chain.Winner is null ? _context.ShareFilesForOnePass() : null;
        if (_chain.Winner is null)
        {
            // botocore's create_credential_resolver reads the scoped config before any provider runs, so a profile named
            // by the caller, AWS_DEFAULT_PROFILE or AWS_PROFILE that does not exist fails even when environment keys are
            // set or instance metadata is disabled.
            _context.Settings().RequireNamedProfile();
        }

        var lookup = await _chain.LookupAsync(cancellationToken).ConfigureAwait(false);
        return lookup.Credentials ?? throw new AwsCredentialsException(
            "No AWS credentials found. " + lookup.Reason
            + "\nConfigure one of them, for example 'aws configure', 'aws configure sso' or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
    }

    /// <summary>Names the chain and its source, never a secret.</summary>
    public override string ToString() => $"DefaultCredentialsChain({Source ?? "not resolved yet"})";
}
