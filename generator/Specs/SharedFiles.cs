using System.Collections.Generic;
using System.Linq;

namespace DataZone.Gen.Generator.Specs;

/// <summary>
/// Several classes of one namespace can reach the same shape, each building its own spec for one hint name. One
/// class may only send the shape and another only receive it, so the file emitted once must serve both directions.
/// </summary>
internal static class SharedFiles
{
    /// <summary>The one spec to emit for specs that share a hint name: the first, with the union of their usages.</summary>
    public static FileSpec Merge(IEnumerable<FileSpec> sameHintName)
    {
        var specs = sameHintName.ToList();
        var usage = specs.Aggregate(ShapeUsage.None, (all, spec) => all | UsageOf(spec));
        return specs[0] switch
        {
            StructureSpec structure => structure with { Usage = usage },
            EnumSpec @enum => @enum with { Usage = usage },
            CollectionSpec collection => collection with { Usage = usage },
            var other => other,
        };
    }

    private static ShapeUsage UsageOf(FileSpec spec) => spec switch
    {
        StructureSpec structure => structure.Usage,
        EnumSpec @enum => @enum.Usage,
        CollectionSpec collection => collection.Usage,
        _ => ShapeUsage.None,
    };
}
