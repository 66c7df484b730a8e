using System;
using System.Collections.Generic;
using DataZone.Gen.Generator.Emit.Views;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit;

/// <summary>One generated source file: its hint name and text.</summary>
internal readonly record struct GeneratedFile(string HintName, string Text);

/// <summary>Turns one <see cref="FileSpec"/> into source text: spec, then flat view, then template.</summary>
/// <remarks>
/// A structure or enum is two partial files: <c>X.g.cs</c> holds the shape (what Go-to-Definition shows) and
/// <c>X.Json.g.cs</c> its wire side (validation, JSON reader and writer).
/// </remarks>
internal static class SourceEmitter
{
    public static IReadOnlyList<GeneratedFile> Emit(FileSpec spec) => spec switch
    {
        StructureSpec structure => Pair(spec, new StructureView(structure), "Structure.sbncs", "StructureJson.sbncs"),
        EnumSpec @enum => Pair(spec, new EnumView(@enum), "Enum.sbncs", "EnumJson.sbncs"),
        ExceptionSpec exception => One(spec, "Exception.sbncs", new ExceptionView(exception)),
        CollectionSpec collection => One(spec, "Collection.sbncs", new CollectionView(collection)),
        ClientSpec client => One(spec, "Client.sbncs", new ClientView(client)),
        OperationSpec operation => One(spec, "Operation.sbncs", new OperationView(operation)),
        PaginatorSpec paginator => One(spec, "PaginatorFile.sbncs", new PaginatorView(paginator)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "No template for this spec."),
    };

    private static IReadOnlyList<GeneratedFile> One(FileSpec spec, string template, object view) =>
        new[] { new GeneratedFile(spec.HintName, TemplateRenderer.Render(template, view)) };

    private static IReadOnlyList<GeneratedFile> Pair(FileSpec spec, object view, string shapeTemplate, string jsonTemplate) =>
        new[]
        {
            new GeneratedFile(spec.HintName, TemplateRenderer.Render(shapeTemplate, view)),
            new GeneratedFile(Naming.HintNames.Companion(spec.HintName, "Json"), TemplateRenderer.Render(jsonTemplate, view)),
        };
}
