using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using DataZone.Gen.Emulator.Data;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// The wire bytes of synthesized list items, kept per listing so that each item is synthesized and serialized once,
/// not on every request that pages over it. An item is a pure function of its listing (operation, scope input, data
/// size, seed, and the input strings it may echo) and its index, so its bytes never go stale; the benchmarks page the
/// same 50,000 items many times, and synthesis (pattern sampling, regular expressions, a JSON tree per item) was most
/// of the emulator's time per request. Bounded: the most recently used <see cref="MaxListings"/> listings are kept,
/// and a listing of more than <see cref="MaxItems"/> items is not cached at all.
/// </summary>
internal sealed class SynthesizedItemCache
{
    /// <summary>Listings kept at once; tests that create many scopes cycle through them.</summary>
    public const int MaxListings = 8;

    /// <summary>Past this count the slots alone would take megabytes; such listings are served uncached.</summary>
    public const int MaxItems = 1_000_000;

    private readonly LinkedList<(string Key, byte[]?[] Items)> _listings = new();
    private readonly object _lock = new();

    /// <summary>
    /// The slots of one listing (<paramref name="key"/> names it completely), created empty on first use;
    /// null when the listing is too large to cache.
    /// </summary>
    public byte[]?[]? Listing(string key, int count)
    {
        if (count > MaxItems)
        {
            return null;
        }

        lock (_lock)
        {
            for (var node = _listings.First; node is not null; node = node.Next)
            {
                if (string.Equals(node.Value.Key, key, StringComparison.Ordinal) && node.Value.Items.Length == count)
                {
                    if (node != _listings.First)
                    {
                        _listings.Remove(node);
                        _listings.AddFirst(node);
                    }

                    return node.Value.Items;
                }
            }

            var items = new byte[count][];
            _listings.AddFirst((key, items));
            if (_listings.Count > MaxListings)
            {
                _listings.RemoveLast();
            }

            return items;
        }
    }

    /// <summary>
    /// The bytes of item <paramref name="index"/>, made by <paramref name="write"/> the first time. Two requests racing
    /// for the same item both write it; they write the same bytes, and either copy is kept.
    /// </summary>
    public static byte[] Get<TState>(byte[]?[] slots, int index, TState state, Action<Utf8JsonWriter, TState> write)
    {
        if (Volatile.Read(ref slots[index]) is { } cached)
        {
            return cached;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, RunJson.WriterOptions))
        {
            write(writer, state);
        }

        var bytes = buffer.WrittenSpan.ToArray();
        Volatile.Write(ref slots[index], bytes);
        return bytes;
    }
}
