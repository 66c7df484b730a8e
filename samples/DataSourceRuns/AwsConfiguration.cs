using System;
using DataZone.Gen;
using DataZone.Gen.Auth;

namespace DataSourceRuns;

/// <summary>A setting and where it came from, for messages such as "region us-east-1 (from AWS_REGION)".</summary>
internal readonly record struct Configured<T>(T Value, string Source);

/// <summary>
/// The AWS configuration the tool runs with: the command-line options first, then what the runtime's
/// <see cref="AwsClientSettings"/> finds in <see cref="CliHost.Environment"/> (never the process's own), so that
/// tests decide what is configured. The clients get the same environment, so the runtime's region, endpoint, retry
/// (<c>AWS_MAX_ATTEMPTS</c>) and credential chains read what the tool read. Configuration the runtime rejects, such as a
/// malformed <c>AWS_ENDPOINT_URL</c> or <c>AWS_MAX_ATTEMPTS</c>, is a usage error (exit code 2).
/// </summary>
internal sealed class AwsConfiguration
{
    private readonly ListRunsSettings _settings;
    private readonly IAwsEnvironment _environment;
    private readonly CliHost _host;

    public AwsConfiguration(CliHost host, ListRunsSettings settings)
    {
        _host = host;
        _settings = settings;
        _environment = AwsEnvironment.FromVariables(host.Environment);
    }

    /// <summary><c>--endpoint</c>, else <c>AWS_ENDPOINT_URL_DATAZONE</c> or <c>AWS_ENDPOINT_URL</c>; <see langword="null"/> when none is set.</summary>
    /// <exception cref="UsageException">A variable is not an absolute http(s) URL.</exception>
    public Configured<Uri>? FindEndpoint(AwsServiceMetadata service)
    {
        if (_settings.Endpoint is { } endpoint)
        {
            return new Configured<Uri>(endpoint, "--endpoint");
        }

        try
        {
            return AwsClientSettings.FindEndpoint(service, NewOptions(), out var source) is { } configured
                ? new Configured<Uri>(configured, source)
                : null;
        }
        catch (AwsClientException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    /// <summary><c>--region</c>, else the runtime's chain (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's <c>region</c>).</summary>
    /// <param name="lookedAt">When none is found, where the runtime looked, for the message.</param>
    public Configured<string>? FindRegion(out string lookedAt)
    {
        lookedAt = "";
        if (_settings.Region is { } region)
        {
            return new Configured<string>(region, "--region");
        }

        try
        {
            var configured = AwsClientSettings.FindRegion(NewOptions(), out var source);
            if (configured is not null)
            {
                return new Configured<string>(configured, source);
            }

            lookedAt = source;
            return null;
        }
        catch (AwsClientException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    /// <summary>A client over the tool's environment and profile; the runtime reads credentials and retries from there.</summary>
    /// <exception cref="UsageException">The runtime rejects the configuration.</exception>
    public DataZoneClient CreateClient(Action<AwsClientOptions> configure)
    {
        var options = NewOptions();
        configure(options);
        // The runtime's default chain as botocore builds it, plus what only a terminal tool has: an MFA prompt, and
        // credential_process prompts (its stderr) shown to the user.
        options.Credentials ??= new DefaultCredentialsChain(new CredentialProviderOptions
        {
            Environment = _environment,
            Profile = _settings.Profile,
            Region = options.Region,
            MfaCodeProvider = _host.ReadMfaCode,
            CredentialProcessErrorOutput = _host.Error,
        });
        try
        {
            return new DataZoneClient(options);
        }
        catch (AwsClientException exception)
        {
            throw new UsageException(exception.Message);
        }
    }

    // With --profile the runtime's credential chain uses that profile only, as botocore does.
    private AwsClientOptions NewOptions() => new() { Environment = _environment, Profile = _settings.Profile };
}
