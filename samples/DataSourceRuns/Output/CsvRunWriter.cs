using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using DataZone.Gen.Json;

namespace DataSourceRuns.Output;

/// <summary>
/// CSV as RFC 4180 has it: a header, one record per run, CRLF line ends, and a field quoted (quotes doubled) when it
/// holds a quote, comma, CR or LF. Column names are the wire field names, nested ones joined with a dot. Control
/// characters in the service's text are written as visible escapes (<see cref="TerminalText"/>), except that line breaks
/// and tabs stay in their quoted fields, as RFC 4180 has them, when the output is not a terminal (a file or a pipe).
/// </summary>
internal sealed class CsvRunWriter : RunWriter
{
    private static readonly (string Name, Func<DataSourceRunSummary, string?> Value)[] Columns =
    {
        ("id", r => r.Id),
        ("dataSourceId", r => r.DataSourceId),
        ("type", r => r.Type.Value),
        ("status", r => r.Status.Value),
        ("projectId", r => r.ProjectId),
        ("createdAt", r => Timestamp(r.CreatedAt)),
        ("updatedAt", r => Timestamp(r.UpdatedAt)),
        ("startedAt", r => Timestamp(r.StartedAt)),
        ("stoppedAt", r => Timestamp(r.StoppedAt)),
        ("runStatisticsForAssets.added", r => Number(r.RunStatisticsForAssets?.Added)),
        ("runStatisticsForAssets.updated", r => Number(r.RunStatisticsForAssets?.Updated)),
        ("runStatisticsForAssets.unchanged", r => Number(r.RunStatisticsForAssets?.Unchanged)),
        ("runStatisticsForAssets.skipped", r => Number(r.RunStatisticsForAssets?.Skipped)),
        ("runStatisticsForAssets.failed", r => Number(r.RunStatisticsForAssets?.Failed)),
        ("errorMessage.errorType", r => r.ErrorMessage?.ErrorType.Value),
        ("errorMessage.errorDetail", r => r.ErrorMessage?.ErrorDetail),
        ("lineageSummary.importStatus", r => r.LineageSummary?.ImportStatus?.Value),
    };

    private readonly TextWriter _out;
    private readonly bool _toTerminal;
    private readonly StringBuilder _line = new();

    public CsvRunWriter(TextWriter output, bool toTerminal)
    {
        _out = output;
        _toTerminal = toTerminal;
        WriteRecord(Array.ConvertAll(Columns, c => (string?)c.Name));
    }

    /// <summary>The header's column names, in order.</summary>
    internal static IReadOnlyList<string> ColumnNames => Array.ConvertAll(Columns, c => c.Name);

    public override void WritePage(IReadOnlyList<DataSourceRunSummary> runs)
    {
        var fields = new string?[Columns.Length];
        foreach (var run in runs)
        {
            for (var i = 0; i < Columns.Length; i++)
            {
                fields[i] = TerminalText.Escape(Columns[i].Value(run), keepLineBreaks: !_toTerminal);
            }

            WriteRecord(fields);
        }
    }

    /// <summary>A field as RFC 4180 wants it: as is, or quoted with inner quotes doubled.</summary>
    internal static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.AsSpan().IndexOfAny("\",\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void WriteRecord(string?[] fields)
    {
        _line.Clear();
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }

            _line.Append(Escape(fields[i]));
        }

        _line.Append("\r\n");
        _out.Write(_line);
    }

    private static string? Timestamp(DateTimeOffset? value) =>
        value is { } v ? AwsJson.FormatTimestamp(v, TimestampFormat.Iso8601) : null;

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
