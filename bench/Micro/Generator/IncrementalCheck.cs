using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataZone.Gen.Generator;
using Microsoft.CodeAnalysis;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// Shows, with the driver's step tracking, what each re-run of <see cref="GeneratorBenchmarks"/> re-does: for every
/// tracked step of the generator, the reasons of its outputs (Cached and Unchanged mean no work was redone).
/// </summary>
public static class IncrementalCheck
{
    private static readonly string[] Steps =
    {
        TrackingNames.ModelFiles, TrackingNames.ParsedModelFiles, TrackingNames.Models, TrackingNames.Targets,
        TrackingNames.TargetResults, TrackingNames.Files, TrackingNames.Diagnostics,
    };

    // Steps that touch the model: an unrelated .cs edit must leave every one of them Cached or Unchanged.
    private static readonly string[] ModelSteps =
    {
        TrackingNames.ModelFiles, TrackingNames.ParsedModelFiles, TrackingNames.Models, TrackingNames.TargetResults, TrackingNames.Files,
    };

    public static bool Run(TextWriter output)
    {
        var model = GeneratorInputs.SharedModel();
        var service = model.Single(f => f.Path.EndsWith("service-2.json", StringComparison.Ordinal));
        var compilation = GeneratorInputs.Compilation(new[] { "ListDataSourceRuns" });

        var first = GeneratorInputs.Driver(model, trackSteps: true).RunGenerators(compilation);
        var firstResult = first.GetRunResult().Results.Single();
        if (firstResult.Exception is not null || firstResult.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            output.WriteLine("The first run failed: " + (firstResult.Exception?.ToString() ?? string.Join("\n", firstResult.Diagnostics)));
            return false;
        }

        output.WriteLine($"Incremental check (full model, ListDataSourceRuns; {firstResult.GeneratedSources.Length} files generated on the first run)");
        Print(output, "first run (cold)", firstResult);

        var csEdit = first.RunGenerators(compilation.AddSyntaxTrees(GeneratorInputs.UnrelatedFile())).GetRunResult().Results.Single();
        Print(output, "re-run after an unrelated .cs edit", csEdit);

        var edited = new InMemoryAdditionalText(service.Path, GeneratorInputs.EditUnrelatedOperation(service.Text, out var operation));
        var modelEditDriver = first.ReplaceAdditionalText(service, edited).RunGenerators(compilation);
        var modelEdit = modelEditDriver.GetRunResult().Results.Single();
        Print(output, $"re-run after editing the documentation of {operation} in service-2.json", modelEdit);
        var changedFiles = modelEdit.GeneratedSources
            .Where(s => firstResult.GeneratedSources.Single(f => f.HintName == s.HintName).SourceText.ToString() != s.SourceText.ToString())
            .Select(s => s.HintName)
            .ToList();
        output.WriteLine($"  generated files whose text changed: {(changedFiles.Count == 0 ? "none" : string.Join(", ", changedFiles))}");

        var redone = ModelSteps
            .SelectMany(step => Reasons(csEdit, step).Where(r => r is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(r => $"{step}: {r}"))
            .ToList();
        output.WriteLine(redone.Count == 0
            ? "=> an unrelated .cs edit does no model work: every model step is Cached or Unchanged."
            : "=> an unrelated .cs edit re-ran model work: " + string.Join(", ", redone));
        output.WriteLine();
        return redone.Count == 0;
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps) ? steps.SelectMany(s => s.Outputs).Select(o => o.Reason) : Enumerable.Empty<IncrementalStepRunReason>();

    private static void Print(TextWriter output, string title, GeneratorRunResult result)
    {
        output.WriteLine("  " + title + ":");
        foreach (var step in Steps)
        {
            var reasons = Reasons(result, step).GroupBy(r => r).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}");
            var elapsed = result.TrackedSteps.TryGetValue(step, out var steps) ? steps.Sum(s => s.ElapsedTime.TotalMilliseconds) : 0;
            output.WriteLine($"    {step,-17} {string.Join(", ", reasons),-40} {elapsed,8:0.00} ms");
        }
    }
}
