using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen.Endpoints;

/// <summary>The kinds of value the endpoint rules language has.</summary>
public enum EndpointValueKind
{
    /// <summary>A JSON <c>null</c> written in the rule set.</summary>
    Null,

    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>A list of values.</summary>
    Array,

    /// <summary>A record of named values (for example the output of <c>aws.partition</c>).</summary>
    Object,
}

/// <summary>
/// One immutable value of the endpoint rules language: a parameter, a function result or a resolved endpoint property.
/// An unset value is a C# <see langword="null"/>, never an instance.
/// </summary>
public sealed class EndpointValue : IEquatable<EndpointValue>
{
    private static readonly EndpointValue TrueValue = new(EndpointValueKind.Boolean, null, true, 0, null, null);
    private static readonly EndpointValue FalseValue = new(EndpointValueKind.Boolean, null, false, 0, null, null);

    private readonly string? _string;
    private readonly bool _boolean;
    private readonly long _integer;
    private readonly IReadOnlyList<EndpointValue>? _array;
    private readonly IReadOnlyDictionary<string, EndpointValue>? _object;

    private EndpointValue(EndpointValueKind kind, string? text, bool boolean, long integer,
        IReadOnlyList<EndpointValue>? array, IReadOnlyDictionary<string, EndpointValue>? record)
    {
        Kind = kind;
        _string = text;
        _boolean = boolean;
        _integer = integer;
        _array = array;
        _object = record;
    }

    /// <summary>The JSON <c>null</c> literal.</summary>
    public static EndpointValue Null { get; } = new(EndpointValueKind.Null, null, false, 0, null, null);

    /// <summary>What this value is.</summary>
    public EndpointValueKind Kind { get; }

    /// <summary>A string value.</summary>
    /// <param name="value">The string.</param>
    public static EndpointValue From(string value) =>
        new(EndpointValueKind.String, value ?? throw new ArgumentNullException(nameof(value)), false, 0, null, null);

    /// <summary>A boolean value.</summary>
    /// <param name="value">The boolean.</param>
    public static EndpointValue From(bool value) => value ? TrueValue : FalseValue;

    /// <summary>An integer value.</summary>
    /// <param name="value">The integer.</param>
    public static EndpointValue From(long value) => new(EndpointValueKind.Integer, null, false, value, null, null);

    /// <summary>A list value (copied).</summary>
    /// <param name="items">The items.</param>
    public static EndpointValue FromArray(IEnumerable<EndpointValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(EndpointValueKind.Array, null, false, 0, items.ToArray(), null);
    }

    /// <summary>A list of strings.</summary>
    /// <param name="items">The strings.</param>
    public static EndpointValue FromStrings(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return FromArray(items.Select(From));
    }

    /// <summary>A record value (copied; member order is kept).</summary>
    /// <param name="members">The named members.</param>
    public static EndpointValue FromObject(IEnumerable<KeyValuePair<string, EndpointValue>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var copy = new Dictionary<string, EndpointValue>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            copy[member.Key] = member.Value;
        }

        return new(EndpointValueKind.Object, null, false, 0, null, copy);
    }

    /// <summary>The string.</summary>
    /// <exception cref="InvalidOperationException">This is not a string.</exception>
    public string AsString() => _string ?? throw WrongKind(EndpointValueKind.String);

    /// <summary>The boolean.</summary>
    /// <exception cref="InvalidOperationException">This is not a boolean.</exception>
    public bool AsBoolean() => Kind == EndpointValueKind.Boolean ? _boolean : throw WrongKind(EndpointValueKind.Boolean);

    /// <summary>The integer.</summary>
    /// <exception cref="InvalidOperationException">This is not an integer.</exception>
    public long AsInteger() => Kind == EndpointValueKind.Integer ? _integer : throw WrongKind(EndpointValueKind.Integer);

    /// <summary>The items.</summary>
    /// <exception cref="InvalidOperationException">This is not a list.</exception>
    public IReadOnlyList<EndpointValue> AsArray() => _array ?? throw WrongKind(EndpointValueKind.Array);

    /// <summary>The members, in the order they were written.</summary>
    /// <exception cref="InvalidOperationException">This is not a record.</exception>
    public IReadOnlyDictionary<string, EndpointValue> AsObject() => _object ?? throw WrongKind(EndpointValueKind.Object);

    /// <summary>A member of a record, or <see langword="null"/> when this is not a record or has no such member.</summary>
    /// <param name="name">The member name.</param>
    public EndpointValue? Member(string name) => _object is not null && _object.TryGetValue(name, out var value) ? value : null;

    /// <summary>The value as compact JSON (for messages and for comparing with expected test-suite output).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the value as JSON.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case EndpointValueKind.Null:
                writer.WriteNullValue();
                break;
            case EndpointValueKind.String:
                writer.WriteStringValue(_string);
                break;
            case EndpointValueKind.Boolean:
                writer.WriteBooleanValue(_boolean);
                break;
            case EndpointValueKind.Integer:
                writer.WriteNumberValue(_integer);
                break;
            case EndpointValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in _array!)
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStartObject();
                foreach (var member in _object!)
                {
                    writer.WritePropertyName(member.Key);
                    member.Value.WriteTo(writer);
                }

                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>Reads a value from JSON (numbers must be integers).</summary>
    /// <param name="element">The JSON value.</param>
    /// <exception cref="FormatException">The JSON holds a non-integer number.</exception>
    public static EndpointValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => From(element.GetString()!),
        JsonValueKind.True => From(true),
        JsonValueKind.False => From(false),
        JsonValueKind.Number => element.TryGetInt64(out var number) ? From(number) : throw new FormatException($"'{element.GetRawText()}' is not an integer."),
        JsonValueKind.Array => FromArray(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.Object => FromObject(element.EnumerateObject().Select(p => new KeyValuePair<string, EndpointValue>(p.Name, FromJson(p.Value)))),
        _ => Null,
    };

    /// <summary>The value as a template inserts it: strings as they are, other values as botocore's Python would print them.</summary>
    public override string ToString() => Kind switch
    {
        EndpointValueKind.String => _string!,
        EndpointValueKind.Boolean => _boolean ? "True" : "False",
        EndpointValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        EndpointValueKind.Null => "None",
        _ => ToJson(),
    };

    /// <summary>Structural equality.</summary>
    /// <param name="other">The other value.</param>
    public bool Equals(EndpointValue? other)
    {
        if (other is null || other.Kind != Kind)
        {
            return false;
        }

        return Kind switch
        {
            EndpointValueKind.String => string.Equals(_string, other._string, StringComparison.Ordinal),
            EndpointValueKind.Boolean => _boolean == other._boolean,
            EndpointValueKind.Integer => _integer == other._integer,
            EndpointValueKind.Array => _array!.SequenceEqual(other._array!),
            EndpointValueKind.Object => _object!.Count == other._object!.Count
                && _object.All(m => other._object.TryGetValue(m.Key, out var value) && m.Value.Equals(value)),
            _ => true,
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EndpointValue);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        EndpointValueKind.String => HashCode.Combine(Kind, _string),
        EndpointValueKind.Boolean => HashCode.Combine(Kind, _boolean),
        EndpointValueKind.Integer => HashCode.Combine(Kind, _integer),
        EndpointValueKind.Array => HashCode.Combine(Kind, _array!.Count),
        EndpointValueKind.Object => HashCode.Combine(Kind, _object!.Count),
        _ => 0,
    };

    private InvalidOperationException WrongKind(EndpointValueKind wanted) =>
        new($"The endpoint value is {Kind.ToString().ToLowerInvariant()}, not {wanted.ToString().ToLowerInvariant()}.");
}
