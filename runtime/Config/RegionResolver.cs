using System.Collections.Generic;

namespace DataZone.Gen;

/// <summary>The region chain: options, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's <c>region</c>.</summary>
internal static class RegionResolver
{
    /// <summary>The region, or <see langword="null"/> with every place looked at (after the options) in <paramref name="looked"/>.</summary>
    public static string? Find(string? configured, SettingSources config, List<string> looked, out string source)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            source = "AwsClientOptions.Region";
            return configured.Trim();
        }
        return config.Find("region", looked, out source, "AWS_REGION", "AWS_DEFAULT_REGION");
    }

    public static string Resolve(string? configured, SettingSources config)
    {
        var looked = new List<string>();
        if (Find(configured, config, looked, out _) is { } region)
        {
            return region;
        }

        looked.Insert(0, "AwsClientOptions.Region (not set)");
        throw new AwsClientException(
            "No AWS region configured. Looked at:\n- " + string.Join("\n- ", looked)
            + "\nSet AwsClientOptions.Region, AWS_REGION, or 'region' in the profile.");
    }
}
