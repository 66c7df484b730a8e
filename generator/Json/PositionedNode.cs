using System;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// A parsed JSON value that remembers where it stood in the file: as byte offsets into the file's UTF-8
/// form, turned into a <see cref="SourceSpan"/> by the file's <see cref="SourceMap"/> only when asked.
/// </summary>
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
    public int Start { get; }

    /// <summary>The byte offset just past the value.</summary>
    public int End { get; }

    public SourceSpan Span => _map.SpanOf(Start, End);

    public abstract string Kind { get; }

    /// <summary>The span of other bytes of the same file, such as a property name.</summary>
    internal SourceSpan SpanOf(int start, int end) => _map.SpanOf(start, end);
}

internal sealed class PositionedObject : PositionedNode
{
    private readonly PositionedProperty[] _properties;

    public PositionedObject(SourceMap map, int start, int end, PositionedProperty[] properties)
        : base(map, start, end) => _properties = properties;

    /// <summary>
    /// Properties in file order (botocore models rely on member order), each name once: a repeated name holds its
    /// last value in its first place, as Python's <c>json</c> reads it.
    /// </summary>
    public ReadOnlySpan<PositionedProperty> Properties => _properties;

    public override string Kind => "an object";

    /// <summary>The value of the property of that name (the last one written, see <see cref="Properties"/>).</summary>
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
    private readonly PositionedNode[] _items;

    public PositionedArray(SourceMap map, int start, int end, PositionedNode[] items)
        : base(map, start, end) => _items = items;

    public ReadOnlySpan<PositionedNode> Items => _items;

    public override string Kind => "an array";
}

internal sealed class PositionedString : PositionedNode
{
    public PositionedString(SourceMap map, int start, int end, string value)
        : base(map, start, end) => Value = value;

    public string Value { get; }

    public override string Kind => "a string";
}

internal sealed class PositionedNumber : PositionedNode
{
    public PositionedNumber(SourceMap map, int start, int end, double value, string? text)
        : base(map, start, end)
    {
        Value = value;
        Text = text;
    }

    public double Value { get; }

    /// <summary>The number as written, kept only when it does not fit a double (to say so in a message).</summary>
    public string? Text { get; }

    public override string Kind => "a number";
}

internal sealed class PositionedBoolean : PositionedNode
{
    public PositionedBoolean(SourceMap map, int start, int end, bool value)
        : base(map, start, end) => Value = value;

    public bool Value { get; }

    public override string Kind => "a boolean";
}

internal sealed class PositionedNull : PositionedNode
{
    public PositionedNull(SourceMap map, int start, int end)
        : base(map, start, end)
    {
    }

    public override string Kind => "null";
}
