using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;

namespace DataZone.Gen.Emulator.Data;

/// <summary>
/// Reads runs from a JSON file in the wire format: either an array of <c>DataSourceRunSummary</c>
/// objects, or <c>{"domainId": "...", "dataSourceId": "...", "items": [ ... ]}</c>.
/// Timestamps are ISO-8601 strings or epoch seconds. The file need not be sorted.
/// </summary>
public static class RunFile
{
    /// <summary>What a data file holds.</summary>
    /// <param name="DomainId">The file's domain id, or the default given.</param>
    /// <param name="DataSourceId">The file's data source id, or the default given.</param>
    /// <param name="Runs">The runs, in file order.</param>
    /// <param name="Fingerprint">SHA-256 of the file's bytes.</param>
    public sealed record Contents(string DomainId, string DataSourceId, IReadOnlyList<EmulatedRun> Runs, byte[] Fingerprint);

    /// <summary>Reads a data file; throws <see cref="InvalidDataException"/> naming the item and member at fault.</summary>
    public static Contents Load(string path, string defaultDomainId, string defaultDataSourceId)
    {
        var bytes = File.ReadAllBytes(path);
        return Parse(bytes, defaultDomainId, defaultDataSourceId, path);
    }

    /// <summary>Reads data file content from UTF-8 bytes.</summary>
    public static Contents Parse(ReadOnlySpan<byte> utf8, string defaultDomainId, string defaultDataSourceId, string source = "data")
    {
        var copy = utf8.ToArray();
        using var document = JsonDocument.Parse(copy, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        var domainId = defaultDomainId;
        var dataSourceId = defaultDataSourceId;
        JsonElement items;
        if (root.ValueKind == JsonValueKind.Array)
        {
            items = root;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            domainId = String(root, "domainId", source) ?? defaultDomainId;
            dataSourceId = String(root, "dataSourceId", source) ?? defaultDataSourceId;
            items = root.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array
                ? i
                : throw new InvalidDataException($"{source}: expected an 'items' array.");
        }
        else
        {
            throw new InvalidDataException($"{source}: expected an array of runs or an object with 'items'.");
        }

        var runs = new List<EmulatedRun>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            runs.Add(ReadRun(item, dataSourceId, $"{source}: items[{index}]"));
            index++;
        }

        return new Contents(domainId, dataSourceId, runs, SHA256.HashData(copy));
    }

    private static EmulatedRun ReadRun(JsonElement item, string dataSourceId, string where)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where}: expected an object.");
        }

        var created = Time(item, "createdAt", where) ?? throw Missing(where, "createdAt");
        EmulatedRunStatistics? stats = null;
        if (item.TryGetProperty("runStatisticsForAssets", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            stats = new EmulatedRunStatistics
            {
                Added = Int(s, "added", where),
                Updated = Int(s, "updated", where),
                Unchanged = Int(s, "unchanged", where),
                Skipped = Int(s, "skipped", where),
                Failed = Int(s, "failed", where),
            };
        }

        EmulatedErrorMessage? error = null;
        if (item.TryGetProperty("errorMessage", out var e) && e.ValueKind == JsonValueKind.Object)
        {
            error = new EmulatedErrorMessage
            {
                ErrorType = String(e, "errorType", where) ?? throw Missing(where, "errorMessage.errorType"),
                ErrorDetail = String(e, "errorDetail", where),
            };
        }

        EmulatedLineageSummary? lineage = null;
        if (item.TryGetProperty("lineageSummary", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            lineage = new EmulatedLineageSummary { ImportStatus = String(l, "importStatus", where) };
        }

        return new EmulatedRun
        {
            Id = String(item, "id", where) ?? throw Missing(where, "id"),
            DataSourceId = String(item, "dataSourceId", where) ?? dataSourceId,
            Type = String(item, "type", where) ?? "SCHEDULED",
            Status = String(item, "status", where) ?? throw Missing(where, "status"),
            ProjectId = String(item, "projectId", where) ?? "emulator_project",
            RunStatisticsForAssets = stats,
            ErrorMessage = error,
            CreatedAt = created,
            UpdatedAt = Time(item, "updatedAt", where) ?? created,
            StartedAt = Time(item, "startedAt", where),
            StoppedAt = Time(item, "stoppedAt", where),
            LineageSummary = lineage,
        };
    }

    private static InvalidDataException Missing(string where, string member) => new($"{where}: '{member}' is required.");

    private static string? String(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InvalidDataException($"{where}: '{name}' must be a string.");
    }

    private static int? Int(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new InvalidDataException($"{where}: '{name}' must be a 32-bit integer.");
    }

    private static DateTimeOffset? Time(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed.ToUniversalTime();
        }

        throw new InvalidDataException($"{where}: '{name}' must be an ISO-8601 timestamp or epoch seconds.");
    }
}
