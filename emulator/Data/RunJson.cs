using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DataZone.Gen.Emulator.Data;

/// <summary>Writes runs in the wire format of <c>DataSourceRunSummary</c>, by hand, with <see cref="Utf8JsonWriter"/>.</summary>
public static class RunJson
{
    /// <summary>
    /// Writer options: non-ASCII text goes out as raw UTF-8, as the service sends it
    /// (quotes, backslashes and control characters are still escaped).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes one run as a JSON object; absent optional members are left out.</summary>
    /// <param name="writer">The writer to write to.</param>
    /// <param name="run">The run.</param>
    public static void Write(Utf8JsonWriter writer, EmulatedRun run) => Write(writer, run, domainId: null);

    /// <summary>
    /// Writes one run as a JSON object, with <c>domainId</c> first when it is given (the shape of
    /// <c>GetDataSourceRunOutput</c> and <c>StartDataSourceRunOutput</c>); absent optional members are left out.
    /// </summary>
    /// <param name="writer">The writer to write to.</param>
    /// <param name="run">The run.</param>
    /// <param name="domainId">The run's domain, or null to leave the member out (a listing's summaries have none).</param>
    public static void Write(Utf8JsonWriter writer, EmulatedRun run, string? domainId)
    {
        writer.WriteStartObject();
        if (domainId is not null)
        {
            writer.WriteString("domainId"u8, domainId);
        }

        writer.WriteString("id"u8, run.Id);
        writer.WriteString("dataSourceId"u8, run.DataSourceId);
        writer.WriteString("type"u8, run.Type);
        writer.WriteString("status"u8, run.Status);
        writer.WriteString("projectId"u8, run.ProjectId);
        if (run.RunStatisticsForAssets is { } stats)
        {
            writer.WriteStartObject("runStatisticsForAssets"u8);
            WriteOptional(writer, "added"u8, stats.Added);
            WriteOptional(writer, "updated"u8, stats.Updated);
            WriteOptional(writer, "unchanged"u8, stats.Unchanged);
            WriteOptional(writer, "skipped"u8, stats.Skipped);
            WriteOptional(writer, "failed"u8, stats.Failed);
            writer.WriteEndObject();
        }

        if (run.ErrorMessage is { } error)
        {
            writer.WriteStartObject("errorMessage"u8);
            writer.WriteString("errorType"u8, error.ErrorType);
            if (error.ErrorDetail is { } detail)
            {
                writer.WriteString("errorDetail"u8, detail);
            }

            writer.WriteEndObject();
        }

        WriteTimestamp(writer, "createdAt"u8, run.CreatedAt);
        WriteTimestamp(writer, "updatedAt"u8, run.UpdatedAt);
        if (run.StartedAt is { } started)
        {
            WriteTimestamp(writer, "startedAt"u8, started);
        }

        if (run.StoppedAt is { } stopped)
        {
            WriteTimestamp(writer, "stoppedAt"u8, stopped);
        }

        if (run.LineageSummary is { } lineage)
        {
            writer.WriteStartObject("lineageSummary"u8);
            if (lineage.ImportStatus is { } importStatus)
            {
                writer.WriteString("importStatus"u8, importStatus);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Formats a timestamp as the model's <c>iso8601</c> format, in UTC:
    /// <c>2026-11-01T12:34:56Z</c> for whole seconds, <c>2026-11-01T12:34:56.123Z</c> for milliseconds,
    /// <c>2026-11-01T12:34:56.123456Z</c> below that.
    /// </summary>
    public static string FormatTimestamp(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[32];
        var length = FormatTimestamp(value, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer.Slice(0, length));
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[32];
        var length = FormatTimestamp(value, buffer);
        writer.WriteString(name, buffer.Slice(0, length));
    }

    private static int FormatTimestamp(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        var format = fraction == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'"
            : fraction % TimeSpan.TicksPerMillisecond == 0 ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'"
            : "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";
        return utc.TryFormat(destination, out var written, format, CultureInfo.InvariantCulture)
            ? written
            : throw new InvalidOperationException("Timestamp buffer too small.");
    }

    private static void WriteOptional(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
