using System;
using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// The values a client gives the rule set's built-in parameters, as botocore's
/// <c>compute_endpoint_resolver_builtin_defaults</c> (botocore/args.py) does. Only the built-ins the rule set declares
/// are read, so a DataZone client never reads STS settings.
/// </summary>
internal static class EndpointBuiltIns
{
    // botocore's LEGACY_GLOBAL_STS_REGIONS: where sts_regional_endpoints=legacy still sends STS to the global endpoint.
    private static readonly HashSet<string> LegacyGlobalStsRegions = new(StringComparer.Ordinal)
    {
        "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1", "eu-central-1",
        "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    };

    /// <summary>
    /// The parameters for a client. FIPS and dual-stack are passed even with a configured endpoint, so the rules refuse
    /// the combination ("Invalid Configuration: FIPS and custom endpoint are not supported") rather than silently
    /// dropping a FIPS requirement. botocore instead passes <c>false</c> for both when an endpoint is configured.
    /// </summary>
    public static EndpointParameters Bind(EndpointRuleSet rules, string region, Uri? configuredEndpoint, AwsClientOptions options, SettingSources config)
    {
        var parameters = new EndpointParameters();
        foreach (var definition in rules.Parameters)
        {
            switch (definition.BuiltIn)
            {
                case "AWS::Region":
                    parameters.Set(definition.Name, region);
                    break;
                case "AWS::UseFIPS":
                    parameters.Set(definition.Name, EndpointResolver.UseFips(options.UseFips, config));
                    break;
                case "AWS::UseDualStack":
                    parameters.Set(definition.Name, EndpointResolver.UseDualStack(options.UseDualStack, config));
                    break;
                case "SDK::Endpoint":
                    parameters.Set(definition.Name, configuredEndpoint?.OriginalString);
                    break;
                case "AWS::STS::UseGlobalEndpoint":
                    parameters.Set(definition.Name, UseStsGlobalEndpoint(config, region));
                    break;
                case "AWS::Auth::AccountIdEndpointMode":
                    parameters.Set(definition.Name, AccountIdEndpointMode(config));
                    break;
                default:
                    // AWS::Auth::AccountId needs an account id the credentials here do not carry; S3's built-ins need
                    // S3 settings this runtime does not have. Unbound, they take the rule set's defaults.
                    break;
            }
        }

        return parameters;
    }

    /// <summary>
    /// Whether STS calls in <paramref name="region"/> go to the global endpoint: <c>sts_regional_endpoints</c> is
    /// <c>legacy</c> and the region is one of botocore's legacy global regions. The credential providers' STS calls ask too.
    /// </summary>
    internal static bool UseStsGlobalEndpoint(SettingSources config, string region) =>
        LegacyGlobalStsRegions.Contains(region) && StsRegionalEndpoints(config) == "legacy";

    /// <summary><c>AWS_STS_REGIONAL_ENDPOINTS</c>, else the profile's <c>sts_regional_endpoints</c>, else <c>regional</c>.</summary>
    private static string StsRegionalEndpoints(SettingSources config)
    {
        var value = config.Find("sts_regional_endpoints", new List<string>(), out var source, "AWS_STS_REGIONAL_ENDPOINTS");
        return value switch
        {
            null or "" => "regional",
            "legacy" or "regional" => value,
            _ => throw new AwsClientException($"{source} is '{value}'; it must be 'legacy' or 'regional'."),
        };
    }

    /// <summary><c>AWS_ACCOUNT_ID_ENDPOINT_MODE</c>, else the profile's <c>account_id_endpoint_mode</c>, else <c>preferred</c>.</summary>
    private static string AccountIdEndpointMode(SettingSources config)
    {
        var value = config.Find("account_id_endpoint_mode", new List<string>(), out var source, "AWS_ACCOUNT_ID_ENDPOINT_MODE");
        return value switch
        {
            null or "" => "preferred",
            "preferred" or "disabled" or "required" => value,
            _ => throw new AwsClientException($"{source} is '{value}'; it must be 'preferred', 'disabled' or 'required'."),
        };
    }
}
