using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataZone.Gen.Emulator.Model;

namespace DataZone.Gen.Emulator.Protocol;

/// <summary>
/// Puts a member-named value (from <see cref="Synthesis.ShapeSynthesizer"/> or a handler) on the JSON wire as
/// botocore's rest-json and json parsers read it: wire names, timestamps by <c>timestampFormat</c> (epoch seconds
/// by default in a body, RFC 822 in a header), blobs as base64 text.
/// </summary>
internal sealed class ShapeWriter
{
    private readonly ServiceModel _model;

    public ShapeWriter(ServiceModel model) => _model = model;

    /// <summary>Writes <paramref name="value"/> of <paramref name="shapeName"/>; a structure writes its body members only.</summary>
    public void Write(Utf8JsonWriter writer, string shapeName, JsonNode? value, string? timestampFormat = null)
    {
        var shape = _model.GetShape(shapeName);
        switch (shape.Type)
        {
            case "structure" when value is JsonObject structure:
                writer.WriteStartObject();
                foreach (var member in shape.Members)
                {
                    if (member.Location != MemberLocation.Body || !structure.TryGetPropertyValue(member.Name, out var memberValue) || memberValue is null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(member.JsonName);
                    Write(writer, member.Shape, memberValue, member.TimestampFormat);
                }

                writer.WriteEndObject();
                return;
            case "list" when value is JsonArray list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, shape.ListMember!, item);
                }

                writer.WriteEndArray();
                return;
            case "map" when value is JsonObject map:
                writer.WriteStartObject();
                foreach ((var key, var entry) in map)
                {
                    writer.WritePropertyName(key);
                    Write(writer, shape.MapValue!, entry);
                }

                writer.WriteEndObject();
                return;
            case "timestamp" when value is JsonValue time && time.TryGetValue<DateTimeOffset>(out var instant):
                WriteTimestamp(writer, instant, timestampFormat ?? shape.TimestampFormat ?? "unixTimestamp");
                return;
            default:
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }

                return;
        }
    }

    /// <summary>The text of a header-bound member: timestamps in RFC 822 unless the model says otherwise.</summary>
    public string HeaderText(MemberModel member, JsonNode value)
    {
        var shape = _model.GetShape(member.Shape);
        if (shape.Type == "timestamp" && value is JsonValue time && time.TryGetValue<DateTimeOffset>(out var instant))
        {
            return (member.TimestampFormat ?? shape.TimestampFormat ?? "rfc822") switch
            {
                "iso8601" => FormatIso(instant),
                "unixTimestamp" => Epoch(instant).ToString(CultureInfo.InvariantCulture),
                _ => instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture),
            };
        }

        return value is JsonValue scalar && scalar.TryGetValue<string>(out var text)
            ? text
            : value.ToJsonString();
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset instant, string format)
    {
        switch (format)
        {
            case "iso8601":
                writer.WriteStringValue(FormatIso(instant));
                break;
            case "rfc822":
                writer.WriteStringValue(instant.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteNumberValue(Epoch(instant));
                break;
        }
    }

    private static decimal Epoch(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() / 1000m;

    private static string FormatIso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString(instant.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
