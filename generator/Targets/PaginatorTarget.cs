using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Targets;

/// <summary>
/// A class marked [DataZonePaginator], or one [DataZoneOperation] of a class, reduced to values: where it lives, what it
/// asks for, and what is wrong with its declaration. Holds no symbol or syntax, so an unrelated edit leaves it equal
/// and the pipeline cached.
/// </summary>
internal sealed record PaginatorTarget(
    string Namespace,
    string ClassName,
    string DisplayName,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string? OperationName,
    LocationInfo? AttributeLocation,
    LocationInfo? ClassLocation,
    bool IsPartial,
    bool IsGeneric,
    string? NonPartialContainer,
    int LanguageVersion,
    string LanguageVersionText,
    TargetKind Kind = TargetKind.Paginator)
{
    /// <summary>The keyword the class is declared with, <c>class</c> or <c>record</c>: the generated part repeats it.</summary>
    public string ClassKeyword { get; init; } = "class";

    /// <summary>How the attribute is written, for messages: <c>[DataZonePaginator]</c> or <c>[DataZoneOperation]</c>.</summary>
    public string AttributeDisplay => Kind == TargetKind.Paginator ? "[DataZonePaginator]" : "[DataZoneOperation]";
}

/// <summary>What a target asks for.</summary>
internal enum TargetKind
{
    /// <summary>[DataZonePaginator]: the operation's client method and types, and the class completed as its paginator.</summary>
    Paginator,

    /// <summary>[DataZoneOperation]: the operation's client method and types only; the class lends its namespace.</summary>
    Operation,
}
