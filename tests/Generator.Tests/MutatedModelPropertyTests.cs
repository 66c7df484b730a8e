using System;
using System.IO;
using System.Linq;
using CsCheck;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Any = CsCheck.Gen;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Random mutations of the project's own model (truncation, character flips, type swaps, references redirected
/// anywhere, names that differ in case, odd characters, huge numbers): the generator never throws and never reports an
/// internal error, and whenever it reports no error the generated code compiles with zero warnings. Bounded for CI;
/// DZGEN_MUTATION_ITERATIONS raises the count for a longer run (tests/Generator.Tests/run-mutations.sh).
/// </summary>
public sealed class MutatedModelPropertyTests
{
    private static readonly string Service = Read("service-2.json");
    private static readonly string Paginators = Read("paginators-1.json");
    private static readonly string Source = GeneratorHarness.PaginatorSource("ListDataSourceRuns");

    private static readonly string[] ShapeNames = new[]
    {
        "DataSourceRunSummary", "DataSourceRunSummaries", "DataSourceRunStatus", "DataSourceErrorMessage", "MaxResults",
        "PaginationToken", "DataSourceRunLineageSummary", "RunStatisticsForAssets", "String", "Integer", "Timestamp",
        "ListDataSourceRunsInput", "ListDataSourceRunsOutput", "ValidationException",
    };

    private static readonly string[] Types = { "structure", "list", "map", "string", "integer", "long", "boolean", "timestamp", "blob", "double" };

    private static readonly string[] OddTexts = { "\\u2028", "\\n", "\\u2029", "\\\"", "</c>x", "*/", "{{", "\\u0000", "é", "\\ud800" };

    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("DZGEN_MUTATION_ITERATIONS"), out var iterations) ? iterations : 40;

    [Fact]
    public void Mutated_models_never_crash_the_generator_and_compile_cleanly_when_no_error_is_reported()
    {
        Mutations.Sample(
            mutation =>
            {
                var (service, paginators) = mutation.Apply(Service, Paginators);
                var run = GeneratorHarness.Run(new[] { Source }, ModelFiles.Of(service, paginators));

                if (run.Result.Exception is not null || run.GeneratorDiagnostics.Any(d => d.Id == "DZGEN999"))
                {
                    return false;
                }

                var reportedError = run.GeneratorDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
                return reportedError || run.CompileDiagnostics.IsEmpty;
            },
            iter: Iterations,
            threads: 1,
            print: mutation => mutation.ToString());
    }

    private static readonly Gen<Mutation> Mutations = Any.OneOf(
        Any.Int[0, 20_000].Select(at => new Mutation("truncate", at, "")),
        Any.Int[0, 20_000].Select(Any.Char.AlphaNumeric.Select(c => c.ToString()), (at, text) => new Mutation("flip", at, text)),
        Any.Int[0, 60].Select(Any.OneOfConst(Types), (at, type) => new Mutation("type", at, type)),
        Any.Int[0, 60].Select(Any.OneOfConst(ShapeNames), (at, name) => new Mutation("shape", at, name)),
        Any.OneOfConst(ShapeNames).Select(name => new Mutation("case", 0, name)),
        Any.Int[0, 60].Select(Any.OneOfConst(OddTexts), (at, text) => new Mutation("odd", at, text)),
        Any.Int[0, 10].Select(Any.OneOfConst("1e308", "2147483648", "-1", "50.5", "0"), (at, number) => new Mutation("number", at, number)));

    private static string Read(string name) => File.ReadAllText(Path.Combine(RepoPaths.OwnModelFolder, name)).Replace("\r\n", "\n");

    /// <summary>One edit of the model: what, where (an offset or the n-th match, wrapped around) and with what.</summary>
    private sealed record Mutation(string Kind, int At, string Text)
    {
        public (string Service, string Paginators) Apply(string service, string paginators) => Kind switch
        {
            "truncate" => (service.Substring(0, At % service.Length), paginators),
            "flip" => (service.Remove(At % service.Length, 1).Insert(At % service.Length, Text), paginators),
            "type" => (ReplaceNth(service, "\"type\": \"", At, Text), paginators),
            "shape" => (ReplaceNth(service, "\"shape\": \"", At, Text), paginators),
            "case" => (service.Replace("  \"shapes\": {\n", $"  \"shapes\": {{\n    \"{Text.ToUpperInvariant()}\": {{\n      \"type\": \"string\"\n    }},\n"), paginators),
            "odd" => (InsertAfterNth(service, "\"documentation\": \"", At, Text), paginators),
            "number" => (ReplaceNumberNth(service, At, Text), paginators),
            _ => (service, paginators),
        };

        // Replaces the quoted value that follows the n-th occurrence of the prefix.
        private static string ReplaceNth(string text, string prefix, int n, string value)
        {
            var at = NthIndex(text, prefix, n);
            if (at < 0)
            {
                return text;
            }

            var start = at + prefix.Length;
            var end = text.IndexOf('"', start);
            return text.Substring(0, start) + value + text.Substring(end);
        }

        private static string InsertAfterNth(string text, string prefix, int n, string value)
        {
            var at = NthIndex(text, prefix, n);
            return at < 0 ? text : text.Insert(at + prefix.Length, value);
        }

        private static string ReplaceNumberNth(string text, int n, string value)
        {
            foreach (var key in new[] { "\"max\": ", "\"min\": " })
            {
                var at = NthIndex(text, key, n);
                if (at >= 0)
                {
                    var start = at + key.Length;
                    var end = start;
                    while (end < text.Length && (char.IsDigit(text[end]) || text[end] is '.' or '-' or 'e' or '+'))
                    {
                        end++;
                    }

                    return text.Substring(0, start) + value + text.Substring(end);
                }
            }

            return text;
        }

        // The n-th occurrence, counting round again when there are fewer.
        private static int NthIndex(string text, string value, int n)
        {
            var all = Enumerable.Range(0, text.Length).Where(i => string.CompareOrdinal(text, i, value, 0, value.Length) == 0).ToList();
            return all.Count == 0 ? -1 : all[n % all.Count];
        }
    }
}
