using System;
using System.IO;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>The README's usage snippet stays true: pasted into a new console app's Program.cs, it compiles.</summary>
public class ReadmeTests
{
    // What `dotnet new console` turns on (ImplicitUsings) for a Microsoft.NET.Sdk project.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    [Fact]
    public void The_README_usage_snippet_compiles_as_a_console_apps_Program_cs()
    {
        var snippet = UsageSnippet();
        var compilation = GeneratorHarness.Compilation(new[] { snippet, ImplicitUsings });
        compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));

        var run = GeneratorHarness.Run(GeneratorHarness.Driver(ModelFiles.Own()), compilation);

        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        GeneratorHarness.AssertNone(run.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(run.CompileDiagnostics, "compiler errors or warnings in the README's snippet");
        Assert.Contains("global.DataSourceRunsPaginator.g.cs", run.Sources.Keys);
    }

    /// <summary>The first C# block of the README's "Using it" section.</summary>
    private static string UsageSnippet()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n");
        var section = readme.IndexOf("\n## Using it", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no '## Using it' section");
        const string Fence = "```csharp\n";
        var start = readme.IndexOf(Fence, section, StringComparison.Ordinal) + Fence.Length;
        var end = readme.IndexOf("\n```", start, StringComparison.Ordinal);
        Assert.True(start >= Fence.Length && end > start, "the 'Using it' section has no C# block");
        return readme.Substring(start, end - start);
    }
}
