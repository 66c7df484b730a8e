using System;
using DataZone.Gen.Generator.Emit.Views;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit;

/// <summary>Turns one <see cref="FileSpec"/> into source text: spec, then flat view, then template.</summary>
internal static class SourceEmitter
{
    public static string Emit(FileSpec spec) => spec switch
    {
        StructureSpec structure => TemplateRenderer.Render("Structure.sbncs", new StructureView(structure)),
        EnumSpec @enum => TemplateRenderer.Render("Enum.sbncs", new EnumView(@enum)),
        ExceptionSpec exception => TemplateRenderer.Render("Exception.sbncs", new ExceptionView(exception)),
        CollectionSpec collection => TemplateRenderer.Render("Collection.sbncs", new CollectionView(collection)),
        ClientSpec client => TemplateRenderer.Render("Client.sbncs", new ClientView(client)),
        OperationSpec operation => TemplateRenderer.Render("Operation.sbncs", new OperationView(operation)),
        PaginatorSpec paginator => TemplateRenderer.Render("PaginatorFile.sbncs", new PaginatorView(paginator)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "No template for this spec."),
    };
}
