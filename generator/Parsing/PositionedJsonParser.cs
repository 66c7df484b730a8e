using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen.Generator.Parsing;

/// <summary>
/// Reads JSON with <see cref="Utf8JsonReader"/> into <see cref="JsonNode"/>s that carry line and column,
/// so a model problem can be reported on the exact spot of the model file.
/// </summary>
internal static class PositionedJsonParser
{
    /// <summary>Thrown for malformed JSON; carries the span of the offending spot.</summary>
    internal sealed class ParseException : Exception
    {
        public ParseException(string message, SourceSpan span)
            : base(message) => Span = span;

        public SourceSpan Span { get; }
    }

    public static JsonNode Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var tracker = new PositionTracker(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read())
            {
                throw new ParseException("the file is empty", tracker.SpanOf(0, 0));
            }

            var root = ReadValue(ref reader, tracker);
            if (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                throw new ParseException("unexpected content after the end of the JSON document", tracker.SpanOf(start, start + 1));
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var bytePosition = (int)(ex.BytePositionInLine ?? 0);
            throw new ParseException(TrimReaderMessage(ex.Message), tracker.SpanAtLine(line, bytePosition, insideValue: reader.CurrentDepth > 0));
        }
    }

    private static JsonNode ReadValue(ref Utf8JsonReader reader, PositionTracker tracker)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            // Containers take their start position before their contents, so the tracker only moves forward.
            case JsonTokenType.StartObject:
                var objectStart = tracker.At(start);
                var properties = new List<JsonProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameStart = (int)reader.TokenStartIndex;
                    var name = ReadString(ref reader, tracker, nameStart);
                    var nameSpan = tracker.SpanOf(nameStart, (int)reader.BytesConsumed);
                    reader.Read();
                    properties.Add(new JsonProperty(name, nameSpan, ReadValue(ref reader, tracker)));
                }

                return new JsonObject(tracker.SpanFrom(objectStart, (int)reader.BytesConsumed), properties);
            case JsonTokenType.StartArray:
                var arrayStart = tracker.At(start);
                var items = new List<JsonNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, tracker));
                }

                return new JsonArray(tracker.SpanFrom(arrayStart, (int)reader.BytesConsumed), items);
            case JsonTokenType.String:
                return new JsonString(tracker.SpanOf(start, (int)reader.BytesConsumed), ReadString(ref reader, tracker, start));
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                return new JsonNumber(tracker.SpanOf(start, (int)reader.BytesConsumed), reader.GetDouble(), text);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonBoolean(tracker.SpanOf(start, (int)reader.BytesConsumed), reader.GetBoolean());
            default:
                return new JsonNull(tracker.SpanOf(start, (int)reader.BytesConsumed));
        }
    }

    // GetString throws InvalidOperationException for text that is not valid UTF-16 (a lone escaped surrogate).
    private static string ReadString(ref Utf8JsonReader reader, PositionTracker tracker, int start)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new ParseException("a string is not valid text: " + ex.Message, tracker.SpanOf(start, (int)reader.BytesConsumed));
        }
    }

    // The reader's message ends with its own "LineNumber: x | BytePositionInLine: y." which the squiggle already shows.
    private static string TrimReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message.Substring(0, cut) : message).TrimEnd();
    }

    /// <summary>
    /// Turns byte offsets into character offsets, lines and columns. Offsets arrive in increasing
    /// order while parsing, so it walks forward from the last position instead of rescanning.
    /// </summary>
    private sealed class PositionTracker
    {
        private readonly byte[] _bytes;
        private int _byte;
        private int _char;
        private int _line;
        private int _column;

        public PositionTracker(byte[] bytes) => _bytes = bytes;

        public (int Char, int Line, int Column) At(int startByte) => Advance(startByte);

        public SourceSpan SpanFrom((int Char, int Line, int Column) start, int endByte)
        {
            var (endChar, endLine, endColumn) = Advance(endByte);
            return new SourceSpan(start.Char, endChar - start.Char, start.Line, start.Column, endLine, endColumn);
        }

        public SourceSpan SpanOf(int startByte, int endByte)
        {
            var (startChar, startLine, startColumn) = Advance(startByte);
            var (endChar, endLine, endColumn) = Advance(endByte);
            return new SourceSpan(startChar, endChar - startChar, startLine, startColumn, endLine, endColumn);
        }

        public SourceSpan SpanAtLine(int line, int bytePositionInLine, bool insideValue)
        {
            _byte = _char = _line = _column = 0;
            var lineStart = 0;
            for (var i = 0; i < _bytes.Length && line > 0; i++)
            {
                if (_bytes[i] == (byte)'\n')
                {
                    line--;
                    lineStart = i + 1;
                }
            }

            var errorByte = Math.Min(_bytes.Length, lineStart + bytePositionInLine);
            var target = insideValue ? PointAtMissingSeparator(errorByte) : errorByte;
            var (offset, l, c) = Advance(target);
            var (endOffset, endLine, endColumn) = Advance(Math.Min(_bytes.Length, target + 1));
            return new SourceSpan(offset, endOffset - offset, l, c, endLine, endColumn);
        }

        // The reader notices a missing comma only at the next value, which usually starts the next line.
        // When the error is the first thing on its line and the line before ends a value, point there:
        // that is the line the comma is missing from.
        private int PointAtMissingSeparator(int errorByte)
        {
            var previous = errorByte - 1;
            while (previous >= 0 && _bytes[previous] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                previous--;
            }

            if (previous < 0 || _bytes[previous] != (byte)'\n')
            {
                return errorByte;
            }

            while (previous >= 0 && _bytes[previous] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                previous--;
            }

            var endsValue = previous >= 0 && (_bytes[previous] is (byte)'"' or (byte)'}' or (byte)']' or (byte)'e' or (byte)'l'
                || (_bytes[previous] >= (byte)'0' && _bytes[previous] <= (byte)'9'));
            return endsValue ? previous + 1 : errorByte;
        }

        private (int Char, int Line, int Column) Advance(int targetByte)
        {
            if (targetByte < _byte)
            {
                _byte = _char = _line = _column = 0;
            }

            while (_byte < targetByte && _byte < _bytes.Length)
            {
                var b = _bytes[_byte];
                var width = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                var chars = width == 4 ? 2 : 1;
                _byte += width;
                _char += chars;
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 0;
                }
                else
                {
                    _column += chars;
                }
            }

            return (_char, _line, _column);
        }
    }
}
