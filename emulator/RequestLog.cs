using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace DataZone.Gen.Emulator;

/// <summary>A fault the emulator injected into a request.</summary>
public enum EmulatorFault
{
    /// <summary>None: the request was served (or refused) on its merits.</summary>
    None,

    /// <summary>429 ThrottlingException from <see cref="FaultOptions.ThrottleEvery"/>.</summary>
    Throttled,

    /// <summary>500 or 503 from <see cref="FaultOptions.ServerErrorRate"/>.</summary>
    ServerError,

    /// <summary>An empty page carrying a token, from <see cref="FaultOptions.EmptyPageEvery"/>.</summary>
    EmptyPage,

    /// <summary>The connection was aborted, from <see cref="FaultOptions.DropConnectionEvery"/>.</summary>
    DroppedConnection,
}

/// <summary>One request as the emulator saw and answered it.</summary>
/// <param name="Sequence">1-based arrival number (the number fault injection counts).</param>
/// <param name="RequestId">The <c>x-amzn-RequestId</c> sent back.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">The raw request target: path and query exactly as received.</param>
/// <param name="Operation">The operation matched, or null.</param>
/// <param name="StatusCode">The status sent (0 for a dropped connection).</param>
/// <param name="ErrorCode">The error code sent (<c>ValidationException</c>, ...), or null.</param>
/// <param name="ErrorMessage">The error message sent, or null.</param>
/// <param name="Fault">The fault injected, if any.</param>
/// <param name="AccessKeyId">The access key id in the Authorization header, or null.</param>
/// <param name="ItemCount">How many items the page held (0 for errors).</param>
/// <param name="NextToken">The <c>nextToken</c> sent back, or null.</param>
public sealed record RequestLogEntry(
    long Sequence,
    string RequestId,
    string Method,
    string Target,
    string? Operation,
    int StatusCode,
    string? ErrorCode,
    string? ErrorMessage,
    EmulatorFault Fault,
    string? AccessKeyId,
    int ItemCount,
    string? NextToken);

/// <summary>A bounded, thread-safe log of requests, oldest first.</summary>
internal sealed class RequestLog
{
    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();
    private readonly int _capacity;
    private int _count;

    public RequestLog(int capacity) => _capacity = capacity;

    public void Add(RequestLogEntry entry)
    {
        if (_capacity == 0)
        {
            return;
        }

        _entries.Enqueue(entry);
        if (Interlocked.Increment(ref _count) > _capacity && _entries.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        var list = new List<RequestLogEntry>(_entries);
        list.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return list;
    }

    public void Clear()
    {
        while (_entries.TryDequeue(out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
