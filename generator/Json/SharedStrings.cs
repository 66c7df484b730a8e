using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DataZone.Gen.Generator.Common;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// One string per distinct short value of a file (property names, shape references, types: botocore repeats
/// a few thousand of them some 35,000 times), found by their UTF-8 bytes so a repeat costs a hash and a compare
/// instead of a new string. An open-addressing table whose arrays, and the copy of each value's bytes it
/// compares against, are pooled and given back by <see cref="Release"/>.
/// </summary>
internal sealed class SharedStrings
{
    private const int MaxLength = 64;
    private const int LengthBits = 7;

    private string?[] _strings;
    private int[] _hashes;
    private int[] _slots; // offset into _bytes << LengthBits | byte length
    private byte[] _bytes;
    private int _bytesUsed;
    private int _size;
    private int _count;

    public SharedStrings(int byteCount)
    {
        _size = 64;
        while (_size < (1 << 16) && _size < byteCount / 64)
        {
            _size *= 2;
        }

        (_strings, _hashes, _slots) = Rent(_size);
        _bytes = ArrayPool<byte>.Shared.Rent(_size * 16);
    }

    public void Release()
    {
        ArrayPool<string?>.Shared.Return(_strings, clearArray: true);
        ArrayPool<int>.Shared.Return(_hashes);
        ArrayPool<int>.Shared.Return(_slots);
        ArrayPool<byte>.Shared.Return(_bytes);
        (_strings, _hashes, _slots, _bytes) = (Array.Empty<string?>(), Array.Empty<int>(), Array.Empty<int>(), Array.Empty<byte>());
        _size = 0;
    }

    /// <summary>The shared string for a short unescaped value (its UTF-8 bytes); null when too long, to be decoded by the caller.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public string? TryGet(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength || _size == 0)
        {
            return null;
        }

        var hash = Hash(utf8);
        var mask = _size - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var candidate = _strings[i];
            if (candidate is null)
            {
                return Add(i, hash, utf8);
            }

            if (_hashes[i] == hash && (_slots[i] & ((1 << LengthBits) - 1)) == utf8.Length
                && utf8.SequenceEqual(new ReadOnlySpan<byte>(_bytes, _slots[i] >> LengthBits, utf8.Length)))
            {
                return candidate;
            }
        }
    }

    // Length and the first and last eight bytes: names that share a prefix (ListFoo, ListBar) differ at the end.
    [MethodImpl(JitHints.AggressiveOptimization)]
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong first, last;
        if (utf8.Length >= 8)
        {
            first = MemoryMarshal.Read<ulong>(utf8);
            last = MemoryMarshal.Read<ulong>(utf8.Slice(utf8.Length - 8));
        }
        else
        {
            first = 0;
            foreach (var b in utf8)
            {
                first = (first << 8) | b;
            }

            last = 0;
        }

        var hash = unchecked((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)utf8.Length);
        hash ^= hash >> 29;
        return (int)(hash ^ (hash >> 32));
    }

    private string Add(int slot, int hash, ReadOnlySpan<byte> utf8)
    {
        if (_bytesUsed + utf8.Length > _bytes.Length)
        {
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _bytesUsed + utf8.Length));
            Buffer.BlockCopy(_bytes, 0, bytes, 0, _bytesUsed);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = bytes;
        }

        utf8.CopyTo(new Span<byte>(_bytes, _bytesUsed, utf8.Length));
        var text = Encoding.UTF8.GetString(_bytes, _bytesUsed, utf8.Length);
        _strings[slot] = text;
        _hashes[slot] = hash;
        _slots[slot] = (_bytesUsed << LengthBits) | utf8.Length;
        _bytesUsed += utf8.Length;
        if (++_count * 2 > _size)
        {
            Grow();
        }

        return text;
    }

    private void Grow()
    {
        var size = _size * 2;
        var (strings, hashes, slots) = Rent(size);
        var mask = size - 1;
        for (var i = 0; i < _size; i++)
        {
            if (_strings[i] is { } text)
            {
                var j = _hashes[i] & mask;
                while (strings[j] is not null)
                {
                    j = (j + 1) & mask;
                }

                (strings[j], hashes[j], slots[j]) = (text, _hashes[i], _slots[i]);
            }
        }

        ArrayPool<string?>.Shared.Return(_strings, clearArray: true);
        ArrayPool<int>.Shared.Return(_hashes);
        ArrayPool<int>.Shared.Return(_slots);
        (_strings, _hashes, _slots, _size) = (strings, hashes, slots, size);
    }

    // A pooled array may come back with old contents: the slots this table uses start empty.
    private static (string?[] Strings, int[] Hashes, int[] Slots) Rent(int size)
    {
        var strings = ArrayPool<string?>.Shared.Rent(size);
        Array.Clear(strings, 0, size);
        return (strings, ArrayPool<int>.Shared.Rent(size), ArrayPool<int>.Shared.Rent(size));
    }
}
