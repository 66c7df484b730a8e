using System;
using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// Endpoint resolution: explicit option, then the configured endpoint URLs in botocore's order
/// (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, the service's block in the profile's <c>services</c> section,
/// <c>AWS_ENDPOINT_URL</c>, the profile's <c>endpoint_url</c>; all skipped when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c>
/// or the profile's <c>ignore_configured_endpoint_urls</c> is <c>true</c>), then the rule set that DataZone's
/// <c>endpoint-rule-set-1.json</c> states: dual-stack partitions use <c>{prefix}.{region}.{dualStackDnsSuffix}</c>,
/// others <c>{prefix}.{region}.{dnsSuffix}</c>; FIPS adds <c>-fips</c> to the prefix and rejects a custom endpoint.
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

        // botocore's ConfiguredEndpointProvider: service-specific before global, and within each the variable first.
        var profile = config.ProfileName;
        string? text;
        if ((text = config.Environment.GetVariable(service.EndpointUrlVariable)) is not null)
        {
            source = service.EndpointUrlVariable;
        }
        else if ((text = config.Files.FindServiceValue(profile, service.ConfigKey, "endpoint_url", out var servicesFile)) is not null)
        {
            source = $"'endpoint_url' for {service.ConfigKey} in the services section of profile '{profile}' in {servicesFile}";
        }
        else if ((text = config.Environment.GetVariable("AWS_ENDPOINT_URL")) is not null)
        {
            source = "AWS_ENDPOINT_URL";
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

    public static Uri Resolve(AwsServiceMetadata service, Uri? configured, string region, bool useFips, SettingSources config)
    {
        if (FindConfigured(service, configured, config, out _) is { } custom)
        {
            if (useFips)
            {
                throw new AwsClientException("Invalid Configuration: FIPS and custom endpoint are not supported.");
            }

            if (!custom.IsAbsoluteUri || (custom.Scheme != Uri.UriSchemeHttp && custom.Scheme != Uri.UriSchemeHttps))
            {
                throw new AwsClientException($"The endpoint '{custom}' must be an absolute http or https URI.");
            }

            return custom;
        }

        if (!IsValidHostLabel(region))
        {
            throw new AwsClientException($"The region '{region}' is not a valid region name (letters, digits and '-' only).");
        }

        var partition = Partitions.For(region);
        if (useFips && !partition.SupportsFips)
        {
            throw new AwsClientException("FIPS is enabled but this partition does not support FIPS.");
        }

        var prefix = useFips ? service.EndpointPrefix + "-fips" : service.EndpointPrefix;
        var suffix = partition.SupportsDualStack ? partition.DualStackDnsSuffix : partition.DnsSuffix;
        return new Uri($"https://{prefix}.{region}.{suffix}");
    }

    private static bool TryParseHttpUri(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    private static bool IsValidHostLabel(string value)
    {
        if (value.Length == 0 || value.Length > 63 || value[0] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }
}
