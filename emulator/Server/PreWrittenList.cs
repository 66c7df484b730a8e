using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// A page of list items already on the wire (<see cref="SynthesizedItemCache"/>), carried in the output tree as one
/// <see cref="JsonValue"/>: <see cref="Protocol.ShapeWriter"/> writes a value it does not walk with
/// <see cref="JsonNode.WriteTo"/>, which copies the items' bytes into the array unchanged.
/// </summary>
internal sealed class PreWrittenList
{
    // Options need a resolver to be usable; an empty one keeps reflection out (the converter is all this type needs).
    private static readonly JsonTypeInfo<PreWrittenList> TypeInfo = JsonMetadataServices.CreateValueInfo<PreWrittenList>(
        new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine() }, new Converter());

    private readonly IReadOnlyList<byte[]> _items;

    private PreWrittenList(IReadOnlyList<byte[]> items) => _items = items;

    /// <summary>A node writing <paramref name="items"/> (each one complete JSON value) as a JSON array.</summary>
    public static JsonNode Node(IReadOnlyList<byte[]> items) => JsonValue.Create(new PreWrittenList(items), TypeInfo)!;

    private sealed class Converter : JsonConverter<PreWrittenList>
    {
        public override PreWrittenList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A pre-written list is only written.");

        public override void Write(Utf8JsonWriter writer, PreWrittenList value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value._items)
            {
                // The items came from a writer with the same options, so they are valid and need no second look.
                writer.WriteRawValue(item, skipInputValidation: true);
            }

            writer.WriteEndArray();
        }
    }
}
