using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace DataSourceRuns.Output;

/// <summary>Counts the listed runs by status, for the closing summary.</summary>
internal sealed class RunTally
{
    private readonly Dictionary<string, int> _byStatus = new(System.StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Pages { get; private set; }

    public void AddPage(IReadOnlyList<DataSourceRunSummary> runs)
    {
        Pages++;
        foreach (var run in runs)
        {
            Total++;
            _byStatus[run.Status.Value] = _byStatus.GetValueOrDefault(run.Status.Value) + 1;
        }
    }

    /// <summary>The counts in the model's status order, then any status the model does not know, by name.</summary>
    public IEnumerable<KeyValuePair<string, int>> ByStatus()
    {
        var known = DataSourceRunStatus.KnownValues.Select(s => s.Value).ToList();
        return _byStatus
            .OrderBy(pair => known.IndexOf(pair.Key) is var index && index >= 0 ? index : int.MaxValue)
            .ThenBy(pair => pair.Key, System.StringComparer.Ordinal);
    }

    /// <summary>For example <c>120 runs: 74 SUCCESS, 22 FAILED, 16 PARTIALLY_SUCCEEDED, 4 RUNNING, 4 REQUESTED</c>.</summary>
    public string Describe()
    {
        var runs = Total == 1 ? "1 run" : Total.ToString("N0", CultureInfo.InvariantCulture) + " runs";
        if (Total == 0)
        {
            return runs;
        }

        return runs + ": " + string.Join(", ", ByStatus().Select(p => $"{p.Value.ToString("N0", CultureInfo.InvariantCulture)} {p.Key}"));
    }
}
