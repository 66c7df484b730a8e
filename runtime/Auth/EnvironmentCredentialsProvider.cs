using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>Reads <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c> on every call.</summary>
public sealed class EnvironmentCredentialsProvider : ICredentialsSource
{
    private readonly IAwsEnvironment _environment;

    /// <summary>Creates a provider over the process environment.</summary>
    public EnvironmentCredentialsProvider() : this(AwsEnvironment.Process) { }

    /// <summary>Creates a provider over an environment's variables.</summary>
    /// <param name="environment">Where the variables are read, for example <see cref="AwsEnvironment.FromVariables"/>.</param>
    public EnvironmentCredentialsProvider(IAwsEnvironment environment) =>
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = Resolve();
        return result.Credentials is { } credentials
            ? new(credentials)
            : throw new AwsCredentialsException("Environment: " + result.Reason);
    }

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => "environment variables";

    ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Resolve());
    }

    /// <summary>Looks up the variables; partial configuration is <see cref="CredentialsLookup.IsMisconfigured"/>.</summary>
    internal CredentialsLookup Resolve()
    {
        var accessKey = _environment.GetVariable("AWS_ACCESS_KEY_ID");
        var secretKey = _environment.GetVariable("AWS_SECRET_ACCESS_KEY");
        // botocore checks the legacy AWS_SECURITY_TOKEN before AWS_SESSION_TOKEN.
        var sessionToken = _environment.GetVariable("AWS_SECURITY_TOKEN") ?? _environment.GetVariable("AWS_SESSION_TOKEN");
        // botocore's EnvProvider looks only when the access key id is set: a secret alone is ignored.
        if (accessKey is null)
        {
            return CredentialsLookup.NotFound(secretKey is null
                ? "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"
                : "AWS_ACCESS_KEY_ID is not set (AWS_SECRET_ACCESS_KEY alone is ignored)");
        }

        if (secretKey is null)
        {
            return CredentialsLookup.Misconfigured("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
        }

        return CredentialsLookup.Found(new AwsCredentials(accessKey, secretKey, sessionToken));
    }
}

/// <summary>
/// The outcome of one provider's lookup, so the default chain can tell "not configured here" (try the next
/// provider) from "configured wrongly here" (stop, like botocore's PartialCredentialsError).
/// </summary>
internal readonly record struct CredentialsLookup(AwsCredentials? Credentials, string Reason, bool IsMisconfigured)
{
    public static CredentialsLookup Found(AwsCredentials credentials) => new(credentials, "", false);
    public static CredentialsLookup NotFound(string reason) => new(null, reason, false);
    public static CredentialsLookup Misconfigured(string reason) => new(null, reason, true);
}
