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
        ChecksRequired = spec.IsRequired && (!IsValueType || !IsRequired);
        Measure = spec.Type.Kind switch
        {
            ValueKind.String => ".Length",
            ValueKind.List or ValueKind.Map => ".Count",
            ValueKind.Integer or ValueKind.Long or ValueKind.Float or ValueKind.Double => string.Empty,
            _ => null,
        };
        var min = SpecBuilder.FormatNumber(spec.Min);
        var max = SpecBuilder.FormatNumber(spec.Max);
        Min = Measure is null || min.Length == 0 ? null : min;
        Max = Measure is null || max.Length == 0 ? null : max;
        MeasureWord = Measure switch { ".Length" => "length", ".Count" => "count", _ => "value" };
        Bounds = (Min, Max) switch
        {
            ({ } low, { } high) => $"between {low} and {high}",
            ({ } low, null) => $"at least {low}",
            (null, { } high) => $"at most {high}",
            _ => null,
        };
        ValidatesNested = spec.Type.Kind == ValueKind.Structure;
        ValidatesItems = spec.Type.Kind == ValueKind.List && spec.Type.Element!.Kind == ValueKind.Structure;
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

    /// <summary>A required member that can be left null: validation reports it missing.</summary>
    public bool ChecksRequired { get; }

    /// <summary>What a bound is compared with: <c>.Length</c>, <c>.Count</c>, empty for a number, null when unbounded.</summary>
    public string? Measure { get; }

    /// <summary>The word a bounds message uses for <see cref="Measure"/>.</summary>
    public string MeasureWord { get; }

    /// <summary>The model's lower bound as a C# literal, or null.</summary>
    public string? Min { get; }

    /// <summary>The model's upper bound as a C# literal, or null.</summary>
    public string? Max { get; }

    /// <summary>The bounds in words for the message ("between 1 and 50"), or null when the member has none.</summary>
    public string? Bounds { get; }

    /// <summary>A structure member: its own validation runs under this member's path.</summary>
    public bool ValidatesNested { get; }

    /// <summary>A list of structures: each item's validation runs under its index.</summary>
    public bool ValidatesItems { get; }

    public bool HasChecks => ChecksRequired || Bounds is not null || ValidatesNested || ValidatesItems;

    public static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
