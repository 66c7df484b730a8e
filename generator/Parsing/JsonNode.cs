using System;

namespace DataZone.Gen.Generator.Parsing;

/// <summary>
/// A parsed JSON value that remembers where it stood in the file: as byte offsets into the file's UTF-8
/// form, turned into a <see cref="SourceSpan"/> by the file's <see cref="SourceMap"/> only when asked.
/// </summary>
/// <remarks>
/// Nodes read by <see cref="JsonNodeBuilder.ReadTransient"/> are reused for the next transient value, so
/// nothing may keep one (or a list of them) past that: models keep strings, numbers and spans instead.
/// </remarks>
internal abstract class JsonNode
{
    private readonly SourceMap _map;

    protected JsonNode(SourceMap map, int start, int end)
    {
        _map = map;
        Start = start;
        End = end;
    }

    /// <summary>The byte offset of the value's first byte.</summary>
    public int Start { get; private set; }

    /// <summary>The byte offset just past the value.</summary>
    public int End { get; private set; }

    public SourceSpan Span => _map.SpanOf(Start, End);

    public abstract string Kind { get; }

    /// <summary>The span of other bytes of the same file, such as a property name.</summary>
    internal SourceSpan SpanOf(int start, int end) => _map.SpanOf(start, end);

    protected void Place(int start, int end)
    {
        Start = start;
        End = end;
    }
}

internal sealed class JsonObject : JsonNode
{
    private JsonProperty[] _store;
    private int _offset;
    private int _count;

    public JsonObject(SourceMap map, int start, int end, JsonProperty[] properties)
        : this(map, start, end, properties, 0, properties.Length)
    {
    }

    internal JsonObject(SourceMap map, int start, int end, JsonProperty[] store, int offset, int count)
        : base(map, start, end) => (_store, _offset, _count) = (store, offset, count);

    /// <summary>Properties in file order; botocore models rely on member order.</summary>
    public ReadOnlySpan<JsonProperty> Properties => new(_store, _offset, _count);

    public override string Kind => "an object";

    internal void Reuse(int start, int end, JsonProperty[] store, int offset, int count)
    {
        Place(start, end);
        (_store, _offset, _count) = (store, offset, count);
    }

    /// <summary>The value of the first property of that name (a repeated name keeps its first value).</summary>
    public JsonNode? this[string name]
    {
        get
        {
            foreach (var property in Properties)
            {
                if (string.Equals(property.Name, name))
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}

/// <summary>A property of a <see cref="JsonObject"/>: its name, where the name is written (bytes), and its value.</summary>
internal readonly struct JsonProperty
{
    public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }

    public SourceSpan NameSpan => Value.SpanOf(NameStart, NameEnd);
}

internal sealed class JsonArray : JsonNode
{
    private JsonNode[] _store;
    private int _offset;
    private int _count;

    public JsonArray(SourceMap map, int start, int end, JsonNode[] items)
        : this(map, start, end, items, 0, items.Length)
    {
    }

    internal JsonArray(SourceMap map, int start, int end, JsonNode[] store, int offset, int count)
        : base(map, start, end) => (_store, _offset, _count) = (store, offset, count);

    public ReadOnlySpan<JsonNode> Items => new(_store, _offset, _count);

    public override string Kind => "an array";

    internal void Reuse(int start, int end, JsonNode[] store, int offset, int count)
    {
        Place(start, end);
        (_store, _offset, _count) = (store, offset, count);
    }
}

internal sealed class JsonString : JsonNode
{
    public JsonString(SourceMap map, int start, int end, string value)
        : base(map, start, end) => Value = value;

    public string Value { get; private set; }

    public override string Kind => "a string";

    internal void Reuse(int start, int end, string value)
    {
        Place(start, end);
        Value = value;
    }
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(SourceMap map, int start, int end, double value, string? text)
        : base(map, start, end)
    {
        Value = value;
        Text = text;
    }

    public double Value { get; private set; }

    /// <summary>The number as written, kept only when it does not fit a double (to say so in a message).</summary>
    public string? Text { get; private set; }

    public override string Kind => "a number";

    internal void Reuse(int start, int end, double value, string? text)
    {
        Place(start, end);
        (Value, Text) = (value, text);
    }
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(SourceMap map, int start, int end, bool value)
        : base(map, start, end) => Value = value;

    public bool Value { get; private set; }

    public override string Kind => "a boolean";

    internal void Reuse(int start, int end, bool value)
    {
        Place(start, end);
        Value = value;
    }
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public override string Kind => "null";

    internal void Reuse(int start, int end) => Place(start, end);
}
