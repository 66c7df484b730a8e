using System;
using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DataZone.Gen.Generator.Tests.Breadth;

/// <summary>What annotating every paginator of one service gave: the generator's diagnostics and the compiler's.</summary>
internal sealed record BreadthReport(
    BotocoreService Service,
    int PaginatorsGenerated,
    IReadOnlyList<string> GeneratorDiagnostics,
    IReadOnlyList<string> CompileDiagnostics,
    string? Crash)
{
    public bool Clean => Crash is null && GeneratorDiagnostics.Count == 0 && CompileDiagnostics.Count == 0;

    /// <summary>The generator gives this service's protocol types only, no client (DZGEN011 names the protocol).</summary>
    public bool TypesOnly => GeneratorDiagnostics.Any(d => d.StartsWith("DZGEN011 ", StringComparison.Ordinal) && d.Contains(": The protocol '", StringComparison.Ordinal));

    /// <summary>Runs the generator over the service with every paginator annotated and compiles the result.</summary>
    public static BreadthReport Of(BotocoreService service)
    {
        GeneratorRun run;
        try
        {
            // run-breadth.sh --all-operations asks for every operation too, not only the paginated ones.
            var everyOperation = Environment.GetEnvironmentVariable("DZGEN_BREADTH_OPERATIONS") == "all";
            run = GeneratorHarness.Run(new[] { service.ConsumerSource(everyOperation) }, service.ModelFiles());
        }
        catch (Exception exception)
        {
            return new BreadthReport(service, 0, Array.Empty<string>(), Array.Empty<string>(), exception.GetType().Name + ": " + exception.Message);
        }

        // run-breadth.sh DIR REPORT SOURCES keeps the generated files of every service that is not clean, to read the errors in place.
        if (Environment.GetEnvironmentVariable("DZGEN_BREADTH_SOURCES") is { Length: > 0 } sourcesFolder
            && (!run.GeneratorDiagnostics.IsEmpty || !run.CompileDiagnostics.IsEmpty))
        {
            var folder = System.IO.Path.Combine(sourcesFolder, service.Name);
            System.IO.Directory.CreateDirectory(folder);
            foreach (var (hintName, text) in run.Sources)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(folder, hintName), text);
            }
        }

        var generated = service.PaginatedOperations.Count(o => run.Sources.ContainsKey($"Consumer.Breadth.AllPaginators.{o}.g.cs"));
        return new BreadthReport(
            service,
            generated,
            run.GeneratorDiagnostics.Select(Describe).ToList(),
            run.CompileDiagnostics.Select(Describe).ToList(),
            run.Result.Exception?.ToString());
    }

    /// <summary>One line for the service, then each distinct problem once with how often it occurred.</summary>
    public string Summary(int maxProblems = 20)
    {
        var verdict = Clean ? "ok  " : TypesOnly && CompileDiagnostics.Count == 0 && Crash is null ? "types" : "FAIL";
        var head = $"{verdict} {Service.Name} ({Service.Protocol}): {PaginatorsGenerated}/{Service.PaginatedOperations.Count} paginators, "
            + $"{GeneratorDiagnostics.Count} generator diagnostics, {CompileDiagnostics.Count} compiler diagnostics";
        var problems = (Crash is null ? Array.Empty<string>() : new[] { "crash: " + Crash })
            .Concat(GeneratorDiagnostics.Concat(CompileDiagnostics)
                .GroupBy(WithoutPlace)
                .Select(g => g.Count() > 1 ? $"{g.First()} (and {g.Count() - 1} more like it)" : g.Key))
            .Take(maxProblems)
            .Select(p => "    " + p);
        return string.Join("\n", problems.Prepend(head));
    }

    // "DZGEN011 File0.cs(7): message" groups as "DZGEN011: message".
    private static string WithoutPlace(string described) =>
        described.Substring(0, described.IndexOf(' ', StringComparison.Ordinal)) + described.Substring(described.IndexOf(": ", StringComparison.Ordinal));

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.IsValid ? $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1})" : "";
        return $"{diagnostic.Id} {where}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
