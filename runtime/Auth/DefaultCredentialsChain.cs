using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// The default credential chain: environment variables, then the shared profile. The first source that has
/// credentials wins and is remembered. When none does, the exception lists every source and why it failed.
/// As in botocore, naming a profile explicitly takes the environment variables out of the chain.
/// </summary>
public sealed class DefaultCredentialsChain : IAwsCredentialsProvider
{
    private readonly EnvironmentCredentialsProvider? _environmentProvider;
    private readonly ProfileCredentialsProvider _profileProvider;
    private readonly string? _explicitProfile;
    private AwsCredentials? _resolved;

    /// <summary>Creates the chain over the process environment.</summary>
    /// <param name="profileName">An explicit profile (skips the environment variables); <see langword="null"/> for the full chain.</param>
    public DefaultCredentialsChain(string? profileName = null) : this(profileName, AwsEnvironment.Process) { }

    /// <summary>Creates the chain over an environment (its variables, shared files and home directory).</summary>
    /// <param name="profileName">An explicit profile (skips the environment variables); <see langword="null"/> for the full chain.</param>
    /// <param name="environment">Where variables and files are read, for example <see cref="AwsEnvironment.FromVariables"/>.</param>
    public DefaultCredentialsChain(string? profileName, IAwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _explicitProfile = profileName;
        _environmentProvider = profileName is null ? new EnvironmentCredentialsProvider(environment) : null;
        _profileProvider = new ProfileCredentialsProvider(profileName, environment);
    }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_resolved is { } resolved)
        {
            return new(resolved);
        }

        var failures = new List<string>();
        if (_environmentProvider is null)
        {
            failures.Add($"environment variables: skipped because profile '{_explicitProfile}' was chosen explicitly");
        }
        else if (TryLookup("environment variables", _environmentProvider.Resolve(), failures) is { } fromEnvironment)
        {
            return new(_resolved = fromEnvironment);
        }

        if (TryLookup("shared profile", _profileProvider.Resolve(), failures) is { } fromProfile)
        {
            return new(_resolved = fromProfile);
        }

        throw new AwsCredentialsException("No AWS credentials found. Tried:\n- " + string.Join("\n- ", failures));
    }

    private static AwsCredentials? TryLookup(string source, CredentialsLookup lookup, List<string> failures)
    {
        if (lookup.Credentials is not null)
        {
            return lookup.Credentials;
        }

        if (lookup.IsMisconfigured)
        {
            throw new AwsCredentialsException($"AWS credentials are misconfigured in {source}: {lookup.Reason}.");
        }

        failures.Add($"{source}: {lookup.Reason}");
        return null;
    }
}
