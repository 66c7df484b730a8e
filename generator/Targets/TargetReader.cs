using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataZone.Gen.Generator.Targets;

/// <summary>Reads a [DataZonePaginator] class, or the [DataZoneOperation]s of a class, into <see cref="PaginatorTarget"/>s.</summary>
internal static class TargetReader
{
    public static PaginatorTarget Read(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        Read(context, context.Attributes[0], TargetKind.Paginator, cancellationToken);

    /// <summary>One target per [DataZoneOperation] on the class, in source order, each located on its own argument.</summary>
    public static EquatableArray<PaginatorTarget> ReadOperations(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
        context.Attributes.Select(attribute => Read(context, attribute, TargetKind.Operation, cancellationToken)).ToEquatableArray();

    private static PaginatorTarget Read(
        GeneratorAttributeSyntaxContext context, AttributeData attribute, TargetKind kind, CancellationToken cancellationToken)
    {
        var symbol = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var argumentLocation = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? attributeSyntax?.GetLocation();

        var containing = new List<ContainingTypeSpec>();
        string? nonPartial = null;
        for (var type = symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            containing.Insert(0, new ContainingTypeSpec(KeywordOf(type), type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            var isPartial = type.DeclaringSyntaxReferences.All(r =>
                r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial)
            {
                nonPartial ??= type.Name;
            }
        }

        var languageVersion = ((CSharpParseOptions)declaration.SyntaxTree.Options).LanguageVersion.MapSpecifiedToEffectiveVersion();
        return new PaginatorTarget(
            symbol.ContainingNamespace.IsGlobalNamespace ? string.Empty : symbol.ContainingNamespace.ToDisplayString(),
            symbol.Name,
            symbol.ToDisplayString(),
            containing.ToEquatableArray(),
            attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null,
            LocationInfo.From(argumentLocation),
            LocationInfo.From(declaration.Identifier.GetLocation()),
            declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
            symbol.TypeParameters.Length > 0,
            nonPartial,
            (int)languageVersion,
            languageVersion.ToDisplayString(),
            kind)
        {
            ClassKeyword = KeywordOf(symbol),
        };
    }

    private static string KeywordOf(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };
}
