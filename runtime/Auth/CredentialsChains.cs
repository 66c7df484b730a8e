using System.Collections.Generic;

namespace DataZone.Gen.Auth;

/// <summary>The orders of botocore's create_credential_resolver and ProfileProviderBuilder, in one place.</summary>
internal static class CredentialsChains
{
    /// <summary>
    /// The default chain: environment variables (unless a profile was chosen explicitly), assume role, the profile's
    /// providers, the container endpoint, then EC2 instance metadata.
    /// </summary>
    public static CredentialsChainSource Default(CredentialsContext context)
    {
        var explicitProfile = context.Options.Profile;
        var profile = context.Settings().ProfileName;
        var sources = new List<ICredentialsSource>();
        if (explicitProfile is null)
        {
            sources.Add(new EnvironmentCredentialsProvider(context.Environment));
        }

        sources.Add(new AssumeRoleCredentialsProvider(context, profile, new List<string>()));
        sources.AddRange(ProfileSources(context, profile, disableEnvVars: explicitProfile is not null));
        sources.Add(new ContainerCredentialsProvider(context));
        sources.Add(new InstanceMetadataCredentialsProvider(context));
        return new CredentialsChainSource(sources, () => Preamble(context, explicitProfile, profile), context);
    }

    private static IEnumerable<string> Preamble(CredentialsContext context, string? explicitProfile, string profile)
    {
        if (explicitProfile is not null)
        {
            yield return $"environment variables: skipped because profile '{explicitProfile}' was chosen explicitly";
        }

        var files = context.Settings().Files;
        if (files.GetProfile(profile) is null)
        {
            yield return $"shared profile: profile '{profile}' not found in {files.DescribeFiles()}";
        }
    }

    /// <summary>botocore's ProfileProviderBuilder.providers: web identity, SSO, credentials file, process, config file.</summary>
    public static IReadOnlyList<ICredentialsSource> ProfileSources(CredentialsContext context, string profile, bool disableEnvVars) =>
        new ICredentialsSource[]
        {
            new WebIdentityCredentialsProvider(context, profile, disableEnvVars),
            new SsoCredentialsProvider(context, profile),
            new StaticProfileKeys(context, profile, credentialsFile: true),
            new ProcessCredentialsProvider(context, profile),
            new StaticProfileKeys(context, profile, credentialsFile: false),
        };
}
