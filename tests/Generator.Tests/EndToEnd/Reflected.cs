using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Tests.EndToEnd;

/// <summary>
/// Generated types driven by reflection, for code compiled at test time: a value built from JSON keyed by the model's
/// member names (what the emulator's input factory and the wire use), and a deep comparison of two values. Both follow
/// the generator's own naming (<see cref="Identifiers.Pascal"/>, a clash suffixed with <c>Value</c>), and both fail
/// loudly on a member they cannot place, so a dropped or misnamed member is a failed test rather than a skipped one.
/// </summary>
internal static class Reflected
{
    /// <summary>A value of <paramref name="type"/> holding what <paramref name="json"/> holds.</summary>
    public static object? FromJson(Type type, JsonNode? json, string path = "$")
    {
        if (json is null)
        {
            return null;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        // Scalars through their JSON text: the emulator builds nodes from CLR values, the wire gives parsed ones.
        using var document = JsonDocument.Parse(json.ToJsonString());
        var element = document.RootElement;
        if (underlying == typeof(string))
        {
            return element.GetString();
        }

        if (underlying == typeof(bool))
        {
            return element.GetBoolean();
        }

        if (underlying == typeof(int))
        {
            return element.GetInt32();
        }

        if (underlying == typeof(long))
        {
            return element.GetInt64();
        }

        if (underlying == typeof(double))
        {
            return element.GetDouble();
        }

        if (underlying == typeof(float))
        {
            return element.GetSingle();
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return element.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(element.GetDouble() * TimeSpan.TicksPerSecond))
                : DateTimeOffset.Parse(element.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        }

        if (underlying == typeof(byte[]))
        {
            return element.GetBytesFromBase64();
        }

        if (underlying == typeof(JsonElement))
        {
            return element.Clone();
        }

        if (underlying.IsValueType && underlying.GetConstructor(new[] { typeof(string) }) is { } enumConstructor)
        {
            return enumConstructor.Invoke(new object[] { element.GetString()! });
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var itemType = underlying.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            var i = 0;
            foreach (var item in json.AsArray())
            {
                list.Add(FromJson(itemType, item, $"{path}[{i++}]"));
            }

            return list;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            var value = underlying.GetGenericArguments()[1];
            var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), value))!;
            foreach (var (key, item) in json.AsObject())
            {
                map[key] = FromJson(value, item, $"{path}.{key}");
            }

            return map;
        }

        // A structure: a record whose init-only properties are set one by one (required is a compile-time contract).
        var record = Activator.CreateInstance(underlying)!;
        foreach (var (name, item) in json.AsObject())
        {
            var property = PropertyFor(underlying, name)
                ?? throw new InvalidOperationException($"{path}.{name}: {underlying.Name} has no property for the member '{name}'.");
            property.SetValue(record, FromJson(property.PropertyType, item, $"{path}.{name}"));
        }

        return record;
    }

    /// <summary>Where two values differ (the first difference's path), or null when they are equal all the way down.</summary>
    public static string? Difference(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Show(expected)} != {Show(actual)}";
        }

        if (expected.GetType() != actual.GetType() && !(expected is IEnumerable && actual is IEnumerable))
        {
            return $"{path}: {expected.GetType().Name} != {actual.GetType().Name}";
        }

        switch (expected)
        {
            case string or bool or int or long or double or float or DateTimeOffset:
                return Equals(expected, actual) ? null : $"{path}: {Show(expected)} != {Show(actual)}";
            case JsonElement element:
                return element.GetRawText() == ((JsonElement)actual).GetRawText() ? null : $"{path}: {element.GetRawText()} != {((JsonElement)actual).GetRawText()}";
            case byte[] bytes:
                return bytes.AsSpan().SequenceEqual((byte[])actual) ? null : $"{path}: the bytes differ";
            case IDictionary map:
                var other = (IDictionary)actual;
                if (map.Count != other.Count)
                {
                    return $"{path}: {map.Count} entries != {other.Count}";
                }

                foreach (DictionaryEntry entry in map)
                {
                    if (!other.Contains(entry.Key))
                    {
                        return $"{path}: no key '{entry.Key}'";
                    }

                    if (Difference(entry.Value, other[entry.Key], $"{path}.{entry.Key}") is { } inEntry)
                    {
                        return inEntry;
                    }
                }

                return null;
            case IEnumerable list:
                var left = list.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                if (left.Count != right.Count)
                {
                    return $"{path}: {left.Count} items != {right.Count}";
                }

                return left.Select((item, i) => Difference(item, right[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        var type = expected.GetType();
        if (type.IsValueType && type.GetConstructor(new[] { typeof(string) }) is not null)
        {
            return Equals(expected, actual) ? null : $"{path}: {expected} != {actual}";
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0
                && Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } inMember)
            {
                return inMember;
            }
        }

        return null;
    }

    /// <summary>Every item of <paramref name="listing"/> (an <c>AsyncPaginator</c>), then its resume token.</summary>
    public static async Task<(List<object?> Items, string? ResumeToken)> ListAsync(object listing)
    {
        var itemType = listing.GetType().GetGenericArguments()[2];
        var collect = typeof(Reflected).GetMethod(nameof(CollectAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(itemType);
        var items = await (Task<List<object?>>)collect.Invoke(null, new[] { listing })!;
        return (items, (string?)listing.GetType().GetProperty("ResumeToken")!.GetValue(listing));
    }

    private static async Task<List<object?>> CollectAsync<T>(IAsyncEnumerable<T> source)
    {
        var items = new List<object?>();
        await foreach (var item in source)
        {
            items.Add(item);
        }

        return items;
    }

    /// <summary>The value of the member the model calls <paramref name="memberName"/>.</summary>
    public static object? Member(object value, string memberName) =>
        (PropertyFor(value.GetType(), memberName) ?? throw new InvalidOperationException($"{value.GetType().Name} has no property for '{memberName}'."))
            .GetValue(value);

    /// <summary>Awaits a <c>Task&lt;T&gt;</c> held as an object and returns its result.</summary>
    public static async Task<object?> ResultAsync(object task)
    {
        await (Task)task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static PropertyInfo? PropertyFor(Type type, string memberName)
    {
        var name = Identifiers.Pascal(memberName).TrimStart('@');
        return type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? type.GetProperty(name + "Value", BindingFlags.Public | BindingFlags.Instance);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
