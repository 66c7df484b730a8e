using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>One generator run: the driver (to run again), what it produced, and the compiled output.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Input,
    GeneratorRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompileDiagnostics)
{
    public IReadOnlyDictionary<string, string> Sources =>
        Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}

/// <summary>
/// Runs the generator the way the compiler does, with step tracking on, and checks what every run must satisfy:
/// the output compiles without errors or warnings, a second run is fully cached, and the pipeline holds no
/// symbols, syntax or locations.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(DataZonePaginatorAttribute).Assembly.Location))
            .ToImmutableArray());

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new(version);

    public static CSharpCompilation Compilation(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), path: $"/src/File{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // The SDK silences these two by default: unification notes, not problems.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> additionalTexts, LanguageVersion version = LanguageVersion.Latest) =>
        CSharpGeneratorDriver.Create(
            new[] { new DataZoneGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions(version),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(IEnumerable<string> sources, IEnumerable<AdditionalText> models, LanguageVersion version = LanguageVersion.Latest) =>
        Run(Driver(models, version), Compilation(sources, version));

    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        var compileDiagnostics = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        return new GeneratorRun(driver, compilation, result, output, generatorDiagnostics, compileDiagnostics);
    }

    /// <summary>Runs, asserts a clean compile, re-runs to assert caching, and walks the pipeline models.</summary>
    public static GeneratorRun RunClean(IEnumerable<string> sources, IEnumerable<AdditionalText> models)
    {
        var run = Run(sources, models);
        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        AssertNone(run.GeneratorDiagnostics, "generator diagnostics");
        AssertNone(run.CompileDiagnostics, "compiler errors or warnings in the generated code");
        AssertCachedOnRerun(run);
        PipelineModelWalker.AssertValueOnly(run.Result);
        return run;
    }

    /// <summary>Our own tracked steps, by name; Roslyn's internal steps are its business.</summary>
    public static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    /// <summary>A second run over the same inputs must re-run nothing.</summary>
    public static void AssertCachedOnRerun(GeneratorRun run)
    {
        var rerun = Run(run.Driver, (CSharpCompilation)run.Input.Clone());
        foreach (var (name, steps) in rerun.Result.TrackedSteps.Where(s => StepNames.Contains(s.Key)))
        {
            foreach (var step in steps)
            {
                foreach (var (_, reason) in step.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{name}' re-ran ({reason}) on an identical second run.");
                }
            }
        }
    }

    public static void AssertNone(IEnumerable<Diagnostic> diagnostics, string what)
    {
        var list = diagnostics.Select(Describe).ToList();
        Assert.True(list.Count == 0, $"Expected no {what}, found {list.Count}:\n" + string.Join("\n", list.Take(30)));
    }

    public static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}";

    public static string PaginatorSource(string operation, string className = "Paginator", string @namespace = "Consumer") => $$"""
        using DataZone.Gen;

        namespace {{@namespace}};

        [DataZonePaginator("{{operation}}")]
        public partial class {{className}};
        """;
}
