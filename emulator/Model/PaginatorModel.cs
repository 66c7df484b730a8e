using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace DataZone.Gen.Emulator.Model;

/// <summary>
/// One entry of botocore's <c>paginators-1.json</c>: which input members carry the token and the page size,
/// which output members carry the next token, the results and the "more results" flag.
/// </summary>
/// <param name="InputTokens">The input token members (several for botocore's composite tokens).</param>
/// <param name="OutputTokens">The output token paths, one per input token (<c>a.b</c> for nested members).</param>
/// <param name="LimitKey">The page-size input member, or null.</param>
/// <param name="ResultKeys">The output paths of the result lists.</param>
/// <param name="MoreResults">The output path of a boolean "more results" flag (KMS <c>Truncated</c>), or null.</param>
/// <param name="NonAggregateKeys">Output paths that are not aggregated across pages.</param>
public sealed record PaginatorModel(
    IReadOnlyList<string> InputTokens,
    IReadOnlyList<string> OutputTokens,
    string? LimitKey,
    IReadOnlyList<string> ResultKeys,
    string? MoreResults,
    IReadOnlyList<string> NonAggregateKeys)
{
    /// <summary>Reads the <c>pagination</c> object of a <c>paginators-1.json</c> stream, by operation name.</summary>
    public static Dictionary<string, PaginatorModel> Read(Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        var result = new Dictionary<string, PaginatorModel>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("pagination", out var pagination) || pagination.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("The paginators file has no 'pagination' object.");
        }

        foreach (var entry in pagination.EnumerateObject())
        {
            var input = Strings(entry.Value, "input_token");
            var output = Strings(entry.Value, "output_token");
            if (input.Count == 0 || input.Count != output.Count)
            {
                throw new InvalidDataException($"Paginator {entry.Name}: input_token and output_token must name as many members as each other.");
            }

            result[entry.Name] = new PaginatorModel(
                input,
                // S3-style alternatives ("NextMarker || Contents[-1].Key") are rest-xml only; the first path is the token.
                output.ConvertAll(o => o.Split("||", StringSplitOptions.TrimEntries)[0]),
                entry.Value.TryGetProperty("limit_key", out var limit) ? limit.GetString() : null,
                Strings(entry.Value, "result_key"),
                entry.Value.TryGetProperty("more_results", out var more) ? more.GetString() : null,
                Strings(entry.Value, "non_aggregate_keys"));
        }

        return result;
    }

    private static List<string> Strings(JsonElement element, string name)
    {
        var list = new List<string>();
        if (!element.TryGetProperty(name, out var value))
        {
            return list;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            list.Add(value.GetString()!);
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                list.Add(item.GetString() ?? "");
            }
        }

        return list;
    }
}
