using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataZone.Gen.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace DataZone.Gen.Emulator.Protocol;

/// <summary>
/// Binds an HTTP request to an operation's input structure: for rest-json from URI labels, query string, headers and
/// the JSON body (or the payload member); for json from the body alone. Wire names become member names, text becomes
/// typed values, and <see cref="InputValidator"/> checks the result. Every violation goes into one AWS-style message.
/// </summary>
internal sealed class RequestBinder
{
    private readonly ServiceModel _model;
    private readonly InputValidator _validator;

    public RequestBinder(ServiceModel model)
    {
        _model = model;
        _validator = new InputValidator(model);
    }

    /// <summary>Binds and validates; returns null and sets <paramref name="errorCode"/> and <paramref name="error"/> when the input is refused.</summary>
    public BoundRequest? Bind(
        OperationModel operation,
        IReadOnlyDictionary<string, string> labels,
        IQueryCollection query,
        IHeaderDictionary headers,
        ReadOnlyMemory<byte> body,
        out string? errorCode,
        out string? error)
    {
        var input = new JsonObject();
        var problems = new List<string>();
        errorCode = "ValidationException";
        error = null;
        if (operation.InputShape is null)
        {
            return new BoundRequest(operation, input);
        }

        JsonElement? document = null;
        if (!body.IsEmpty)
        {
            try
            {
                using var parsed = JsonDocument.Parse(body);
                document = parsed.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                errorCode = "SerializationException";
                error = "The request body is not valid JSON: " + ex.Message;
                return null;
            }
        }

        if (_model.IsJsonProtocol)
        {
            if (document is { } whole)
            {
                input = ReadBody(operation.InputShape, whole, "", problems) as JsonObject ?? input;
            }
        }
        else
        {
            BindRest(operation, labels, query, headers, body, document, input, problems);
        }

        if (problems.Count == 0)
        {
            _validator.Validate(operation.InputShape, input, "", problems);
        }

        if (problems.Count > 0)
        {
            error = problems.Count == 1
                ? "1 validation error detected: " + problems[0]
                : problems.Count.ToString(CultureInfo.InvariantCulture) + " validation errors detected: " + string.Join("; ", problems);
            return null;
        }

        return new BoundRequest(operation, input);
    }

    private void BindRest(
        OperationModel operation,
        IReadOnlyDictionary<string, string> labels,
        IQueryCollection query,
        IHeaderDictionary headers,
        ReadOnlyMemory<byte> body,
        JsonElement? document,
        JsonObject input,
        List<string> problems)
    {
        var shape = _model.GetShape(operation.InputShape!);
        var boundQueryNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in shape.Members)
        {
            if (member.Location == MemberLocation.QueryString && _model.GetShape(member.Shape).Type != "map")
            {
                boundQueryNames.Add(member.LocationName);
            }
        }

        foreach (var member in shape.Members)
        {
            var target = _model.GetShape(member.Shape);
            JsonNode? value = null;
            switch (member.Location)
            {
                case MemberLocation.Uri:
                    value = labels.TryGetValue(member.LocationName, out var label) ? Scalar(target, label, member.Name, problems) : null;
                    break;
                case MemberLocation.QueryString when target.Type == "map":
                    // A map bound to the query takes every parameter no other member claims.
                    var map = new JsonObject();
                    foreach (var pair in query)
                    {
                        if (!boundQueryNames.Contains(pair.Key))
                        {
                            map[pair.Key] = pair.Value.Count > 0 ? pair.Value[0] : "";
                        }
                    }

                    value = map.Count > 0 ? map : null;
                    break;
                case MemberLocation.QueryString when target.Type == "list":
                    if (query.TryGetValue(member.LocationName, out var values))
                    {
                        var list = new JsonArray();
                        foreach (var item in values)
                        {
                            list.Add(Scalar(_model.GetShape(target.ListMember!), item ?? "", member.Name, problems));
                        }

                        value = list;
                    }

                    break;
                case MemberLocation.QueryString:
                    value = query.TryGetValue(member.LocationName, out var raw) && raw.Count > 0 ? Scalar(target, raw[0] ?? "", member.Name, problems) : null;
                    break;
                case MemberLocation.Header:
                    value = headers.TryGetValue(member.LocationName, out var header) ? Scalar(target, header.ToString(), member.Name, problems) : null;
                    break;
                case MemberLocation.Headers:
                    var prefixed = new JsonObject();
                    foreach (var pair in headers)
                    {
                        if (pair.Key.StartsWith(member.LocationName, StringComparison.OrdinalIgnoreCase))
                        {
                            prefixed[pair.Key[member.LocationName.Length..]] = pair.Value.ToString();
                        }
                    }

                    value = prefixed.Count > 0 ? prefixed : null;
                    break;
                case MemberLocation.Body when member.IsPayload:
                    value = target.Type is "structure" or "document" or "list" or "map"
                        ? document is { } payload ? ReadBody(member.Shape, payload, member.Name, problems) : null
                        : body.IsEmpty ? null : JsonValue.Create(target.Type == "blob" ? Convert.ToBase64String(body.Span) : System.Text.Encoding.UTF8.GetString(body.Span));
                    break;
                case MemberLocation.Body:
                    value = document is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(member.JsonName, out var property)
                        ? ReadBody(member.Shape, property, member.Name, problems)
                        : null;
                    break;
                default:
                    break;
            }

            if (value is not null)
            {
                input[member.Name] = value;
            }
        }
    }

    /// <summary>Text from a label, query parameter or header, typed by its shape.</summary>
    private static JsonNode? Scalar(ShapeModel shape, string raw, string path, List<string> problems)
    {
        if (shape.IsInteger)
        {
            if (long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            problems.Add($"Value '{raw}' at '{path}' failed to satisfy constraint: Member must be a number");
            return null;
        }

        if (shape.IsFloat)
        {
            if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return JsonValue.Create(real);
            }

            problems.Add($"Value '{raw}' at '{path}' failed to satisfy constraint: Member must be a number");
            return null;
        }

        if (shape.Type == "boolean")
        {
            if (raw is "true" or "false")
            {
                return JsonValue.Create(raw == "true");
            }

            problems.Add($"Value '{raw}' at '{path}' failed to satisfy constraint: Member must be a boolean");
            return null;
        }

        return JsonValue.Create(raw);
    }

    /// <summary>A JSON body value, typed by its shape and re-keyed from wire names to member names.</summary>
    private JsonNode? ReadBody(string shapeName, JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var shape = _model.GetShape(shapeName);
        var expected = shape.Type switch
        {
            "structure" => JsonValueKind.Object,
            "map" => JsonValueKind.Object,
            "list" => JsonValueKind.Array,
            "string" or "blob" => JsonValueKind.String,
            "boolean" => element.ValueKind is JsonValueKind.True or JsonValueKind.False ? element.ValueKind : JsonValueKind.True,
            "timestamp" => element.ValueKind is JsonValueKind.String or JsonValueKind.Number ? element.ValueKind : JsonValueKind.Number,
            "document" => element.ValueKind,
            _ => JsonValueKind.Number,
        };
        if (element.ValueKind != expected)
        {
            problems.Add($"Value '{element.GetRawText()}' at '{(path.Length == 0 ? shapeName : path)}' failed to satisfy constraint: Member must be of type {shape.Type}");
            return null;
        }

        switch (shape.Type)
        {
            case "structure":
                var structure = new JsonObject();
                foreach (var member in shape.Members)
                {
                    if (member.Location == MemberLocation.Body && element.TryGetProperty(member.JsonName, out var property)
                        && ReadBody(member.Shape, property, path.Length == 0 ? member.Name : path + "." + member.Name, problems) is { } value)
                    {
                        structure[member.Name] = value;
                    }
                }

                return structure;
            case "list":
                var list = new JsonArray();
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    index++;
                    list.Add(ReadBody(shape.ListMember!, item, path + "." + index.ToString(CultureInfo.InvariantCulture) + ".member", problems));
                }

                return list;
            case "map":
                var map = new JsonObject();
                foreach (var entry in element.EnumerateObject())
                {
                    map[entry.Name] = ReadBody(shape.MapValue!, entry.Value, path + "." + entry.Name, problems);
                }

                return map;
            case "integer" or "long" or "short" or "byte" when !element.TryGetInt64(out _):
                problems.Add($"Value '{element.GetRawText()}' at '{path}' failed to satisfy constraint: Member must be a whole number");
                return null;
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }
}
