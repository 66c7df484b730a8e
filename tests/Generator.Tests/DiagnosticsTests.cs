using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// One or more tests per DZGEN diagnostic: its ID, severity, message and the exact spot it points at, in the
/// model file for model problems and in the .cs file for declaration problems. Every broken model is the
/// project's own small model with one purpose-made edit, so the whole class runs in seconds.
/// </summary>
public class DiagnosticsTests
{
    private const string Operation = "ListDataSourceRuns";
    private const string ServicePath = ModelFiles.VirtualFolder + "service-2.json";
    private const string PaginatorsPath = ModelFiles.VirtualFolder + "paginators-1.json";
    private const string SourcePath = "/src/File0.cs";

    private static readonly string Service = ReadOwn("service-2.json");
    private static readonly string Paginators = ReadOwn("paginators-1.json");
    private static readonly string Source = GeneratorHarness.PaginatorSource(Operation);

    // ---- DZGEN001: malformed JSON ------------------------------------------------------------------------

    [Fact]
    public void DZGEN001_missing_comma_is_reported_on_the_line_that_lacks_it()
    {
        var service = Edit(Service, "\"signingName\": \"datazone\",", "\"signingName\": \"datazone\"");

        var diagnostic = Single(RunModel(service), "DZGEN001");

        AssertError(diagnostic);
        Assert.StartsWith("The service model file 'service-2.json' is not valid JSON: ", diagnostic.GetMessage());
        Assert.Contains("Expected either ',', '}', or ']'", diagnostic.GetMessage());
        var (line, _) = LinePosition(service, "\"signingName\": \"datazone\"");
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal(ServicePath, position.Path);
        Assert.Equal(line, position.StartLinePosition.Line);
    }

    [Fact]
    public void DZGEN001_content_after_the_document_is_reported_where_it_starts()
    {
        var service = Service.TrimEnd() + "\n{}\n";

        var diagnostic = Single(RunModel(service), "DZGEN001");

        Assert.Equal(
            "The service model file 'service-2.json' is not valid JSON: '{' is invalid after a single JSON value. Expected end of data.",
            diagnostic.GetMessage());
        AssertAt(diagnostic, ServicePath, service, "{}\n", occurrenceAfter: Service.TrimEnd());
    }

    // ---- DZGEN002: no model --------------------------------------------------------------------------------

    [Fact]
    public void DZGEN002_no_model_among_additional_files_is_reported_on_the_attribute_argument()
    {
        var run = Run(new[] { Source }, Array.Empty<AdditionalText>());

        var diagnostic = Single(run, "DZGEN002");

        AssertError(diagnostic);
        Assert.Equal(
            "No service model was found among AdditionalFiles; add the model's service-2.json and paginators-1.json as <AdditionalFiles> items",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, Source, "\"ListDataSourceRuns\"");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void DZGEN002_a_paginators_file_alone_is_not_a_model()
    {
        var run = Run(new[] { Source }, new[] { new InMemoryAdditionalText(PaginatorsPath, Paginators) });

        AssertError(Single(run, "DZGEN002"));
    }

    [Fact]
    public void A_model_without_any_paginator_class_reports_nothing()
    {
        var run = Run(new[] { "namespace Consumer; public class Unrelated { }" }, ModelFiles.Of("{ not json", Paginators));

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
    }

    // ---- DZGEN003: unknown operation -----------------------------------------------------------------------

    [Fact]
    public void DZGEN003_misspelt_operation_suggests_the_nearest_name()
    {
        var source = GeneratorHarness.PaginatorSource("ListDataSourceRun");

        var diagnostic = Single(RunModel(Service, Paginators, source), "DZGEN003");

        AssertError(diagnostic);
        Assert.Equal(
            "The service model has no operation named 'ListDataSourceRun'; did you mean 'ListDataSourceRuns'?",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "\"ListDataSourceRun\"");
    }

    [Fact]
    public void DZGEN003_unrelated_operation_name_gets_no_suggestion()
    {
        var source = GeneratorHarness.PaginatorSource("CreateGlossaryTerm");

        var diagnostic = Single(RunModel(Service, Paginators, source), "DZGEN003");

        Assert.Equal("The service model has no operation named 'CreateGlossaryTerm'", diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "\"CreateGlossaryTerm\"");
    }

    // ---- DZGEN004: operation has no paginator entry -------------------------------------------------------

    [Fact]
    public void DZGEN004_operation_without_a_paginator_entry()
    {
        var service = WithSecondOperation(Service, "GetDataSourceRun");
        var source = GeneratorHarness.PaginatorSource("GetDataSourceRun");

        var diagnostic = Single(RunModel(service, Paginators, source), "DZGEN004");

        AssertError(diagnostic);
        Assert.Equal(
            "The operation 'GetDataSourceRun' has no entry in paginators-1.json, so there is nothing to paginate",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "\"GetDataSourceRun\"");
    }

    [Fact]
    public void DZGEN004_model_folder_without_a_paginators_file()
    {
        var run = Run(new[] { Source }, new[] { new InMemoryAdditionalText(ServicePath, Service) });

        var diagnostic = Single(run, "DZGEN004");

        Assert.Equal(
            $"The operation 'ListDataSourceRuns' has no entry in a paginators-1.json beside {ServicePath} (there is none), so there is nothing to paginate",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, Source, "\"ListDataSourceRuns\"");
    }

    // ---- DZGEN001, DZGEN005, DZGEN006, DZGEN011, DZGEN012: one edit of the model, one diagnostic -----------

    /// <summary>What a broken model still generates: nothing for an error, everything for a DZGEN011 warning.</summary>
    public enum Outcome
    {
        Nothing,
        Everything,
        OperationWithoutPaginator,
    }

    /// <summary>
    /// One purpose-made edit of the project's own model. <see cref="Message"/> ending in "..." is a prefix; the
    /// diagnostic starts at <see cref="Marker"/> (its one occurrence, or its first after <see cref="After"/>) and,
    /// when <see cref="Span"/> is set, covers exactly that text.
    /// </summary>
    public sealed record BrokenModel(
        bool InPaginators,
        string Original,
        string Replacement,
        string Id,
        string Message,
        string Marker,
        string? After = null,
        string? Span = null,
        Outcome Generates = Outcome.Nothing);

    private const string NotValid = "The service model is not a valid botocore model: ";

    private static readonly Dictionary<string, BrokenModel> BrokenModels = new(StringComparer.Ordinal)
    {
        ["DZGEN001 unexpected character"] = new(
            false, "\"box\": true,\n      \"max\": 50,", "\"box\": true,\n      \"max\": 50 ]", "DZGEN001",
            "The service model file 'service-2.json' is not valid JSON: ...", "]", After: "\"max\": 50 "),
        ["DZGEN001 in the paginators file"] = new(
            true, "\"limit_key\": \"maxResults\",", "\"limit_key\": maxResults,", "DZGEN001",
            "The service model file 'paginators-1.json' is not valid JSON: 'm' is an invalid start of a value.", "maxResults"),
        ["DZGEN001 trailing comma, without the reader's advice"] = new(
            true, "\"limit_key\": \"maxResults\",\n      \"result_key\": \"items\"", "\"limit_key\": \"maxResults\",\n      \"result_key\": \"items\",",
            "DZGEN001",
            "The service model file 'paginators-1.json' is not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode.",
            "}", After: "\"result_key\": \"items\","),
        ["DZGEN005 input_token"] = Key("\"input_token\": \"nextToken\"", "startToken", "input_token", "ListDataSourceRunsInput"),
        ["DZGEN005 output_token"] = Key("\"output_token\": \"nextToken\"", "followingToken", "output_token", "ListDataSourceRunsOutput"),
        ["DZGEN005 limit_key"] = Key("\"limit_key\": \"maxResults\"", "pageSize", "limit_key", "ListDataSourceRunsInput"),
        ["DZGEN005 result_key"] = Key("\"result_key\": \"items\"", "runs", "result_key", "ListDataSourceRunsOutput"),
        ["DZGEN005 result_key in an array"] = new(
            true, "\"result_key\": \"items\"", "\"result_key\": [\n        \"itemz\"\n      ]", "DZGEN005",
            "The paginator of 'ListDataSourceRuns' names 'itemz' as its result_key, but the shape 'ListDataSourceRunsOutput' has no such member",
            "\"itemz\"", Span: "\"itemz\""),
        ["DZGEN006 structure member"] = Dangling("\"shape\": \"DataSourceRunLineageSummary\""),
        ["DZGEN006 list member"] = Dangling("\"shape\": \"DataSourceRunSummary\""),
        ["DZGEN006 operation error"] = Dangling("\"shape\": \"UnauthorizedException\""),
        ["DZGEN006 operation output"] = Dangling("\"shape\": \"ListDataSourceRunsOutput\""),
        ["DZGEN011 eventstream trait"] = new(
            false, "\"DataSourceRunLineageSummary\": {\n      \"type\": \"structure\",",
            "\"DataSourceRunLineageSummary\": {\n      \"type\": \"structure\",\n      \"eventstream\": true,", "DZGEN011",
            "The trait 'eventstream' is not supported yet: shape DataSourceRunLineageSummary; the rest of the model is still generated",
            "\"DataSourceRunLineageSummary\": {", Generates: Outcome.Everything),
        ["DZGEN011 operation trait"] = new(
            false, "\"readonly\": true", "\"readonly\": true,\n      \"httpChecksum\": {\n        \"requestChecksumRequired\": true\n      }", "DZGEN011",
            "The operation trait 'httpChecksum' is not supported yet: operation ListDataSourceRuns; the rest of the model is still generated",
            "\"ListDataSourceRuns\": {", Generates: Outcome.Everything),
        ["DZGEN011 required endpoint discovery"] = new(
            false, "\"readonly\": true", "\"readonly\": true,\n      \"endpointdiscovery\": {\n        \"required\": true\n      }", "DZGEN011",
            "The operation trait 'endpointdiscovery' is not supported yet: operation ListDataSourceRuns; the rest of the model is still generated",
            "\"ListDataSourceRuns\": {", Generates: Outcome.Everything),
        ["DZGEN011 shape type"] = new(
            false, "\"Integer\": {\n      \"type\": \"integer\",", "\"Integer\": {\n      \"type\": \"bigInteger\",", "DZGEN011",
            "The type 'bigInteger' is not supported yet: shape Integer; the rest of the model is still generated",
            "\"Integer\": {", Generates: Outcome.Everything),
        ["DZGEN012 more input tokens than output tokens"] = new(
            true, "\"input_token\": \"nextToken\",", "\"input_token\": [\"nextToken\", \"status\"],", "DZGEN012",
            NotValid + "the paginator of 'ListDataSourceRuns' has 2 input_token(s) but 1 output_token(s); "
                + "each output token feeds the input token at its position",
            "\"ListDataSourceRuns\": {"),
        ["DZGEN011 paginator expression beyond member paths"] = new(
            true, "\"result_key\": \"items\"", "\"result_key\": \"items || runs\"", "DZGEN011",
            "The paginator expression 'items || runs' is not supported yet: the paginator of 'ListDataSourceRuns' is skipped; ...",
            "\"items || runs\"", Span: "\"items || runs\"", Generates: Outcome.OperationWithoutPaginator),
        ["DZGEN012 result key path through a list"] = new(
            true, "\"result_key\": \"items\"", "\"result_key\": \"items.id\"", "DZGEN012",
            NotValid + "the result_key 'items.id' of 'ListDataSourceRuns' reads 'id' from 'DataSourceRunSummaries', which is not a structure",
            "\"items.id\"", Span: "\"items.id\""),
        ["DZGEN012 shape without a type"] = new(
            false, "\"DataSourceRunId\": {\n      \"type\": \"string\",\n", "\"DataSourceRunId\": {\n", "DZGEN012",
            NotValid + "shape 'DataSourceRunId' has no 'type'", "\"DataSourceRunId\": {"),
        ["DZGEN012 unknown shape type"] = new(
            false, "\"DataSourceRunId\": {\n      \"type\": \"string\",", "\"DataSourceRunId\": {\n      \"type\": \"text\",", "DZGEN012",
            NotValid + "shape 'DataSourceRunId' has the unknown type 'text'", "\"text\"", Span: "\"text\""),
        ["DZGEN012 value of the wrong JSON type"] = new(
            false, "\"max\": 50,", "\"max\": \"fifty\",", "DZGEN012",
            NotValid + "'max' of shape 'MaxResults' must be a number, not a string", "\"fifty\"", Span: "\"fifty\"",
            Generates: Outcome.Everything),
        ["DZGEN012 number beyond the range of a double"] = new(
            false, "\"max\": 50,", "\"max\": 1e999,", "DZGEN012", NotValid + "'max' of shape 'MaxResults' is ...", "1e999", Span: "1e999",
            Generates: Outcome.Everything),
        ["DZGEN012 list without a member"] = new(
            false,
            "\"DataSourceRunSummaries\": {\n      \"type\": \"list\",\n      \"member\": {\n        \"shape\": \"DataSourceRunSummary\"\n      }\n    },",
            "\"DataSourceRunSummaries\": {\n      \"type\": \"list\"\n    },", "DZGEN012",
            NotValid + "shape 'DataSourceRunSummaries' needs a 'member'", "{\n      \"type\": \"list\"", After: "\"DataSourceRunSummaries\": "),
        ["DZGEN012 operation without http"] = new(
            false,
            "\"http\": {\n        \"method\": \"GET\",\n        \"requestUri\": \"/v2/domains/{domainIdentifier}/data-sources/{dataSourceIdentifier}/runs\",\n        \"responseCode\": 200\n      },\n",
            string.Empty, "DZGEN012",
            NotValid + "operation 'ListDataSourceRuns' needs 'http' with 'method' and 'requestUri'", "\"ListDataSourceRuns\": {"),
        ["DZGEN012 request URI label without a uri member"] = new(
            false, "/data-sources/{dataSourceIdentifier}/runs\"", "/data-sources/{dataSourceId}/runs\"", "DZGEN012",
            NotValid + "the request URI of 'ListDataSourceRuns' has the label '{dataSourceId}' but its input has no member with location 'uri' and that locationName",
            "\"ListDataSourceRuns\": {"),
        ["DZGEN012 result key that is not a list"] = new(
            true, "\"result_key\": \"items\"", "\"result_key\": \"nextToken\"", "DZGEN012",
            NotValid + "the result_key 'nextToken' of 'ListDataSourceRuns' must name a list member "
                + "(or a map or structure member, when no result key is a list)",
            "\"nextToken\"", After: "\"result_key\": ", Span: "\"nextToken\""),
        ["DZGEN012 list whose member is the list itself"] = new(
            false,
            "\"DataSourceRunSummaries\": {\n      \"type\": \"list\",\n      \"member\": {\n        \"shape\": \"DataSourceRunSummary\"",
            "\"DataSourceRunSummaries\": {\n      \"type\": \"list\",\n      \"member\": {\n        \"shape\": \"DataSourceRunSummaries\"",
            "DZGEN012",
            NotValid + "the list 'DataSourceRunSummaries' contains itself with no structure in between "
                + "(DataSourceRunSummaries → DataSourceRunSummaries); recursion must pass through a structure or union",
            "\"DataSourceRunSummaries\"", After: "\"member\": {\n        \"shape\": ", Span: "\"DataSourceRunSummaries\""),
        ["DZGEN012 list and map that contain each other"] = new(
            false,
            "\"DataSourceRunSummaries\": {\n      \"type\": \"list\",\n      \"member\": {\n        \"shape\": \"DataSourceRunSummary\"\n      }\n    },",
            "\"DataSourceRunSummaries\": {\n      \"type\": \"list\",\n      \"member\": {\n        \"shape\": \"RunsByName\"\n      }\n    },\n"
                + "    \"RunsByName\": {\n      \"type\": \"map\",\n      \"key\": {\n        \"shape\": \"String\"\n      },\n"
                + "      \"value\": {\n        \"shape\": \"DataSourceRunSummaries\"\n      }\n    },",
            "DZGEN012",
            NotValid + "the list 'DataSourceRunSummaries' contains itself with no structure in between "
                + "(DataSourceRunSummaries → RunsByName → DataSourceRunSummaries); recursion must pass through a structure or union",
            "\"RunsByName\"", After: "\"member\": {\n        \"shape\": ", Span: "\"RunsByName\""),
        ["DZGEN011 token that is not a string"] = new(
            true, "\"input_token\": \"nextToken\"", "\"input_token\": \"maxResults\"", "DZGEN011",
            "A paginator token of type 'integer' is not supported yet: the paginator of 'ListDataSourceRuns' is skipped; "
                + "its types and operation are still generated; the rest of the model is still generated",
            "\"maxResults\"", After: "\"input_token\": ", Span: "\"maxResults\"", Generates: Outcome.OperationWithoutPaginator),
        ["DZGEN012 input_token on a required member"] = new(
            true, "\"input_token\": \"nextToken\"", "\"input_token\": \"domainIdentifier\"", "DZGEN012",
            NotValid + "the input_token 'domainIdentifier' of 'ListDataSourceRuns' names a required member; "
                + "the first page is requested without a token",
            "\"domainIdentifier\"", After: "\"input_token\": ", Span: "\"domainIdentifier\""),
        ["DZGEN012 limit_key on an enum member"] = new(
            true, "\"limit_key\": \"maxResults\"", "\"limit_key\": \"status\"", "DZGEN012",
            NotValid + "the limit_key 'status' of 'ListDataSourceRuns' must name an integer or string member, not an enum",
            "\"status\"", After: "\"limit_key\": ", Span: "\"status\""),
        ["DZGEN012 more_results on a string member"] = new(
            true, "\"limit_key\": \"maxResults\",", "\"limit_key\": \"maxResults\",\n      \"more_results\": \"nextToken\",", "DZGEN012",
            NotValid + "the more_results 'nextToken' of 'ListDataSourceRuns' must name a boolean member, not a string",
            "\"nextToken\"", After: "\"more_results\": ", Span: "\"nextToken\""),
        ["DZGEN012 structure bound to the query string"] = new(
            false,
            "\"shape\": \"DataSourceRunStatus\",\n          \"documentation\": \"<p>Restricts the results to runs in this status.</p>\",",
            "\"shape\": \"DataSourceRunLineageSummary\",\n          \"documentation\": \"<p>Restricts the results to runs in this status.</p>\",",
            "DZGEN012",
            NotValid + "member 'status' of shape 'ListDataSourceRunsInput' is bound to location 'querystring', which carries text, "
                + "but its shape 'DataSourceRunLineageSummary' (structure) has no text form there",
            "\"status\"", After: "\"locationName\": \"dataSourceIdentifier\"", Span: "\"status\":"),
        ["DZGEN012 error that is not a structure"] = new(
            false, "\"ValidationException\": {\n      \"type\": \"structure\",", "\"ValidationException\": {\n      \"type\": \"boolean\",", "DZGEN012",
            NotValid + "the error 'ValidationException' of operation 'ListDataSourceRuns' must be a structure, not a boolean",
            "\"ValidationException\"", After: "\"errors\": ["),
        ["DZGEN012 error that is not an exception"] = new(
            false, "{\n          \"shape\": \"InternalServerException\"\n        },", "{\n          \"shape\": \"DataSourceRunSummary\"\n        },", "DZGEN012",
            NotValid + "the error 'DataSourceRunSummary' of operation 'ListDataSourceRuns' must be a structure marked \"exception\": true",
            "\"DataSourceRunSummary\"", After: "\"errors\": [", Span: "\"DataSourceRunSummary\""),
        ["DZGEN012 exception held as a value"] = new(
            false, "\"shape\": \"DataSourceErrorType\",", "\"shape\": \"ValidationException\",", "DZGEN012",
            NotValid + "'errorType' of shape 'DataSourceErrorMessage' holds the exception 'ValidationException'; an exception is an error "
                + "an operation returns, not a value",
            "\"ValidationException\"", After: "\"errorType\": {", Span: "\"ValidationException\""),
        ["DZGEN012 paginated operation without input"] = new(
            false, "\"input\": {\n        \"shape\": \"ListDataSourceRunsInput\"\n      },\n", string.Empty, "DZGEN012",
            NotValid + "the paginated operation 'ListDataSourceRuns' needs both an 'input' and an 'output' shape", "\"ListDataSourceRuns\": {"),
    };

    [Theory]
    [InlineData("0.5", "50.5", "1", "50")]
    [InlineData("1", "1e308", "1", "2147483647")]
    [InlineData("-2147483649", "2147483648", "-2147483648", "2147483647")]
    public void Limit_bounds_that_are_no_int_become_the_int_page_sizes_they_allow(string min, string max, string pageMin, string pageMax)
    {
        var service = Edit(Service, "\"max\": 50,\n      \"min\": 1", $"\"max\": {max},\n      \"min\": {min}");

        var run = RunModel(service);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var paginator = run.Sources["Consumer.Paginator.g.cs"];
        Assert.Contains($"LimitMin = {pageMin},", paginator);
        Assert.Contains($"LimitMax = {pageMax},", paginator);
    }

    [Fact]
    public void A_required_payload_in_a_response_with_required_headers_compiles_without_warnings()
    {
        const string service = """
            {
              "metadata": { "apiVersion": "2020-01-01", "endpointPrefix": "things", "protocol": "rest-json", "serviceId": "Things" },
              "operations": {
                "ListThings": {
                  "name": "ListThings",
                  "http": { "method": "GET", "requestUri": "/things" },
                  "input": { "shape": "ListThingsInput" },
                  "output": { "shape": "ListThingsOutput" }
                }
              },
              "shapes": {
                "ListThingsInput": {
                  "type": "structure",
                  "members": { "nextToken": { "shape": "String", "location": "querystring", "locationName": "nextToken" } }
                },
                "ListThingsOutput": {
                  "type": "structure",
                  "required": [ "page", "etag" ],
                  "members": {
                    "page": { "shape": "Page" },
                    "etag": { "shape": "String", "location": "header", "locationName": "ETag" }
                  },
                  "payload": "page"
                },
                "Page": { "type": "structure", "members": { "items": { "shape": "Names" }, "nextToken": { "shape": "String" } } },
                "Names": { "type": "list", "member": { "shape": "String" } },
                "String": { "type": "string" }
              }
            }
            """;
        const string paginators = """
            { "pagination": { "ListThings": { "input_token": "nextToken", "output_token": "page.nextToken", "result_key": "page.items" } } }
            """;
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListThings")]
            public partial class Pages;
            """;

        var run = Run(new[] { source }, ModelFiles.Of(service, paginators));

        // Nested token and result paths (botocore's a.b) read through the required payload member.
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("Consumer.ThingsClient.ListThings.g.cs", run.Sources.Keys);
        Assert.Contains("GetOutputToken = static response => response.Page.NextToken,", run.Sources["Consumer.Pages.g.cs"]);
        Assert.Contains("WithItems = static (response, items) => response with { Page = response.Page with { Items = items } },",
            run.Sources["Consumer.Pages.g.cs"]);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("throw global::DataZone.Gen.Json.AwsJson.MissingMember(\"page\")", run.Sources["Consumer.ThingsClient.ListThings.g.cs"]);
    }

    [Fact]
    public void An_enum_of_1500_values_and_a_documentation_string_of_a_mebibyte_and_a_half_are_generated_whole()
    {
        var values = string.Join(",\n        ", Enumerable.Range(0, 1500).Select(i => $"\"VALUE_{i}\""));
        var documentation = "<p>" + string.Concat(Enumerable.Repeat("A long paragraph of words. ", 58_000)) + "THE END</p>";
        var service = Edit(Service, "\"SUCCESS\"\n      ]", $"\"SUCCESS\",\n        {values}\n      ]");
        service = Edit(service, "\"<p>The current state of the run.</p>\"", $"\"{documentation}\"");

        var run = RunModel(service);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Contains("public const string Value1499 = \"VALUE_1499\";", run.Sources["Consumer.DataSourceRunStatus.g.cs"]);
        Assert.Contains("THE END", run.Sources["Consumer.DataSourceRunSummary.g.cs"]);
    }

    [Fact]
    public void An_error_listed_twice_is_mapped_once()
    {
        var service = Edit(
            Service,
            "{\n          \"shape\": \"InternalServerException\"\n        },",
            "{\n          \"shape\": \"InternalServerException\"\n        },\n        {\n          \"shape\": \"InternalServerException\"\n        },");

        var run = RunModel(service);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    /// <summary>Case names only, so the edits' odd characters never reach the test runner's protocol.</summary>
    public static TheoryData<string> BrokenModelNames() => new(BrokenModels.Keys.ToArray());

    [Theory]
    [MemberData(nameof(BrokenModelNames))]
    public void A_broken_model_gets_one_diagnostic_on_the_spot_that_is_wrong(string name)
    {
        var edit = BrokenModels[name];
        var service = edit.InPaginators ? Service : Edit(Service, edit.Original, edit.Replacement);
        var paginators = edit.InPaginators ? Edit(Paginators, edit.Original, edit.Replacement) : Paginators;

        var run = RunModel(service, paginators);

        // Only the root problem: no follow-on diagnostic that contradicts it.
        var diagnostic = Single(run, edit.Id);
        Assert.True(run.GeneratorDiagnostics.Length == 1, string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));
        var descriptor = DiagnosticDescriptors.ById(edit.Id);
        Assert.Equal(descriptor.DefaultSeverity, diagnostic.Severity);
        Assert.Equal(descriptor.HelpLinkUri, diagnostic.Descriptor.HelpLinkUri);
        if (edit.Message.EndsWith("...", StringComparison.Ordinal))
        {
            Assert.StartsWith(edit.Message.Substring(0, edit.Message.Length - 3), diagnostic.GetMessage());
        }
        else
        {
            Assert.Equal(edit.Message, diagnostic.GetMessage());
        }

        AssertAt(diagnostic, edit.InPaginators ? PaginatorsPath : ServicePath, edit.InPaginators ? paginators : service, edit.Marker, edit.After, edit.Span);
        switch (edit.Generates)
        {
            case Outcome.Everything:
                AssertEverythingGenerated(run);
                Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
                break;
            case Outcome.OperationWithoutPaginator:
                Assert.DoesNotContain("Consumer.Paginator.g.cs", run.Sources.Keys);
                Assert.Contains("Consumer.DataZoneClient.ListDataSourceRuns.g.cs", run.Sources.Keys);
                break;
            default:
                Assert.Empty(run.Result.GeneratedSources);
                break;
        }
    }

    private static BrokenModel Key(string original, string key, string role, string shape) => new(
        true, original, original.Substring(0, original.IndexOf(':') + 2) + "\"" + key + "\"", "DZGEN005",
        $"The paginator of 'ListDataSourceRuns' names '{key}' as its {role}, but the shape '{shape}' has no such member",
        $"\"{key}\"", Span: $"\"{key}\"");

    private static BrokenModel Dangling(string reference) => new(
        false, reference, "\"shape\": \"Nope\"", "DZGEN006", "The shape 'Nope' referenced here is not defined in the model",
        "\"Nope\"", Span: "\"Nope\"");

    [Fact]
    public void Malformed_JSON_in_the_service_file_is_not_also_a_missing_model()
    {
        var run = RunModel("{ \"metadata\": ");

        Assert.Equal(new[] { "DZGEN001" }, run.GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Every_descriptor_links_to_its_page_under_docs_diagnostics()
    {
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(DiagnosticDescriptors.HelpLinkBase + d.Id + ".md", d.HelpLinkUri));
        Assert.EndsWith("/docs/diagnostics/", DiagnosticDescriptors.HelpLinkBase);
    }

    // ---- DZGEN007 - DZGEN010, DZGEN013: the C# declaration ------------------------------------------------

    [Fact]
    public void DZGEN007_class_not_partial_is_reported_on_its_identifier()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public class RunPages { }
            """;

        var run = RunModel(Service, Paginators, source);
        var diagnostic = Single(run, "DZGEN007");

        AssertError(diagnostic);
        Assert.Equal(
            "The class 'Consumer.RunPages' is marked [DataZonePaginator] and must be declared partial so the generator can complete it",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "RunPages", spanText: "RunPages");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void DZGEN008_generic_class_is_reported_on_its_identifier()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class RunPages<T> { }
            """;

        var diagnostic = Single(RunModel(Service, Paginators, source), "DZGEN008");

        AssertError(diagnostic);
        Assert.Equal("The class 'Consumer.RunPages<T>' is marked [DataZonePaginator] and must not be generic", diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "RunPages", spanText: "RunPages");
    }

    [Fact]
    public void DZGEN015_class_whose_file_differs_only_in_case_from_a_model_file_is_reported_on_its_identifier()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class DATASOURCERUNSUMMARY { }
            """;

        var run = RunModel(Service, Paginators, source);
        var diagnostic = Single(run, "DZGEN015");

        AssertError(diagnostic);
        Assert.Equal(
            "The class 'Consumer.DATASOURCERUNSUMMARY' would be generated into 'Consumer.DATASOURCERUNSUMMARY.g.cs', which differs only in case "
            + "(or not at all) from the model's generated file 'Consumer.DataSourceRunSummary.g.cs'; file names are compared without case, "
            + "so rename the class or move it to another namespace",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "DATASOURCERUNSUMMARY", spanText: "DATASOURCERUNSUMMARY");
        Assert.Single(run.GeneratorDiagnostics);
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void DZGEN009_class_nested_in_a_non_partial_type_is_reported_on_its_identifier()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            public partial class Outer
            {
                public class Middle
                {
                    [DataZonePaginator("ListDataSourceRuns")]
                    public partial class RunPages { }
                }
            }
            """;

        var diagnostic = Single(RunModel(Service, Paginators, source), "DZGEN009");

        AssertError(diagnostic);
        Assert.Equal(
            "The class 'Consumer.Outer.Middle.RunPages' is nested in 'Middle', which must be declared partial so the generator can add to it",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "RunPages", spanText: "RunPages");
    }

    [Fact]
    public void Nested_in_partial_types_is_fine()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            public partial class Outer
            {
                [DataZonePaginator("ListDataSourceRuns")]
                public partial class RunPages { }
            }
            """;

        var run = RunModel(Service, Paginators, source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("Consumer.Outer.RunPages.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void DZGEN010_language_version_10_is_reported_on_the_class_identifier()
    {
        // Block body: "class X;" would itself need C# 12.
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class RunPages { }
            """;

        var run = Run(new[] { source }, ModelFiles.Of(Service, Paginators), LanguageVersion.CSharp10);
        var diagnostic = Single(run, "DZGEN010");

        AssertError(diagnostic);
        Assert.Equal(
            "The generated code needs C# 11 or later (required members, UTF-8 string literals); this project uses C# 10.0. Set <LangVersion> to 11 or later",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, "RunPages", spanText: "RunPages");
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Language_version_11_is_enough()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class RunPages { }
            """;

        var run = Run(new[] { source }, ModelFiles.Of(Service, Paginators), LanguageVersion.CSharp11);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DZGEN010");
        Assert.NotEmpty(run.Result.GeneratedSources);
    }

    [Fact]
    public void Several_declaration_problems_are_reported_together()
    {
        const string source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("")]
            public class RunPages<T> { }
            """;

        var run = RunModel(Service, Paginators, source);

        Assert.Equal(new[] { "DZGEN007", "DZGEN008", "DZGEN013" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("DataSourceRunSummary", "the shape 'DataSourceRunSummary'")]
    [InlineData("DataSourceRunStatus", "the shape 'DataSourceRunStatus'")]
    [InlineData("ValidationException", "the shape 'ValidationException'")]
    [InlineData("DataZoneClient", "the service client")]
    [InlineData("DataZoneJson", "the service's JSON helpers")]
    public void DZGEN014_a_class_named_like_a_generated_type_is_reported_on_its_name(string className, string owner)
    {
        var source = $$"""
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class {{className}};
            """;

        var run = RunModel(Service, Paginators, source);
        var diagnostic = Single(run, "DZGEN014");

        AssertError(diagnostic);
        Assert.Equal(
            $"The class '{className}' has the name of the type generated for {owner} in the same namespace; "
            + "rename the class or move it to another namespace",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, className, occurrenceAfter: "partial class ", spanText: className);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Id == "CS0261");
    }

    [Fact]
    public void A_nested_class_may_share_a_generated_type_name()
    {
        var source = """
            using DataZone.Gen;

            namespace Consumer;

            public static partial class Pages
            {
                [DataZonePaginator("ListDataSourceRuns")]
                public partial class DataSourceRunSummary;
            }
            """;

        var run = RunModel(Service, Paginators, source);

        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));
        Assert.DoesNotContain(run.CompileDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("null")]
    public void DZGEN013_empty_operation_name_is_reported_on_the_attribute_argument(string argument)
    {
        var source = $$"""
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator({{argument}})]
            public partial class RunPages { }
            """;

        var run = RunModel(Service, Paginators, source);
        var diagnostic = Single(run, "DZGEN013");

        AssertError(diagnostic);
        Assert.Equal(
            "[DataZonePaginator] needs the operation's name as a non-empty string, for example [DataZonePaginator(\"ListDataSourceRuns\")]",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, source, argument, occurrenceAfter: "[DataZonePaginator(", spanText: argument);
        Assert.Empty(run.Result.GeneratedSources);
    }

    // ---- DZGEN011: unsupported feature (a warning; the rest is generated) -----------------------------------

    [Fact]
    public void DZGEN011_an_xml_protocol_warns_and_still_generates_the_types()
    {
        // botocore reads the `protocols` list when there is one, so both spellings change.
        var service = Edit(Service, "\"protocol\": \"rest-json\",", "\"protocol\": \"rest-xml\",");
        service = Edit(service, "\"protocols\": [\n      \"rest-json\"\n    ],", "\"protocols\": [\n      \"rest-xml\"\n    ],");

        var run = RunModel(service);
        var diagnostic = Single(run, "DZGEN011");

        AssertWarning(diagnostic);
        Assert.Equal(
            "The protocol 'rest-xml' is not supported yet: only rest-json and json (awsJson1_0, awsJson1_1) operations get a client method "
            + "and paginator; the types are generated; the rest of the model is still generated",
            diagnostic.GetMessage());
        AssertAt(diagnostic, SourcePath, Source, "\"ListDataSourceRuns\"");
        Assert.Contains("Consumer.DataSourceRunSummary.g.cs", run.Sources.Keys);
        Assert.Contains("Consumer.ListDataSourceRunsResponse.g.cs", run.Sources.Keys);
        Assert.DoesNotContain("Consumer.Paginator.g.cs", run.Sources.Keys);
    }

    // ---- DZGEN012: invalid model structure ------------------------------------------------------------------

    [Fact]
    public void DZGEN012_paginators_file_without_pagination_object()
    {
        const string paginators = "{\n  \"pages\": {}\n}\n";

        var run = RunModel(Service, paginators);
        var diagnostic = Single(run, "DZGEN012");

        Assert.Equal("The service model is not a valid botocore model: a paginators-1.json needs a 'pagination' object", diagnostic.GetMessage());
        AssertAt(diagnostic, PaginatorsPath, paginators, paginators.TrimEnd(), spanText: paginators.TrimEnd());
        Assert.Single(run.GeneratorDiagnostics); // Not also DZGEN004 "no entry in paginators-1.json": the file is the problem.
    }

    [Fact]
    public void DZGEN001_escaped_lone_surrogate_is_reported_on_the_string()
    {
        var service = Edit(Service, "\"documentation\": \"<p>The ID of this run.</p>\"", "\"documentation\": \"\\uD800\"");

        var run = RunModel(service);

        AssertNoInternalError(run);
        var diagnostic = Single(run, "DZGEN001");
        AssertError(diagnostic);
        var (line, _) = LinePosition(service, "\"\\uD800\"");
        Assert.Equal(ServicePath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    // ---- The generator never throws ---------------------------------------------------------------------

    /// <summary>Case names only: the texts are built in the test, so odd characters never reach the test runner's protocol.</summary>
    public static TheoryData<string> Garbage() => new(GarbageTexts().Keys.ToArray());

    private static Dictionary<string, string> GarbageTexts()
    {
        var random = new Random(20180510);
        var bytes = new byte[2048];
        random.NextBytes(bytes);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["empty file"] = string.Empty,
            ["whitespace"] = " \n\t\n",
            ["array"] = "[]",
            ["string"] = "\"service\"",
            ["null"] = "null",
            ["shapes is a number"] = "{\"shapes\": 5}",
            ["all sections of the wrong type"] = "{\"metadata\": [], \"operations\": \"x\", \"shapes\": true, \"pagination\": 7}",
            ["empty sections"] = "{\"metadata\": {}, \"operations\": {}, \"shapes\": {}, \"pagination\": {}}",
            ["truncated by half"] = Service.Substring(0, Service.Length / 2),
            ["truncated after one character"] = "{",
            ["truncated inside a string"] = Service.Substring(0, Service.IndexOf("ListDataSourceRunsInput", StringComparison.Ordinal) + 5),
            ["nested beyond the depth limit"] = new string('[', 5000) + new string(']', 5000),
            ["random bytes"] = Encoding.UTF8.GetString(bytes),
            ["random bytes as Latin-1"] = Encoding.Latin1.GetString(bytes),
            ["byte order mark only"] = "\uFEFF",
            ["operation is a number"] = Edit(Service, "\"ListDataSourceRuns\": {\n      \"name\"", "\"ListDataSourceRuns\": 5, \"X\": {\n      \"name\""),
            ["members is an array"] = Edit(Service, "\"members\": {\n        \"importStatus\"", "\"members\": [], \"m\": {\n        \"importStatus\""),
        };
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_service_model_reports_an_error_and_never_crashes(string what)
    {
        var run = RunModel(GarbageTexts()[what]);

        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        AssertNoInternalError(run);
    }

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Garbage_paginators_file_reports_an_error_and_never_crashes(string what)
    {
        var run = RunModel(Service, GarbageTexts()[what]);

        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        Assert.Contains(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        AssertNoInternalError(run);
    }

    [Fact]
    public void Unreadable_model_file_is_DZGEN001_on_that_file()
    {
        var run = Run(new[] { Source }, new AdditionalText[] { new UnreadableText(ServicePath), new InMemoryAdditionalText(PaginatorsPath, Paginators) });

        Assert.Null(run.Result.Exception);
        var diagnostic = Single(run, "DZGEN001");
        Assert.Equal(ServicePath, diagnostic.Location.GetLineSpan().Path);
        Assert.EndsWith("is not valid JSON: the file could not be read", diagnostic.GetMessage());
    }

    // ---- DZGEN999 and the descriptor table ------------------------------------------------------------------

    private static readonly string[] AllIds =
    {
        "DZGEN001", "DZGEN002", "DZGEN003", "DZGEN004", "DZGEN005", "DZGEN006", "DZGEN007",
        "DZGEN008", "DZGEN009", "DZGEN010", "DZGEN011", "DZGEN012", "DZGEN013", "DZGEN014", "DZGEN015", "DZGEN020", "DZGEN999",
    };

    [Fact]
    public void Descriptor_table_holds_every_id_once()
    {
        var ids = DiagnosticDescriptors.All.Select(d => d.Id).ToList();

        Assert.Equal(AllIds, ids.OrderBy(i => i, StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal("DataZone.Gen", d.Category));
        Assert.All(DiagnosticDescriptors.All, d => Assert.True(d.IsEnabledByDefault, d.Id));
    }

    [Fact]
    public void Every_public_descriptor_field_is_in_the_table()
    {
        var fields = typeof(DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        Assert.Equal(AllIds.Length, fields.Count);
        Assert.All(fields, f => Assert.Same(f, DiagnosticDescriptors.ById(f.Id)));
    }

    [Fact]
    public void DZGEN999_is_the_fallback_for_an_unknown_id()
    {
        var descriptor = DiagnosticDescriptors.ById("DZGEN000");

        Assert.Equal("DZGEN999", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        var diagnostic = Diagnostic.Create(descriptor, Location.None, "emitting X.g.cs", "InvalidOperationException: boom");
        Assert.Equal(
            "DataZone.Gen failed unexpectedly while emitting X.g.cs: InvalidOperationException: boom. Please report this with the model file.",
            diagnostic.GetMessage());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_a_docs_page_matching_its_descriptor(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var path = Path.Combine(RepoPaths.Root, "docs", "diagnostics", id + ".md");

        Assert.True(File.Exists(path), $"Missing docs page {path}");
        var page = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page.Replace("\r\n", "\n"));
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page);
        Assert.Contains(descriptor.MessageFormat.ToString(), page);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_is_listed_in_the_docs_index(string id)
    {
        var index = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics", "README.md"));

        Assert.Contains($"[{id}]({id}.md)", index);
        Assert.Contains(DiagnosticDescriptors.ById(id).Title.ToString(), index);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Every_id_has_a_release_tracking_row(string id)
    {
        var descriptor = DiagnosticDescriptors.ById(id);
        var rows = File.ReadAllLines(Path.Combine(RepoPaths.Root, "generator", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepoPaths.Root, "generator", "AnalyzerReleases.Shipped.md")))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Where(c => c.Length == 4 && c[0] == id)
            .ToList();

        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
        Assert.Equal(descriptor.Title.ToString(), row[3]);
    }

    public static TheoryData<string> Ids() => new(AllIds);

    // ---- helpers ------------------------------------------------------------------------------------

    private static string ReadOwn(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.OwnModelFolder, name)).Replace("\r\n", "\n");

    /// <summary>Replaces the one occurrence of <paramref name="original"/>; fails if it is missing or repeated.</summary>
    private static string Edit(string text, string original, string replacement)
    {
        var first = text.IndexOf(original, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(original, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"Expected exactly one occurrence of <{original}> in the fixture.", nameof(original));
        }

        return text.Substring(0, first) + replacement + text.Substring(first + original.Length);
    }

    /// <summary>Adds a second, non-paginated operation that reuses the first one's shapes.</summary>
    private static string WithSecondOperation(string service, string name) => Edit(
        service,
        "  \"operations\": {\n",
        "  \"operations\": {\n"
        + $"    \"{name}\": {{\n"
        + $"      \"name\": \"{name}\",\n"
        + "      \"http\": {\n"
        + "        \"method\": \"GET\",\n"
        + "        \"requestUri\": \"/v2/domains/{domainIdentifier}/data-sources/{dataSourceIdentifier}/runs\"\n"
        + "      },\n"
        + "      \"input\": {\n        \"shape\": \"ListDataSourceRunsInput\"\n      },\n"
        + "      \"output\": {\n        \"shape\": \"ListDataSourceRunsOutput\"\n      }\n"
        + "    },\n");

    private static GeneratorRun RunModel(string service, string? paginators = null, string? source = null) =>
        Run(new[] { source ?? Source }, ModelFiles.Of(service, paginators ?? Paginators));

    /// <summary>
    /// The harness's driver and compilation, with warnings left as warnings: the harness compiles with
    /// warnings as errors, which the driver also applies to generator diagnostics, and DZGEN011 must stay a warning.
    /// </summary>
    private static GeneratorRun Run(IEnumerable<string> sources, IEnumerable<AdditionalText> models, LanguageVersion version = LanguageVersion.Latest)
    {
        var compilation = GeneratorHarness.Compilation(sources, version);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var run = GeneratorHarness.Run(GeneratorHarness.Driver(models, version), compilation);
        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        return run;
    }

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        var matches = run.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(
            matches.Count == 1,
            $"Expected one {id}, found {matches.Count}. All generator diagnostics:\n"
            + string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));
        return matches[0];
    }

    private static void AssertError(Diagnostic diagnostic)
    {
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
    }

    private static void AssertWarning(Diagnostic diagnostic)
    {
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
    }

    private static void AssertNoInternalError(GeneratorRun run) =>
        Assert.True(
            run.GeneratorDiagnostics.All(d => d.Id != "DZGEN999"),
            "An internal error instead of a model diagnostic:\n" + string.Join("\n", run.GeneratorDiagnostics.Select(GeneratorHarness.Describe)));

    /// <summary>The paginator, the client, the operation and every type of the closure were emitted.</summary>
    private static void AssertEverythingGenerated(GeneratorRun run)
    {
        foreach (var hint in new[]
        {
            "Consumer.Paginator.g.cs", "Consumer.DataZoneClient.g.cs", "Consumer.DataZoneClient.ListDataSourceRuns.g.cs",
            "Consumer.ListDataSourceRunsRequest.g.cs", "Consumer.ListDataSourceRunsResponse.g.cs", "Consumer.DataSourceRunSummary.g.cs",
            "Consumer.DataSourceRunLineageSummary.g.cs", "Consumer.DataSourceRunStatus.g.cs",
        })
        {
            Assert.True(run.Sources.ContainsKey(hint), $"{hint} was not generated; generated: {string.Join(", ", run.Sources.Keys)}");
        }
    }

    /// <summary>
    /// Asserts the diagnostic starts at <paramref name="marker"/> in <paramref name="text"/> (its one occurrence, or its
    /// first occurrence after <paramref name="occurrenceAfter"/>): same file, line, column and character offset.
    /// </summary>
    private static void AssertAt(Diagnostic diagnostic, string path, string text, string marker, string? occurrenceAfter = null, string? spanText = null)
    {
        var index = IndexOf(text, marker, occurrenceAfter);
        var (line, column) = LineColumn(text, index);
        var position = diagnostic.Location.GetLineSpan();
        var where = $"{GeneratorHarness.Describe(diagnostic)}; expected {path}({line + 1},{column + 1})";
        Assert.True(position.Path == path, where);
        Assert.True(position.StartLinePosition.Line == line && position.StartLinePosition.Character == column, where);
        Assert.True(diagnostic.Location.SourceSpan.Start == index, where + $"; offset {diagnostic.Location.SourceSpan.Start} instead of {index}");
        if (spanText is not null)
        {
            var span = diagnostic.Location.SourceSpan;
            Assert.Equal(spanText, text.Substring(span.Start, Math.Min(span.Length, text.Length - span.Start)));
        }
    }

    private static (int Line, int Column) LinePosition(string text, string marker) => LineColumn(text, IndexOf(text, marker, null));

    private static int IndexOf(string text, string marker, string? after)
    {
        var from = 0;
        if (after is not null)
        {
            from = text.IndexOf(after, StringComparison.Ordinal);
            Assert.True(from >= 0, $"<{after}> is not in the fixture");
            from += after.Length;
        }

        var index = text.IndexOf(marker, from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"<{marker}> is not in the fixture");
        if (after is null)
        {
            Assert.True(text.IndexOf(marker, index + 1, StringComparison.Ordinal) < 0, $"<{marker}> occurs more than once in the fixture");
        }

        return index;
    }

    private static (int Line, int Column) LineColumn(string text, int index)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart);
    }

    private sealed class UnreadableText : AdditionalText
    {
        public UnreadableText(string path) => Path = path;

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText? GetText(System.Threading.CancellationToken cancellationToken = default) => null;
    }
}
