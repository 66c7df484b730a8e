using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen.Bench.Shared;

/// <summary>
/// What every .NET listing program of bench/run.sh measures, written once so DataZone.Gen and the AWS SDK for .NET pay
/// the same for it: the count and the SHA-256 of the item ids joined by <c>\n</c> (the check that every client listed
/// the same sequence), the listing time from the first request to the last item, and the process's own counters
/// around it (allocations, collections, GC pauses, JIT). <see cref="Finish"/> gives the one JSON line run.sh reads.
/// </summary>
internal sealed class ListingMeter : IDisposable
{
    private readonly string _client;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly long _allocatedBefore;
    private readonly int _gen0, _gen1, _gen2;
    private readonly TimeSpan _pauseBefore, _jitBefore;
    private readonly long _jitMethodsBefore;
    private readonly Stopwatch _stopwatch;
    private byte[] _idBuffer = new byte[256];
    private long _items;

    private ListingMeter(string client)
    {
        _client = client;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        (_gen0, _gen1, _gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        _pauseBefore = GC.GetTotalPauseDuration();
        _jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        _jitMethodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        _stopwatch = Stopwatch.StartNew();
    }

    /// <summary>Starts the clock; call it right before the first request.</summary>
    public static ListingMeter Start(string client) => new(client);

    /// <summary>Counts one listed item and adds its id to the hash.</summary>
    public void Add(string id)
    {
        if (_items > 0)
        {
            _hash.AppendData("\n"u8);
        }

        var max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (max > _idBuffer.Length)
        {
            _idBuffer = new byte[max];
        }

        var length = Encoding.UTF8.GetBytes(id, _idBuffer);
        _hash.AppendData(_idBuffer, 0, length);
        _items++;
    }

    /// <summary>Stops the clock and returns the result line (no line break).</summary>
    public string Finish(int pages = -1)
    {
        _stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore;
        var gcInfo = GC.GetGCMemoryInfo();
        long peakWorkingSet;
        using (var process = Process.GetCurrentProcess())
        {
            process.Refresh();
            peakWorkingSet = process.PeakWorkingSet64;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("client", _client);
            writer.WriteNumber("items", _items);
            if (pages >= 0)
            {
                writer.WriteNumber("pages", pages);
            }

            writer.WriteString("sha256", Convert.ToHexStringLower(_hash.GetHashAndReset()));
            writer.WriteNumber("elapsedMs", Math.Round(_stopwatch.Elapsed.TotalMilliseconds, 3));
            writer.WriteNumber("peakWorkingSetBytes", peakWorkingSet);
            writer.WriteNumber("allocatedBytes", allocated);
            writer.WriteNumber("allocatedBytesPerItem", _items == 0 ? 0 : Math.Round((double)allocated / _items, 1));
            writer.WriteNumber("gen0", GC.CollectionCount(0) - _gen0);
            writer.WriteNumber("gen1", GC.CollectionCount(1) - _gen1);
            writer.WriteNumber("gen2", GC.CollectionCount(2) - _gen2);
            writer.WriteNumber("gcPauseMs", Math.Round((GC.GetTotalPauseDuration() - _pauseBefore).TotalMilliseconds, 3));
            writer.WriteNumber("jitMs", Math.Round((System.Runtime.JitInfo.GetCompilationTime() - _jitBefore).TotalMilliseconds, 3));
            writer.WriteNumber("jitMethods", System.Runtime.JitInfo.GetCompiledMethodCount() - _jitMethodsBefore);
            writer.WriteNumber("gcHeapSizeBytes", gcInfo.HeapSizeBytes);
            writer.WriteNumber("gcCommittedBytes", gcInfo.TotalCommittedBytes);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public void Dispose() => _hash.Dispose();
}
