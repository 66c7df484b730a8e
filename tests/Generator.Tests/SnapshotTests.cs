using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>The generated source for ListDataSourceRuns, file by file, against reviewed golden files.</summary>
public class SnapshotTests
{
    [Fact]
    public void ListDataSourceRuns_from_the_projects_own_model()
    {
        var source = """
            using DataZone.Gen;

            namespace Contoso.DataZone;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class DataSourceRunsPaginator;
            """;
        var run = GeneratorHarness.RunClean(new[] { source }, ModelFiles.Own());
        Snapshot.Verify($"{nameof(SnapshotTests)}.{nameof(ListDataSourceRuns_from_the_projects_own_model)}", run.Sources);
    }

    [Fact]
    public void Paginator_nested_in_partial_types_in_the_global_namespace()
    {
        var source = """
            using DataZone.Gen;

            public static partial class Outer
            {
                internal partial record Inner
                {
                    [DataZonePaginator("ListDataSourceRuns")]
                    internal partial class Runs;
                }
            }
            """;
        var run = GeneratorHarness.RunClean(new[] { source }, ModelFiles.Own());
        Snapshot.Verify(
            $"{nameof(SnapshotTests)}.{nameof(Paginator_nested_in_partial_types_in_the_global_namespace)}",
            new System.Collections.Generic.Dictionary<string, string> { ["global.Outer.Inner.Runs.g.cs"] = run.Sources["global.Outer.Inner.Runs.g.cs"] });
    }

    [Fact]
    public void A_record_marked_as_a_paginator_is_completed_as_a_record()
    {
        // [DataZonePaginator] targets classes, and a record is one; its generated part must say record too (CS0261).
        var source = """
            using DataZone.Gen;

            namespace Contoso.DataZone;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial record DataSourceRunsPaginator;
            """;
        var run = GeneratorHarness.RunClean(new[] { source }, ModelFiles.Own());

        var paginator = run.Sources["Contoso.DataZone.DataSourceRunsPaginator.g.cs"];
        Assert.Contains("partial record DataSourceRunsPaginator", paginator);
    }

    [Fact]
    public void Paginators_with_every_botocore_feature()
    {
        var source = """
            using DataZone.Gen;

            namespace Paging.Features;

            [DataZonePaginator("ListRecords")] public partial class RecordPages;
            [DataZonePaginator("DescribeStream")] public partial class ShardPages;
            [DataZonePaginator("GetUsage")] public partial class UsagePages;
            [DataZonePaginator("GetHistory")] public partial class HistoryPages;
            [DataZonePaginator("Scan")] public partial class ScanPages;
            """;
        var run = GeneratorHarness.RunClean(
            new[] { source }, ModelFiles.FromFolder(System.IO.Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "PagingFeatures")));
        Snapshot.Verify(
            $"{nameof(SnapshotTests)}.{nameof(Paginators_with_every_botocore_feature)}",
            System.Linq.Enumerable.ToDictionary(
                System.Linq.Enumerable.Where(run.Sources, s => s.Key.EndsWith("Pages.g.cs", System.StringComparison.Ordinal)), s => s.Key, s => s.Value));
    }
}
