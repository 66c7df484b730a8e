using System;
using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// One partition: what the <c>aws.partition</c> function returns for a region that belongs to it. A region belongs to
/// the partition that lists it or whose regex matches it (<see cref="Partitions.For"/>).
/// </summary>
internal sealed record Partition(string Name, string RegionRegex, string[] Regions, string DnsSuffix, string DualStackDnsSuffix,
    string ImplicitGlobalRegion, bool SupportsFips, bool SupportsDualStack)
{
    private readonly RegionPattern _pattern = RegionPattern.Parse(RegionRegex);

    public bool Contains(string region) => Array.IndexOf(Regions, region) >= 0 || _pattern.IsMatch(region);

    /// <summary>The record rules read with <c>getAttr</c>: botocore's partition outputs plus <c>name</c>.</summary>
    public EndpointValue Output { get; } = EndpointValue.FromObject(new KeyValuePair<string, EndpointValue>[]
    {
        new("name", EndpointValue.From(Name)),
        new("dnsSuffix", EndpointValue.From(DnsSuffix)),
        new("dualStackDnsSuffix", EndpointValue.From(DualStackDnsSuffix)),
        new("implicitGlobalRegion", EndpointValue.From(ImplicitGlobalRegion)),
        new("supportsFIPS", EndpointValue.From(SupportsFips)),
        new("supportsDualStack", EndpointValue.From(SupportsDualStack)),
    });
}

/// <summary>
/// The partition table: the same data as botocore's <c>partitions.json</c> (version 1.1, botocore 1.43), kept as code
/// so the runtime needs no data file; a test compares it with <c>../shared/models/partitions.json</c> to catch drift.
/// </summary>
internal static class Partitions
{
    /// <summary>Every partition in botocore's order, which is the order regions are matched in.</summary>
    public static readonly IReadOnlyList<Partition> All = new Partition[]
    {
        new("aws", @"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$",
            new[]
            {
                "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
                "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
                "ap-southeast-6", "ap-southeast-7", "aws-global", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
                "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1",
                "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            },
            DnsSuffix: "amazonaws.com", DualStackDnsSuffix: "api.aws", ImplicitGlobalRegion: "us-east-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-cn", @"^cn\-\w+\-\d+$",
            new[] { "aws-cn-global", "cn-north-1", "cn-northwest-1" },
            DnsSuffix: "amazonaws.com.cn", DualStackDnsSuffix: "api.amazonwebservices.com.cn", ImplicitGlobalRegion: "cn-northwest-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-eusc", @"^eusc\-(de)\-\w+\-\d+$",
            new[] { "eusc-de-east-1" },
            DnsSuffix: "amazonaws.eu", DualStackDnsSuffix: "api.amazonwebservices.eu", ImplicitGlobalRegion: "eusc-de-east-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-iso", @"^us\-iso\-\w+\-\d+$",
            new[] { "aws-iso-global", "us-iso-east-1", "us-iso-west-1" },
            DnsSuffix: "c2s.ic.gov", DualStackDnsSuffix: "api.aws.ic.gov", ImplicitGlobalRegion: "us-iso-east-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-iso-b", @"^us\-isob\-\w+\-\d+$",
            new[] { "aws-iso-b-global", "us-isob-east-1", "us-isob-west-1" },
            DnsSuffix: "sc2s.sgov.gov", DualStackDnsSuffix: "api.aws.scloud", ImplicitGlobalRegion: "us-isob-east-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-iso-e", @"^eu\-isoe\-\w+\-\d+$",
            new[] { "aws-iso-e-global", "eu-isoe-west-1" },
            DnsSuffix: "cloud.adc-e.uk", DualStackDnsSuffix: "api.cloud-aws.adc-e.uk", ImplicitGlobalRegion: "eu-isoe-west-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-iso-f", @"^us\-isof\-\w+\-\d+$",
            new[] { "aws-iso-f-global", "us-isof-east-1", "us-isof-south-1" },
            DnsSuffix: "csp.hci.ic.gov", DualStackDnsSuffix: "api.aws.hci.ic.gov", ImplicitGlobalRegion: "us-isof-south-1",
            SupportsFips: true, SupportsDualStack: true),
        new("aws-us-gov", @"^us\-gov\-\w+\-\d+$",
            new[] { "aws-us-gov-global", "us-gov-east-1", "us-gov-west-1" },
            DnsSuffix: "amazonaws.com", DualStackDnsSuffix: "api.aws", ImplicitGlobalRegion: "us-gov-west-1",
            SupportsFips: true, SupportsDualStack: true),
    };

    /// <summary>
    /// botocore's <c>aws.partition</c>: the first partition that lists the region or whose regex matches it; else (also
    /// for no region at all) the first partition, <c>aws</c>.
    /// </summary>
    public static Partition For(string? region)
    {
        if (region is not null)
        {
            foreach (var partition in All)
            {
                if (partition.Contains(region))
                {
                    return partition;
                }
            }
        }

        return All[0];
    }
}
