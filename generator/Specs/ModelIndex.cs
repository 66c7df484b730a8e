using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Specs;

/// <summary>
/// What every target of one model needs and only the model decides: shapes by name and the naming room.
/// Built once per model instance, so forty annotated classes do not name 1,300 shapes forty times.
/// </summary>
internal sealed class ModelIndex
{
    private static readonly ConditionalWeakTable<ServiceModel, ModelIndex> Cache = new();

    private ModelIndex(ServiceModel model)
    {
        Model = WithEmptyInputsAndOutputs(model);
        Shapes = Model.Shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Naming = ServiceNaming.For(Model);
    }

    /// <summary>
    /// The model as the specs see it: every operation has an input and an output. botocore lets an operation have
    /// neither (an empty request, a response with nothing in it); here each missing one is an empty structure, so the
    /// client method has the same request and response types as every other, as the AWS SDKs for .NET and Go do.
    /// Decided over the whole model, so asking for one more operation never renames another's types.
    /// </summary>
    public ServiceModel Model { get; }

    public IReadOnlyDictionary<string, ShapeModel> Shapes { get; }

    public ServiceNaming Naming { get; }

    public static ModelIndex For(ServiceModel model) => Cache.GetValue(model, static m => new ModelIndex(m));

    /// <summary>The operation named <paramref name="name"/>, with its input and output always set.</summary>
    public OperationModel Operation(string name) => Model.Operations.First(o => o.Name == name);

    private static ServiceModel WithEmptyInputsAndOutputs(ServiceModel model)
    {
        if (model.Operations.All(o => o.Input is not null && o.Output is not null))
        {
            return model;
        }

        var names = new HashSet<string>(model.Shapes.Select(s => s.Name), StringComparer.Ordinal);
        var added = new List<ShapeModel>();
        ShapeReference Empty(OperationModel operation, string suffix)
        {
            // The shape's name is only a key (the type is named after the operation); it must not be a model shape's.
            var name = operation.Name + suffix;
            while (!names.Add(name))
            {
                name += "_";
            }

            added.Add(new ShapeModel(
                name, "structure", operation.Span, null, EquatableArray<MemberModel>.Empty, EquatableArray<string>.Empty,
                null, null, null, EquatableArray<string>.Empty, null, null, null, false, false, false, false, null, null, false,
                false, false, false, false, null, EquatableArray<string>.Empty));
            return new ShapeReference(name, operation.Span);
        }

        var operations = model.Operations
            .Select(o => o.Input is not null && o.Output is not null
                ? o
                : o with { Input = o.Input ?? Empty(o, "Request"), Output = o.Output ?? Empty(o, "Response") })
            .ToEquatableArray();
        return model with { Shapes = model.Shapes.Concat(added).ToEquatableArray(), Operations = operations };
    }
}
