using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DataZone.Gen.Generator.Common;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// Builds <see cref="PositionedNode"/>s from a <see cref="Utf8JsonReader"/> for one file: holds the file's map and
/// scratch stacks the contents of open containers pile up on, so each container gets one exact-size array.
/// </summary>
internal sealed class PositionedNodeBuilder
{
    private readonly Scratch<PositionedProperty> _properties = new();
    private readonly Scratch<PositionedNode> _items = new();

    public PositionedNodeBuilder(SourceMap map) => Map = map;

    public SourceMap Map { get; }

    [MethodImpl(JitHints.AggressiveOptimization)]
    public PositionedNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var firstProperty = _properties.Count;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameStart = (int)reader.TokenStartIndex;
                    var name = ReadString(ref reader, nameStart);
                    var nameEnd = (int)reader.BytesConsumed;
                    reader.Read();
                    var value = ReadValue(ref reader);
                    _properties.Push(new PositionedProperty(name, nameStart, nameEnd, value));
                }

                return new PositionedObject(Map, start, (int)reader.BytesConsumed, LastValueWins(_properties.PopFrom(firstProperty)));
            case JsonTokenType.StartArray:
                var firstItem = _items.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _items.Push(ReadValue(ref reader));
                }

                return new PositionedArray(Map, start, (int)reader.BytesConsumed, _items.PopFrom(firstItem));
            case JsonTokenType.String:
                var text = ReadString(ref reader, start);
                return new PositionedString(Map, start, (int)reader.BytesConsumed, text);
            case JsonTokenType.Number:
                var number = reader.GetDouble();

                // The digits as written are only needed to say a number does not fit.
                var written = double.IsInfinity(number) || double.IsNaN(number) ? Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) : null;
                return new PositionedNumber(Map, start, (int)reader.BytesConsumed, number, written);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new PositionedBoolean(Map, start, (int)reader.BytesConsumed, reader.GetBoolean());
            default:
                return new PositionedNull(Map, start, (int)reader.BytesConsumed);
        }
    }

    /// <summary>
    /// Botocore reads models with Python's <c>json</c>, which builds a dict: a repeated name keeps the place of its
    /// first occurrence and takes the value (and here the name's position) of its last. Doing the same once, here,
    /// makes every lookup and every walk over <see cref="PositionedObject.Properties"/> agree.
    /// </summary>
    internal static PositionedProperty[] LastValueWins(PositionedProperty[] properties)
    {
        if (properties.Length < 2)
        {
            return properties;
        }

        var places = new Dictionary<string, int>(properties.Length, StringComparer.Ordinal);
        List<PositionedProperty>? kept = null;
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            if (places.TryGetValue(property.Name, out var place))
            {
                kept ??= new List<PositionedProperty>(properties.AsSpan(0, i).ToArray());
                kept[place] = property;
                continue;
            }

            places.Add(property.Name, kept?.Count ?? i);
            kept?.Add(property);
        }

        return kept?.ToArray() ?? properties;
    }

    // GetString throws InvalidOperationException for text that is not valid UTF-16 (a lone escaped surrogate).
    private string ReadString(ref Utf8JsonReader reader, int start)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new PositionedJsonParser.ParseException("a string is not valid text: " + ex.Message, Map.SpanOf(start, (int)reader.BytesConsumed));
        }
    }

    /// <summary>A stack the contents of open containers pile up on; each container takes its own items off as an exact-size array.</summary>
    private sealed class Scratch<T>
    {
        private T[] _items = new T[64];

        public int Count { get; private set; }

        public void Push(T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }

        public T[] PopFrom(int first)
        {
            var length = Count - first;
            if (length == 0)
            {
                return Array.Empty<T>();
            }

            var result = new T[length];
            Array.Copy(_items, first, result, 0, length);
            Count = first;
            return result;
        }
    }
}
