using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using DataZone.Gen.Bench.Generator;

namespace DataZone.Gen.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Micro -- --filter '*'</c> runs every benchmark (BenchmarkDotNet's usual
/// arguments apply). <c>-- --verify</c> only prints the incremental check below; <c>-- --steps</c> adds a stopwatch
/// breakdown of cold generator runs by pipeline step. Either way the check runs first: it fails the run if an unrelated
/// .cs edit makes the generator do any model work.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
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

        if (args.Contains("--steps"))
        {
            StepBreakdown.Run(Console.Out);
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
}
