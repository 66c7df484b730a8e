using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>The pipeline re-runs only what an edit touches.</summary>
public class IncrementalTests
{
    private static readonly string Source = GeneratorHarness.PaginatorSource("ListDataSourceRuns", "DataSourceRunsPaginator");

    [Fact]
    public void An_unrelated_cs_edit_reruns_no_model_or_spec_step()
    {
        var first = GeneratorHarness.RunClean(new[] { Source }, ModelFiles.Own());
        var edited = first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorHarness.ParseOptions(), path: "/src/Unrelated.cs"));

        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertAllCached(second, TrackingNames.ParsedModelFiles, TrackingNames.Models, TrackingNames.Targets, TrackingNames.TargetResults, TrackingNames.Files);
    }

    [Fact]
    public void A_reformatted_model_leaves_every_output_cached()
    {
        var models = ModelFiles.Own();
        var first = GeneratorHarness.RunClean(new[] { Source }, models);
        var service = models.Single(f => f.Path.EndsWith("service-2.json"));
        var reformatted = System.Text.Json.JsonSerializer.Serialize(
            System.Text.Json.JsonDocument.Parse(service.GetText()!.ToString()).RootElement,
            new System.Text.Json.JsonSerializerOptions { WriteIndented = false });

        var driver = first.Driver.ReplaceAdditionalText(service, new InMemoryAdditionalText(service.Path, reformatted));
        var second = GeneratorHarness.Run(driver, (CSharpCompilation)first.Input.Clone());

        Assert.Equal(first.Sources, second.Sources);
        AssertAllCached(second, TrackingNames.Files);
    }

    [Fact]
    public void Changing_one_enum_value_regenerates_only_that_enum()
    {
        var models = ModelFiles.Own();
        var first = GeneratorHarness.RunClean(new[] { Source }, models);
        var service = models.Single(f => f.Path.EndsWith("service-2.json"));
        var edited = service.GetText()!.ToString().Replace("\"PRIORITIZED\"", "\"PRIORITISED\"");
        Assert.NotEqual(service.GetText()!.ToString(), edited);

        var driver = first.Driver.ReplaceAdditionalText(service, new InMemoryAdditionalText(service.Path, edited));
        var second = GeneratorHarness.Run(driver, (CSharpCompilation)first.Input.Clone());

        var changed = second.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key).ToList();
        // An enum is two files, its shape and its wire side; both carry the values, nothing else changes.
        Assert.Equal(new[] { "Consumer.DataSourceRunType.Json.g.cs", "Consumer.DataSourceRunType.g.cs" }, changed.OrderBy(n => n, System.StringComparer.Ordinal));
        var modified = second.Result.TrackedSteps[TrackingNames.Files]
            .SelectMany(step => step.Outputs)
            .Count(output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(1, modified);
    }

    [Fact]
    public void The_same_model_parsed_twice_gives_equal_but_distinct_specs()
    {
        var text = ModelFiles.Own().Single(f => f.Path.EndsWith("service-2.json")).GetText()!.ToString();
        var first = Botocore.ParsedModelFile.Parse("/m/service-2.json", text, default);
        var second = Botocore.ParsedModelFile.Parse("/m/service-2.json", text, default);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotSame(first.Service, second.Service);
    }

    private static void AssertAllCached(GeneratorRun run, params string[] stepNames)
    {
        foreach (var name in stepNames)
        {
            var reasons = run.Result.TrackedSteps.TryGetValue(name, out var steps)
                ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList()
                : new List<IncrementalStepRunReason>();
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step '{name}' re-ran with {reason}."));
        }
    }
}
