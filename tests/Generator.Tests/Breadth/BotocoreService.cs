using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using DataZone.Gen.Generator.Tests.Infrastructure;

namespace DataZone.Gen.Generator.Tests.Breadth;

/// <summary>
/// One service of a botocore data folder (<c>DIR/&lt;service&gt;/&lt;version&gt;/service-2.json[.gz]</c>), read by path as
/// botocore's loader does: the newest version, plain or gzipped files, and the paginators' sdk-extras beside them.
/// </summary>
internal sealed record BotocoreService(
    string Name, string Folder, string Protocol, IReadOnlyList<string> PaginatedOperations, IReadOnlyList<string> Operations)
{
    /// <summary>The protocols whose services get clients and paginators.</summary>
    public static readonly string[] SupportedProtocols = { "rest-json", "json" };

    /// <summary>Every service of a botocore data folder whose protocol is rest-json or json, by name.</summary>
    public static IReadOnlyList<BotocoreService> All(string dataFolder) =>
        Directory.GetDirectories(dataFolder)
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => TryRead(Path.GetFileName(d), d))
            .Where(s => s is not null && SupportedProtocols.Contains(s.Protocol))
            .Select(s => s!)
            .ToList();

    public static BotocoreService? TryRead(string name, string serviceFolder)
    {
        var version = Directory.Exists(serviceFolder)
            ? Directory.GetDirectories(serviceFolder).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault(v => Find(v, "service-2.json") is not null)
            : null;
        if (version is null)
        {
            return null;
        }

        using var service = JsonDocument.Parse(Read(Find(version, "service-2.json")!));
        var metadata = service.RootElement.GetProperty("metadata");
        // botocore 1.34+ lists protocols in order of preference; the first one the generator supports is used.
        var protocol = metadata.TryGetProperty("protocols", out var protocols) && protocols.ValueKind == JsonValueKind.Array
            ? protocols.EnumerateArray().Select(p => p.GetString() ?? "").FirstOrDefault(SupportedProtocols.Contains)
              ?? metadata.GetProperty("protocol").GetString()!
            : metadata.GetProperty("protocol").GetString()!;

        var operations = new List<string>();
        if (Find(version, "paginators-1.json") is { } paginatorsPath)
        {
            using var paginators = JsonDocument.Parse(Read(paginatorsPath));
            if (paginators.RootElement.TryGetProperty("pagination", out var pagination))
            {
                operations.AddRange(pagination.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal));
            }
        }

        var all = service.RootElement.TryGetProperty("operations", out var modelOperations)
            ? modelOperations.EnumerateObject().Select(o => o.Name).Distinct(StringComparer.Ordinal).ToList()
            : new List<string>();
        return new BotocoreService(name, version, protocol, operations, all);
    }

    /// <summary>The model files (with the endpoint rule set) as AdditionalFiles, unzipped, under the virtual folder the generator expects.</summary>
    public List<InMemoryAdditionalText> ModelFiles() =>
        new[] { "service-2.json", "paginators-1.json", "paginators-1.sdk-extras.json", "endpoint-rule-set-1.json" }
            .Select(file => (file, path: Find(Folder, file)))
            .Where(f => f.path is not null)
            .Select(f => new InMemoryAdditionalText($"/models/{Name}/{Path.GetFileName(Folder)}/{f.file}", Read(f.path!)))
            .ToList();

    /// <summary>
    /// A consumer that annotates every paginator of the service, each nested in one container class; with
    /// <paramref name="everyOperation"/>, it also asks for every other operation with <c>[DataZoneOperation]</c>.
    /// </summary>
    public string ConsumerSource(bool everyOperation = false) =>
        "using DataZone.Gen;\n\nnamespace Consumer.Breadth;\n\npublic static partial class AllPaginators\n{\n"
        + string.Concat(PaginatedOperations.Select(o => $"    [DataZonePaginator(\"{o}\")]\n    public partial class {o};\n\n"))
        + "}\n"
        + (everyOperation
            ? "\n" + string.Concat(Operations.Select(o => $"[DataZoneOperation(\"{o}\")]\n")) + "public static class AllOperations;\n"
            : string.Empty);

    private static string? Find(string folder, string file) =>
        File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file)
        : File.Exists(Path.Combine(folder, file + ".gz")) ? Path.Combine(folder, file + ".gz")
        : null;

    private static string Read(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
