using System;
using System.Text.Json;
using DataZone.Gen.Json;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>
/// Writes the ListDataSourceRuns response shapes as the service does, so round-trip tests can feed the generated
/// readers. The generator gives a shape the client only receives a reader and no writer, so the tests bring their own:
/// wire names in model order, absent members left out, ISO-8601 UTC timestamps.
/// </summary>
internal static class ResponseWriters
{
    public static void WritePage(Utf8JsonWriter writer, ListDataSourceRunsResponse page)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("items"u8);
        foreach (var run in page.Items)
        {
            WriteRun(writer, run);
        }

        writer.WriteEndArray();
        if (page.NextToken is { } token)
        {
            writer.WriteString("nextToken"u8, token);
        }

        writer.WriteEndObject();
    }

    public static void WriteRun(Utf8JsonWriter writer, DataSourceRunSummary run)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, run.Id);
        writer.WriteString("dataSourceId"u8, run.DataSourceId);
        writer.WriteString("type"u8, run.Type.Value);
        writer.WriteString("status"u8, run.Status.Value);
        writer.WriteString("projectId"u8, run.ProjectId);
        if (run.RunStatisticsForAssets is { } statistics)
        {
            writer.WriteStartObject("runStatisticsForAssets"u8);
            WriteCount(writer, "added"u8, statistics.Added);
            WriteCount(writer, "updated"u8, statistics.Updated);
            WriteCount(writer, "unchanged"u8, statistics.Unchanged);
            WriteCount(writer, "skipped"u8, statistics.Skipped);
            WriteCount(writer, "failed"u8, statistics.Failed);
            writer.WriteEndObject();
        }

        if (run.ErrorMessage is { } error)
        {
            writer.WriteStartObject("errorMessage"u8);
            writer.WriteString("errorType"u8, error.ErrorType.Value);
            if (error.ErrorDetail is { } detail)
            {
                writer.WriteString("errorDetail"u8, detail);
            }

            writer.WriteEndObject();
        }

        WriteTimestamp(writer, "createdAt"u8, run.CreatedAt);
        WriteTimestamp(writer, "updatedAt"u8, run.UpdatedAt);
        WriteTimestamp(writer, "startedAt"u8, run.StartedAt);
        WriteTimestamp(writer, "stoppedAt"u8, run.StoppedAt);
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

    private static void WriteCount(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? count)
    {
        if (count is { } value)
        {
            writer.WriteNumber(name, value);
        }
    }

    // The runtime's own formatter, the same text a service timestamp has: UTC, ISO-8601.
    private static void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? timestamp)
    {
        if (timestamp is { } value)
        {
            writer.WritePropertyName(name);
            AwsJson.WriteTimestampIso8601(writer, value);
        }
    }
}
