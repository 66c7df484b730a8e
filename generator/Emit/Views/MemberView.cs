using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Naming;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>A member as a template places it: names escaped, types qualified, code fragments ready.</summary>
internal sealed class MemberView
{
    // Locals of generated methods that a member's local must not hide.
    private static readonly HashSet<string> ReservedLocals = new()
    {
        "reader", "writer", "value", "problems", "path", "request", "response", "http", "builder", "details", "items",
        "item", "index", "unknown", "name", "key", "text", "body", "result", "buffer", "cancellationToken",
    };

    public MemberView(MemberSpec spec, string jsonTypeName, bool forceOptional = false)
    {
        Spec = spec;
        Name = spec.PropertyName;
        var local = Identifiers.Camel(spec.PropertyName.TrimStart('@'));
        Local = ReservedLocals.Contains(local.TrimStart('@')) ? local.TrimStart('@') + "Value" : local;
        WireName = spec.WireName;
        WireNameLiteral = Literal(spec.WireName);
        IsRequired = spec.IsRequired && !forceOptional;
        BaseType = spec.Type.TypeName;
        Type = IsRequired ? BaseType : BaseType + "?";
        IsValueType = spec.Type.IsValueType;
        IsBody = spec.Location == MemberLocation.Body;
        ReadMethod = CodeFragments.Reader(spec.Type, jsonTypeName);
        WriteMethod = CodeFragments.Writer(spec.Type, jsonTypeName);
        ReadHelper = IsValueType ? "ReadValueMember" : "ReadMember";
        Documentation = spec.Documentation.ToList();
        Obsolete = spec.IsDeprecated ? "[global::System.Obsolete(" + Literal(spec.DeprecatedMessage ?? "This member is deprecated.") + ")]" : null;
        Checks = ValidationChecks().ToList();
    }

    public MemberSpec Spec { get; }

    public string Name { get; }

    public string Local { get; }

    public string WireName { get; }

    public string WireNameLiteral { get; }

    public bool IsRequired { get; }

    public string BaseType { get; }

    public string Type { get; }

    public bool IsValueType { get; }

    public bool IsBody { get; }

    public bool IsSensitive => Spec.IsSensitive;

    public string ReadMethod { get; }

    public string WriteMethod { get; }

    public string ReadHelper { get; }

    public IReadOnlyList<string> Documentation { get; }

    public string? Obsolete { get; }

    /// <summary>The lines of this member's validation statements, indented relative to each other.</summary>
    public IReadOnlyList<string> Checks { get; }

    public static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    private IEnumerable<string> ValidationChecks()
    {
        var label = Name;
        var canBeNull = !IsValueType || !IsRequired;
        if (Spec.IsRequired && canBeNull)
        {
            foreach (var line in Block($"{Name} is null", $"problems.Add(path + \"{label} is required.\");"))
            {
                yield return line;
            }
        }

        var min = SpecBuilder.FormatNumber(Spec.Min);
        var max = SpecBuilder.FormatNumber(Spec.Max);
        var measure = Spec.Type.Kind switch
        {
            ValueKind.String => ".Length",
            ValueKind.List or ValueKind.Map => ".Count",
            ValueKind.Integer or ValueKind.Long or ValueKind.Float or ValueKind.Double => string.Empty,
            _ => null,
        };
        if (measure is not null && (min.Length > 0 || max.Length > 0))
        {
            var what = measure == ".Length" ? "length" : measure == ".Count" ? "count" : "value";
            var conditions = new List<string>();
            if (min.Length > 0)
            {
                conditions.Add($"{Local}{measure} < {min}");
            }

            if (max.Length > 0)
            {
                conditions.Add($"{Local}{measure} > {max}");
            }

            var bounds = min.Length > 0 && max.Length > 0 ? $"between {min} and {max}" : min.Length > 0 ? $"at least {min}" : $"at most {max}";
            var condition = $"{Name} is {{ }} {Local} && ({string.Join(" || ", conditions)})";
            foreach (var line in Block(condition, $"problems.Add(path + $\"{label} must have a {what} {bounds}, but it is {{{Local}{measure}}}.\");"))
            {
                yield return line;
            }
        }

        if (Spec.Type.Kind == ValueKind.Structure)
        {
            yield return $"{Name}?.CollectValidationProblems(problems, path + \"{label}.\");";
        }
        else if (Spec.Type.Kind == ValueKind.List && Spec.Type.Element!.Kind == ValueKind.Structure)
        {
            yield return $"if ({Name} is {{ }} {Local}Items)";
            yield return "{";
            yield return $"    for (var index = 0; index < {Local}Items.Count; index++)";
            yield return "    {";
            yield return $"        {Local}Items[index]?.CollectValidationProblems(problems, path + \"{label}[\" + index + \"].\");";
            yield return "    }";
            yield return "}";
        }
    }

    private static IEnumerable<string> Block(string condition, string statement)
    {
        yield return $"if ({condition})";
        yield return "{";
        yield return "    " + statement;
        yield return "}";
    }
}
