using System.Collections.Generic;
using System.IO;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>Model files as AdditionalFiles, under a virtual folder so paths are stable in diagnostics.</summary>
internal static class ModelFiles
{
    public const string VirtualFolder = "/models/datazone/2018-05-10/";

    public static List<InMemoryAdditionalText> Own() => FromFolder(RepoPaths.OwnModelFolder);

    public static List<InMemoryAdditionalText> Shared() => FromFolder(RepoPaths.SharedModelFolder);

    public static List<InMemoryAdditionalText> FromFolder(string folder)
    {
        var files = new List<InMemoryAdditionalText>();
        foreach (var name in new[] { "service-2.json", "paginators-1.json", "paginators-1.sdk-extras.json" })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                files.Add(InMemoryAdditionalText.FromFile(path, VirtualFolder + name));
            }
        }

        return files;
    }

    public static List<InMemoryAdditionalText> Of(string service, string paginators) => new()
    {
        new InMemoryAdditionalText(VirtualFolder + "service-2.json", service),
        new InMemoryAdditionalText(VirtualFolder + "paginators-1.json", paginators),
    };
}
