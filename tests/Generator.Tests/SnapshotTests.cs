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
}
