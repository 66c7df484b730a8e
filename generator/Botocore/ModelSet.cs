using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>Every service model found among AdditionalFiles, one per folder, with the problems found in its files.</summary>
/// <remarks>
/// <see cref="UnreadableFiles"/> are the model files whose document could not be read at all (already reported), so
/// a later stage does not blame their absence ("no service model", "not paginated") for what is their content.
/// </remarks>
internal sealed record ModelSet(
    EquatableArray<ServiceModel> Services,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<string> UnreadableFiles)
{
    /// <summary>Whether a file of that kind in that folder (any folder if null) was present but unreadable.</summary>
    public bool HasUnreadable(ModelFileKind kind, string? folder = null) =>
        UnreadableFiles.Any(path => ModelFiles.KindOf(path) == kind && (folder is null || ModelFiles.FolderOf(path) == folder));

    /// <summary>Pairs each service-2.json with the paginator and endpoint rule files of its folder, the way botocore lays models out.</summary>
    public static ModelSet Assemble(ImmutableArray<ParsedModelFile> files)
    {
        var services = new List<ServiceModel>();
        var diagnostics = files.OrderBy(f => f.Path, System.StringComparer.Ordinal).SelectMany(f => f.Diagnostics).ToList();
        foreach (var folder in files.GroupBy(f => f.Folder).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var serviceFile = folder.FirstOrDefault(f => f.Kind == ModelFileKind.Service && f.Service is not null);
            if (serviceFile?.Service is not { } service)
            {
                continue;
            }

            var paginatorFile = folder.FirstOrDefault(f => f.Kind == ModelFileKind.Paginators);
            var extras = folder.FirstOrDefault(f => f.Kind == ModelFileKind.PaginatorExtras)?.Paginators?.Paginators
                ?? EquatableArray<PaginatorModel>.Empty;
            var paginators = (paginatorFile?.Paginators?.Paginators ?? EquatableArray<PaginatorModel>.Empty)
                .Select(p => extras.FirstOrDefault(e => e.OperationName == p.OperationName) is { } extra ? PaginatorDocumentParser.Merge(p, extra) : p)
                .ToEquatableArray();

            services.Add(new ServiceModel(serviceFile.Path, paginatorFile?.Path, service.Metadata, service.Shapes, service.Operations, paginators, service.RejectedShapeNames, service.RejectedOperationNames)
            {
                EndpointRules = folder.FirstOrDefault(f => f.Kind == ModelFileKind.EndpointRules)?.EndpointRules,
            });
        }

        var unreadable = files
            .Where(f => !f.IsReadable)
            .Select(f => f.Path)
            .OrderBy(path => path, System.StringComparer.Ordinal);
        return new ModelSet(services.ToEquatableArray(), diagnostics.ToEquatableArray(), unreadable.ToEquatableArray());
    }
}
