using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>
/// One endpoint parameter binding as the template places it: the expressions that read the value (as nullable, so it
/// is set only when present and an absent member leaves the client's value) and turn it into the parameter's text.
/// </summary>
internal sealed class EndpointBindingView
{
    private EndpointBindingView(EndpointBindingSpec spec, int index)
    {
        NameLiteral = MemberView.Literal(spec.ParameterName);
        IsStatic = spec.Kind == EndpointBindingKind.Static;
        IsValue = spec.Kind == EndpointBindingKind.Value;
        IsKeys = spec.Kind == EndpointBindingKind.Keys;

        // Pattern variables of an if's condition live on in the enclosing block: each binding numbers its own.
        Local = "value" + index;
        Source = IsStatic ? string.Empty : Read("request", spec.Path, spec.Value!, nullableStart: false);
        Text = IsValue ? TextOf(Local, spec.Value!) : Local;
        StaticValue = IsStatic ? StaticValueOf(spec) : string.Empty;
        Items = spec.ItemPaths
            .Select((item, i) => new EndpointItemView("found" + i, Read("item", item.Properties, item.Value, nullableStart: true), TextOf("found" + i, item.Value)))
            .ToList();
    }

    public string NameLiteral { get; }

    /// <summary>A fixed value (<see cref="StaticValue"/>).</summary>
    public bool IsStatic { get; }

    /// <summary>The value <see cref="Source"/> reads, as <see cref="Text"/>.</summary>
    public bool IsValue { get; }

    /// <summary>The keys of the map <see cref="Source"/> reads.</summary>
    public bool IsKeys { get; }

    /// <summary>The local the read value is held in.</summary>
    public string Local { get; }

    /// <summary>The expression that reads the value from <c>request</c>; null when any member on the way is.</summary>
    public string Source { get; }

    /// <summary>The value in <see cref="Local"/> as the parameter takes it (an enum's wire text).</summary>
    public string Text { get; }

    public string StaticValue { get; }

    /// <summary>For a projection, what each item of the list adds.</summary>
    public IReadOnlyList<EndpointItemView> Items { get; }

    public static IReadOnlyList<EndpointBindingView> Of(EquatableArray<EndpointBindingSpec> bindings) =>
        bindings.Select((binding, index) => new EndpointBindingView(binding, index)).ToList();

    /// <summary>
    /// <c>request.A?.B</c>; a value type is cast to its nullable form, so one pattern reads a required (non-nullable)
    /// and an optional member alike. A projected item may be null, so its path starts with <c>?.</c>.
    /// </summary>
    private static string Read(string root, EquatableArray<string> path, EndpointValueSpec value, bool nullableStart)
    {
        var access = root + string.Concat(path.Select((property, i) => (i == 0 && !nullableStart ? "." : "?.") + property));
        return value.ValueTypeName is { } valueType ? $"(({valueType}?){access})" : access;
    }

    private static string TextOf(string local, EndpointValueSpec value) => value.Kind switch
    {
        ValueKind.Enum => local + ".ToString()",
        ValueKind.List when value.ElementKind == ValueKind.Enum => $"global::System.Linq.Enumerable.Select({local}, static item => item.ToString())",
        _ => local,
    };

    private static string StaticValueOf(EndpointBindingSpec binding) => binding.StaticType switch
    {
        "boolean" => binding.StaticBoolean ? "true" : "false",
        "string" => MemberView.Literal(binding.StaticStrings[0]),
        _ => "new string[] { " + string.Join(", ", binding.StaticStrings.Select(MemberView.Literal)) + " }",
    };
}

/// <summary>What one projected item adds: read with <see cref="Source"/> into <see cref="Local"/>, added as <see cref="Text"/>.</summary>
internal sealed record EndpointItemView(string Local, string Source, string Text);
