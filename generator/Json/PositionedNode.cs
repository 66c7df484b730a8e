using System;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// A parsed JSON value that remembers where it stood in the file: as byte offsets into the file's UTF-8
/// form, turned into a <see cref="SourceSpan"/> by the file's <see cref="SourceMap"/> only when asked.
/// </summary>
/// <remarks>
/// Nodes read by <see cref="PositionedNodeBuilder.ReadTransient"/> are reused for the next transient value, so
/// nothing may keep one (or a list of them) past that: models keep strings, numbers and spans instead.
/// </remarks>
internal abstract class PositionedNode
{
    private readonly SourceMap _map;

    protected PositionedNode(SourceMap map, int start, int end)
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

internal sealed class PositionedObject : PositionedNode
{
    private PositionedProperty[] _store;
    private int _offset;
    private int _count;

    public PositionedObject(SourceMap map, int start, int end, PositionedProperty[] properties)
        : this(map, start, end, properties, 0, properties.Length)
    {
    }

    internal PositionedObject(SourceMap map, int start, int end, PositionedProperty[] store, int offset, int count)
        : base(map, start, end) => (_store, _offset, _count) = (store, offset, count);

    /// <summary>Properties in file order; botocore models rely on member order.</summary>
    public ReadOnlySpan<PositionedProperty> Properties => new(_store, _offset, _count);

    public override string Kind => "an object";

    internal void Reuse(int start, int end, PositionedProperty[] store, int offset, int count)
    {
        Place(start, end);
        (_store, _offset, _count) = (store, offset, count);
    }

    /// <summary>The value of the first property of that name (a repeated name keeps its first value).</summary>
    public PositionedNode? this[string name]
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

/// <summary>A property of a <see cref="PositionedObject"/>: its name, where the name is written (bytes), and its value.</summary>
internal readonly struct PositionedProperty
{
    public PositionedProperty(string name, int nameStart, int nameEnd, PositionedNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public PositionedNode Value { get; }

    public SourceSpan NameSpan => Value.SpanOf(NameStart, NameEnd);
}

internal sealed class PositionedArray : PositionedNode
{
    private PositionedNode[] _store;
    private int _offset;
    private int _count;

    public PositionedArray(SourceMap map, int start, int end, PositionedNode[] items)
        : this(map, start, end, items, 0, items.Length)
    {
    }

    internal PositionedArray(SourceMap map, int start, int end, PositionedNode[] store, int offset, int count)
        : base(map, start, end) => (_store, _offset, _count) = (store, offset, count);

    public ReadOnlySpan<PositionedNode> Items => new(_store, _offset, _count);

    public override string Kind => "an array";

    internal void Reuse(int start, int end, PositionedNode[] store, int offset, int count)
    {
        Place(start, end);
        (_store, _offset, _count) = (store, offset, count);
    }
}

internal sealed class PositionedString : PositionedNode
{
    public PositionedString(SourceMap map, int start, int end, string value)
        : base(map, start, end) => Value = value;

    public string Value { get; private set; }

    public override string Kind => "a string";

    internal void Reuse(int start, int end, string value)
    {
        Place(start, end);
        Value = value;
    }
}

internal sealed class PositionedNumber : PositionedNode
{
    public PositionedNumber(SourceMap map, int start, int end, double value, string? text)
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

internal sealed class PositionedBoolean : PositionedNode
{
    public PositionedBoolean(SourceMap map, int start, int end, bool value)
        : base(map, start, end) => Value = value;

    public bool Value { get; private set; }

    public override string Kind => "a boolean";

    internal void Reuse(int start, int end, bool value)
    {
        Place(start, end);
        Value = value;
    }
}

internal sealed class PositionedNull : PositionedNode
{
    public PositionedNull(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public override string Kind => "null";

    internal void Reuse(int start, int end) => Place(start, end);
}
