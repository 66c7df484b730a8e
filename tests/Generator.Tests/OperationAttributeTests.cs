using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// [DataZoneOperation]: further operations, paginated or not, get their client method and types without a paginator
/// class; the declaration is checked and located like [DataZonePaginator]'s, and each operation is built and cached alone.
/// </summary>
public class OperationAttributeTests
{
    private const string SourcePath = "/src/File0.cs";

    private static readonly string OwnService = ReadOwn("service-2.json");
    private static readonly string OwnPaginators = ReadOwn("paginators-1.json");

    [Fact]
    public void GetDataSourceRun_and_StartDataSourceRun_beside_the_paginator_from_the_full_model()
    {
        var source = """
            using DataZone.Gen;

            namespace Contoso.DataZone;

            [DataZonePaginator("ListDataSourceRuns")]
            [DataZoneOperation("GetDataSourceRun")]
            [DataZoneOperation("StartDataSourceRun")]
            public partial class DataSourceRunsPaginator;
            """;

        var run = GeneratorHarness.RunClean(new[] { source }, ModelFiles.Shared());

        Snapshot.Verify(
            $"{nameof(OperationAttributeTests)}.{nameof(GetDataSourceRun_and_StartDataSourceRun_beside_the_paginator_from_the_full_model)}",
            run.Sources
                .Where(s => s.Key is "Contoso.DataZone.DataZoneClient.GetDataSourceRun.g.cs" or "Contoso.DataZone.DataZoneClient.StartDataSourceRun.g.cs")
                .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));
        Assert.Contains("Contoso.DataZone.GetDataSourceRunResponse.g.cs", run.Sources.Keys);
        Assert.Contains("Contoso.DataZone.StartDataSourceRunRequest.Json.g.cs", run.Sources.Keys);
        Assert.Contains("Contoso.DataZone.DataSourceRunsPaginator.g.cs", run.Sources.Keys);
        Assert.Single(run.Sources.Keys, k => k.EndsWith("Paginator.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void An_operation_asked_for_on_several_classes_is_generated_once_and_a_paginated_one_gets_no_paginator()
    {
        var sources = new[]
        {
            """
            using DataZone.Gen;

            namespace Consumer;

            [DataZoneOperation("ListDataSourceRuns")]
            [DataZoneOperation("ListDataSourceRuns")]
            internal static class Operations;
            """,
            """
            namespace Consumer;

            // Neither partial nor plain: the class only lends its namespace.
            [DataZone.Gen.DataZoneOperation("ListDataSourceRuns")]
            public sealed class More<T>;
            """,
            """
            namespace Consumer.Records;

            [DataZone.Gen.DataZoneOperation("ListDataSourceRuns")]
            internal sealed record Operations;
            """,
        };

        var run = GeneratorHarness.RunClean(sources, ModelFiles.Own());

        Assert.Single(run.Sources.Keys, k => k == "Consumer.DataZoneClient.ListDataSourceRuns.g.cs");
        Assert.Contains("Consumer.Records.DataZoneClient.ListDataSourceRuns.g.cs", run.Sources.Keys);
        Assert.Contains("Consumer.DataZoneClient.g.cs", run.Sources.Keys);
        Assert.Contains("Consumer.ListDataSourceRunsResponse.g.cs", run.Sources.Keys);
        Assert.DoesNotContain(run.Sources.Keys, k => k.EndsWith(".Operations.g.cs", StringComparison.Ordinal) || k.Contains("More", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Sources.Values, text => text.Contains("PaginatorDefinition", StringComparison.Ordinal) || text.Contains("AsyncPaginator", StringComparison.Ordinal));
    }

    [Fact]
    public void Operations_without_an_input_or_an_output_shape_get_empty_request_and_response_records()
    {
        var service = WithOperation(OwnService, "Ping", "POST", "/v2/ping", input: null, output: null, responseCode: 204);
        service = WithOperation(service, "CancelRuns", "DELETE", "/v2/domains/{domainIdentifier}/data-sources/{dataSourceIdentifier}/runs", input: "ListDataSourceRunsInput", output: null, responseCode: 204);
        var source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZoneOperation("Ping")]
            [DataZoneOperation("CancelRuns")]
            [DataZonePaginator("ListDataSourceRuns")]
            public partial class Runs;
            """;

        var run = GeneratorHarness.RunClean(new[] { source }, ModelFiles.Of(service, OwnPaginators));

        Snapshot.Verify(
            $"{nameof(OperationAttributeTests)}.{nameof(Operations_without_an_input_or_an_output_shape_get_empty_request_and_response_records)}",
            run.Sources
                .Where(s => s.Key.Contains("Ping", StringComparison.Ordinal) || s.Key.Contains("CancelRunsResponse", StringComparison.Ordinal))
                .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));
        // The empty shapes are named after their operations; the paginated operation keeps its own types.
        Assert.Contains("Consumer.ListDataSourceRunsResponse.g.cs", run.Sources.Keys);
        Assert.Contains("Consumer.Runs.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_paginator_still_needs_both_shapes_while_an_operation_does_not()
    {
        var service = WithOperation(OwnService, "ListNothing", "GET", "/v2/nothing", input: null, output: null, responseCode: 200);
        var paginators = OwnPaginators.Replace(
            "\"pagination\": {",
            "\"pagination\": {\n    \"ListNothing\": { \"input_token\": \"nextToken\", \"output_token\": \"nextToken\", \"result_key\": \"items\" },",
            StringComparison.Ordinal);

        var paginated = Run(Source("DataZonePaginator", "ListNothing"), ModelFiles.Of(service, paginators));
        var asked = Run(Source("DataZoneOperation", "ListNothing"), ModelFiles.Of(service, paginators));

        Assert.Equal(new[] { "DZGEN012" }, paginated.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Contains("needs both an 'input' and an 'output' shape", paginated.GeneratorDiagnostics[0].GetMessage(), StringComparison.Ordinal);
        GeneratorHarness.AssertNone(asked.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(asked.CompileDiagnostics, "compiler diagnostics");
        Assert.Contains("Consumer.ListNothingResponse.g.cs", asked.Sources.Keys);
    }

    [Fact]
    public void An_unknown_operation_is_reported_on_its_own_attribute_with_the_nearest_names()
    {
        var source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            [DataZoneOperation("ListDataSourceRuns")]
            [DataZoneOperation("ListDataSourceRun")]
            public partial class Runs;
            """;

        var run = Run(source, ModelFiles.Own());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("The service model has no operation named 'ListDataSourceRun'; did you mean 'ListDataSourceRuns'?", diagnostic.GetMessage());
        AssertAt(diagnostic, source, "\"ListDataSourceRun\")]");
        // The good declarations are still generated.
        Assert.Contains("Consumer.Runs.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void A_missing_model_is_reported_on_the_operation_attribute()
    {
        var source = Source("DataZoneOperation", "GetDataSourceRun");

        var run = Run(source, Array.Empty<AdditionalText>());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN002", diagnostic.Id);
        AssertAt(diagnostic, source, "\"GetDataSourceRun\"");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void An_empty_operation_name_is_reported_on_the_argument_naming_the_attribute(string argument)
    {
        var source = $$"""
            using DataZone.Gen;

            namespace Consumer;

            [DataZoneOperation({{argument}})]
            public class Operations;
            """;

        var run = Run(source, ModelFiles.Own());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN013", diagnostic.Id);
        Assert.Equal(
            "[DataZoneOperation] needs the operation's name as a non-empty string, for example [DataZoneOperation(\"GetDataSourceRun\")]",
            diagnostic.GetMessage());
        AssertAt(diagnostic, source, argument + ")]");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Csharp_older_than_11_is_reported_on_the_class()
    {
        var source = Source("DataZoneOperation", "ListDataSourceRuns");

        var run = Run(source, ModelFiles.Own(), LanguageVersion.CSharp10);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN010", diagnostic.Id);
        AssertAt(diagnostic, source, "Operations;");
    }

    [Fact]
    public void A_class_named_like_a_generated_type_is_reported()
    {
        var source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZoneOperation("ListDataSourceRuns")]
            public partial class DataSourceRunSummary;
            """;

        var run = Run(source, ModelFiles.Own());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN014", diagnostic.Id);
        AssertAt(diagnostic, source, "DataSourceRunSummary;");
    }

    [Fact]
    public void An_unrelated_edit_reruns_nothing_and_a_new_operation_leaves_the_others_cached()
    {
        var paginator = GeneratorHarness.PaginatorSource("ListDataSourceRuns", "Runs");
        var first = GeneratorHarness.RunClean(new[] { paginator, Source("DataZoneOperation", "GetDataSourceRun") }, ModelFiles.Shared());

        var unrelated = GeneratorHarness.Run(
            first.Driver,
            first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorHarness.ParseOptions(), path: "/src/Unrelated.cs")));
        AssertSteps(unrelated, TrackingNames.OperationResults, IncrementalStepRunReason.Cached);
        AssertSteps(unrelated, TrackingNames.TargetResults, IncrementalStepRunReason.Cached);
        AssertSteps(unrelated, TrackingNames.AllResults, IncrementalStepRunReason.Cached);

        var added = GeneratorHarness.Run(
            first.Driver,
            first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "namespace Consumer; [DataZone.Gen.DataZoneOperation(\"StartDataSourceRun\")] internal class More;",
                GeneratorHarness.ParseOptions(),
                path: "/src/More.cs")));
        GeneratorHarness.AssertNone(added.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(added.CompileDiagnostics, "compiler diagnostics");
        AssertSteps(added, TrackingNames.TargetResults, IncrementalStepRunReason.Cached);
        var reasons = added.Result.TrackedSteps[TrackingNames.OperationResults].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.New));
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        // Files the new operation shares with the others (the client, common errors) are not re-added as changed.
        Assert.Contains("Consumer.DataZoneClient.StartDataSourceRun.g.cs", added.Sources.Keys);
        Assert.Equal(first.Sources["Consumer.DataZoneClient.g.cs"], added.Sources["Consumer.DataZoneClient.g.cs"]);
    }

    [Fact]
    public void Renaming_one_operation_rebuilds_that_operation_alone()
    {
        var get = "namespace Consumer; [DataZone.Gen.DataZoneOperation(\"GetDataSourceRun\")] internal class Get;";
        var other = "namespace Consumer; [DataZone.Gen.DataZoneOperation(\"DeleteAssetFilter\")] internal class Other;";
        var first = GeneratorHarness.RunClean(new[] { get, other }, ModelFiles.Shared());
        var otherTree = first.Input.SyntaxTrees.Single(t => t.ToString() == other);

        var second = GeneratorHarness.Run(
            first.Driver,
            first.Input.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText(other.Replace("DeleteAssetFilter", "StartDataSourceRun"), GeneratorHarness.ParseOptions(), path: otherTree.FilePath)));

        GeneratorHarness.AssertNone(second.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(second.CompileDiagnostics, "compiler diagnostics");
        var reasons = second.Result.TrackedSteps[TrackingNames.OperationResults].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Equal(1, reasons.Count(r => r != IncrementalStepRunReason.Cached));
        Assert.Equal(first.Sources["Consumer.DataZoneClient.GetDataSourceRun.g.cs"], second.Sources["Consumer.DataZoneClient.GetDataSourceRun.g.cs"]);
        Assert.DoesNotContain("Consumer.DataZoneClient.DeleteAssetFilter.g.cs", second.Sources.Keys);
        Assert.DoesNotContain("Consumer.DeleteAssetFilterResponse.g.cs", second.Sources.Keys);
        Assert.Contains("Consumer.DataZoneClient.StartDataSourceRun.g.cs", second.Sources.Keys);
    }

    [Fact]
    public void The_README_operation_snippet_compiles_as_a_console_apps_Program_cs()
    {
        var snippet = ReadmeSnippet("### More operations");
        var compilation = GeneratorHarness.Compilation(new[] { snippet, "global using global::System;" });
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));

        var run = GeneratorHarness.Run(GeneratorHarness.Driver(ModelFiles.Shared()), compilation);

        GeneratorHarness.AssertNone(run.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(run.CompileDiagnostics, "compiler errors or warnings in the README's snippet");
        Assert.Contains("global.DataZoneClient.GetDataSourceRun.g.cs", run.Sources.Keys);
    }

    private static string ReadmeSnippet(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        var section = readme.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no '{heading}' section");
        const string Fence = "```csharp\n";
        var start = readme.IndexOf(Fence, section, StringComparison.Ordinal) + Fence.Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        return readme.Substring(start, end - start);
    }

    private static void AssertSteps(GeneratorRun run, string step, IncrementalStepRunReason expected)
    {
        var reasons = run.Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Equal(expected, r));
    }

    private static string Source(string attribute, string operation) => $$"""
        using DataZone.Gen;

        namespace Consumer;

        [{{attribute}}("{{operation}}")]
        public partial class Operations;
        """;

    /// <summary>The harness's run with warnings left as warnings, so every diagnostic is seen as the compiler reports it.</summary>
    private static GeneratorRun Run(string source, IEnumerable<AdditionalText> models, LanguageVersion version = LanguageVersion.Latest)
    {
        var compilation = GeneratorHarness.Compilation(new[] { source }, version);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var run = GeneratorHarness.Run(GeneratorHarness.Driver(models, version), compilation);
        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        return run;
    }

    private static void AssertAt(Diagnostic diagnostic, string source, string marker)
    {
        var index = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0 && source.IndexOf(marker, index + 1, StringComparison.Ordinal) < 0, $"<{marker}> must occur once in the source");
        Assert.Equal(SourcePath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(index, diagnostic.Location.SourceSpan.Start);
    }

    private static string ReadOwn(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.OwnModelFolder, name)).Replace("\r\n", "\n");

    /// <summary>Adds an operation to the service text; a null input or output leaves that key out, as botocore allows.</summary>
    private static string WithOperation(string service, string name, string method, string uri, string? input, string? output, int responseCode)
    {
        var entry = $"    \"{name}\": {{\n      \"name\": \"{name}\",\n"
            + $"      \"http\": {{ \"method\": \"{method}\", \"requestUri\": \"{uri}\", \"responseCode\": {responseCode} }},\n"
            + (input is null ? string.Empty : $"      \"input\": {{ \"shape\": \"{input}\" }},\n")
            + (output is null ? string.Empty : $"      \"output\": {{ \"shape\": \"{output}\" }},\n")
            + "      \"errors\": [ { \"shape\": \"ResourceNotFoundException\" } ]\n    },\n";
        const string Marker = "  \"operations\": {\n";
        Assert.Contains(Marker, service, StringComparison.Ordinal);
        return service.Replace(Marker, Marker + entry, StringComparison.Ordinal);
    }
}
