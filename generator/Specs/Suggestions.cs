using System;
using System.Collections.Generic;
using System.Linq;

namespace DataZone.Gen.Generator.Specs;

/// <summary>"Did you mean" for a misspelt operation name: the closest names by edit distance.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string wanted, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, wanted.Length / 3);
        var nearest = candidates
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Name: c, Distance: Distance(wanted.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => "'" + c.Name + "'")
            .ToList();
        return nearest.Count == 0 ? string.Empty : "; did you mean " + string.Join(" or ", nearest) + "?";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
