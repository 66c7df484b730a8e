using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataZone.Gen.Generator.Common;

namespace DataZone.Gen.Generator.Parsing;

/// <summary>The shapes and operations of one service-2.json, before paginators are merged in.</summary>
internal sealed record ServiceDocument(
    ServiceMetadataModel Metadata,
    EquatableArray<ShapeModel> Shapes,
    EquatableArray<OperationModel> Operations);

/// <summary>Turns a parsed service-2.json into a <see cref="ServiceDocument"/>, reporting located problems.</summary>
internal static class ServiceDocumentParser
{
    private static readonly HashSet<string> KnownShapeTypes = new()
    {
        "structure", "list", "map", "string", "integer", "long", "float", "double", "boolean", "timestamp", "blob",
        "bigInteger", "bigDecimal", "byte", "short",
    };

    // Traits that change the wire format in ways this generator does not emit yet.
    private static readonly string[] UnsupportedShapeTraits = { "eventstream", "streaming", "requiresLength", "xmlNamespace", "flattened" };
    private static readonly string[] UnsupportedOperationTraits = { "endpoint", "httpChecksum", "requestcompression", "endpointdiscovery" };

    public static ServiceDocument? Parse(JsonNode root, ModelReader reader, CancellationToken cancellationToken)
    {
        if (root is not JsonObject document)
        {
            reader.Invalid(root.Span, $"the top level must be an object, not {root.Kind}");
            return null;
        }

        var metadataNode = reader.Object(document, "metadata", "the model");
        var shapesNode = reader.Object(document, "shapes", "the model");
        var operationsNode = reader.Object(document, "operations", "the model");
        if (metadataNode is null || shapesNode is null || operationsNode is null)
        {
            reader.Invalid(document.Span, "a service-2.json needs 'metadata', 'operations' and 'shapes' objects");
            return null;
        }

        var metadata = ParseMetadata(metadataNode, document, reader);
        var shapes = new List<ShapeModel>(shapesNode.Properties.Count);
        foreach (var property in shapesNode.Properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var shape = ParseShape(property, reader);
            if (shape is not null)
            {
                shapes.Add(shape);
            }
        }

        var operations = new List<OperationModel>(operationsNode.Properties.Count);
        foreach (var property in operationsNode.Properties)
        {
            var operation = ParseOperation(property, reader);
            if (operation is not null)
            {
                operations.Add(operation);
            }
        }

        return new ServiceDocument(
            metadata,
            shapes.OrderBy(s => s.Name, System.StringComparer.Ordinal).ToEquatableArray(),
            operations.OrderBy(o => o.Name, System.StringComparer.Ordinal).ToEquatableArray());
    }

    private static ServiceMetadataModel ParseMetadata(JsonObject metadata, JsonObject document, ModelReader reader)
    {
        const string context = "'metadata'";
        var serviceId = reader.String(metadata, "serviceId", context);
        var endpointPrefix = reader.String(metadata, "endpointPrefix", context);
        var protocol = reader.String(metadata, "protocol", context);
        var apiVersion = reader.String(metadata, "apiVersion", context);
        if (serviceId is null || endpointPrefix is null || protocol is null || apiVersion is null)
        {
            reader.Invalid(metadata.Span, "'metadata' needs 'serviceId', 'endpointPrefix', 'protocol' and 'apiVersion'");
        }

        return new ServiceMetadataModel(
            serviceId ?? "Service",
            endpointPrefix ?? string.Empty,
            reader.String(metadata, "signingName", context) ?? endpointPrefix ?? string.Empty,
            apiVersion ?? string.Empty,
            protocol ?? string.Empty,
            reader.String(metadata, "serviceFullName", context) ?? serviceId ?? string.Empty,
            reader.String(document, "documentation", "the model"));
    }

    private static ShapeModel? ParseShape(JsonProperty property, ModelReader reader)
    {
        var context = $"shape '{property.Name}'";
        if (property.Value is not JsonObject shape)
        {
            reader.Invalid(property.Value.Span, $"{context} must be an object, not {property.Value.Kind}");
            return null;
        }

        var type = reader.String(shape, "type", context);
        if (type is null || !KnownShapeTypes.Contains(type))
        {
            reader.Invalid(shape["type"]?.Span ?? property.NameSpan, type is null ? $"{context} has no 'type'" : $"{context} has the unknown type '{type}'");
            return null;
        }

        var members = new List<MemberModel>();
        if (type == "structure")
        {
            var membersNode = reader.Object(shape, "members", context);
            foreach (var member in membersNode?.Properties ?? new List<JsonProperty>())
            {
                var parsed = ParseMember(member.Name, member.NameSpan, member.Value, reader, $"member '{member.Name}' of {context}");
                if (parsed is not null)
                {
                    members.Add(parsed);
                }
            }
        }

        var enumValues = reader.Strings(shape, "enum", context).Select(v => v.Value);
        var error = reader.Object(shape, "error", context);
        var retryable = reader.Object(shape, "retryable", context);
        var unsupported = UnsupportedShapeTraits
            .Where(t => shape[t] is not null && !(shape[t] is JsonBoolean { Value: false }))
            .Select(t => $"The trait '{t}'");
        if (type is "bigInteger" or "bigDecimal" or "byte" or "short")
        {
            unsupported = unsupported.Append($"The type '{type}'");
        }

        var listMember = ChildReference(shape, "member", type == "list", reader, context);
        var mapKey = ChildReference(shape, "key", type == "map", reader, context);
        var mapValue = ChildReference(shape, "value", type == "map", reader, context);
        if ((type == "list" && listMember is null) || (type == "map" && (mapKey is null || mapValue is null)))
        {
            return null; // Already reported by ChildReference; a list or map without its parts cannot be typed.
        }

        return new ShapeModel(
            property.Name,
            type,
            property.NameSpan,
            reader.String(shape, "documentation", context),
            members.ToEquatableArray(),
            reader.Strings(shape, "required", context).Select(r => r.Value).ToEquatableArray(),
            listMember,
            mapKey,
            mapValue,
            enumValues.ToEquatableArray(),
            reader.Number(shape, "min", context),
            reader.Number(shape, "max", context),
            reader.String(shape, "timestampFormat", context),
            reader.Boolean(shape, "sensitive", context),
            reader.Boolean(shape, "union", context),
            reader.Boolean(shape, "exception", context),
            reader.Boolean(shape, "fault", context),
            error is null ? null : reader.Integer(error, "httpStatusCode", context),
            error is null ? null : reader.String(error, "code", context),
            retryable is not null,
            retryable is not null && reader.Boolean(retryable, "throttling", context),
            reader.Boolean(shape, "document", context),
            reader.Boolean(shape, "streaming", context),
            reader.Boolean(shape, "eventstream", context),
            reader.String(shape, "payload", context),
            unsupported.ToEquatableArray());
    }

    private static MemberModel? ChildReference(JsonObject shape, string name, bool expected, ModelReader reader, string context)
    {
        var node = shape[name];
        if (node is null)
        {
            if (expected)
            {
                reader.Invalid(shape.Span, $"{context} needs a '{name}'");
            }

            return null;
        }

        return ParseMember(name, node.Span, node, reader, $"'{name}' of {context}");
    }

    private static MemberModel? ParseMember(string name, SourceSpan nameSpan, JsonNode node, ModelReader reader, string context)
    {
        if (node is not JsonObject member)
        {
            reader.Invalid(node.Span, $"{context} must be an object, not {node.Kind}");
            return null;
        }

        var shapeNode = member["shape"];
        if (shapeNode is not JsonString shapeName)
        {
            reader.Invalid(shapeNode?.Span ?? nameSpan, $"{context} needs a 'shape' string");
            return null;
        }

        return new MemberModel(
            name,
            nameSpan,
            shapeName.Value,
            shapeName.Span,
            reader.String(member, "location", context),
            reader.String(member, "locationName", context),
            reader.String(member, "documentation", context),
            reader.Boolean(member, "idempotencyToken", context),
            reader.Boolean(member, "deprecated", context),
            reader.String(member, "deprecatedMessage", context),
            reader.String(member, "timestampFormat", context),
            reader.Boolean(member, "jsonvalue", context),
            reader.Boolean(member, "hostLabel", context));
    }

    private static OperationModel? ParseOperation(JsonProperty property, ModelReader reader)
    {
        var context = $"operation '{property.Name}'";
        if (property.Value is not JsonObject operation)
        {
            reader.Invalid(property.Value.Span, $"{context} must be an object, not {property.Value.Kind}");
            return null;
        }

        var http = reader.Object(operation, "http", context);
        var method = http is null ? null : reader.String(http, "method", context);
        var requestUri = http is null ? null : reader.String(http, "requestUri", context);
        if (method is null || requestUri is null)
        {
            reader.Invalid(http?.Span ?? property.NameSpan, $"{context} needs 'http' with 'method' and 'requestUri'");
            return null;
        }

        var errors = new List<ShapeReference>();
        if (operation["errors"] is JsonArray errorArray)
        {
            foreach (var item in errorArray.Items)
            {
                if (Reference(item, reader, context) is { } reference)
                {
                    errors.Add(reference);
                }
            }
        }

        return new OperationModel(
            property.Name,
            property.NameSpan,
            method,
            requestUri,
            reader.Integer(http!, "responseCode", context) ?? 200,
            Reference(operation["input"], reader, context),
            Reference(operation["output"], reader, context),
            errors.ToEquatableArray(),
            reader.String(operation, "documentation", context),
            reader.Boolean(operation, "deprecated", context),
            reader.String(operation, "deprecatedMessage", context),
            UnsupportedOperationTraits.Where(t => operation[t] is not null).ToEquatableArray());
    }

    private static ShapeReference? Reference(JsonNode? node, ModelReader reader, string context)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonObject reference && reference["shape"] is JsonString shape)
        {
            return new ShapeReference(shape.Value, shape.Span);
        }

        reader.Invalid(node.Span, $"a shape reference of {context} must be an object with a 'shape' string");
        return null;
    }
}
