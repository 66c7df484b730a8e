using System;
using System.IO;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>The botocore files the generator reads, recognised by their file names.</summary>
internal enum ModelFileKind
{
    None,
    Service,
    Paginators,
    PaginatorExtras,
    EndpointRules,
}

internal static class ModelFiles
{
    public static ModelFileKind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        if (string.Equals(name, "service-2.json", StringComparison.OrdinalIgnoreCase))
        {
            return ModelFileKind.Service;
        }

        if (string.Equals(name, "paginators-1.json", StringComparison.OrdinalIgnoreCase))
        {
            return ModelFileKind.Paginators;
        }

        if (string.Equals(name, "endpoint-rule-set-1.json", StringComparison.OrdinalIgnoreCase))
        {
            return ModelFileKind.EndpointRules;
        }

        return string.Equals(name, "paginators-1.sdk-extras.json", StringComparison.OrdinalIgnoreCase)
            ? ModelFileKind.PaginatorExtras
            : ModelFileKind.None;
    }

    public static string FolderOf(string path) => Path.GetDirectoryName(path) ?? string.Empty;
}
