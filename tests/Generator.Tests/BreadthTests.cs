using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>Every paginated operation of the full botocore DataZone model, in one compilation.</summary>
public class BreadthTests
{
    [Fact]
    public void All_paginated_operations_of_the_full_model_compile_without_errors_or_warnings()
    {
        using var paginators = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedModelFolder, "paginators-1.json")));
        var operations = paginators.RootElement.GetProperty("pagination").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(40, operations.Count);

        var sources = operations.Select(o => GeneratorHarness.PaginatorSource(o, o + "Paginator", "Consumer.DataZone"));
        var run = GeneratorHarness.RunClean(sources, ModelFiles.Shared());

        foreach (var operation in operations)
        {
            Assert.Contains($"Consumer.DataZone.{operation}Paginator.g.cs", run.Sources.Keys);
        }

        // The doc converter once ate the space after inline code ("<c>NextToken</c>value") in 452 places.
        var glued = run.Sources
            .SelectMany(s => Regex.Matches(s.Value, @"</c>\p{L}").Select(m => s.Key + ": " + LineAt(s.Value, m.Index)))
            .ToList();
        Assert.True(glued.Count == 0, "inline code glued to the next word:\n" + string.Join("\n", glued.Take(10)));

        // Long signatures, generic argument lists, argument lists, paths and docs are wrapped one item per line.
        var longLines = run.Sources
            .SelectMany(s => s.Value.Split('\n').Where(l => l.Length > MaxLineLength && !HoldsOneLongType(l) && !HoldsOneLongJsonString(l)).Select(l => s.Key + ": " + l))
            .ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} generated lines longer than {MaxLineLength} characters:\n" + string.Join("\n", longLines.Take(100)));
    }

    private const int MaxLineLength = 140;

    // A nested generic type (a map of maps) is one qualified name of some 130 characters; it may run over on its own line.
    // The embedded endpoint rule set keeps each string whole, so a long documentation text is one long line.
    private static bool HoldsOneLongJsonString(string line) =>
        Regex.IsMatch(line, @"^\s*(""\w+"": )?""([^""\\]|\\.){100,}"",?$");

    private static bool HoldsOneLongType(string line) =>
        Regex.Matches(line, @"global::[\w.]+<[^()]*>").Any(m => m.Length > 100);

    private static string LineAt(string text, int index)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        return text.Substring(start, (end < 0 ? text.Length : end) - start).Trim();
    }
}
