using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>The project's own model describes ListDataSourceRuns exactly as the full botocore model does.</summary>
public class ModelEquivalenceTests
{
    [Fact]
    public void Own_model_and_full_model_generate_identical_code_for_ListDataSourceRuns()
    {
        var source = GeneratorHarness.PaginatorSource("ListDataSourceRuns", "DataSourceRunsPaginator");
        var own = GeneratorHarness.RunClean(new[] { source }, ModelFiles.Own()).Sources;
        // The project's rule set is its own text too (EndpointRuleSetTests checks it resolves as botocore's does), so
        // both runs embed the same one.
        var sharedWithOwnRules = ModelFiles.Shared().Where(f => !f.Path.EndsWith(ModelFiles.RuleSetName, System.StringComparison.Ordinal)).ToList();
        sharedWithOwnRules.Add(ModelFiles.OwnRuleSet());
        var full = GeneratorHarness.RunClean(new[] { source }, sharedWithOwnRules).Sources;

        Assert.Equal(full.Keys.OrderBy(k => k), own.Keys.OrderBy(k => k));
        foreach (var (hintName, text) in full)
        {
            // The project's model carries documentation written in its own words (it must not copy the
            // botocore text), so doc comments differ by design; every line of code must be the same.
            Assert.Equal(CodeOnly(text), CodeOnly(own[hintName]));
        }
    }

    private static string CodeOnly(string source) =>
        string.Join("\n", source.Split('\n').Where(line => !line.TrimStart().StartsWith("///", System.StringComparison.Ordinal)));
}
