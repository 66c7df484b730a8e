using System.Collections.Generic;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>
/// Reads what binds an operation's endpoint parameters in service-2.json: an input member's <c>contextParam</c>, the
/// operation's <c>staticContextParams</c> and <c>operationContextParams</c> (botocore's <c>EndpointRulesetResolver</c>).
/// </summary>
internal static class EndpointContextParams
{
    public static string? MemberParam(PositionedObject member, ModelReader reader, ModelContext context)
    {
        var node = reader.Object(member, "contextParam", context);
        if (node is null)
        {
            return null;
        }

        var name = reader.String(node, "name", context);
        if (string.IsNullOrEmpty(name))
        {
            reader.Invalid(node.Span, $"'contextParam' of {context} needs a 'name'");
            return null;
        }

        return name;
    }

    public static EquatableArray<StaticContextParamModel> Static(PositionedObject operation, ModelReader reader, ModelContext context)
    {
        var node = reader.Object(operation, "staticContextParams", context);
        if (node is null)
        {
            return EquatableArray<StaticContextParamModel>.Empty;
        }

        var parameters = new List<StaticContextParamModel>(node.Properties.Length);
        foreach (var property in node.Properties)
        {
            var value = property.Value is PositionedObject entry ? entry["value"] : null;
            switch (value)
            {
                case PositionedBoolean flag:
                    parameters.Add(new StaticContextParamModel(property.Name, property.NameSpan, "boolean", flag.Value, EquatableArray<string>.Empty));
                    break;
                case PositionedString text:
                    parameters.Add(new StaticContextParamModel(property.Name, property.NameSpan, "string", false, new[] { text.Value }.ToEquatableArray()));
                    break;
                case PositionedArray array when AllStrings(array, out var strings):
                    parameters.Add(new StaticContextParamModel(property.Name, property.NameSpan, "stringArray", false, strings));
                    break;
                default:
                    reader.Invalid(
                        value?.Span ?? property.NameSpan,
                        $"the static context parameter '{property.Name}' of {context} needs a 'value' that is a boolean, a string or an array of strings");
                    break;
            }
        }

        return parameters.ToEquatableArray();
    }

    public static EquatableArray<OperationContextParamModel> Paths(PositionedObject operation, ModelReader reader, ModelContext context)
    {
        var node = reader.Object(operation, "operationContextParams", context);
        if (node is null)
        {
            return EquatableArray<OperationContextParamModel>.Empty;
        }

        var parameters = new List<OperationContextParamModel>(node.Properties.Length);
        foreach (var property in node.Properties)
        {
            if (property.Value is PositionedObject entry && entry["path"] is PositionedString path)
            {
                parameters.Add(new OperationContextParamModel(property.Name, path.Span, path.Value));
            }
            else
            {
                reader.Invalid(property.Value.Span, $"the operation context parameter '{property.Name}' of {context} needs a 'path' string");
            }
        }

        return parameters.ToEquatableArray();
    }

    private static bool AllStrings(PositionedArray array, out EquatableArray<string> strings)
    {
        var items = new List<string>(array.Items.Length);
        foreach (var item in array.Items)
        {
            if (item is not PositionedString text)
            {
                strings = EquatableArray<string>.Empty;
                return false;
            }

            items.Add(text.Value);
        }

        strings = items.ToEquatableArray();
        return true;
    }
}
