using System.IO;
using System.Linq;
using System.Text.Json;
using DataZone.Gen.Endpoints;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>The partition table in code against botocore's partitions.json beside the repository: a newer file shows the drift.</summary>
public sealed class PartitionTableTests
{
    [Fact]
    public void The_partition_table_matches_botocores_partitions_json()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedModels.PartitionsPath));
        var expected = document.RootElement.GetProperty("partitions").EnumerateArray().ToArray();

        Assert.Equal(expected.Select(p => p.GetProperty("id").GetString()), Partitions.All.Select(p => p.Name));
        foreach (var (json, partition) in expected.Zip(Partitions.All))
        {
            var outputs = json.GetProperty("outputs");
            Assert.Equal(json.GetProperty("regionRegex").GetString(), partition.RegionRegex);
            Assert.Equal(json.GetProperty("regions").EnumerateObject().Select(r => r.Name).Order(), partition.Regions.Order());
            Assert.Equal(outputs.GetProperty("name").GetString(), partition.Name);
            Assert.Equal(outputs.GetProperty("dnsSuffix").GetString(), partition.DnsSuffix);
            Assert.Equal(outputs.GetProperty("dualStackDnsSuffix").GetString(), partition.DualStackDnsSuffix);
            Assert.Equal(outputs.GetProperty("implicitGlobalRegion").GetString(), partition.ImplicitGlobalRegion);
            Assert.Equal(outputs.GetProperty("supportsFIPS").GetBoolean(), partition.SupportsFips);
            Assert.Equal(outputs.GetProperty("supportsDualStack").GetBoolean(), partition.SupportsDualStack);

            // Every output field botocore has must be one the table carries, so a new field shows up here too.
            Assert.Equal(outputs.EnumerateObject().Select(o => o.Name).Order(), partition.Output.AsObject().Keys.Order());
            Assert.All(json.GetProperty("regions").EnumerateObject(), region => Assert.Same(partition, Partitions.For(region.Name)));
        }
    }
}
