using System;
using System.Text.Json;

namespace DataZone.Gen.Json;

/// <summary>
/// A union member the service sent that the model did not know when the code was generated. It is kept,
/// not dropped, so writing the union back sends it unchanged.
/// </summary>
/// <param name="Name">The member's wire name.</param>
/// <param name="Value">The member's JSON value.</param>
public sealed record UnknownUnionMember(string Name, JsonElement Value)
{
    /// <summary>Writes the member as a property of the object being written.</summary>
    /// <param name="writer">The writer, inside an object.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(Name);
        Value.WriteTo(writer);
    }
}
