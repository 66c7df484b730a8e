using System.Linq;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Specs;

/// <summary>Specs for the types a shape becomes: a record, an enum struct, an exception, or list/map JSON helpers.</summary>
internal static class ShapeSpecs
{
    public static FileSpec? For(BuildContext context, ShapeModel shape)
    {
        switch (shape.Type)
        {
            case "structure" when shape.IsDocument:
                return null;
            case "structure" when shape.IsException:
                var exceptionName = context.Naming.TypeName(shape.Name);
                return new ExceptionSpec(
                    context.Namespace,
                    context.HintName(context.Naming.TypeFile(exceptionName)),
                    exceptionName,
                    shape.Name,
                    context.Naming.JsonTypeName,
                    shape.ErrorCode ?? shape.Name,
                    shape.HttpStatusCode ?? (shape.IsFault ? 500 : 400),
                    shape.IsRetryable,
                    shape.IsThrottling,
                    shape.IsFault,
                    Docs(shape.Documentation, $"The service returned the <c>{DocText.Escape(shape.Name)}</c> error."),
                    Members(context, shape, exceptionName, isException: true)
                        .Where(m => m.PropertyName != "MessageValue" || m.WireName is not ("message" or "Message"))
                        .ToEquatableArray());
            case "structure":
                var typeName = context.Naming.TypeName(shape.Name);
                return new StructureSpec(
                    context.Namespace,
                    context.HintName(context.Naming.TypeFile(typeName)),
                    typeName,
                    shape.Name,
                    context.Naming.JsonTypeName,
                    Docs(shape.Documentation, DefaultStructureDoc(context, shape)),
                    shape.IsUnion,
                    shape.Sensitive,
                    shape.IsEventStream ? EventMembers(context, shape, typeName) : Members(context, shape, typeName, isException: false),
                    context.UsageOf(shape.Name));
            case "string" when !shape.EnumValues.IsEmpty:
                var enumName = context.Naming.TypeName(shape.Name);
                var memberNames = ServiceNaming.EnumMemberNames(shape.EnumValues, enumName);
                return new EnumSpec(
                    context.Namespace,
                    context.HintName(context.Naming.TypeFile(enumName)),
                    enumName,
                    shape.Name,
                    Docs(shape.Documentation, $"The values of <c>{DocText.Escape(shape.Name)}</c>."),
                    shape.EnumValues.Select((v, i) => new EnumValueSpec(memberNames[i], v)).ToEquatableArray(),
                    context.UsageOf(shape.Name));
            case "list":
            case "map":
                var method = context.Naming.CollectionMethod(shape.Name);
                return new CollectionSpec(
                    context.Namespace,
                    context.HintName(context.Naming.TypeFile(context.Naming.JsonTypeName), context.Naming.CollectionFile(shape.Name)),
                    context.Naming.JsonTypeName,
                    shape.Name,
                    context.Types.Map(shape.Name),
                    context.UsageOf(shape.Name));
            default:
                return null;
        }
    }

    public static EquatableArray<MemberSpec> Members(BuildContext context, ShapeModel shape, string typeName, bool isException)
    {
        var names = ServiceNaming.MemberNames(shape.Members, typeName, isException);
        return shape.Members.Select((m, i) => Member(context, shape, m, names[i])).ToEquatableArray();
    }

    /// <summary>An event stream's events; its error events (exception members) are errors, never values, and are left out.</summary>
    private static EquatableArray<MemberSpec> EventMembers(BuildContext context, ShapeModel shape, string typeName)
    {
        var members = Members(context, shape, typeName, isException: false);
        return members.AsImmutableArray().Where((_, i) => !context.Shapes[shape.Members[i].Shape].IsException).ToEquatableArray();
    }

    private static MemberSpec Member(BuildContext context, ShapeModel owner, MemberModel member, string propertyName)
    {
        var target = context.Shapes[member.Shape];
        // The json protocol sends the whole input as the body and reads the whole output from it: no HTTP bindings.
        var location = context.Protocol == ServiceProtocol.Json ? MemberLocation.Body : member.Location switch
        {
            "uri" => MemberLocation.Uri,
            "querystring" => MemberLocation.Query,
            "header" => MemberLocation.Header,
            "headers" => MemberLocation.Headers,
            "statusCode" => MemberLocation.StatusCode,
            _ => MemberLocation.Body,
        };
        var type = context.Types.Map(member.Shape, member.TimestampFormat);
        return new MemberSpec(
            propertyName,
            member.LocationName ?? member.Name,
            location,
            type,
            !owner.IsUnion && owner.Required.Contains(member.Name),
            target.Sensitive,
            IsGreedyLabel: false,
            member.IdempotencyToken,
            context.Protocol != ServiceProtocol.Json && owner.Payload == member.Name,
            Docs(member.Documentation, $"The <c>{DocText.Escape(member.Name)}</c> value."),
            member.DeprecatedMessage,
            member.Deprecated,
            Checkable(target.Min, type),
            Checkable(target.Max, type));
    }

    /// <summary>
    /// A modeled bound as a check can state it: a bound beyond what the checked value can hold (an int's length,
    /// count or value, a long's value) is always met, and comparing with it would not compile cleanly (CS0652).
    /// </summary>
    private static double? Checkable(double? bound, TypeRef type)
    {
        var (low, high) = type.Kind switch
        {
            ValueKind.Long => ((double)long.MinValue, (double)long.MaxValue),
            ValueKind.Float or ValueKind.Double => (double.MinValue, double.MaxValue),
            _ => ((double)int.MinValue, (double)int.MaxValue), // int values, string lengths, list and map counts
        };
        return bound is { } value && value >= low && value <= high ? value : null;
    }

    private static string DefaultStructureDoc(BuildContext context, ShapeModel shape)
    {
        foreach (var operation in context.Model.Operations)
        {
            if (operation.Input?.Shape == shape.Name)
            {
                return $"The request of the <c>{DocText.Escape(operation.Name)}</c> operation.";
            }

            if (operation.Output?.Shape == shape.Name)
            {
                return $"The response of the <c>{DocText.Escape(operation.Name)}</c> operation.";
            }
        }

        return $"The <c>{DocText.Escape(shape.Name)}</c> structure.";
    }

    public static EquatableArray<string> Docs(string? html, string fallback)
    {
        var lines = DocumentationConverter.ToLines(html);
        return (lines.Count == 0 ? new[] { fallback } : lines).ToEquatableArray();
    }
}
