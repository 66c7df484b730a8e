using System.IO;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// A shape the client sends gets validation and a writer, a shape it receives gets a reader. In the KitchenSink model
/// ListWidgets sends a Filter and receives Widgets; MirrorWidgets sends Widgets and receives Filters.
/// </summary>
public class DirectionTests
{
    private const string Ns = "Kitchen.Sink";

    private static string FolderOfModel => Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "KitchenSink");

    [Fact]
    public void A_shape_only_sent_gets_validation_and_a_writer_but_no_reader()
    {
        var sources = Generate("ListWidgets").Sources;

        var filter = sources[Ns + ".Filter.Json.g.cs"];
        Assert.Contains("CollectValidationProblems(", filter);
        Assert.Contains("WriteJson(", filter);
        Assert.DoesNotContain("ReadJson(", filter);
    }

    [Fact]
    public void A_shape_only_received_gets_a_reader_but_no_writer_or_validation()
    {
        var sources = Generate("ListWidgets").Sources;

        var widget = sources[Ns + ".Widget.Json.g.cs"];
        Assert.Contains("ReadJson(", widget);
        Assert.DoesNotContain("WriteJson(", widget);
        Assert.DoesNotContain("CollectValidationProblems(", widget);

        var reason = sources[Ns + ".Reason.Json.g.cs"];
        Assert.Contains("ReadJson(", reason);
        Assert.Contains("WriteJson(", reason); // a Filter member too, so also sent
        var list = sources[Ns + ".KitchenSinkJson.WidgetList.g.cs"];
        Assert.Contains("ReadWidgetList(", list);
        Assert.DoesNotContain("WriteWidgetList(", list);
    }

    [Fact]
    public void A_shape_two_classes_use_in_opposite_directions_is_one_file_with_both_sides()
    {
        var sources = Generate("ListWidgets", "MirrorWidgets").Sources;

        foreach (var file in new[] { Ns + ".Filter.Json.g.cs", Ns + ".Widget.Json.g.cs" })
        {
            Assert.Contains("ReadJson(", sources[file]);
            Assert.Contains("WriteJson(", sources[file]);
            Assert.Contains("CollectValidationProblems(", sources[file]);
        }

        Assert.Contains("WriteWidgetList(", sources[Ns + ".KitchenSinkJson.WidgetList.g.cs"]);
        Assert.Contains("ReadWidgetList(", sources[Ns + ".KitchenSinkJson.WidgetList.g.cs"]);
    }

    [Fact]
    public void The_request_of_an_operation_gets_no_reader()
    {
        var request = Generate("ListWidgets").Sources[Ns + ".ListWidgetsRequest.Json.g.cs"];

        Assert.DoesNotContain("ReadJson(", request);
        Assert.Contains("WriteJson(", request);
    }

    [Fact]
    public void A_class_that_receives_what_another_only_sends_adds_the_reader_to_the_shared_file()
    {
        var first = Generate("ListWidgets");
        var mirror = CSharpSyntaxTree.ParseText(
            GeneratorHarness.PaginatorSource("MirrorWidgets", "MirrorWidgetsPaginator", Ns), GeneratorHarness.ParseOptions(), path: "/src/Mirror.cs");

        var second = GeneratorHarness.Run(first.Driver, first.Input.AddSyntaxTrees(mirror));

        Assert.Empty(second.CompileDiagnostics);
        Assert.DoesNotContain("ReadJson(", first.Sources[Ns + ".Filter.Json.g.cs"]);
        Assert.Contains("ReadJson(", second.Sources[Ns + ".Filter.Json.g.cs"]);
        Assert.Equal(first.Sources[Ns + ".Filter.g.cs"], second.Sources[Ns + ".Filter.g.cs"]);
        GeneratorHarness.AssertCachedOnRerun(second);
    }

    private static GeneratorRun Generate(params string[] operations)
    {
        var sources = new string[operations.Length];
        for (var i = 0; i < operations.Length; i++)
        {
            sources[i] = GeneratorHarness.PaginatorSource(operations[i], operations[i] + "Paginator", Ns);
        }

        return GeneratorHarness.RunClean(sources, ModelFiles.FromFolder(FolderOfModel));
    }
}
