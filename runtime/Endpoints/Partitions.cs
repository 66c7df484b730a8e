using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DataZone.Gen.Endpoints;

/// <summary>What the endpoint rules need to know about a partition (the <c>aws.partition</c> function's output).</summary>
internal sealed record Partition(string Name, Regex RegionRegex, string[] Regions, string DnsSuffix, string DualStackDnsSuffix,
    bool SupportsFips, bool SupportsDualStack);

/// <summary>
/// The partitions table of botocore's <c>partitions.json</c> (botocore 1.43). Matching follows its
/// <c>aws.partition</c>: a partition whose region list or region regex matches, in table order; else <c>aws</c>.
/// </summary>
internal static partial class Partitions
{
    public static readonly IReadOnlyList<Partition> All = new[]
    {
        new Partition("aws", AwsRegex(), new[] { "aws-global" }, "amazonaws.com", "api.aws", true, true),
        new Partition("aws-cn", ChinaRegex(), new[] { "aws-cn-global" }, "amazonaws.com.cn", "api.amazonwebservices.com.cn", true, true),
        new Partition("aws-eusc", EuscRegex(), new[] { "eusc-de-east-1" }, "amazonaws.eu", "api.amazonwebservices.eu", true, true),
        new Partition("aws-iso", IsoRegex(), new[] { "aws-iso-global" }, "c2s.ic.gov", "api.aws.ic.gov", true, true),
        new Partition("aws-iso-b", IsoBRegex(), new[] { "aws-iso-b-global" }, "sc2s.sgov.gov", "api.aws.scloud", true, true),
        new Partition("aws-iso-e", IsoERegex(), new[] { "aws-iso-e-global" }, "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", true, true),
        new Partition("aws-iso-f", IsoFRegex(), new[] { "aws-iso-f-global" }, "csp.hci.ic.gov", "api.aws.hci.ic.gov", true, true),
        new Partition("aws-us-gov", GovRegex(), new[] { "aws-us-gov-global" }, "amazonaws.com", "api.aws", true, true),
    };

    public static Partition For(string region)
    {
        foreach (var partition in All)
        {
            if (System.Array.IndexOf(partition.Regions, region) >= 0 || partition.RegionRegex.IsMatch(region))
            {
                return partition;
            }
        }
        return All[0];
    }

    [GeneratedRegex(@"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$")]
    private static partial Regex AwsRegex();

    [GeneratedRegex(@"^cn\-\w+\-\d+$")]
    private static partial Regex ChinaRegex();

    [GeneratedRegex(@"^eusc\-(de)\-\w+\-\d+$")]
    private static partial Regex EuscRegex();

    [GeneratedRegex(@"^us\-iso\-\w+\-\d+$")]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^us\-isob\-\w+\-\d+$")]
    private static partial Regex IsoBRegex();

    [GeneratedRegex(@"^eu\-isoe\-\w+\-\d+$")]
    private static partial Regex IsoERegex();

    [GeneratedRegex(@"^us\-isof\-\w+\-\d+$")]
    private static partial Regex IsoFRegex();

    [GeneratedRegex(@"^us\-gov\-\w+\-\d+$")]
    private static partial Regex GovRegex();
}
