using System.Collections.Generic;

namespace DataZone.Gen.Generator.Parsing;

/// <summary>A parsed JSON value that remembers where it stood in the file.</summary>
internal abstract class JsonNode
{
    protected JsonNode(SourceSpan span) => Span = span;

    public SourceSpan Span { get; }

    public abstract string Kind { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(SourceSpan span, List<JsonProperty> properties)
        : base(span) => Properties = properties;

    /// <summary>Properties in file order; botocore models rely on member order.</summary>
    public List<JsonProperty> Properties { get; }

    public override string Kind => "an object";

    public JsonNode? this[string name]
    {
        get
        {
            foreach (var property in Properties)
            {
                if (property.Name == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}

internal sealed class JsonProperty
{
    public JsonProperty(string name, SourceSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    public string Name { get; }

    public SourceSpan NameSpan { get; }

    public JsonNode Value { get; }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(SourceSpan span, List<JsonNode> items)
        : base(span) => Items = items;

    public List<JsonNode> Items { get; }

    public override string Kind => "an array";
}

internal sealed class JsonString : JsonNode
{
    public JsonString(SourceSpan span, string value)
        : base(span) => Value = value;

    public string Value { get; }

    public override string Kind => "a string";
}

internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(SourceSpan span, double value, string text)
        : base(span)
    {
        Value = value;
        Text = text;
    }

    public double Value { get; }

    /// <summary>The number as written, so large integers keep every digit.</summary>
    public string Text { get; }

    public override string Kind => "a number";
}

internal sealed class JsonBoolean : JsonNode
{
    public JsonBoolean(SourceSpan span, bool value)
        : base(span) => Value = value;

    public bool Value { get; }

    public override string Kind => "a boolean";
}

internal sealed class JsonNull : JsonNode
{
    public JsonNull(SourceSpan span)
        : base(span)
    {
    }

    public override string Kind => "null";
}
