using System;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;

namespace DataSourceRuns;

/// <summary>
/// The service <c>list-runs</c> talks to: a configured endpoint or region (real AWS or any compatible server), or,
/// when nothing is configured, the embedded emulator with demo data. Owns the client and the emulator it started.
/// </summary>
internal sealed class ServiceConnection : IAsyncDisposable
{
    /// <summary>How many demo runs the embedded emulator serves: enough for paging to show.</summary>
    internal const int DemoRunCount = 120;

    private const string UserAgent = "DataSourceRuns-cli";

    private ServiceConnection(DataZoneClient client, string domainId, string dataSourceId, DataZoneEmulator? emulator)
    {
        Client = client;
        DomainId = domainId;
        DataSourceId = dataSourceId;
        Emulator = emulator;
    }

    public DataZoneClient Client { get; }

    public string DomainId { get; }

    public string DataSourceId { get; }

    /// <summary>The embedded emulator, when the tool started one.</summary>
    public DataZoneEmulator? Emulator { get; }

    /// <summary>
    /// The embedded emulator's options. Fixed seed, data and token secret: the emulator's page tokens survive a
    /// restart with the same data, so a NextToken printed by one invocation resumes in the next.
    /// </summary>
    internal static EmulatorOptions DemoEmulatorOptions() => new()
    {
        Port = 0,
        RunCount = DemoRunCount,
        VerifySignatures = true,
    };

    /// <summary>Decides where to list from, checks the arguments that decision requires, and connects.</summary>
    /// <exception cref="UsageException">A required argument for the chosen target is missing, or the runtime rejects the AWS configuration.</exception>
    public static async Task<ServiceConnection> OpenAsync(ListRunsSettings settings, CliHost host, CancellationToken cancellationToken)
    {
        var aws = new AwsConfiguration(host, settings);
        var endpoint = aws.FindEndpoint(DataZoneClient.ServiceMetadata);
        var region = aws.FindRegion(out var regionLookedAt);

        if (endpoint is null && region is null)
        {
            if (settings.Profile is not null)
            {
                // An explicit profile means "my AWS account": listing demo data instead would mislead.
                throw new UsageException($"--region is required: profile '{settings.Profile}' has no region. Looked at: {regionLookedAt}.");
            }

            return await StartEmbeddedAsync(settings, aws, host, cancellationToken).ConfigureAwait(false);
        }

        var target = endpoint is { } e
            ? $"endpoint {e.Value} (from {e.Source})"
            : $"region {region!.Value.Value} (from {region.Value.Source})";
        const string fallback = "With no endpoint and no region configured, the tool lists from its embedded emulator instead.";
        if (settings.Domain is null)
        {
            throw new UsageException($"--domain is required when calling {target}. {fallback}");
        }

        if (settings.DataSource is null)
        {
            throw new UsageException($"--data-source is required when calling {target}. {fallback}");
        }

        if (region is null)
        {
            throw new UsageException(
                $"--region is required with {target}: the request signature names a region and none is configured. Looked at: {regionLookedAt}.");
        }

        // Credentials: the runtime's default chain over the tool's environment (the access-key variables, then the profile).
        var client = aws.CreateClient(options =>
        {
            options.Region = region.Value.Value;
            options.Endpoint = endpoint?.Value;
            options.UserAgentSuffix = UserAgent;
            options.ConnectTimeout = settings.ConnectTimeout;
            options.ReadTimeout = settings.ReadTimeout;
        });
        return new ServiceConnection(client, settings.Domain, settings.DataSource, emulator: null);
    }

    private static async Task<ServiceConnection> StartEmbeddedAsync(ListRunsSettings settings, AwsConfiguration aws, CliHost host,
        CancellationToken cancellationToken)
    {
        DataZoneEmulator emulator;
        try
        {
            emulator = await DataZoneEmulator.StartAsync(DemoEmulatorOptions(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new AwsClientException($"Could not start the embedded emulator: {exception.Message}", exception);
        }

        DataZoneClient? client = null;
        try
        {
            var credentials = emulator.Credentials;
            client = aws.CreateClient(options =>
            {
                options.Region = DataZoneEmulator.DefaultRegion;
                options.Endpoint = emulator.Endpoint;
                // The tool chose this local endpoint, not the user: a FIPS preference (AWS_USE_FIPS_ENDPOINT) is for AWS's.
                options.UseFips = false;
                options.Credentials = new StaticCredentialsProvider(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken);
                options.UserAgentSuffix = UserAgent;
                options.ConnectTimeout = settings.ConnectTimeout;
                options.ReadTimeout = settings.ReadTimeout;
            });
            await host.Error.WriteLineAsync(
                $"No endpoint or region configured: listing from the embedded DataZone emulator at {emulator.Endpoint} "
                + $"({emulator.Runs.Count} demo runs in domain {emulator.DomainId}, data source {emulator.DataSourceId}). "
                + "Pass --endpoint or --region (or set AWS_REGION) to call a real service.").ConfigureAwait(false);
            return new ServiceConnection(client, settings.Domain ?? emulator.DomainId, settings.DataSource ?? emulator.DataSourceId, emulator);
        }
        catch
        {
            client?.Dispose();
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
