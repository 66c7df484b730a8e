namespace DataZone.Gen.Generator.Specs;

/// <summary>How a member's value is shaped on the wire, which decides its C# type and its JSON reading and writing.</summary>
internal enum ValueKind
{
    String,
    Enum,
    Boolean,
    Integer,
    Long,
    Float,
    Double,
    Timestamp,
    Blob,
    Document,
    Structure,
    List,
    Map,
}

/// <summary>
/// A member's type. <see cref="TypeName"/> is the C# type without nullability, <c>global::</c>-qualified;
/// lists and maps name their JSON helper in <see cref="CollectionMethod"/>.
/// </summary>
internal sealed record TypeRef(
    ValueKind Kind,
    string TypeName,
    bool IsValueType,
    string TimestampFormat,
    string? CollectionMethod,
    TypeRef? Element,
    TypeRef? Key);
