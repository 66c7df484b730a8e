using System;
using System.Text.Json;
using DataZone.Gen.Json;

namespace DataSourceRuns.Output;

/// <summary>
/// A run as one JSON object in the shape the API sent it: wire field names in model order, ISO-8601 UTC
/// timestamps, absent members left out. The generated types only read a response, so the CLI writes its own.
/// </summary>
internal static class RunJson
{
    public static void Write(Utf8JsonWriter writer, DataSourceRunSummary run)
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "id"u8, run.Id);
        WriteIfSet(writer, "dataSourceId"u8, run.DataSourceId);
        writer.WriteString("type"u8, run.Type.Value);
        writer.WriteString("status"u8, run.Status.Value);
        WriteIfSet(writer, "projectId"u8, run.ProjectId);
        if (run.RunStatisticsForAssets is { } statistics)
        {
            writer.WritePropertyName("runStatisticsForAssets"u8);
            WriteStatistics(writer, statistics);
        }

        if (run.ErrorMessage is { } error)
        {
            writer.WriteStartObject("errorMessage"u8);
            writer.WriteString("errorType"u8, error.ErrorType.Value);
            WriteIfSet(writer, "errorDetail"u8, error.ErrorDetail);
            writer.WriteEndObject();
        }

        WriteTimestamp(writer, "createdAt"u8, run.CreatedAt);
        WriteTimestamp(writer, "updatedAt"u8, run.UpdatedAt);
        if (run.StartedAt is { } startedAt)
        {
            WriteTimestamp(writer, "startedAt"u8, startedAt);
        }

        if (run.StoppedAt is { } stoppedAt)
        {
            WriteTimestamp(writer, "stoppedAt"u8, stoppedAt);
        }

        if (run.LineageSummary is { } lineage)
        {
            writer.WriteStartObject("lineageSummary"u8);
            if (lineage.ImportStatus is { } importStatus)
            {
                writer.WriteString("importStatus"u8, importStatus.Value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStatistics(Utf8JsonWriter writer, RunStatisticsForAssets statistics)
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "added"u8, statistics.Added);
        WriteIfSet(writer, "updated"u8, statistics.Updated);
        WriteIfSet(writer, "unchanged"u8, statistics.Unchanged);
        WriteIfSet(writer, "skipped"u8, statistics.Skipped);
        WriteIfSet(writer, "failed"u8, statistics.Failed);
        writer.WriteEndObject();
    }

    // The runtime's formatter, so the text matches what the service sends: UTC, ISO-8601.
    private static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset value)
    {
        writer.WritePropertyName(name);
        AwsJson.WriteTimestampIso8601(writer, value);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
