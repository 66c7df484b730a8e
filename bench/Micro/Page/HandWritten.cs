using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataZone.Gen.Bench.Page;

// The same page as hand-written records, the way a developer would write them for System.Text.Json:
// string enums stay strings, timestamps are DateTimeOffset, nested objects are records.

public sealed record HandPage
{
    public required IReadOnlyList<HandRun> Items { get; init; }

    public string? NextToken { get; init; }
}

public sealed record HandRun
{
    public required string Id { get; init; }

    public required string DataSourceId { get; init; }

    public required string Type { get; init; }

    public required string Status { get; init; }

    public required string ProjectId { get; init; }

    public HandRunStatistics? RunStatisticsForAssets { get; init; }

    public HandErrorMessage? ErrorMessage { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public HandLineageSummary? LineageSummary { get; init; }
}

public sealed record HandRunStatistics
{
    public int? Added { get; init; }

    public int? Updated { get; init; }

    public int? Unchanged { get; init; }

    public int? Skipped { get; init; }

    public int? Failed { get; init; }
}

public sealed record HandErrorMessage
{
    public required string ErrorType { get; init; }

    public string? ErrorDetail { get; init; }
}

public sealed record HandLineageSummary
{
    public string? ImportStatus { get; init; }
}

/// <summary>System.Text.Json's own source generator over the hand-written records (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HandPage))]
public sealed partial class HandPageContext : JsonSerializerContext;

/// <summary>Reads the page through a <see cref="JsonDocument"/>: parse into the DOM, then walk every field into the same records.</summary>
public static class DomPageReader
{
    public static HandPage Read(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var itemsElement = root.GetProperty("items");
        var items = new List<HandRun>(itemsElement.GetArrayLength());
        foreach (var item in itemsElement.EnumerateArray())
        {
            items.Add(ReadRun(item));
        }

        return new HandPage
        {
            Items = items,
            NextToken = root.TryGetProperty("nextToken", out var token) ? token.GetString() : null,
        };
    }

    private static HandRun ReadRun(JsonElement item)
    {
        string? id = null, dataSourceId = null, type = null, status = null, projectId = null;
        HandRunStatistics? statistics = null;
        HandErrorMessage? error = null;
        HandLineageSummary? lineage = null;
        DateTimeOffset? createdAt = null, updatedAt = null, startedAt = null, stoppedAt = null;
        foreach (var property in item.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "id": id = value.GetString(); break;
                case "dataSourceId": dataSourceId = value.GetString(); break;
                case "type": type = value.GetString(); break;
                case "status": status = value.GetString(); break;
                case "projectId": projectId = value.GetString(); break;
                case "createdAt": createdAt = value.GetDateTimeOffset(); break;
                case "updatedAt": updatedAt = value.GetDateTimeOffset(); break;
                case "startedAt": startedAt = value.GetDateTimeOffset(); break;
                case "stoppedAt": stoppedAt = value.GetDateTimeOffset(); break;
                case "runStatisticsForAssets":
                    statistics = new HandRunStatistics
                    {
                        Added = OptionalInt(value, "added"),
                        Updated = OptionalInt(value, "updated"),
                        Unchanged = OptionalInt(value, "unchanged"),
                        Skipped = OptionalInt(value, "skipped"),
                        Failed = OptionalInt(value, "failed"),
                    };
                    break;
                case "errorMessage":
                    error = new HandErrorMessage
                    {
                        ErrorType = value.GetProperty("errorType").GetString()!,
                        ErrorDetail = value.TryGetProperty("errorDetail", out var detail) ? detail.GetString() : null,
                    };
                    break;
                case "lineageSummary":
                    lineage = new HandLineageSummary
                    {
                        ImportStatus = value.TryGetProperty("importStatus", out var importStatus) ? importStatus.GetString() : null,
                    };
                    break;
            }
        }

        return new HandRun
        {
            Id = id!,
            DataSourceId = dataSourceId!,
            Type = type!,
            Status = status!,
            ProjectId = projectId!,
            RunStatisticsForAssets = statistics,
            ErrorMessage = error,
            CreatedAt = createdAt!.Value,
            UpdatedAt = updatedAt!.Value,
            StartedAt = startedAt,
            StoppedAt = stoppedAt,
            LineageSummary = lineage,
        };
    }

    private static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetInt32() : null;
}
