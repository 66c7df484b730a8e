using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Text;
using DataZone.Gen.Json;

namespace DataZone.Gen;

/// <summary>
/// Small value helpers generated paginators call for botocore's result keys and paths: an index into a list (JMESPath
/// <c>[-1]</c>), a map or a single value seen as a page's items, and <c>build_full_result</c>'s aggregation of the other
/// result keys (lists concatenated, numbers summed, strings joined).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PagingValues
{
    /// <summary>The list element at <paramref name="index"/> (negative counts from the end), or <see langword="null"/> when there is none, as JMESPath does.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="list">The list, possibly absent.</param>
    /// <param name="index">The index; <c>-1</c> is the last element.</param>
    public static T? At<T>(IReadOnlyList<T>? list, int index)
        where T : class
    {
        if (list is null)
        {
            return null;
        }

        var position = index < 0 ? list.Count + index : index;
        return position >= 0 && position < list.Count ? list[position] : null;
    }

    /// <summary>A map's entries as a page's items, in the map's order.</summary>
    /// <typeparam name="TValue">The map's value type.</typeparam>
    /// <param name="map">The map, possibly absent.</param>
    public static IReadOnlyList<KeyValuePair<string, TValue>> Entries<TValue>(IReadOnlyDictionary<string, TValue>? map)
    {
        if (map is null)
        {
            return Array.Empty<KeyValuePair<string, TValue>>();
        }

        var entries = new List<KeyValuePair<string, TValue>>(map.Count);
        entries.AddRange(map);
        return entries;
    }

    /// <summary>Entries back as a map; a key seen twice keeps its last value (a later page's, when pages are aggregated).</summary>
    /// <typeparam name="TValue">The map's value type.</typeparam>
    /// <param name="entries">The entries.</param>
    public static IReadOnlyDictionary<string, TValue> ToMap<TValue>(IReadOnlyList<KeyValuePair<string, TValue>> entries)
    {
        var map = new Dictionary<string, TValue>(entries.Count, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            map[entry.Key] = entry.Value;
        }

        return map;
    }

    /// <summary>A result key that is neither list nor map, as a page's items: one item when present, none when absent.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The page's value.</param>
    public static IReadOnlyList<T> One<T>(T? value)
        where T : class => value is null ? Array.Empty<T>() : new[] { value };

    /// <summary>The first item, or <paramref name="fallback"/> when there is none: a single-valued result key keeps the first page's value, as botocore does.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="fallback">The value to keep when there are no items.</param>
    [return: NotNullIfNotNull(nameof(fallback))]
    public static T? FirstOr<T>(IReadOnlyList<T> items, T? fallback)
        where T : class => items.Count > 0 ? items[0] : fallback;

    /// <summary>Two pages' lists as one; an absent list adds nothing.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="first">The aggregate so far.</param>
    /// <param name="next">The next page's list.</param>
    [return: NotNullIfNotNull(nameof(first))]
    [return: NotNullIfNotNull(nameof(next))]
    public static IReadOnlyList<T>? Concat<T>(IReadOnlyList<T>? first, IReadOnlyList<T>? next)
    {
        if (first is null || next is null || next.Count == 0)
        {
            return first ?? next;
        }

        var all = new List<T>(first.Count + next.Count);
        all.AddRange(first);
        all.AddRange(next);
        return all;
    }

    /// <summary>Two pages' numbers summed; an absent number adds nothing.</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="first">The aggregate so far.</param>
    /// <param name="next">The next page's number.</param>
    public static T? Sum<T>(T? first, T? next)
        where T : struct, INumber<T> => first is { } a ? (next is { } b ? a + b : a) : next;

    /// <summary>Two pages' strings joined, as botocore's <c>build_full_result</c> does; an absent string adds nothing.</summary>
    /// <param name="first">The aggregate so far.</param>
    /// <param name="next">The next page's string.</param>
    [return: NotNullIfNotNull(nameof(first))]
    [return: NotNullIfNotNull(nameof(next))]
    public static string? Join(string? first, string? next) => first is null ? next : first + next;

    /// <summary>A structured token (a map or structure, such as DynamoDB's <c>LastEvaluatedKey</c>) as the JSON text the paging engine carries.</summary>
    /// <typeparam name="T">The token's type.</typeparam>
    /// <param name="value">The response's token, possibly absent.</param>
    /// <param name="write">The type's generated JSON writer.</param>
    public static string? ToTokenJson<T>(T? value, JsonWriteAction<T> write)
        where T : class => value is null ? null : Encoding.UTF8.GetString(AwsJson.Serialize(value, write));

    /// <summary>A structured token's JSON text back as the request member's value.</summary>
    /// <typeparam name="T">The token's type.</typeparam>
    /// <param name="json">The JSON text, possibly absent.</param>
    /// <param name="read">The type's generated JSON reader.</param>
    public static T? FromTokenJson<T>(string? json, JsonReadFunc<T> read)
        where T : class => json is null ? null : AwsJson.ReadBody(Encoding.UTF8.GetBytes(json), read);
}
