using System;
using System.IO;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Hint names become file names, compared without case by Roslyn (CS8785) and by Windows and macOS file systems:
/// shapes, lists and operations whose names differ only in case keep their C# names but get distinct files.
/// </summary>
public class HintNameTests
{
    private const string Ns = "Cases.Test";

    private static readonly Lazy<GeneratorRun> Generated = new(() => GeneratorHarness.RunClean(
        new[] { GeneratorHarness.PaginatorSource("ListWidgets", "QuietPaginator", Ns), GeneratorHarness.PaginatorSource("LISTWIDGETS", "LoudPaginator", Ns) },
        ModelFiles.FromFolder(Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "CaseCollisions"))));

    [Fact]
    public void Names_that_differ_only_in_case_compile_into_distinct_files()
    {
        var hints = Generated.Value.Result.GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void C_sharp_names_keep_their_case_and_the_later_file_in_ordinal_order_is_suffixed()
    {
        var sources = Generated.Value.Sources;

        // Ordinal order puts upper case first: "WIDGET" keeps its file, "Widget" takes the suffix.
        Assert.Contains("public readonly partial struct WIDGET", sources[$"{Ns}.WIDGET.g.cs"]);
        Assert.Contains("public sealed partial record Widget", sources[$"{Ns}.Widget2.g.cs"]);
        Assert.Contains($"{Ns}.Widget2.Json.g.cs", sources.Keys);
        Assert.Contains($"{Ns}.COLOR.g.cs", sources.Keys);
        Assert.Contains($"{Ns}.Color2.g.cs", sources.Keys);
        // The client claims its file before any shape.
        Assert.Contains("partial class CasesClient", sources[$"{Ns}.CasesClient.g.cs"]);
        Assert.Contains("public sealed partial record CASESCLIENT", sources[$"{Ns}.CASESCLIENT2.g.cs"]);
        Assert.Contains($"{Ns}.CasesClient.LISTWIDGETS.g.cs", sources.Keys);
        Assert.Contains($"{Ns}.CasesClient.ListWidgets2.g.cs", sources.Keys);
        Assert.Contains($"{Ns}.CasesJson.WIDGETS.g.cs", sources.Keys);
        Assert.Contains($"{Ns}.CasesJson.Widgets2.g.cs", sources.Keys);
    }
}
