using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace DataZone.Gen.Bench.Page;

/// <summary>
/// One realistic 50-item <c>ListDataSourceRuns</c> response body, as the service sends it: compact UTF-8 JSON,
/// ISO-8601 timestamps in UTC with milliseconds, ids in DataZone's formats, a mix of succeeded, running and
/// failed runs (failed ones carry an <c>errorMessage</c>, running ones no <c>stoppedAt</c>), and a <c>nextToken</c>.
/// Deterministic: the same bytes on every run and machine.
/// </summary>
public static class RunsPage
{
    public const int ItemCount = 50;

    private static readonly string[] Statuses = { "SUCCESS", "SUCCESS", "SUCCESS", "PARTIALLY_SUCCEEDED", "FAILED", "RUNNING", "SUCCESS", "REQUESTED" };
    private static readonly string[] ErrorTypes =
    {
        "ACCESS_DENIED_EXCEPTION", "CONFLICT_EXCEPTION", "INTERNAL_SERVER_EXCEPTION", "RESOURCE_NOT_FOUND_EXCEPTION",
        "SERVICE_QUOTA_EXCEEDED_EXCEPTION", "THROTTLING_EXCEPTION", "VALIDATION_EXCEPTION",
    };

    private static readonly string[] ErrorDetails =
    {
        "User: arn:aws:sts::123456789012:assumed-role/DataZoneGlueAccess/DataZone is not authorized to perform: glue:GetTables on resource: arn:aws:glue:us-east-1:123456789012:database/sales_curated",
        "Rate exceeded while listing tables of database sales_raw; the run will retry on its next schedule.",
        "The table orders_2024 was deleted while the run was importing it.",
    };

    public static byte[] Build()
    {
        var random = new Random(20180510);
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            var newest = new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
            for (var i = 0; i < ItemCount; i++)
            {
                var status = Statuses[i % Statuses.Length];
                var created = newest.AddMinutes(-37 * i).AddMilliseconds(random.Next(0, 1000));
                var started = created.AddSeconds(random.Next(1, 30)).AddMilliseconds(random.Next(0, 1000));
                var stopped = started.AddSeconds(random.Next(20, 900)).AddMilliseconds(random.Next(0, 1000));
                writer.WriteStartObject();
                writer.WriteString("id", Id(random, 14));
                writer.WriteString("dataSourceId", "5n2bqycz3jwq0l");
                writer.WriteString("type", i % 5 == 0 ? "PRIORITIZED" : "SCHEDULED");
                writer.WriteString("status", status);
                writer.WriteString("projectId", "bc9dn7k0cbuf4n");
                if (status is not "REQUESTED")
                {
                    writer.WriteStartObject("runStatisticsForAssets");
                    writer.WriteNumber("added", random.Next(0, 40));
                    writer.WriteNumber("updated", random.Next(0, 400));
                    writer.WriteNumber("unchanged", random.Next(0, 4000));
                    writer.WriteNumber("skipped", random.Next(0, 5));
                    writer.WriteNumber("failed", status is "FAILED" or "PARTIALLY_SUCCEEDED" ? random.Next(1, 20) : 0);
                    writer.WriteEndObject();
                }

                if (status is "FAILED" or "PARTIALLY_SUCCEEDED")
                {
                    writer.WriteStartObject("errorMessage");
                    writer.WriteString("errorType", ErrorTypes[random.Next(ErrorTypes.Length)]);
                    writer.WriteString("errorDetail", ErrorDetails[random.Next(ErrorDetails.Length)]);
                    writer.WriteEndObject();
                }

                writer.WriteString("createdAt", Iso(created));
                writer.WriteString("updatedAt", Iso(status is "RUNNING" or "REQUESTED" ? created : stopped));
                if (status is not "REQUESTED")
                {
                    writer.WriteString("startedAt", Iso(started));
                }

                if (status is not ("RUNNING" or "REQUESTED"))
                {
                    writer.WriteString("stoppedAt", Iso(stopped));
                }

                if (status is not "REQUESTED")
                {
                    writer.WriteStartObject("lineageSummary");
                    writer.WriteString("importStatus", status switch
                    {
                        "RUNNING" => "IN_PROGRESS",
                        "FAILED" => "FAILED",
                        "PARTIALLY_SUCCEEDED" => "PARTIALLY_SUCCEEDED",
                        _ => "SUCCESS",
                    });
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            // An opaque continuation token of the size the service sends.
            writer.WriteString("nextToken", Id(random, 344));
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    private static string Id(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
