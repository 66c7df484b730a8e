using System;
using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Specs;

/// <summary>Every shape an operation reaches through its input, output and errors, in ordinal order.</summary>
internal sealed class ShapeClosure
{
    private ShapeClosure(SortedDictionary<string, ShapeModel> shapes, List<DiagnosticInfo> diagnostics, bool isComplete)
    {
        Shapes = shapes;
        Diagnostics = diagnostics;
        IsComplete = isComplete;
    }

    /// <summary>Whether every reference was found; a reference to an unreadable shape leaves it incomplete without a diagnostic.</summary>
    public bool IsComplete { get; }

    public SortedDictionary<string, ShapeModel> Shapes { get; }

    /// <summary>Dangling references, each located on the reference in the model file.</summary>
    public List<DiagnosticInfo> Diagnostics { get; }

    /// <summary>The names of every defined shape reachable from <paramref name="roots"/>; cycles are visited once.</summary>
    public static HashSet<string> ReachableFrom(IEnumerable<string> roots, IReadOnlyDictionary<string, ShapeModel> shapes)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!shapes.TryGetValue(name, out var shape) || !reached.Add(name))
            {
                continue;
            }

            foreach (var reference in ReferencesOf(shape))
            {
                pending.Push(reference.Shape);
            }
        }

        return reached;
    }

    /// <summary>Every shape reference a shape holds: its members, a list's member, a map's key and value.</summary>
    public static IEnumerable<MemberModel> ReferencesOf(ShapeModel shape) =>
        shape.Members.Concat(new[] { shape.ListMember, shape.MapKey, shape.MapValue }.OfType<MemberModel>());

    public static ShapeClosure Of(ServiceModel model, OperationModel operation, IReadOnlyDictionary<string, ShapeModel> allShapes)
    {
        var shapes = new SortedDictionary<string, ShapeModel>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        var pending = new Stack<(string Name, SourceSpan Span)>();
        var isComplete = true;

        void Reach(string name, SourceSpan span) => pending.Push((name, span));

        if (operation.Input is { } input)
        {
            Reach(input.Shape, input.Span);
        }

        if (operation.Output is { } output)
        {
            Reach(output.Shape, output.Span);
        }

        foreach (var error in operation.Errors)
        {
            Reach(error.Shape, error.Span);
        }

        while (pending.Count > 0)
        {
            var (name, span) = pending.Pop();
            if (shapes.ContainsKey(name))
            {
                continue;
            }

            if (!allShapes.TryGetValue(name, out var shape))
            {
                isComplete = false;

                // A shape that is written but unreadable was reported where it is written; the reference is not the problem.
                if (model.RejectedShapeNames.Contains(name))
                {
                    continue;
                }

                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DanglingShapeReference, model.FilePath, span, name));
                continue;
            }

            shapes.Add(name, shape);
            foreach (var reference in ReferencesOf(shape))
            {
                Reach(reference.Shape, reference.ShapeSpan);
            }
        }

        var cycles = CollectionCycles(model, shapes);
        diagnostics.AddRange(cycles);
        return new ShapeClosure(shapes, diagnostics, isComplete && cycles.Count == 0);
    }

    /// <summary>
    /// Lists and maps that contain themselves with no structure in between (a list whose member is the list, a map whose
    /// value is a list of the map): no C# type can spell them, and Smithy forbids them (recursion must pass through a
    /// structure or union). Each cycle is reported once, on the element reference of its first shape by name.
    /// </summary>
    private static List<DiagnosticInfo> CollectionCycles(ServiceModel model, SortedDictionary<string, ShapeModel> shapes)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in shapes.Values)
        {
            // A collection has one element reference, so the walk from it is a chain: it either leaves the collections,
            // meets a chain walked before, or comes back to a shape of its own path.
            var path = new List<ShapeModel>();
            var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var shape = start; Element(shape) is { } element && !done.Contains(shape.Name);)
            {
                if (onPath.TryGetValue(shape.Name, out var cycleStart))
                {
                    var cycle = path.Skip(cycleStart).ToList();
                    var first = cycle.OrderBy(s => s.Name, StringComparer.Ordinal).First();
                    var names = string.Join(" → ", cycle.Select(s => s.Name).Append(cycle[0].Name));
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidModel,
                        model.FilePath,
                        Element(first)!.ShapeSpan,
                        $"the {first.Type} '{first.Name}' contains itself with no structure in between ({names}); "
                        + "recursion must pass through a structure or union"));
                    break;
                }

                onPath.Add(shape.Name, path.Count);
                path.Add(shape);
                if (!shapes.TryGetValue(element.Shape, out var next))
                {
                    break;
                }

                shape = next;
            }

            foreach (var walked in path)
            {
                done.Add(walked.Name);
            }
        }

        return diagnostics;
    }

    // The reference a list or map holds its values through; null for every other shape.
    private static MemberModel? Element(ShapeModel shape) => shape.Type switch
    {
        "list" => shape.ListMember,
        "map" => shape.MapValue,
        _ => null,
    };
}
