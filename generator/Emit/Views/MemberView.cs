using System.Collections.Generic;
using DataZone.Gen.Generator.Naming;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>A member as a template places it: names escaped, types qualified, code fragments ready.</summary>
internal sealed class MemberView
{
    public MemberView(MemberSpec spec, string jsonTypeName, bool forceOptional = false)
    {
        Spec = spec;
        Name = spec.PropertyName;
        Local = Identifiers.Local(spec.PropertyName);
        WireName = spec.WireName;
        WireNameLiteral = Literal(spec.WireName);
        IsRequired = spec.IsRequired && !forceOptional;
        BaseType = spec.Type.TypeName;
        Type = IsRequired ? BaseType : BaseType + "?";
        IsValueType = spec.Type.IsValueType;
        IsBody = spec.Location == MemberLocation.Body;
        TypeInfo = TypeView.Of(spec.Type);
        IsGreedyLabel = spec.IsGreedyLabel;
        IsHeadersMap = spec.Location == MemberLocation.Headers;
        IsStatusCode = spec.Location == MemberLocation.StatusCode;
        IsOptionalValue = spec.Type.IsValueType && !spec.IsRequired;
        IsOptionalReference = !spec.Type.IsValueType && !spec.IsRequired;
        ReadMethod = JsonMethods.Reader(spec.Type, jsonTypeName);
        WriteMethod = JsonMethods.Writer(spec.Type, jsonTypeName);
        ReadHelper = IsValueType ? "ReadValueMember" : "ReadMember";
        // C# refuses [Obsolete] on a required member (CS9042): a deprecated required member says so in its docs instead.
        var deprecatedMessage = spec.DeprecatedMessage ?? "This member is deprecated.";
        Documentation = DocParagraph.Of(spec.IsDeprecated && IsRequired
            ? System.Linq.Enumerable.Append(spec.Documentation, "Deprecated: " + DocText.Escape(deprecatedMessage))
            : spec.Documentation);
        ObsoleteMessageLiteral = spec.IsDeprecated && !IsRequired ? Literal(deprecatedMessage) : null;
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

    /// <summary>The member's type as templates branch on it (kind, timestamp format, element).</summary>
    public TypeView TypeInfo { get; }

    /// <summary>A URI label that may hold slashes (<c>{Key+}</c>).</summary>
    public bool IsGreedyLabel { get; }

    /// <summary>A map sent as headers of their own, the member's wire name being their prefix.</summary>
    public bool IsHeadersMap { get; }

    /// <summary>A response member that holds the HTTP status code.</summary>
    public bool IsStatusCode { get; }

    /// <summary>An optional member of a value type, so a nullable that is read through <c>GetValueOrDefault()</c>.</summary>
    public bool IsOptionalValue { get; }

    /// <summary>An optional member of a reference type, which may be null.</summary>
    public bool IsOptionalReference { get; }

    public string ReadMethod { get; }

    public string WriteMethod { get; }

    public string ReadHelper { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    /// <summary>The deprecation message as a C# literal, or null when the member is not deprecated.</summary>
    public string? ObsoleteMessageLiteral { get; }

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

/// <summary>A type as templates branch on it: its <see cref="ValueKind"/> by name, its timestamp format, its element.</summary>
internal sealed record TypeView(string Kind, string TypeName, string TimestampFormat, TypeView? Element)
{
    public static TypeView Of(TypeRef type) =>
        new(type.Kind.ToString(), type.TypeName, type.TimestampFormat, type.Element is null ? null : Of(type.Element));
}
