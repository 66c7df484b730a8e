using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using DataZone.Gen.Generator;
using Microsoft.CodeAnalysis.CSharp;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// A stopwatch breakdown of cold runs by the generator's own tracked steps (the driver's step timings), next to the
/// parse floor timed the same way: where a cold run's time goes, step by step. Medians of many runs after a warm-up.
/// </summary>
public static class StepBreakdown
{
    private static readonly string[] Steps =
    {
        TrackingNames.ParsedModelFiles, TrackingNames.Models, TrackingNames.Targets, TrackingNames.TargetResults,
        TrackingNames.Files, TrackingNames.Diagnostics,
    };

    public static void Run(TextWriter output, int runs = 21)
    {
        var model = GeneratorInputs.SharedModel();
        var one = GeneratorInputs.Compilation(new[] { "ListDataSourceRuns" });
        var all = GeneratorInputs.Compilation(GeneratorInputs.PaginatedOperations());

        var floor = Median(Time(runs, () =>
        {
            foreach (var file in model)
            {
                using var document = JsonDocument.Parse(file.Text);
            }
        }));

        output.WriteLine($"Step breakdown of cold runs (median of {runs} after warm-up, ms; tracked-step times exclude the driver's own overhead)");
        output.WriteLine();
        output.WriteLine("| step | ListDataSourceRuns | x floor | all 40 operations | x floor |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        var oneSteps = Measure(model, one, runs, out var oneTotal, out var oneGc);
        var allSteps = Measure(model, all, runs, out var allTotal, out var allGc);
        foreach (var step in Steps)
        {
            output.WriteLine($"| {step} | {oneSteps[step]:0.00} | {oneSteps[step] / floor:0.00} | {allSteps[step]:0.00} | {allSteps[step] / floor:0.00} |");
        }

        output.WriteLine($"| AddSource (emit: SourceEmitter + Scriban; the rest of the run) | {oneTotal - oneSteps.Values.Sum():0.00} | {(oneTotal - oneSteps.Values.Sum()) / floor:0.00} | {allTotal - allSteps.Values.Sum():0.00} | {(allTotal - allSteps.Values.Sum()) / floor:0.00} |");
        output.WriteLine($"| **whole RunGenerators call** | **{oneTotal:0.00}** | **{oneTotal / floor:0.00}** | **{allTotal:0.00}** | **{allTotal / floor:0.00}** |");
        output.WriteLine($"| of which GC pauses (GC.GetTotalPauseDuration) | {oneGc.Pause:0.00} | {oneGc.Pause / floor:0.00} | {allGc.Pause:0.00} | {allGc.Pause / floor:0.00} |");
        output.WriteLine($"| collections per run, gen0/gen1/gen2 | {oneGc.Collections} | | {allGc.Collections} | |");
        output.WriteLine($"| floor: JsonDocument.Parse of the model text | {floor:0.00} | 1.00 | {floor:0.00} | 1.00 |");
        output.WriteLine();
    }

    private static Dictionary<string, double> Measure(
        List<InMemoryAdditionalText> model, CSharpCompilation compilation, int runs, out double total, out (double Pause, string Collections) gc)
    {
        var perStep = Steps.ToDictionary(s => s, _ => new List<double>());
        var totals = new List<double>();
        var pauses = new List<double>();
        var collections = new int[3];
        for (var i = 0; i < runs + 5; i++)
        {
            var driver = GeneratorInputs.Driver(model, trackSteps: true);
            var fresh = GeneratorInputs.Fresh(compilation);
            var pauseBefore = GC.GetTotalPauseDuration();
            var countsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var stopwatch = Stopwatch.StartNew();
            driver = driver.RunGenerators(fresh);
            stopwatch.Stop();
            if (i < 5)
            {
                continue; // warm-up: JIT and first-use costs
            }

            totals.Add(stopwatch.Elapsed.TotalMilliseconds);
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            for (var generation = 0; generation < 3; generation++)
            {
                collections[generation] += GC.CollectionCount(generation) - countsBefore[generation];
            }
            var result = driver.GetRunResult().Results.Single();
            foreach (var step in Steps)
            {
                perStep[step].Add(result.TrackedSteps.TryGetValue(step, out var s) ? s.Sum(x => x.ElapsedTime.TotalMilliseconds) : 0);
            }
        }

        total = Median(totals);
        gc = (Median(pauses), string.Join("/", collections.Select(c => ((double)c / runs).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))));
        return perStep.ToDictionary(p => p.Key, p => Median(p.Value));
    }

    private static List<double> Time(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs + 5; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            stopwatch.Stop();
            if (i >= 5)
            {
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
