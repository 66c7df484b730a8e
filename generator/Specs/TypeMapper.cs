using System.Collections.Generic;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Specs;

/// <summary>Maps a model shape to the C# type a member of that shape has.</summary>
internal sealed class TypeMapper
{
    private readonly IReadOnlyDictionary<string, ShapeModel> _shapes;
    private readonly ServiceNaming _naming;
    private readonly string _namespacePrefix;

    public TypeMapper(IReadOnlyDictionary<string, ShapeModel> shapes, ServiceNaming naming, string @namespace)
    {
        _shapes = shapes;
        _naming = naming;
        _namespacePrefix = @namespace.Length == 0 ? "global::" : "global::" + @namespace + ".";
    }

    public string Qualified(string typeName) => _namespacePrefix + typeName;

    /// <summary>The type of a reference; <paramref name="timestampFormat"/> is the member's own format, if any.</summary>
    public TypeRef Map(string shapeName, string? timestampFormat = null)
    {
        var shape = _shapes[shapeName];
        switch (shape.Type)
        {
            case "string" when !shape.EnumValues.IsEmpty:
                return Simple(ValueKind.Enum, Qualified(_naming.TypeName(shape.Name)), isValueType: true);
            case "string":
                return Simple(ValueKind.String, "string", isValueType: false);
            case "boolean":
                return Simple(ValueKind.Boolean, "bool", isValueType: true);
            case "integer":
            case "short":
            case "byte":
                return Simple(ValueKind.Integer, "int", isValueType: true);
            case "long":
                return Simple(ValueKind.Long, "long", isValueType: true);
            case "float":
                return Simple(ValueKind.Float, "float", isValueType: true);
            case "double":
                return Simple(ValueKind.Double, "double", isValueType: true);
            case "timestamp":
                return new TypeRef(ValueKind.Timestamp, "global::System.DateTimeOffset", true, timestampFormat ?? shape.TimestampFormat ?? string.Empty, null, null, null);
            case "blob":
                return Simple(ValueKind.Blob, "byte[]", isValueType: false);
            case "structure" when shape.IsDocument:
            case "bigInteger":
            case "bigDecimal":
                return Simple(ValueKind.Document, "global::System.Text.Json.JsonElement", isValueType: true);
            case "structure":
                return Simple(ValueKind.Structure, Qualified(_naming.TypeName(shape.Name)), isValueType: false);
            case "list":
                var element = Map(shape.ListMember!.Shape, shape.ListMember.TimestampFormat);
                return new TypeRef(
                    ValueKind.List,
                    "global::System.Collections.Generic.IReadOnlyList<" + element.TypeName + ">",
                    false,
                    string.Empty,
                    _naming.CollectionMethod(shape.Name),
                    element,
                    null);
            default:
                var value = Map(shape.MapValue!.Shape, shape.MapValue.TimestampFormat);
                return new TypeRef(
                    ValueKind.Map,
                    "global::System.Collections.Generic.IReadOnlyDictionary<string, " + value.TypeName + ">",
                    false,
                    string.Empty,
                    _naming.CollectionMethod(shape.Name),
                    value,
                    Simple(ValueKind.String, "string", isValueType: false));
        }
    }

    private static TypeRef Simple(ValueKind kind, string typeName, bool isValueType) =>
        new(kind, typeName, isValueType, string.Empty, null, null, null);
}
