using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataSourceRuns.Output;

/// <summary>
/// One JSON object per run per line (JSON Lines), written by <see cref="RunJson"/>:
/// the API's wire field names, ISO-8601 UTC timestamps, absent members left out, non-ASCII text as UTF-8.
/// </summary>
internal sealed class JsonLinesRunWriter : RunWriter
{
    // Relaxed escaping keeps non-ASCII text readable; quotes, backslashes and C0 control characters are still escaped,
    // so every record stays on one line. What it lets through that a terminal acts on (C1 and bidirectional controls,
    // line separators) TerminalText.EscapeJson writes as \uXXXX: the same string to a JSON reader.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _out;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    public JsonLinesRunWriter(TextWriter output)
    {
        _out = output;
        _json = new Utf8JsonWriter(_buffer, Options);
    }

    public override void WritePage(IReadOnlyList<DataSourceRunSummary> runs)
    {
        foreach (var run in runs)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            RunJson.Write(_json, run);
            _json.Flush();
            _out.Write(TerminalText.EscapeJson(Encoding.UTF8.GetString(_buffer.WrittenSpan)));
            _out.Write('\n');
        }
    }
}
