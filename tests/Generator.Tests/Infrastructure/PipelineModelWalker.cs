using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks every value the pipeline's tracked steps produced and fails on anything that pins a compilation
/// in memory or defeats caching: symbols, syntax, locations, compilations, source or additional texts.
/// </summary>
internal static class PipelineModelWalker
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation),
        typeof(SemanticModel), typeof(AdditionalText), typeof(SourceText), typeof(System.Text.Json.JsonDocument),
    };

    public static void AssertValueOnly(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedSteps.Where(s => GeneratorHarness.StepNames.Contains(s.Key)))
        {
            if (name == TrackingNames.ModelFiles)
            {
                continue; // The raw AdditionalTexts, before the first Select parses them.
            }

            foreach (var step in steps)
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Walk(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void Walk(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.Name}, which must not travel through the pipeline.");
        Assert.False(type.Namespace?.StartsWith("DataZone.Gen.Generator.Json", StringComparison.Ordinal) == true && type.Name.StartsWith("Positioned", StringComparison.Ordinal),
            $"{path} holds the JSON tree ({type.Name}); only parsed records may travel.");
        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
