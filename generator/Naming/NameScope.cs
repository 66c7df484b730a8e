using System;
using System.Collections.Generic;

namespace DataZone.Gen.Generator.Naming;

/// <summary>
/// One room of names: the first claimant of a name keeps it, later ones get a numeric suffix.
/// Callers claim in ordinal order, so the same model always yields the same names.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string>? reserved = null, StringComparer? comparer = null) =>
        _taken = new HashSet<string>(reserved ?? Array.Empty<string>(), comparer ?? StringComparer.Ordinal);

    public bool IsTaken(string name) => _taken.Contains(name);

    public string Claim(string wanted)
    {
        var name = wanted;
        for (var suffix = 2; !_taken.Add(name); suffix++)
        {
            name = wanted + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
