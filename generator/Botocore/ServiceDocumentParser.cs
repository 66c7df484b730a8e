using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>The shapes and operations of one service-2.json, before paginators are merged in.</summary>
/// <remarks>
/// <see cref="RejectedShapeNames"/> and <see cref="RejectedOperationNames"/> are entries the file defines but that could
/// not be read (already reported), so a reference to one is not reported a second time as undefined.
/// </remarks>
internal sealed record ServiceDocument(
    ServiceMetadataModel Metadata,
    EquatableArray<ShapeModel> Shapes,
    EquatableArray<OperationModel> Operations,
    EquatableArray<string> RejectedShapeNames,
    EquatableArray<string> RejectedOperationNames);

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
    private static readonly string[] UnsupportedOperationTraits = { "httpChecksum", "requestcompression", "endpointdiscovery" };
    private static readonly ModelContext TheModel = ModelContext.Fixed("the model");

    /// <summary>Reads a service-2.json from its text: the whole file into nodes, then the model from them.</summary>
    public static ServiceDocument? Parse(string text, ModelReader reader, CancellationToken cancellationToken)
    {
        var root = PositionedJsonParser.Parse(text);
        cancellationToken.ThrowIfCancellationRequested();
        return Parse(root, reader, cancellationToken);
    }

    public static ServiceDocument? Parse(PositionedNode root, ModelReader reader, CancellationToken cancellationToken)
    {
        if (root is not PositionedObject document)
        {
            reader.Invalid(root.Span, $"the top level must be an object, not {root.Kind}");
            return null;
        }

        var metadataNode = reader.Object(document, "metadata", TheModel);
        var shapesNode = reader.Object(document, "shapes", TheModel);
        var operationsNode = reader.Object(document, "operations", TheModel);
        if (metadataNode is null || shapesNode is null || operationsNode is null)
        {
            reader.Invalid(document.Span, "a service-2.json needs 'metadata', 'operations' and 'shapes' objects");
            return null;
        }

        var metadata = ParseMetadata(metadataNode, document, reader);
        var shapes = new List<ShapeModel>(shapesNode.Properties.Length);
        var rejected = new List<string>();
        foreach (var property in shapesNode.Properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ParseShape(property, reader) is { } shape)
            {
                shapes.Add(shape);
            }
            else
            {
                rejected.Add(property.Name);
            }
        }

        var operations = new List<OperationModel>(operationsNode.Properties.Length);
        var rejectedOperations = new List<string>();
        foreach (var property in operationsNode.Properties)
        {
            if (ParseOperation(property, reader) is { } operation)
            {
                operations.Add(operation);
            }
            else
            {
                rejectedOperations.Add(property.Name);
            }
        }

        return new ServiceDocument(
            metadata,
            SortedByName(shapes, static s => s.Name),
            SortedByName(operations, static o => o.Name),
            SortedByName(rejected, static name => name),
            SortedByName(rejectedOperations, static name => name));
    }

    /// <summary>Orders ordinally by name, keeping file order among equal names; botocore files are usually in order already.</summary>
    internal static EquatableArray<T> SortedByName<T>(List<T> items, Func<T, string> name)
        where T : IEquatable<T>
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(name(items[i - 1]), name(items[i])) > 0)
            {
                return items.OrderBy(name, StringComparer.Ordinal).ToEquatableArray();
            }
        }

        return new EquatableArray<T>(ImmutableArray.CreateRange(items));
    }

    private static ServiceMetadataModel ParseMetadata(PositionedObject metadata, PositionedObject document, ModelReader reader)
    {
        var context = ModelContext.Fixed("'metadata'");
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
            reader.String(document, "documentation", TheModel))
        {
            Protocols = reader.Strings(metadata, "protocols", context),
            TargetPrefix = reader.String(metadata, "targetPrefix", context),
            JsonVersion = reader.String(metadata, "jsonVersion", context),
            SignatureVersion = reader.String(metadata, "signatureVersion", context),
            Auth = reader.Strings(metadata, "auth", context),
        };
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private static ShapeModel? ParseShape(in PositionedProperty property, ModelReader reader)
    {
        var context = ModelContext.Named("shape", property.Name);
        if (property.Value is not PositionedObject shape)
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

        var members = EquatableArray<MemberModel>.Empty;
        if (type == "structure" && reader.Object(shape, "members", context) is { Properties.Length: > 0 } membersNode)
        {
            var parsedMembers = ImmutableArray.CreateBuilder<MemberModel>(membersNode.Properties.Length);
            foreach (var member in membersNode.Properties)
            {
                var parsed = ParseMember(member.Name, member.NameSpan, member.Value, reader, context.Within("member", member.Name));
                if (parsed is not null)
                {
                    parsedMembers.Add(parsed);
                }
            }

            members = new EquatableArray<MemberModel>(parsedMembers.Count == parsedMembers.Capacity ? parsedMembers.MoveToImmutable() : parsedMembers.ToImmutable());
        }

        var enumValues = reader.Strings(shape, "enum", context);
        var error = reader.Object(shape, "error", context);
        var retryable = reader.Object(shape, "retryable", context);
        List<string>? unsupported = null;
        foreach (var trait in UnsupportedShapeTraits)
        {
            if (shape[trait] is { } value && value is not PositionedBoolean { Value: false })
            {
                (unsupported ??= new List<string>()).Add($"The trait '{trait}'");
            }
        }

        if (type is "bigInteger" or "bigDecimal" or "byte" or "short")
        {
            (unsupported ??= new List<string>()).Add($"The type '{type}'");
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
            members,
            reader.Strings(shape, "required", context),
            listMember,
            mapKey,
            mapValue,
            enumValues,
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
            unsupported?.ToEquatableArray() ?? EquatableArray<string>.Empty);
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private static MemberModel? ChildReference(PositionedObject shape, string name, bool expected, ModelReader reader, ModelContext context)
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

        return ParseMember(name, node.Span, node, reader, context.Within(string.Empty, name));
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private static MemberModel? ParseMember(string name, SourceSpan nameSpan, PositionedNode node, ModelReader reader, ModelContext context)
    {
        if (node is not PositionedObject member)
        {
            reader.Invalid(node.Span, $"{context} must be an object, not {node.Kind}");
            return null;
        }

        var shapeNode = member["shape"];
        if (shapeNode is not PositionedString shapeName)
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
            reader.Boolean(member, "hostLabel", context))
        {
            ContextParam = EndpointContextParams.MemberParam(member, reader, context),
        };
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private static OperationModel? ParseOperation(in PositionedProperty property, ModelReader reader)
    {
        var context = ModelContext.Named("operation", property.Name);
        if (property.Value is not PositionedObject operation)
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

        var errors = EquatableArray<ShapeReference>.Empty;
        if (operation["errors"] is PositionedArray { Items.Length: > 0 } errorArray)
        {
            var references = ImmutableArray.CreateBuilder<ShapeReference>(errorArray.Items.Length);
            foreach (var item in errorArray.Items)
            {
                if (Reference(item, reader, context) is { } reference)
                {
                    references.Add(reference);
                }
            }

            errors = new EquatableArray<ShapeReference>(references.Count == references.Capacity ? references.MoveToImmutable() : references.ToImmutable());
        }

        List<string>? unsupported = null;
        foreach (var trait in UnsupportedOperationTraits)
        {
            // botocore discovers endpoints only where the model requires it (its default, "auto"): an optional
            // endpointdiscovery (DynamoDB's) changes nothing on the wire.
            if (trait == "endpointdiscovery" && operation[trait] is PositionedObject discovery
                && reader.Boolean(discovery, "required", context) != true)
            {
                continue;
            }

            if (operation[trait] is not null)
            {
                (unsupported ??= new List<string>()).Add(trait);
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
            errors,
            reader.String(operation, "documentation", context),
            reader.Boolean(operation, "deprecated", context),
            reader.String(operation, "deprecatedMessage", context),
            unsupported?.ToEquatableArray() ?? EquatableArray<string>.Empty)
        {
            Auth = reader.Strings(operation, "auth", context),
            AuthType = reader.String(operation, "authtype", context),
            UnsignedPayload = reader.Boolean(operation, "unsignedPayload", context),
            SigningName = reader.String(operation, "signingName", context),
            HostPrefix = operation["endpoint"] is PositionedObject endpoint ? reader.String(endpoint, "hostPrefix", context) : null,
            StaticContextParams = EndpointContextParams.Static(operation, reader, context),
            OperationContextParams = EndpointContextParams.Paths(operation, reader, context),
        };
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private static ShapeReference? Reference(PositionedNode? node, ModelReader reader, ModelContext context)
    {
        if (node is null)
        {
            return null;
        }

        if (node is PositionedObject reference && reference["shape"] is PositionedString shape)
        {
            return new ShapeReference(shape.Value, shape.Span);
        }

        reader.Invalid(node.Span, $"a shape reference of {context} must be an object with a 'shape' string");
        return null;
    }
}
