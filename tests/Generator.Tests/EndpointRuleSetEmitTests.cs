using System;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// The rule set embedded in a client: any text survives the raw literal unchanged in meaning, and editing the rule set
/// re-emits the client file alone.
/// </summary>
public class EndpointRuleSetEmitTests
{
    private static readonly string Source = GeneratorHarness.PaginatorSource("ListDataSourceRuns", "DataSourceRunsPaginator");

    [Fact]
    public void Quote_runs_line_separators_and_repeated_keys_reach_the_runtime_as_the_model_means_them()
    {
        var models = ModelFiles.Own();
        var ruleSet = models.Single(f => f.Path.EndsWith(ModelFiles.RuleSetName, StringComparison.Ordinal));
        // Six quotes in a row (JSON escapes each, so no run of them can close the raw literal), JSON's escaped line
        // separators (line breaks to C#), braces like an interpolation hole, and a key given twice (the last value wins).
        var hostile = "Quotes \\\"\\\"\\\"\\\"\\\"\\\" then a \\u2028 separator, a \\u0085 next line, {{braces}} and \\\\ a backslash.";
        var edited = ruleSet.GetText()!.ToString().Replace(
            "\"documentation\": \"The region the client is configured for.\"",
            $"\"documentation\": \"first\", \"documentation\": \"{hostile}\"");
        models.Remove(ruleSet);
        models.Add(new InMemoryAdditionalText(ruleSet.Path, edited));

        var run = GeneratorHarness.RunClean(new[] { Source }, models);

        var client = LoadedAssembly.From(run).Type("Consumer.DataZoneClient");
        var metadata = (AwsServiceMetadata)client.GetProperty("ServiceMetadata")!.GetValue(null)!;
        var region = metadata.EndpointRules!.FindParameter("Region")!;
        Assert.Equal("Quotes \"\"\"\"\"\" then a \u2028 separator, a \u0085 next line, {{braces}} and \\ a backslash.", region.Documentation);
        Assert.Contains("Quotes \\\"\\\"\\\"\\\"\\\"\\\" then a \\u2028 separator, a \\u0085 next line", run.Sources["Consumer.DataZoneClient.g.cs"]);
    }

    [Fact]
    public void A_raw_literal_delimiter_outgrows_any_quote_run_in_its_text()
    {
        var literal = Naming.RawStringLiteral.Of(new[] { "{", "  \"a\": \"\"\"\"\",", "}" }, indent: "  ");

        Assert.Equal("\"\"\"\"\"\"\n  {\n    \"a\": \"\"\"\"\",\n  }\n  \"\"\"\"\"\"", literal);
        var parsed = CSharpSyntaxTree.ParseText("class C { const string S = " + literal + "; }");
        Assert.Empty(parsed.GetDiagnostics());
        Assert.Throws<ArgumentException>(() => Naming.RawStringLiteral.Of(new[] { "a\u2028b" }, indent: string.Empty));
    }

    [Fact]
    public void Editing_the_rule_set_regenerates_only_the_client()
    {
        var models = ModelFiles.Own();
        var first = GeneratorHarness.RunClean(new[] { Source }, models);
        var ruleSet = models.Single(f => f.Path.EndsWith(ModelFiles.RuleSetName, StringComparison.Ordinal));
        var edited = ruleSet.GetText()!.ToString().Replace("https://datazone.{Region}.{Partition#dnsSuffix}", "https://dz.{Region}.{Partition#dnsSuffix}");
        Assert.NotEqual(ruleSet.GetText()!.ToString(), edited);

        var driver = first.Driver.ReplaceAdditionalText(ruleSet, new InMemoryAdditionalText(ruleSet.Path, edited));
        var second = GeneratorHarness.Run(driver, (CSharpCompilation)first.Input.Clone());

        var changed = second.Sources.Where(s => first.Sources[s.Key] != s.Value).Select(s => s.Key).ToList();
        Assert.Equal(new[] { "Consumer.DataZoneClient.g.cs" }, changed);
        var modified = second.Result.TrackedSteps[TrackingNames.Files]
            .SelectMany(step => step.Outputs)
            .Count(output => output.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(1, modified);
    }

    [Fact]
    public void A_reformatted_rule_set_changes_no_output()
    {
        var models = ModelFiles.Own();
        var first = GeneratorHarness.RunClean(new[] { Source }, models);
        var ruleSet = models.Single(f => f.Path.EndsWith(ModelFiles.RuleSetName, StringComparison.Ordinal));
        var compact = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(ruleSet.GetText()!.ToString()).RootElement);

        var driver = first.Driver.ReplaceAdditionalText(ruleSet, new InMemoryAdditionalText(ruleSet.Path, compact));
        var second = GeneratorHarness.Run(driver, (CSharpCompilation)first.Input.Clone());

        Assert.Equal(first.Sources, second.Sources);
    }
}
