using System;
using System.Text;
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
        PaginatorSpec paginator => EmitPaginator(new PaginatorView(paginator)),
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "No template for this spec."),
    };

    // The paginator completes the user's class, which may sit inside other partial types: the class is
    // rendered on its own and then wrapped, one indentation level per containing type.
    private static string EmitPaginator(PaginatorView view)
    {
        var header = TemplateRenderer.Render("_Header.sbncs", view);
        var body = TemplateRenderer.Render("Paginator.sbncs", view).TrimEnd('\n');
        var builder = new StringBuilder(header.TrimEnd('\n')).Append("\n\n");
        var depth = 0;
        foreach (var type in view.ContainingTypes)
        {
            builder.Append(Indent(depth)).Append("partial ").Append(type.Keyword).Append(' ').Append(type.Name).Append('\n');
            builder.Append(Indent(depth)).Append("{\n");
            depth++;
        }

        foreach (var line in body.Split('\n'))
        {
            builder.Append(line.Length == 0 ? string.Empty : Indent(depth) + line).Append('\n');
        }

        for (depth--; depth >= 0; depth--)
        {
            builder.Append(Indent(depth)).Append("}\n");
        }

        return builder.ToString();
    }

    private static string Indent(int depth) => new(' ', depth * 4);
}
