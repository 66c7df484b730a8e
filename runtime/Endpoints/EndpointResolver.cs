using System;
using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// The endpoint settings a client reads before the rules run: the configured endpoint (the option, then the configured
/// endpoint URLs in botocore's order: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>, the service's
/// block in the profile's <c>services</c> section, the profile's <c>endpoint_url</c>; all skipped when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> or the profile's <c>ignore_configured_endpoint_urls</c> is <c>true</c>),
/// FIPS and dual-stack. The endpoint itself comes from the service's rule set; a service without one needs a configured
/// endpoint (<see cref="RequireConfigured"/>).
/// </summary>
internal static class EndpointResolver
{
    /// <summary>
    /// The configured endpoint: the option, else the configured endpoint URLs; <see langword="null"/> when the rules
    /// decide. <paramref name="source"/> names where it came from, or where it looked.
    /// </summary>
    public static Uri? FindConfigured(AwsServiceMetadata service, Uri? configured, SettingSources config, out string source)
    {
        if (configured is not null)
        {
            source = "AwsClientOptions.Endpoint";
            return configured;
        }

        var ignore = config.Find("ignore_configured_endpoint_urls", new List<string>(), out var ignoreSource, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
        if (string.Equals(ignore, "true", StringComparison.OrdinalIgnoreCase))
        {
            source = $"configured endpoint URLs (ignored: {ignoreSource} is true)";
            return null;
        }

        // botocore's ConfiguredEndpointProvider (_ENDPOINT_URL_LOOKUP_ORDER): both variables before the config file, and
        // within each the service-specific one first.
        var profile = config.ProfileName;
        string? text;
        if ((text = config.Environment.GetVariable(service.EndpointUrlVariable)) is not null)
        {
            source = service.EndpointUrlVariable;
        }
        else if ((text = config.Environment.GetVariable("AWS_ENDPOINT_URL")) is not null)
        {
            source = "AWS_ENDPOINT_URL";
        }
        else if ((text = config.Files.FindServiceValue(profile, service.ConfigKey, "endpoint_url", out var servicesFile)) is not null)
        {
            source = $"'endpoint_url' for {service.ConfigKey} in the services section of profile '{profile}' in {servicesFile}";
        }
        else if ((text = config.Files.FindValue(profile, "endpoint_url", out var profileFile)) is not null)
        {
            source = $"'endpoint_url' of profile '{profile}' in {profileFile}";
        }
        else
        {
            source = $"{service.EndpointUrlVariable} and AWS_ENDPOINT_URL (not set); profile '{profile}' in {config.Files.DescribeFiles()}: "
                + $"no endpoint_url, none for {service.ConfigKey} in a services section";
            return null;
        }

        text = text.Trim();
        return TryParseHttpUri(text, out var uri)
            ? uri
            : throw new AwsClientException($"{source} must be an absolute http or https URL; got '{text}'.");
    }

    /// <summary>
    /// Whether the FIPS endpoint is wanted: the option, else <c>AWS_USE_FIPS_ENDPOINT</c>, else <c>use_fips_endpoint</c> of
    /// the profile. Like botocore's <c>ensure_boolean</c>, only <c>true</c> in any case means yes; anything else means no.
    /// </summary>
    public static bool UseFips(bool? configured, SettingSources config)
    {
        if (configured is { } value)
        {
            return value;
        }

        var text = config.Find("use_fips_endpoint", new List<string>(), out _, "AWS_USE_FIPS_ENDPOINT");
        return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether the dual-stack endpoint is wanted: the option, else <c>AWS_USE_DUALSTACK_ENDPOINT</c>, else
    /// <c>use_dualstack_endpoint</c> of the profile; only <c>true</c> in any case means yes (botocore's <c>ensure_boolean</c>).
    /// </summary>
    public static bool UseDualStack(bool? configured, SettingSources config)
    {
        if (configured is { } value)
        {
            return value;
        }

        var text = config.Find("use_dualstack_endpoint", new List<string>(), out _, "AWS_USE_DUALSTACK_ENDPOINT");
        return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// botocore's <c>validate_region_name</c>, which every client runs before anything else: a region is a host label
    /// (letters, digits and inner hyphens, at most 63 characters), so it cannot smuggle a host or path into a URL.
    /// </summary>
    public static void ValidateRegion(string region)
    {
        if (!TextPatterns.IsValidRegion(region))
        {
            throw new AwsClientException($"Provided region_name '{region}' doesn't match a supported format.");
        }
    }

    /// <summary>
    /// The endpoint of a client whose service has no rule set (its model came without <c>endpoint-rule-set-1.json</c>):
    /// nothing can be derived from the region, so the configured endpoint is required and used as it is. FIPS and
    /// dual-stack are refused with the standard rule sets' own messages, since no rule can pick such an endpoint.
    /// </summary>
    /// <exception cref="AwsClientException">No endpoint is configured; the message says where it was looked for.</exception>
    /// <exception cref="EndpointResolutionException">FIPS or dual-stack is asked for.</exception>
    public static Uri RequireConfigured(AwsServiceMetadata service, Uri? configured, string source, AwsClientOptions options, SettingSources config)
    {
        if (configured is null)
        {
            throw new AwsClientException(
                $"{service.ServiceId} has no endpoint rules (the generator was not given its endpoint-rule-set-1.json), so its endpoint "
                + $"must be configured: set AwsClientOptions.Endpoint, {service.EndpointUrlVariable} or AWS_ENDPOINT_URL, or a profile's "
                + $"endpoint_url. Looked at: {source}.");
        }

        if (UseFips(options.UseFips, config))
        {
            throw new EndpointResolutionException("Invalid Configuration: FIPS and custom endpoint are not supported");
        }

        if (UseDualStack(options.UseDualStack, config))
        {
            throw new EndpointResolutionException("Invalid Configuration: Dualstack and custom endpoint are not supported");
        }

        return configured;
    }

    private static bool TryParseHttpUri(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;
}
