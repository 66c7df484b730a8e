using System.Collections.Generic;

namespace DataZone.Gen;

/// <summary>The region chain: options, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's <c>region</c>.</summary>
internal static class RegionResolver
{
    public static string Resolve(string? configured, string? explicitProfile, IAwsEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Trim();
        var looked = new List<string> { "AwsClientOptions.Region (not set)" };
        foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (environment.GetVariable(variable) is { } fromVariable && !string.IsNullOrWhiteSpace(fromVariable))
                return fromVariable.Trim();
            looked.Add(variable + " (not set)");
        }

        var files = SharedConfigFiles.Load(environment);
        string profileName = SharedConfigFiles.SelectProfile(explicitProfile, environment);
        var profile = files.GetProfile(profileName);
        if (profile is not null && profile.TryGetValue("region", out string? fromProfile) && !string.IsNullOrWhiteSpace(fromProfile))
            return fromProfile.Trim();
        string profileState = profile is null ? "profile not found" : "profile has no region";
        looked.Add($"'region' of profile '{profileName}' in {files.DescribeFiles()}: {profileState}");

        throw new AwsClientException(
            "No AWS region configured. Looked at:\n- " + string.Join("\n- ", looked)
            + "\nSet AwsClientOptions.Region, AWS_REGION, or 'region' in the profile.");
    }
}
