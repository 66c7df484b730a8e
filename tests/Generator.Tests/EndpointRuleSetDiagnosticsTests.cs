using System;
using System.IO;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// The endpoint rule set beside a model: missing, it is a warning (DZGEN020) and the client still compiles; broken, it
/// is located on its own line (DZGEN001, DZGEN012) and never crashes the generator or reaches the client's static
/// initializer.
/// </summary>
public class EndpointRuleSetDiagnosticsTests
{
    private const string RuleSetPath = ModelFiles.VirtualFolder + ModelFiles.RuleSetName;
    private static readonly string Service = ReadOwn("service-2.json");
    private static readonly string Paginators = ReadOwn("paginators-1.json");
    private static readonly string RuleSet = ReadOwn(ModelFiles.RuleSetName);

    [Fact]
    public void A_model_without_its_rule_set_warns_and_still_generates_a_client_that_needs_an_endpoint()
    {
        var run = Run(ruleSet: null);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN020", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(ModelFiles.VirtualFolder + "service-2.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("No endpoint-rule-set-1.json was found beside 'service-2.json'; the client DataZoneClient", diagnostic.GetMessage());
        GeneratorHarness.AssertNone(run.CompileDiagnostics.Where(d => d.Id != "DZGEN020"), "compiler errors or warnings");
        var client = run.Sources["Consumer.DataZoneClient.g.cs"];
        Assert.DoesNotContain("EndpointRuleSet", client);
        Assert.Contains("every client needs a configured endpoint", client);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_DZGEN001_on_its_line_and_not_also_a_missing_rule_set()
    {
        var broken = Edit(RuleSet, "\"version\": \"1.0\",", "\"version\": \"1.0\"");

        var run = Run(broken);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN001", diagnostic.Id);
        Assert.StartsWith("The service model file 'endpoint-rule-set-1.json' is not valid JSON: ", diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(RuleSetPath, span.Path);
        Assert.Equal(LineOf(broken, "\"version\": \"1.0\""), span.StartLinePosition.Line);
    }

    [Theory]
    [InlineData("{ \"fn\": \"isSet\", \"argv\": [{ \"ref\": \"Endpoint\" }] }", "{ \"fn\": \"isSett\", \"argv\": [{ \"ref\": \"Endpoint\" }] }", "\"isSett\"", "rules[0].conditions[0] calls 'isSett', which is not a function of the endpoint rules language")]
    [InlineData("\"type\": \"error\", \"conditions\": [], \"error\": \"Invalid Configuration: Missing Region\"",
        "\"type\": \"fallback\", \"conditions\": [], \"error\": \"Invalid Configuration: Missing Region\"", "\"fallback\"",
        "the endpoint rule rules[2] has the type 'fallback'; a rule must be of type tree, endpoint or error")]
    [InlineData("\"type\": \"boolean\",", "\"type\": \"integer\",", "\"integer\"",
        "endpoint parameter 'UseFIPS' has the type 'integer'; it must be string, boolean or stringArray")]
    [InlineData("\"argv\": [{ \"ref\": \"Endpoint\" }]", "\"argv\": [{ \"ref\": \"Endpoint\" }, true]", "[{ \"ref\": \"Endpoint\" }, true]",
        "'isSet' at rules[0].conditions[0] has 2 arguments; it takes 1")]
    [InlineData("\"default\": false,", "\"default\": \"no\",", "\"no\"", "the default of endpoint parameter 'UseFIPS' is a string, not a boolean")]
    public void A_document_that_is_not_a_rule_set_is_DZGEN012_on_the_offending_value(string original, string replacement, string marker, string message)
    {
        var broken = Edit(RuleSet, original, replacement);

        var run = Run(broken);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN012", diagnostic.Id);
        Assert.Equal("The service model is not a valid botocore model: " + message, diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(RuleSetPath, span.Path);
        var start = broken.IndexOf(marker, StringComparison.Ordinal);
        Assert.Equal(start, diagnostic.Location.SourceSpan.Start);
    }

    private static GeneratorRun Run(string? ruleSet)
    {
        var models = ModelFiles.Of(Service, Paginators).Where(f => !f.Path.EndsWith(ModelFiles.RuleSetName, StringComparison.Ordinal)).ToList();
        if (ruleSet is not null)
        {
            models.Add(new InMemoryAdditionalText(RuleSetPath, ruleSet));
        }

        var compilation = GeneratorHarness.Compilation(new[] { GeneratorHarness.PaginatorSource("ListDataSourceRuns") });
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var run = GeneratorHarness.Run(GeneratorHarness.Driver(models), compilation);
        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        return run;
    }

    private static string ReadOwn(string name) => File.ReadAllText(Path.Combine(RepoPaths.OwnModelFolder, name)).Replace("\r\n", "\n");

    private static int LineOf(string text, string marker) => text.Substring(0, text.IndexOf(marker, StringComparison.Ordinal)).Count(c => c == '\n');

    private static string Edit(string text, string original, string replacement)
    {
        var first = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(first >= 0 && text.IndexOf(original, first + 1, StringComparison.Ordinal) < 0, $"Expected one <{original}> in the rule set.");
        return text.Substring(0, first) + replacement + text.Substring(first + original.Length);
    }
}
