using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Targets;

/// <summary>
/// A class marked [DataZonePaginator], reduced to values: where it lives, what it asks for, and what is wrong with
/// its declaration. Holds no symbol or syntax, so an unrelated edit leaves it equal and the pipeline cached.
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
    string LanguageVersionText);
