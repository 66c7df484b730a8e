using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>
/// One endpoint parameter binding as the statements that set it, relative to the binder method's body. Every value is
/// read as nullable and set only when present, so an absent member leaves the client's value (botocore's order).
/// </summary>
internal sealed class EndpointBindingView
{
    private const string Parameters = "parameters";

    private EndpointBindingView(IReadOnlyList<string> lines) => Lines = lines;

    public IReadOnlyList<string> Lines { get; }

    public static IReadOnlyList<EndpointBindingView> Of(EquatableArray<EndpointBindingSpec> bindings) =>
        bindings.Select((binding, index) => new EndpointBindingView(Statements(binding, index))).ToList();

    // Pattern variables of an if's condition live on in the enclosing block: each binding numbers its own.
    private static IReadOnlyList<string> Statements(EndpointBindingSpec binding, int index)
    {
        var name = MemberView.Literal(binding.ParameterName);
        if (binding.Kind == EndpointBindingKind.Static)
        {
            return new[] { $"{Parameters}.Set({name}, {StaticValue(binding)});" };
        }

        var source = Read("request", binding.Path, binding.Value!);
        var value = "value" + index;
        switch (binding.Kind)
        {
            case EndpointBindingKind.Value:
                return new[] { $"if ({source} is {{ }} {value}) {Parameters}.Set({name}, {Text(value, binding.Value!)});" };
            case EndpointBindingKind.Keys:
                return new[] { $"if ({source} is {{ }} {value}) {Parameters}.Set({name}, {value}.Keys);" };
            default:
                var lines = new List<string>
                {
                    $"if ({source} is {{ }} {value})",
                    "{",
                    "    var values = new global::System.Collections.Generic.List<string>();",
                    $"    foreach (var item in {value})",
                    "    {",
                };
                var found = 0;
                foreach (var itemPath in binding.ItemPaths)
                {
                    var local = "found" + found++;
                    lines.Add($"        if ({Read("item", itemPath.Properties, itemPath.Value, nullableStart: true)} is {{ }} {local}) values.Add({Text(local, itemPath.Value)});");
                }

                lines.Add("    }");
                lines.Add($"    {Parameters}.Set({name}, values);");
                lines.Add("}");
                return lines;
        }
    }

    /// <summary>
    /// <c>request.A?.B</c>; a value type is cast to its nullable form, so the same pattern reads a required
    /// (non-nullable) and an optional member. An item path's leaf is a string or an enum's text.
    /// </summary>
    private static string Read(string root, EquatableArray<string> path, EndpointValueSpec value, bool nullableStart = false)
    {
        var access = root + string.Concat(path.Select((property, i) => (i == 0 && !nullableStart ? "." : "?.") + property));
        return value.ValueTypeName is { } valueType ? $"(({valueType}?){access})" : access;
    }

    private static string Text(string local, EndpointValueSpec value) => value.Kind switch
    {
        ValueKind.Enum => local + ".ToString()",
        ValueKind.List when value.ElementKind == ValueKind.Enum => $"global::System.Linq.Enumerable.Select({local}, static item => item.ToString())",
        _ => local,
    };

    private static string StaticValue(EndpointBindingSpec binding) => binding.StaticType switch
    {
        "boolean" => binding.StaticBoolean ? "true" : "false",
        "string" => MemberView.Literal(binding.StaticStrings[0]),
        _ => "new string[] { " + string.Join(", ", binding.StaticStrings.Select(MemberView.Literal)) + " }",
    };
}
