using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// Golden-file snapshots: each generated file is compared with Snapshots/&lt;Class&gt;.&lt;Test&gt;.&lt;File&gt;.verified.cs.
/// A mismatch writes a .received.cs beside it and fails with the first differing lines; accept a change by
/// copying the received file over the verified one.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string prefix, IReadOnlyDictionary<string, string> sources)
    {
        var problems = new List<string>();
        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hintName, text) in sources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var name = $"{prefix}.{hintName.Replace(".g.cs", string.Empty)}";
            expectedNames.Add(name + ".verified.cs");
            var verified = Path.Combine(RepoPaths.SnapshotFolder, name + ".verified.cs");
            var received = Path.Combine(RepoPaths.SnapshotFolder, name + ".received.cs");
            var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
            if (expected == text)
            {
                File.Delete(received);
                continue;
            }

            Directory.CreateDirectory(RepoPaths.SnapshotFolder);
            File.WriteAllText(received, text, new UTF8Encoding(false));
            problems.Add(expected is null ? $"{name}: no verified snapshot yet; review {received}" : $"{name}: {FirstDifference(expected, text)}");
        }

        var stale = Directory.Exists(RepoPaths.SnapshotFolder)
            ? Directory.GetFiles(RepoPaths.SnapshotFolder, prefix + ".*.verified.cs").Select(Path.GetFileName).Where(f => !expectedNames.Contains(f!)).ToList()
            : new List<string?>();
        problems.AddRange(stale.Select(f => $"{f}: verified snapshot for a file that is no longer generated"));
        Assert.True(problems.Count == 0, "Snapshot mismatch:\n" + string.Join("\n", problems));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "<end of file>";
            var r = i < right.Length ? right[i] : "<end of file>";
            if (l != r)
            {
                return $"line {i + 1}\n  verified: {l}\n  received: {r}";
            }
        }

        return "line endings differ";
    }
}
