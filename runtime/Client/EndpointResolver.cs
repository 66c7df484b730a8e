using System;

namespace DataZone.Gen;

/// <summary>
/// Endpoint resolution: explicit option, <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>
/// (both skipped when <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), then the rule set that DataZone's
/// <c>endpoint-rule-set-1.json</c> states: dual-stack partitions use <c>{prefix}.{region}.{dualStackDnsSuffix}</c>,
/// others <c>{prefix}.{region}.{dnsSuffix}</c>; FIPS adds <c>-fips</c> to the prefix and rejects a custom endpoint.
/// </summary>
internal static class EndpointResolver
{
    public static Uri Resolve(AwsServiceMetadata service, Uri? configured, string region, bool useFips, IAwsEnvironment environment)
    {
        Uri? custom = configured;
        if (custom is null && !string.Equals(environment.GetVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            custom = FromVariable(environment, service.EndpointUrlVariable) ?? FromVariable(environment, "AWS_ENDPOINT_URL");

        if (custom is not null)
        {
            if (useFips)
                throw new AwsClientException("Invalid Configuration: FIPS and custom endpoint are not supported.");
            if (!custom.IsAbsoluteUri || (custom.Scheme != Uri.UriSchemeHttp && custom.Scheme != Uri.UriSchemeHttps))
                throw new AwsClientException($"The endpoint '{custom}' must be an absolute http or https URI.");
            return custom;
        }

        if (!IsValidHostLabel(region))
            throw new AwsClientException($"The region '{region}' is not a valid region name (letters, digits and '-' only).");
        var partition = Partitions.For(region);
        if (useFips && !partition.SupportsFips)
            throw new AwsClientException("FIPS is enabled but this partition does not support FIPS.");
        string prefix = useFips ? service.EndpointPrefix + "-fips" : service.EndpointPrefix;
        string suffix = partition.SupportsDualStack ? partition.DualStackDnsSuffix : partition.DnsSuffix;
        return new Uri($"https://{prefix}.{region}.{suffix}");
    }

    private static Uri? FromVariable(IAwsEnvironment environment, string variable)
    {
        string? value = environment.GetVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            ? uri
            : throw new AwsClientException($"{variable} is not an absolute URI: '{value}'.");
    }

    private static bool IsValidHostLabel(string value)
    {
        if (value.Length == 0 || value.Length > 63 || value[0] == '-')
            return false;
        foreach (char c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                return false;
        return true;
    }
}
