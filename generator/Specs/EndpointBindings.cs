using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;

namespace DataZone.Gen.Generator.Specs;

/// <summary>How one endpoint parameter of an operation gets its value.</summary>
internal enum EndpointBindingKind
{
    /// <summary>A fixed value (<c>staticContextParams</c>).</summary>
    Static,

    /// <summary>The value at the end of <see cref="EndpointBindingSpec.Path"/>: a string, enum, boolean or list of them.</summary>
    Value,

    /// <summary>The keys of the map at the end of the path (<c>keys(Map)</c>).</summary>
    Keys,

    /// <summary>Each item of the list at the end of the path, or what each item path reaches in it (<c>List[*].a</c>).</summary>
    Projection,
}

/// <summary>What a path reaches: its kind, and for a value type the C# type, so generated code can read it as nullable.</summary>
internal sealed record EndpointValueSpec(ValueKind Kind, string? ValueTypeName, ValueKind? ElementKind, string? ElementValueTypeName);

/// <summary>The C# property names from a projected item to a string or enum, and what that is (an empty path: the item itself).</summary>
internal sealed record EndpointItemPath(EquatableArray<string> Properties, EndpointValueSpec Value);

/// <summary>
/// One endpoint parameter an operation binds. <see cref="Path"/> holds C# property names from the request;
/// <see cref="ItemPaths"/> what is taken from each projected item.
/// </summary>
internal sealed record EndpointBindingSpec(
    string ParameterName,
    EndpointBindingKind Kind,
    EquatableArray<string> Path,
    EndpointValueSpec? Value,
    EquatableArray<EndpointItemPath> ItemPaths,
    string StaticType,
    bool StaticBoolean,
    EquatableArray<string> StaticStrings);

/// <summary>
/// The endpoint parameters an operation binds, in botocore's precedence (<c>_resolve_param_from_context</c>: static,
/// then a member's <c>contextParam</c>, then <c>operationContextParams</c>): generated code sets them in the reverse
/// order, each only when it has a value, so the stronger one is set last and an absent one leaves the client's value.
/// Only parameters the rule set declares are bound, as botocore binds only those.
/// </summary>
internal static class EndpointBindings
{
    public static EquatableArray<EndpointBindingSpec> For(BuildContext context, ShapeModel input, EquatableArray<MemberSpec> requestMembers)
    {
        var declared = context.Model.EndpointRules?.Parameters.ToDictionary(p => p.Name, p => p.Type, System.StringComparer.Ordinal);
        if (declared is null)
        {
            return EquatableArray<EndpointBindingSpec>.Empty;
        }

        var operation = context.Operation;
        var bindings = new List<EndpointBindingSpec>();
        foreach (var parameter in operation.OperationContextParams)
        {
            if (declared.TryGetValue(parameter.Name, out var type) && PathBinding(context, input, parameter, type) is { } binding)
            {
                bindings.Add(binding);
            }
        }

        for (var i = 0; i < input.Members.Count; i++)
        {
            if (input.Members[i].ContextParam is { } name && declared.TryGetValue(name, out var type))
            {
                var value = ValueOf(requestMembers[i].Type);
                if (Fits(value, type))
                {
                    bindings.Add(new EndpointBindingSpec(
                        name, EndpointBindingKind.Value, new[] { requestMembers[i].PropertyName }.ToEquatableArray(), value,
                        EquatableArray<EndpointItemPath>.Empty, string.Empty, false, EquatableArray<string>.Empty));
                }
                else
                {
                    Unsupported(context, input.Members[i].Span, $"The context parameter '{name}' of member '{input.Members[i].Name}'",
                        $"the rule set declares it a {type}, and the member's shape '{input.Members[i].Shape}' is not one");
                }
            }
        }

        foreach (var parameter in operation.StaticContextParams)
        {
            if (!declared.TryGetValue(parameter.Name, out var type))
            {
                continue;
            }

            if (type != parameter.Type)
            {
                Unsupported(context, parameter.Span, $"The static context parameter '{parameter.Name}'", $"the rule set declares it a {type}, not a {parameter.Type}");
                continue;
            }

            bindings.Add(new EndpointBindingSpec(
                parameter.Name, EndpointBindingKind.Static, EquatableArray<string>.Empty, null, EquatableArray<EndpointItemPath>.Empty,
                parameter.Type, parameter.Boolean, parameter.Strings));
        }

        return bindings.ToEquatableArray();
    }

    private static EndpointBindingSpec? PathBinding(BuildContext context, ShapeModel input, OperationContextParamModel parameter, string type)
    {
        var path = OperationContextPath.Parse(parameter.Path);
        if (path is null)
        {
            Unsupported(context, parameter.Span, $"The operation context path '{parameter.Path}'",
                "only member chains (a.b), keys(a.b), one projection (a[*].b, a[*].[b, c][], a[]) are compiled");
            return null;
        }

        var (properties, reached) = Walk(context, input, path.Prefix);
        if (reached is null)
        {
            Unsupported(context, parameter.Span, $"The operation context path '{parameter.Path}'", "it names a member the input does not have");
            return null;
        }

        var noItems = EquatableArray<EndpointItemPath>.Empty;
        switch (path.Kind)
        {
            case EndpointBindingKind.Keys when reached.Kind == ValueKind.Map && type == "stringArray":
                return new EndpointBindingSpec(parameter.Name, EndpointBindingKind.Keys, properties, reached, noItems, string.Empty, false, EquatableArray<string>.Empty);
            case EndpointBindingKind.Value when Fits(reached, type):
                return new EndpointBindingSpec(parameter.Name, EndpointBindingKind.Value, properties, reached, noItems, string.Empty, false, EquatableArray<string>.Empty);
            case EndpointBindingKind.Projection when reached.Kind == ValueKind.List && type == "stringArray":
                var element = context.Shapes[ListElementShape(context, input, path.Prefix)!];
                var items = new List<EndpointItemPath>();
                foreach (var itemPath in path.ItemPaths)
                {
                    var (itemProperties, itemValue) = itemPath.Count == 0 ? (EquatableArray<string>.Empty, ValueOf(context.Types.Map(element.Name)))
                        : Walk(context, element, itemPath);
                    if (itemValue is null || itemValue.Kind is not (ValueKind.String or ValueKind.Enum))
                    {
                        Unsupported(context, parameter.Span, $"The operation context path '{parameter.Path}'", "each projected value must be a string or enum member");
                        return null;
                    }

                    items.Add(new EndpointItemPath(itemProperties, itemValue));
                }

                return new EndpointBindingSpec(
                    parameter.Name, EndpointBindingKind.Projection, properties, reached, items.ToEquatableArray(), string.Empty, false, EquatableArray<string>.Empty);
            default:
                Unsupported(context, parameter.Span, $"The operation context path '{parameter.Path}'", $"what it reaches is not a {type}");
                return null;
        }
    }

    /// <summary>Follows member names from a structure, giving the C# property names and what the last one holds.</summary>
    private static (EquatableArray<string> Properties, EndpointValueSpec? Value) Walk(BuildContext context, ShapeModel start, IReadOnlyList<string> names)
    {
        var properties = new List<string>(names.Count);
        var shape = start;
        TypeRef? type = null;
        foreach (var name in names)
        {
            if (shape is null || shape.Type != "structure")
            {
                return (EquatableArray<string>.Empty, null);
            }

            var index = IndexOf(shape, name);
            if (index < 0)
            {
                return (EquatableArray<string>.Empty, null);
            }

            var member = ShapeSpecs.Members(context, shape, context.Naming.TypeName(shape.Name), isException: false)[index];
            properties.Add(member.PropertyName);
            type = member.Type;
            shape = context.Shapes.TryGetValue(shape.Members[index].Shape, out var next) ? next : null;
        }

        return (properties.ToEquatableArray(), type is null ? null : ValueOf(type));
    }

    private static string? ListElementShape(BuildContext context, ShapeModel start, IReadOnlyList<string> names)
    {
        var shape = start;
        foreach (var name in names)
        {
            shape = context.Shapes[shape.Members[IndexOf(shape, name)].Shape];
        }

        return shape.ListMember?.Shape;
    }

    private static int IndexOf(ShapeModel shape, string memberName)
    {
        for (var i = 0; i < shape.Members.Count; i++)
        {
            if (shape.Members[i].Name == memberName)
            {
                return i;
            }
        }

        return -1;
    }

    private static EndpointValueSpec ValueOf(TypeRef type) => new(
        type.Kind,
        type.IsValueType ? type.TypeName : null,
        type.Element?.Kind,
        type.Element is { IsValueType: true } element ? element.TypeName : null);

    /// <summary>Whether a value of this kind can be given to a rule-set parameter of <paramref name="type"/>.</summary>
    private static bool Fits(EndpointValueSpec value, string type) => type switch
    {
        "string" => value.Kind is ValueKind.String or ValueKind.Enum,
        "boolean" => value.Kind == ValueKind.Boolean,
        _ => value.Kind == ValueKind.List && value.ElementKind is ValueKind.String or ValueKind.Enum,
    };

    private static void Unsupported(BuildContext context, Json.SourceSpan span, string what, string why) =>
        context.Diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.UnsupportedFeature, context.Model.FilePath, span, what, why + "; the endpoint parameter is left to the rule set's default"));
}
