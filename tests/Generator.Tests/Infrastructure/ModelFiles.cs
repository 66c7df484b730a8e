using System.Collections.Generic;
using System.IO;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>Model files as AdditionalFiles, under a virtual folder so paths are stable in diagnostics.</summary>
/// <remarks>
/// A fixture folder without an <c>endpoint-rule-set-1.json</c>, and every model given as text, gets the project's own
/// DataZone rule set beside it: without one the generator rightly warns (DZGEN020), which is not what those tests are about.
/// </remarks>
internal static class ModelFiles
{
    public const string VirtualFolder = "/models/datazone/2018-05-10/";

    public const string RuleSetName = "endpoint-rule-set-1.json";

    public static List<InMemoryAdditionalText> Own() => FromFolder(RepoPaths.OwnModelFolder);

    public static List<InMemoryAdditionalText> Shared() => FromFolder(RepoPaths.SharedModelFolder);

    /// <summary>The project's own endpoint rule set, as the AdditionalFile beside a virtual-folder model.</summary>
    public static InMemoryAdditionalText OwnRuleSet(string folder = VirtualFolder) =>
        InMemoryAdditionalText.FromFile(Path.Combine(RepoPaths.OwnModelFolder, RuleSetName), folder + RuleSetName);

    public static List<InMemoryAdditionalText> FromFolder(string folder)
    {
        var files = new List<InMemoryAdditionalText>();
        foreach (var name in new[] { "service-2.json", "paginators-1.json", "paginators-1.sdk-extras.json", RuleSetName })
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                files.Add(InMemoryAdditionalText.FromFile(path, VirtualFolder + name));
            }
        }

        if (!File.Exists(Path.Combine(folder, RuleSetName)))
        {
            files.Add(OwnRuleSet());
        }

        return files;
    }

    public static List<InMemoryAdditionalText> Of(string service, string paginators) => new()
    {
        new InMemoryAdditionalText(VirtualFolder + "service-2.json", service),
        new InMemoryAdditionalText(VirtualFolder + "paginators-1.json", paginators),
        OwnRuleSet(),
    };
}
