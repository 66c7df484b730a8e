using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DataZone.Gen.Generator.Common;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// Turns byte offsets into the UTF-8 form of a file into <see cref="SourceSpan"/>s (UTF-16 character
/// offsets, zero-based lines and columns) on demand. Parsing keeps only byte offsets; a span is worked
/// out here, by a binary search over the line starts, only when a record or a diagnostic stores one.
/// </summary>
/// <remarks>
/// A byte offset stands for every character that starts before it, so an offset inside a multi-byte
/// character counts that whole character. Lines end at '\n' only (a '\r' is a column like any other).
/// Lines with non-ASCII text are
/// listed apart, with the bytes they take beyond their characters, so an ASCII line converts by subtraction
/// and only a non-ASCII line is decoded, from its start, to find a column.
/// </remarks>
internal sealed class SourceMap
{
    private readonly string _text;
    private readonly int _byteLength;
    private readonly int[] _lineStarts;
    private readonly int _lineCount;

    // Lines holding non-ASCII text, in order, and the extra bytes (UTF-8 bytes less UTF-16 characters) before each of them.
    private readonly int[] _wideLines;
    private readonly int[] _extraBefore;
    private int _lastLine;

    private SourceMap(string text, int byteLength, int[] lineStarts, int lineCount, int[] wideLines, int[] extraBefore)
    {
        _text = text;
        _byteLength = byteLength;
        _lineStarts = lineStarts;
        _lineCount = lineCount;
        _wideLines = wideLines;
        _extraBefore = extraBefore;
    }

    /// <summary>Indexes <paramref name="text"/>, whose UTF-8 form is <paramref name="utf8"/>.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public static SourceMap Create(string text, ReadOnlySpan<byte> utf8, int byteLength)
    {
        utf8 = utf8.Slice(0, byteLength);
        var index = new Builder(Math.Max(64, byteLength / 24));
        var offset = 0;
        int next;
        while ((next = utf8.Slice(offset).IndexOf((byte)'\n')) >= 0)
        {
            offset += next + 1;
            index.AddLine(offset);
        }

        if (byteLength != text.Length)
        {
            // Non-ASCII text: find its bytes eight at a time, and note the lines they are on.
            var words = MemoryMarshal.Cast<byte, ulong>(utf8);
            for (var w = 0; w < words.Length; w++)
            {
                if ((words[w] & 0x8080808080808080UL) != 0)
                {
                    index.AddWide(utf8.Slice(w * 8, 8), w * 8);
                }
            }

            index.AddWide(utf8.Slice(words.Length * 8), words.Length * 8);
        }

        return new SourceMap(text, byteLength, index.LineStarts, index.LineCount, index.WideLines.ToArray(), index.ExtraBefore.ToArray());
    }

    /// <summary>The byte offset where a line starts; past the last line, where the last line starts.</summary>
    public int LineStart(int line) => StartOf(Math.Min(Math.Max(line, 0), _lineCount - 1));

    [MethodImpl(JitHints.AggressiveOptimization)]
    public SourceSpan SpanOf(int startByte, int endByte)
    {
        var (startChar, startLine, startColumn) = Locate(startByte);
        var (endChar, endLine, endColumn) = Locate(endByte);
        return new SourceSpan(startChar, endChar - startChar, startLine, startColumn, endLine, endColumn);
    }

    private int StartOf(int line) => _lineStarts[line];

    [MethodImpl(JitHints.AggressiveOptimization)]
    private (int Char, int Line, int Column) Locate(int targetByte)
    {
        var target = Math.Min(Math.Max(targetByte, 0), _byteLength);
        var line = LineOf(target);
        var lineByte = StartOf(line);
        if (_wideLines.Length == 0)
        {
            return (target, line, target - lineByte);
        }

        // k = how many wide lines come before this one; _extraBefore[k] = their extra bytes.
        var k = WideLinesBefore(line);
        var lineChar = lineByte - _extraBefore[k];
        if (k == _wideLines.Length || _wideLines[k] != line)
        {
            return (lineChar + target - lineByte, line, target - lineByte); // an ASCII line
        }

        // Walk the line's characters, counting the bytes each takes in UTF-8 (a lone surrogate is written as U+FFFD, 3 bytes).
        var atByte = lineByte;
        var atChar = lineChar;
        while (atByte < target && atChar < _text.Length)
        {
            var c = _text[atChar];
            if (c < 0x80)
            {
                atByte++;
                atChar++;
            }
            else if (c < 0x800)
            {
                atByte += 2;
                atChar++;
            }
            else if (char.IsHighSurrogate(c) && atChar + 1 < _text.Length && char.IsLowSurrogate(_text[atChar + 1]))
            {
                atByte += 4;
                atChar += 2;
            }
            else
            {
                atByte += 3;
                atChar++;
            }
        }

        return (atChar, line, atChar - lineChar);
    }

    // The last line that starts at or before the offset. Spans are mostly asked for in file order, a few lines
    // apart, so it first walks on from the line found last time; the hint is checked before it is trusted.
    [MethodImpl(JitHints.AggressiveOptimization)]
    private int LineOf(int offset)
    {
        var line = _lastLine;
        if (line < _lineCount && StartOf(line) <= offset)
        {
            for (var step = 0; step < 8; step++, line++)
            {
                if (line + 1 == _lineCount || StartOf(line + 1) > offset)
                {
                    _lastLine = line;
                    return line;
                }
            }
        }

        int low = 0, high = _lineCount - 1;
        while (low < high)
        {
            var mid = (low + high + 1) >> 1;
            if (StartOf(mid) <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        _lastLine = low;
        return low;
    }

    // How many wide lines come before the line.
    private int WideLinesBefore(int line)
    {
        int low = 0, high = _wideLines.Length;
        while (low < high)
        {
            var mid = (low + high) >> 1;
            if (_wideLines[mid] < line)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Collects line starts, then the lines with non-ASCII bytes.</summary>
    private sealed class Builder
    {
        private int _extra;
        private int _line;

        public Builder(int capacity)
        {
            LineStarts = new int[capacity];
            ExtraBefore.Add(0);
        }

        /// <summary>The first <see cref="LineCount"/> entries are the line starts (line 0 starts at 0).</summary>
        public int[] LineStarts { get; private set; }

        public int LineCount { get; private set; } = 1;

        public List<int> WideLines { get; } = new();

        // Entry k: the extra bytes (UTF-8 bytes less UTF-16 characters) before wide line k; the last entry: the whole file's.
        public List<int> ExtraBefore { get; } = new();

        public void AddLine(int start)
        {
            if (LineCount == LineStarts.Length)
            {
                var grown = LineStarts;
                Array.Resize(ref grown, grown.Length * 2);
                LineStarts = grown;
            }

            LineStarts[LineCount++] = start;
        }

        /// <summary>Notes the non-ASCII bytes among <paramref name="bytes"/>, which start at <paramref name="offset"/>; called in file order, after every line.</summary>
        public void AddWide(ReadOnlySpan<byte> bytes, int offset)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b < 0x80)
                {
                    continue;
                }

                while (_line + 1 < LineCount && LineStarts[_line + 1] <= offset + i)
                {
                    _line++;
                }

                if (WideLines.Count == 0 || WideLines[WideLines.Count - 1] != _line)
                {
                    WideLines.Add(_line);
                    ExtraBefore.Add(_extra);
                }

                // A continuation byte is one byte more than characters; a 4-byte lead makes two characters.
                _extra += (b & 0xC0) == 0x80 ? 1 : b >= 0xF0 ? -1 : 0;
                ExtraBefore[ExtraBefore.Count - 1] = _extra;
            }
        }
    }
}
