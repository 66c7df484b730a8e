using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using DataZone.Gen.Bench.Generator;

namespace DataZone.Gen.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Micro -- --filter '*'</c> runs every benchmark (BenchmarkDotNet's usual
/// arguments apply). <c>-- --verify</c> only prints the incremental check below; <c>-- --steps</c> adds a stopwatch
/// breakdown of cold generator runs by pipeline step, with <c>--warmup N</c> cold runs discarded first (default 5) and
/// <c>--runs N</c> measured (default 21). Either way the check runs first: it fails the run if an unrelated .cs edit makes
/// the generator do any model work. Bad <c>--steps</c> options exit with code 2. <c>-- --parse</c> (same
/// <c>--warmup</c>/<c>--runs</c>) only times the model parse against its floor, without the check: the quick A/B of a
/// parser change.
/// </summary>
public static class Program
{
    private const string StepsUsage = "usage: -- --steps|--parse [--warmup N] [--runs N]";

    public static int Main(string[] args)
    {
        // Bad options fail at once, not after the check.
        var steps = args.Contains("--steps");
        var parse = args.Contains("--parse");
        var warmup = 5;
        var runs = 21;
        if ((steps || parse || args.Contains("--warmup") || args.Contains("--runs")) && !TryParseSteps(args, ref warmup, ref runs, out var error))
        {
            Console.Error.WriteLine($"{error} ({StepsUsage})");
            return 2;
        }

        if (parse)
        {
            ParseTiming.Run(Console.Out, warmup, runs);
            return 0;
        }

        if (!IncrementalCheck.Run(Console.Out))
        {
            Console.Error.WriteLine("The incremental check failed: see above.");
            return 1;
        }

        var page = Page.RunsPage.Build();
        var timestamps = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.UTF8.GetString(page), "\"(created|updated|started|stopped)At\":").Count;
        Console.WriteLine($"Page read by ReadPageBenchmarks: {Page.RunsPage.ItemCount} runs, {page.Length:N0} bytes of JSON, {timestamps} timestamps.");
        Console.WriteLine();

        if (args.Contains("--verify"))
        {
            return 0;
        }

        if (steps)
        {
            StepBreakdown.Run(Console.Out, warmup, runs);
            return 0;
        }

        // Reports go beside this project (git-ignored), not into whatever folder the command was started from.
        if (!args.Contains("--artifacts"))
        {
            args = args.Concat(new[] { "--artifacts", Path.Combine(GeneratorInputs.RepoRoot, "bench", "Micro", "BenchmarkDotNet.Artifacts") }).ToArray();
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    /// <summary>
    /// The <c>--steps</c> arguments; nothing else goes with them (they are not BenchmarkDotNet's, which would reject them
    /// less clearly). <c>--verify</c> still wins over <c>--steps</c>, as before.
    /// </summary>
    private static bool TryParseSteps(string[] args, ref int warmup, ref int runs, out string error)
    {
        error = "";
        if (!args.Contains("--steps") && !args.Contains("--parse"))
        {
            error = "--warmup and --runs go with --steps or --parse only.";
            return false;
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--steps" or "--parse" or "--verify")
            {
                continue;
            }

            if (args[i] is not ("--warmup" or "--runs"))
            {
                error = $"Unknown argument '{args[i]}' with --steps or --parse.";
                return false;
            }

            // A run count of 0 would leave nothing to take a median of; a warm-up of 0 is allowed.
            var least = args[i] == "--runs" ? 1 : 0;
            if (i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < least)
            {
                error = $"{args[i]} takes a whole number of at least {least}, not {(i + 1 < args.Length ? $"'{args[i + 1]}'" : "nothing")}.";
                return false;
            }

            if (args[i] == "--runs")
            {
                runs = value;
            }
            else
            {
                warmup = value;
            }

            i++;
        }

        return true;
    }
}
