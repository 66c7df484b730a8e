using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using DataZone.Gen.Generator.Botocore;
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
        Shapes = model.Shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        Naming = ServiceNaming.For(model);
    }

    public IReadOnlyDictionary<string, ShapeModel> Shapes { get; }

    public ServiceNaming Naming { get; }

    public static ModelIndex For(ServiceModel model) => Cache.GetValue(model, static m => new ModelIndex(m));
}
