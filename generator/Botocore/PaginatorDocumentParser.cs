using System.Collections.Generic;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>The entries of a paginators-1.json, or the merge-in entries of a paginators-1.sdk-extras.json.</summary>
internal sealed record PaginatorDocument(EquatableArray<PaginatorModel> Paginators);

internal static class PaginatorDocumentParser
{
    public static PaginatorDocument? Parse(PositionedNode root, ModelReader reader, bool isExtras)
    {
        if (root is not PositionedObject document)
        {
            reader.Invalid(root.Span, $"the top level must be an object, not {root.Kind}");
            return null;
        }

        // botocore's extras file nests the entries it merges under "merge".
        var container = isExtras ? reader.Object(document, "merge", ModelContext.Fixed("the paginator extras")) : document;
        var pagination = container is null ? null : reader.Object(container, "pagination", ModelContext.Fixed("the paginators file"));
        if (pagination is null)
        {
            if (isExtras)
            {
                return new PaginatorDocument(EquatableArray<PaginatorModel>.Empty);
            }

            // Unreadable, not empty: an operation missing from it is this file's problem, not the operation's.
            reader.Invalid(document.Span, "a paginators-1.json needs a 'pagination' object");
            return null;
        }

        var paginators = new List<PaginatorModel>(pagination.Properties.Length);
        foreach (var property in pagination.Properties)
        {
            var context = ModelContext.Named("the paginator of", property.Name);
            if (property.Value is not PositionedObject entry)
            {
                reader.Invalid(property.Value.Span, $"{context} must be an object, not {property.Value.Kind}");
                continue;
            }

            paginators.Add(new PaginatorModel(
                property.Name,
                property.NameSpan,
                reader.Keys(entry, "input_token", context),
                reader.Keys(entry, "output_token", context),
                First(reader.Keys(entry, "limit_key", context)),
                reader.Keys(entry, "result_key", context),
                First(reader.Keys(entry, "more_results", context)),
                reader.Keys(entry, "non_aggregate_keys", context)));
        }

        return new PaginatorDocument(ServiceDocumentParser.SortedByName(paginators, static p => p.OperationName));
    }

    private static PaginatorKey? First(EquatableArray<PaginatorKey> keys) => keys.IsEmpty ? null : keys[0];

    /// <summary>Applies an extras entry over a base entry the way botocore merges the two files: given keys win.</summary>
    public static PaginatorModel Merge(PaginatorModel baseEntry, PaginatorModel extras) => baseEntry with
    {
        InputTokens = extras.InputTokens.IsEmpty ? baseEntry.InputTokens : extras.InputTokens,
        OutputTokens = extras.OutputTokens.IsEmpty ? baseEntry.OutputTokens : extras.OutputTokens,
        LimitKey = extras.LimitKey ?? baseEntry.LimitKey,
        ResultKeys = extras.ResultKeys.IsEmpty ? baseEntry.ResultKeys : extras.ResultKeys,
        MoreResults = extras.MoreResults ?? baseEntry.MoreResults,
        NonAggregateKeys = extras.NonAggregateKeys.IsEmpty ? baseEntry.NonAggregateKeys : extras.NonAggregateKeys,
    };
}
