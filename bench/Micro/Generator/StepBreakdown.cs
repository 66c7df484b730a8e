using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DataZone.Gen.Generator;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// A stopwatch breakdown of cold runs by the generator's own tracked steps (the driver's step timings), next to the
/// parse floor: where a cold run's time goes, step by step. Medians of many runs after a warm-up. The machine is shared
/// and noisy, so the floor is not timed in a block of its own: one floor pass follows each cold run, and both see the
/// same machine state.
/// </summary>
public static class StepBreakdown
{
    private static readonly string[] Steps =
    {
        TrackingNames.ParsedModelFiles, TrackingNames.Models, TrackingNames.Targets, TrackingNames.TargetResults,
        TrackingNames.Files, TrackingNames.Diagnostics,
    };

    public static void Run(TextWriter output, int warmup = 5, int runs = 21)
    {
        var model = GeneratorInputs.SharedModel();
        var one = Measure(model, GeneratorInputs.Compilation(new[] { "ListDataSourceRuns" }), warmup, runs);
        var all = Measure(model, GeneratorInputs.Compilation(GeneratorInputs.PaginatedOperations()), warmup, runs);

        output.WriteLine($"Step breakdown of cold runs (ms, median of {runs} runs after {warmup} warm-up runs; the floor is timed interleaved, one pass right after each cold run; every timing starts after a full GC; tracked-step times exclude the driver's own overhead)");
        output.WriteLine();
        output.WriteLine("| step | ListDataSourceRuns | x floor | all 40 operations | x floor |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");

        // Every "x floor" is a median over the median floor of the same column.
        void Row(string label, Func<Breakdown, double> ms, bool bold = false)
        {
            var b = bold ? "**" : "";
            output.WriteLine($"| {b}{label}{b} | {b}{ms(one):0.00}{b} | {b}{ms(one) / one.Floor:0.00}{b} | {b}{ms(all):0.00}{b} | {b}{ms(all) / all.Floor:0.00}{b} |");
        }

        foreach (var step in Steps)
        {
            Row(step, r => r.Steps[step]);
        }

        Row("AddSource (emit: SourceEmitter + Scriban) and the driver's own overhead: the rest of the call", r => r.Total - r.Steps.Values.Sum());
        Row("whole RunGenerators call", r => r.Total, bold: true);
        output.WriteLine($"| whole call / floor of the same iteration, median of the per-pair ratios | | {one.PairedRatio:0.00} | | {all.PairedRatio:0.00} |");
        Row(FormattableString.Invariant(
            $"not in the call: the compiler parsing the generated files later (timed alone): {one.Files} files, {one.Chars:N0} chars; {all.Files} files, {all.Chars:N0} chars"), r => r.Parse);
        Row("of which GC pauses (GC.GetTotalPauseDuration)", r => r.GcPause);
        output.WriteLine($"| collections per run, gen0/gen1/gen2 | {one.Collections} | | {all.Collections} | |");
        Row("floor: JsonDocument.Parse of the model text (interleaved)", r => r.Floor);
        output.WriteLine();
    }

    /// <summary>Medians (ms) over the measured iterations of one compilation.</summary>
    private sealed record Breakdown(
        Dictionary<string, double> Steps, double Total, double Floor, double PairedRatio, double Parse,
        double GcPause, string Collections, int Files, long Chars);

    private static Breakdown Measure(List<InMemoryAdditionalText> model, CSharpCompilation compilation, int warmup, int runs)
    {
        var perStep = Steps.ToDictionary(s => s, _ => new List<double>());
        List<double> totals = new(), floors = new(), ratios = new(), parses = new(), pauses = new();
        var collections = new int[3];
        var texts = new List<string>();
        for (var i = 0; i < warmup + runs; i++)
        {
            // A cold run: a fresh driver over a fresh compilation, as a build without a kept driver has.
            var driver = GeneratorInputs.Driver(model, trackSteps: true);
            var fresh = GeneratorInputs.Fresh(compilation);

            // Each of the three timings starts on a clean heap: back to back, each would otherwise pay the collections
            // brought on by the garbage of the one before (a cold run leaves tens of MB, re-parsing 500 files more).
            GC.Collect();
            var pauseBefore = GC.GetTotalPauseDuration();
            var countsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var total = Time(() => driver = driver.RunGenerators(fresh));
            var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            var counts = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };

            // The floor right away, so a busy neighbour or a clock change weighs on both the same way.
            GC.Collect();
            var floor = Time(() =>
            {
                foreach (var file in model)
                {
                    using var document = JsonDocument.Parse(file.Text);
                }
            });

            // The driver wraps each generated source in a lazily parsed syntax tree; the compiler parses it later, when it
            // binds the compilation. That is a cost of the build the generator causes but not part of the call: size it
            // alone (the texts are taken outside the timing).
            var result = driver.GetRunResult();
            texts = result.GeneratedTrees.Select(t => t.GetText().ToString()).ToList();
            GC.Collect();
            var parse = Time(() =>
            {
                foreach (var text in texts)
                {
                    _ = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), GeneratorInputs.ParseOptions).GetRoot();
                }
            });

            if (i < warmup)
            {
                continue; // JIT and first-use costs, of all three timings
            }

            totals.Add(total);
            floors.Add(floor);
            ratios.Add(total / floor);
            parses.Add(parse);
            pauses.Add(pause);
            for (var generation = 0; generation < 3; generation++)
            {
                collections[generation] += counts[generation] - countsBefore[generation];
            }

            var steps = result.Results.Single().TrackedSteps;
            foreach (var step in Steps)
            {
                perStep[step].Add(steps.TryGetValue(step, out var s) ? s.Sum(x => x.ElapsedTime.TotalMilliseconds) : 0);
            }
        }

        return new Breakdown(
            perStep.ToDictionary(p => p.Key, p => Median(p.Value)), Median(totals), Median(floors), Median(ratios),
            Median(parses), Median(pauses),
            string.Join("/", collections.Select(c => ((double)c / runs).ToString("0.0", CultureInfo.InvariantCulture))),
            texts.Count, texts.Sum(t => (long)t.Length));
    }

    private static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
