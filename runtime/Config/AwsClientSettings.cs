using System;
using System.Collections.Generic;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen;

/// <summary>
/// Answers "is a region (or an endpoint) configured, and where?" the way <see cref="AwsServiceClient"/> will
/// resolve it, without creating a client: for example to fall back to a local emulator when nothing is configured.
/// Both read through <see cref="AwsClientOptions.Environment"/> and honour <see cref="AwsClientOptions.Profile"/>.
/// Sources are names of settings, variables and files, never their secret values.
/// </summary>
public static class AwsClientSettings
{
    /// <summary>
    /// The region a client would use: <see cref="AwsClientOptions.Region"/>, <c>AWS_REGION</c>,
    /// <c>AWS_DEFAULT_REGION</c>, then <c>region</c> of the profile (<see cref="AwsClientOptions.Profile"/>, else
    /// <c>AWS_DEFAULT_PROFILE</c>, else <c>AWS_PROFILE</c>, else <c>default</c>) in the shared credentials and config files. Values are trimmed; the region
    /// is not validated here (creating the client does that).
    /// </summary>
    /// <param name="options">The options a client would get; <see langword="null"/> means defaults (the process environment).</param>
    /// <param name="source">
    /// Where the region came from, for example <c>AWS_REGION</c> or <c>'region' of profile 'dev' in /home/me/.aws/config</c>;
    /// when there is none, every place looked at (after the options), for a message.
    /// </param>
    /// <returns>The region, or <see langword="null"/> when none is configured (a client would fail to be created).</returns>
    /// <exception cref="AwsClientException">A shared config file exists but could not be read.</exception>
    public static string? FindRegion(AwsClientOptions? options, out string source)
    {
        options ??= new AwsClientOptions();
        var looked = new List<string>();
        var region = RegionResolver.Find(options.Region, SettingSources.For(options), looked, out source);
        if (region is null)
        {
            source = string.Join("; ", looked);
        }

        return region;
    }

    /// <summary>
    /// The endpoint a client of <paramref name="service"/> would use instead of the service's own, in botocore's order:
    /// <see cref="AwsClientOptions.Endpoint"/>, the service's variable (<see cref="AwsServiceMetadata.EndpointUrlVariable"/>,
    /// for example <c>AWS_ENDPOINT_URL_DATAZONE</c>), <c>AWS_ENDPOINT_URL</c>, the service's <c>endpoint_url</c> in the
    /// profile's <c>services</c> section, then the profile's <c>endpoint_url</c>. All but the option are skipped when
    /// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> (or the profile's <c>ignore_configured_endpoint_urls</c>) is <c>true</c>.
    /// </summary>
    /// <param name="service">The service, for its endpoint variable.</param>
    /// <param name="options">The options a client would get; <see langword="null"/> means defaults (the process environment).</param>
    /// <param name="source">Where the endpoint came from, for example <c>AWS_ENDPOINT_URL</c>; when there is none, where it looked.</param>
    /// <returns>The endpoint, or <see langword="null"/> when none is configured (a client would use the service's endpoint for its region).</returns>
    /// <exception cref="AwsClientException">
    /// A variable or setting is set but is not an absolute http or https URL, the profile's <c>services</c> names a section
    /// that does not exist, or a shared config file could not be read.
    /// </exception>
    public static Uri? FindEndpoint(AwsServiceMetadata service, AwsClientOptions? options, out string source)
    {
        ArgumentNullException.ThrowIfNull(service);
        options ??= new AwsClientOptions();
        return EndpointResolver.FindConfigured(service, options.Endpoint, SettingSources.For(options), out source);
    }
}
