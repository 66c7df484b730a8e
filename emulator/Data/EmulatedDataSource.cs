using System;
using System.Collections;
using System.Collections.Generic;

namespace DataZone.Gen.Emulator.Data;

/// <summary>
/// A data source the emulator knows, with its runs in the order the service lists them:
/// newest first (<c>createdAt</c> descending, ties by <c>id</c> ascending, ordinal).
/// Generated runs are computed from their index on demand, so a million of them cost no memory.
/// </summary>
public sealed class EmulatedDataSource
{
    internal EmulatedDataSource(string domainId, string dataSourceId, RunList runs)
    {
        DomainId = domainId;
        DataSourceId = dataSourceId;
        RunList = runs;
    }

    /// <summary>The domain id, e.g. <c>dzd_demo01</c>.</summary>
    public string DomainId { get; }

    /// <summary>The data source id, e.g. <c>demo-data-source</c>.</summary>
    public string DataSourceId { get; }

    /// <summary>All runs, newest first: exactly the sequence an unfiltered listing returns.</summary>
    public IReadOnlyList<EmulatedRun> Runs => RunList;

    internal RunList RunList { get; }

    /// <summary>The runs an unfiltered listing returns with a status filter, newest first.</summary>
    public IEnumerable<EmulatedRun> RunsWithStatus(string status)
    {
        for (var i = 0; i < RunList.Count; i++)
        {
            if (string.Equals(RunList.StatusAt(i), status, StringComparison.Ordinal))
            {
                yield return RunList[i];
            }
        }
    }
}

/// <summary>An indexable, ordered list of runs that can answer a run's status without building the run.</summary>
internal abstract class RunList : IReadOnlyList<EmulatedRun>
{
    public abstract int Count { get; }

    /// <summary>Identifies the data set: tokens issued for one data set are foreign to any other.</summary>
    public abstract ReadOnlySpan<byte> Fingerprint { get; }

    public abstract EmulatedRun this[int index] { get; }

    public abstract string StatusAt(int index);

    public IEnumerator<EmulatedRun> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Runs held in memory (loaded from a file), sorted into listing order.</summary>
internal sealed class MaterializedRunList : RunList
{
    private readonly EmulatedRun[] _runs;
    private readonly byte[] _fingerprint;

    public MaterializedRunList(IEnumerable<EmulatedRun> runs, byte[] fingerprint)
    {
        _runs = new List<EmulatedRun>(runs).ToArray();
        Array.Sort(_runs, ListingOrder);
        _fingerprint = fingerprint;
    }

    public override int Count => _runs.Length;

    public override ReadOnlySpan<byte> Fingerprint => _fingerprint;

    public override EmulatedRun this[int index] => _runs[index];

    public override string StatusAt(int index) => _runs[index].Status;

    /// <summary>Newest first; ties by id, ordinal ascending.</summary>
    internal static int ListingOrder(EmulatedRun a, EmulatedRun b)
    {
        var byTime = b.CreatedAt.UtcTicks.CompareTo(a.CreatedAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    }
}
