using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Specs;

/// <summary>Specs for the service client class and for one operation's marshalling.</summary>
internal static class ClientSpecs
{
    public static ClientSpec Client(BuildContext context)
    {
        var metadata = context.Model.Metadata;
        var typeName = context.Naming.ClientTypeName;
        return new ClientSpec(
            context.Namespace,
            context.HintName(context.Naming.TypeFile(typeName)),
            typeName,
            metadata.ServiceId,
            metadata.ServiceFullName,
            metadata.EndpointPrefix,
            metadata.SigningName,
            metadata.ApiVersion,
            ShapeSpecs.Docs(metadata.Documentation, $"A client for {DocText.Escape(metadata.ServiceFullName)}."),
            context.Protocol)
        {
            EndpointRulesJson = context.Model.EndpointRules?.JsonLines,
        };
    }

    public static OperationSpec Operation(BuildContext context)
    {
        var operation = context.Operation;
        var input = context.Shapes[operation.Input!.Shape];
        var output = context.Shapes[operation.Output!.Shape];
        var requestType = context.Naming.TypeName(input.Name);
        var responseType = context.Naming.TypeName(output.Name);
        var (path, query) = SplitUri(operation.RequestUri);
        var requestMembers = ShapeSpecs.Members(context, input, requestType, isException: false);
        var greedy = new HashSet<string>(Labels(path).Where(l => l.EndsWith("+")).Select(l => l.TrimEnd('+')));
        requestMembers = requestMembers
            .Select(m => m.Location == MemberLocation.Uri && greedy.Contains(m.WireName) ? m with { IsGreedyLabel = true } : m)
            .ToEquatableArray();
        var responseMembers = ShapeSpecs.Members(context, output, responseType, isException: false);
        ReportUnbindable(context, input, requestMembers);
        var isJson = context.Protocol == ServiceProtocol.Json;
        var auth = OperationAuths.Resolve(operation, context.Model.Metadata);
        if (auth.Unsupported is { } scheme)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, context.Model.FilePath, operation.Span,
                $"The auth scheme '{scheme}'", $"operation {operation.Name} is signed with SigV4, which the service may refuse"));
        }

        return new OperationSpec(
            context.Namespace,
            context.HintName(context.Naming.TypeFile(context.Naming.ClientTypeName), context.Naming.OperationFile(operation.Name)),
            context.Naming.ClientTypeName,
            context.Naming.JsonTypeName,
            operation.Name,
            Naming.Identifiers.OperationMethod(operation.Name),
            operation.HttpMethod,
            operation.ResponseCode,
            PathParts(context, path, requestMembers).ToEquatableArray(),
            QueryParts(query).ToEquatableArray(),
            context.Types.Qualified(requestType),
            context.Types.Qualified(responseType),
            requestMembers,
            responseMembers,
            isJson || input.Payload is not null || requestMembers.Any(m => m.Location == MemberLocation.Body),
            isJson || output.Payload is not null || responseMembers.Any(m => m.Location == MemberLocation.Body),
            operation.Errors
                .Select(e => context.Shapes[e.Shape])
                .Select(s => new ErrorBinding(s.ErrorCode ?? s.Name, context.Types.Qualified(context.Naming.TypeName(s.Name))))
                .GroupBy(binding => binding.ErrorCode, System.StringComparer.Ordinal) // an error listed twice maps once
                .Select(same => same.First())
                .ToEquatableArray(),
            ShapeSpecs.Docs(operation.Documentation, $"Calls the <c>{DocText.Escape(operation.Name)}</c> operation."),
            operation.DeprecatedMessage,
            operation.Deprecated,
            context.Protocol,
            isJson ? JsonRpc(context) : null,
            auth.Auth,
            operation.SigningName)
        {
            EndpointBindings = EndpointBindings.For(context, input, requestMembers),
            HostPrefix = HostPrefixParts(context, input, requestMembers).ToEquatableArray(),
        };
    }

    /// <summary>
    /// botocore's <c>_expand_host_prefix</c>: each <c>{Name}</c> of the operation's <c>endpoint.hostPrefix</c> is the
    /// input member <c>Name</c> marked <c>hostLabel</c>; the rest is literal text.
    /// </summary>
    private static IEnumerable<UriPart> HostPrefixParts(BuildContext context, ShapeModel input, EquatableArray<MemberSpec> members)
    {
        var prefix = context.Operation.HostPrefix;
        if (string.IsNullOrEmpty(prefix))
        {
            yield break;
        }

        foreach (var (text, label) in Pieces(prefix!))
        {
            if (label is null)
            {
                yield return new UriPart(text, null);
                continue;
            }

            var index = input.Members.ToList().FindIndex(m => m.Name == label && m.HostLabel);
            if (index < 0 || context.Types.Map(input.Members[index].Shape).Kind != ValueKind.String)
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidModel, context.Model.FilePath, context.Operation.Span,
                    $"the hostPrefix '{prefix}' of '{context.Operation.Name}' has the label '{{{label}}}' but its input has no string member of "
                    + "that name marked \"hostLabel\": true"));
            }
            else
            {
                yield return new UriPart(string.Empty, members[index]);
            }
        }
    }

    /// <summary>botocore's JSONSerializer: <c>X-Amz-Target: {targetPrefix}.{operation}</c>, <c>application/x-amz-json-{jsonVersion}</c>.</summary>
    private static JsonRpcSpec JsonRpc(BuildContext context)
    {
        var metadata = context.Model.Metadata;
        if (string.IsNullOrEmpty(metadata.TargetPrefix))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, context.Model.FilePath, context.Operation.Span,
                $"the json-protocol operation '{context.Operation.Name}' needs 'metadata.targetPrefix' to name it in X-Amz-Target"));
        }

        // Smithy's awsJson1_0 is the protocol of a model that states no version.
        return new JsonRpcSpec(metadata.TargetPrefix + "." + context.Operation.Name, "application/x-amz-json-" + (metadata.JsonVersion ?? "1.0"));
    }

    /// <summary>
    /// Members bound to the URI, query string or headers must be text on the wire: scalars, lists of scalars (query,
    /// header) and maps of scalars or lists of scalars (query, prefixed headers). A structure there is a model error.
    /// </summary>
    private static void ReportUnbindable(BuildContext context, ShapeModel input, EquatableArray<MemberSpec> members)
    {
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            var type = member.Type;
            var bindable = member.Location switch
            {
                MemberLocation.Uri => IsScalar(type),
                MemberLocation.Query => IsScalar(type)
                    || (type.Kind == ValueKind.List && IsScalar(type.Element!))
                    || (type.Kind == ValueKind.Map && (IsScalar(type.Element!) || (type.Element!.Kind == ValueKind.List && IsScalar(type.Element.Element!)))),
                MemberLocation.Header => IsScalar(type) || (type.Kind == ValueKind.List && IsScalar(type.Element!)),
                MemberLocation.Headers => type.Kind == ValueKind.Map && IsScalar(type.Element!),
                _ => true,
            };
            if (!bindable)
            {
                var model = input.Members[i];
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidModel, context.Model.FilePath, model.Span,
                    $"member '{model.Name}' of shape '{input.Name}' is bound to location '{model.Location}', which carries text, "
                    + $"but its shape '{model.Shape}' ({context.Shapes[model.Shape].Type}) has no text form there"));
            }
        }
    }

    private static bool IsScalar(TypeRef type) => type.Kind is not (ValueKind.Structure or ValueKind.List or ValueKind.Map);

    private static (string Path, string Query) SplitUri(string requestUri)
    {
        var question = requestUri.IndexOf('?');
        return question < 0 ? (requestUri, string.Empty) : (requestUri.Substring(0, question), requestUri.Substring(question + 1));
    }

    /// <summary>Splits a template (<c>/domains/{domainIdentifier}/runs</c>, <c>data-{AccountId}.</c>) into literal text and the labels between braces, in order.</summary>
    private static IEnumerable<(string Text, string? Label)> Pieces(string template)
    {
        var position = 0;
        while (position < template.Length)
        {
            var start = template.IndexOf('{', position);
            var end = start < 0 ? -1 : template.IndexOf('}', start);
            if (start < 0 || end < 0)
            {
                yield return (template.Substring(position), null);
                yield break;
            }

            if (start > position)
            {
                yield return (template.Substring(position, start - position), null);
            }

            yield return (string.Empty, template.Substring(start + 1, end - start - 1));
            position = end + 1;
        }
    }

    private static IEnumerable<string> Labels(string path) => Pieces(path).Where(p => p.Label is not null).Select(p => p.Label!);

    private static IEnumerable<UriPart> PathParts(BuildContext context, string path, EquatableArray<MemberSpec> members)
    {
        foreach (var (text, greedyOrPlain) in Pieces(path))
        {
            if (greedyOrPlain is null)
            {
                yield return new UriPart(text, null);
                continue;
            }

            var label = greedyOrPlain.TrimEnd('+');
            var member = members.FirstOrDefault(m => m.Location == MemberLocation.Uri && m.WireName == label);
            if (member is null)
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidModel, context.Model.FilePath, context.Operation.Span,
                    $"the request URI of '{context.Operation.Name}' has the label '{{{label}}}' but its input has no member with location 'uri' and that locationName"));
            }
            else
            {
                yield return new UriPart(string.Empty, member);
            }
        }
    }

    // A request URI may carry fixed query parameters ("/path?list-type=2"); they are sent on every call.
    private static IEnumerable<UriPart> QueryParts(string query) =>
        query.Split(new[] { '&' }, System.StringSplitOptions.RemoveEmptyEntries).Select(p => new UriPart(p, null));
}
