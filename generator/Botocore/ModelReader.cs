using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>
/// Typed access to a <see cref="PositionedObject"/> that records a located diagnostic, instead of throwing,
/// when a model value has the wrong JSON type.
/// </summary>
internal sealed class ModelReader
{
    private readonly List<DiagnosticInfo> _diagnostics = new();

    public ModelReader(string filePath) => FilePath = filePath;

    public string FilePath { get; }

    public EquatableArray<DiagnosticInfo> Diagnostics => _diagnostics.ToEquatableArray();

    public void Report(DiagnosticInfo diagnostic) => _diagnostics.Add(diagnostic);

    public void Invalid(SourceSpan span, string message) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidModel, FilePath, span, message));

    public PositionedObject? Object(PositionedObject parent, string name, ModelContext context)
    {
        var node = parent[name];
        if (node is null or PositionedObject)
        {
            return (PositionedObject?)node;
        }

        Invalid(node.Span, $"'{name}' of {context} must be an object, not {node.Kind}");
        return null;
    }

    public string? String(PositionedObject parent, string name, ModelContext context)
    {
        var node = parent[name];
        if (node is null or PositionedString)
        {
            return ((PositionedString?)node)?.Value;
        }

        Invalid(node.Span, $"'{name}' of {context} must be a string, not {node.Kind}");
        return null;
    }

    public bool Boolean(PositionedObject parent, string name, ModelContext context)
    {
        var node = parent[name];
        if (node is null or PositionedBoolean)
        {
            return ((PositionedBoolean?)node)?.Value ?? false;
        }

        Invalid(node.Span, $"'{name}' of {context} must be true or false, not {node.Kind}");
        return false;
    }

    public double? Number(PositionedObject parent, string name, ModelContext context)
    {
        var node = parent[name];
        if (node is null)
        {
            return null;
        }

        if (node is PositionedNumber number)
        {
            if (double.IsInfinity(number.Value) || double.IsNaN(number.Value))
            {
                Invalid(node.Span, $"'{name}' of {context} is {number.Text}, beyond the range of a number");
                return null;
            }

            return number.Value;
        }

        Invalid(node.Span, $"'{name}' of {context} must be a number, not {node.Kind}");
        return null;
    }

    public int? Integer(PositionedObject parent, string name, ModelContext context)
    {
        var value = Number(parent, name, context);
        if (value is null)
        {
            return null;
        }

        if (value.Value < int.MinValue || value.Value > int.MaxValue || value.Value != Math.Floor(value.Value))
        {
            Invalid(parent[name]!.Span, $"'{name}' of {context} must be a whole number within the range of an int");
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>Reads an array of strings; a lone string is accepted too, as botocore's paginator keys allow.</summary>
    public EquatableArray<string> Strings(PositionedObject parent, string name, ModelContext context) =>
        Strings(parent, name, context, static text => text.Value);

    /// <summary>Reads an array of strings, or a lone string, each with where it is written.</summary>
    public EquatableArray<PaginatorKey> Keys(PositionedObject parent, string name, ModelContext context) =>
        Strings(parent, name, context, static text => new PaginatorKey(text.Value, text.Span));

    private EquatableArray<T> Strings<T>(PositionedObject parent, string name, ModelContext context, Func<PositionedString, T> select)
        where T : IEquatable<T>
    {
        switch (parent[name])
        {
            case null:
                return EquatableArray<T>.Empty;
            case PositionedString single:
                return new EquatableArray<T>(ImmutableArray.Create(select(single)));
            case PositionedArray array:
                var items = ImmutableArray.CreateBuilder<T>(array.Items.Length);
                foreach (var item in array.Items)
                {
                    if (item is PositionedString text)
                    {
                        items.Add(select(text));
                    }
                    else
                    {
                        Invalid(item.Span, $"every entry of '{name}' of {context} must be a string, not {item.Kind}");
                    }
                }

                return new EquatableArray<T>(items.Count == items.Capacity ? items.MoveToImmutable() : items.ToImmutable());
            case var other:
                Invalid(other.Span, $"'{name}' of {context} must be a string or an array of strings, not {other.Kind}");
                return EquatableArray<T>.Empty;
        }
    }
}
