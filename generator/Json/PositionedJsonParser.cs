using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// Reads JSON with <see cref="Utf8JsonReader"/> into <see cref="PositionedNode"/>s that remember their byte offsets,
/// so a model problem can be reported on the exact spot of the model file.
/// </summary>
/// <remarks>
/// It reads a 1 MB model on every cold build: the UTF-8 copy is a pooled buffer, and nodes hold two byte offsets
/// instead of a line/column span (the <see cref="SourceMap"/> works a span out only when one is stored or reported).
/// Sharing repeated strings, reusing nodes and streaming the service file a shape at a time were tried and measured
/// below a millisecond on the full DataZone model (bench/results.md, "Parser tricks, priced"), so none is kept.
/// </remarks>
internal static class PositionedJsonParser
{
    /// <summary>Thrown for malformed JSON; carries the span of the offending spot.</summary>
    internal sealed class ParseException : Exception
    {
        public ParseException(string message, SourceSpan span)
            : base(message) => Span = span;

        public SourceSpan Span { get; }
    }

    /// <summary>Reads a whole file into nodes; malformed JSON anywhere in it is a <see cref="ParseException"/>.</summary>
    public static PositionedNode Parse(string text)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(byteCount, 1));
        try
        {
            Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, 0);
            var bytes = new ReadOnlySpan<byte>(buffer, 0, byteCount);
            return Read(bytes, new PositionedNodeBuilder(SourceMap.Create(text, bytes, byteCount)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static PositionedNode Read(ReadOnlySpan<byte> bytes, PositionedNodeBuilder builder)
    {
        var map = builder.Map;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read())
            {
                throw new ParseException("the file is empty", map.SpanOf(0, 0));
            }

            var root = builder.ReadValue(ref reader);
            if (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                throw new ParseException("unexpected content after the end of the JSON document", map.SpanOf(start, start + 1));
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var bytePosition = (int)(ex.BytePositionInLine ?? 0);
            throw new ParseException(TrimReaderMessage(ex.Message), SpanAtLine(bytes, map, line, bytePosition, insideValue: reader.CurrentDepth > 0));
        }
    }

    // The reader's message ends with its own "LineNumber: x | BytePositionInLine: y." which the squiggle already shows,
    // and some messages advise "Change the reader options.": the model's author cannot, the generator's reader is fixed.
    private static string TrimReaderMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (cut > 0 ? message.Substring(0, cut) : message).TrimEnd();
        const string Advice = "Change the reader options.";
        var advice = text.IndexOf(Advice, StringComparison.Ordinal);
        return advice < 0 ? text : (text.Substring(0, advice) + text.Substring(advice + Advice.Length)).Trim();
    }

    private static SourceSpan SpanAtLine(ReadOnlySpan<byte> bytes, SourceMap map, int line, int bytePositionInLine, bool insideValue)
    {
        var errorByte = Math.Min(bytes.Length, map.LineStart(line) + bytePositionInLine);
        var target = insideValue ? PointAtMissingSeparator(bytes, errorByte) : errorByte;
        return map.SpanOf(target, Math.Min(bytes.Length, target + 1));
    }

    // The reader notices a missing comma only at the next value, which usually starts the next line.
    // When the error is the first thing on its line and the line before ends a value, point there:
    // that is the line the comma is missing from.
    private static int PointAtMissingSeparator(ReadOnlySpan<byte> bytes, int errorByte)
    {
        var previous = errorByte - 1;
        while (previous >= 0 && bytes[previous] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            previous--;
        }

        if (previous < 0 || bytes[previous] != (byte)'\n')
        {
            return errorByte;
        }

        while (previous >= 0 && bytes[previous] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            previous--;
        }

        var endsValue = previous >= 0 && (bytes[previous] is (byte)'"' or (byte)'}' or (byte)']' or (byte)'e' or (byte)'l'
            || (bytes[previous] >= (byte)'0' && bytes[previous] <= (byte)'9'));
        return endsValue ? previous + 1 : errorByte;
    }
}
