using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace DataZone.Gen.Package.Tests;

/// <summary>A package source the machine already uses, copied into the consumer's nuget.config.</summary>
internal sealed record PackageSource(string Name, string Location);

/// <summary>
/// A fresh console project that uses DataZone.Gen the way a user would: one PackageReference, the model files as
/// AdditionalFiles, a <c>[DataZonePaginator]</c> class and a few lines of usage.
/// </summary>
internal sealed class ConsumerProject
{
    public const string ProjectName = "Consumer";
    public const string LocalFeedName = "datazone-gen-under-test";

    public ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ServiceModelPath => Path.Combine(Directory, "models", "service-2.json");

    public string PackagesFolder => Path.Combine(Directory, "packages");

    public string AssetsFilePath => Path.Combine(Directory, "obj", "project.assets.json");

    /// <summary>The C# files a compiler gets: the paginator declaration and Program.cs.</summary>
    public IReadOnlyList<string> SourceFiles => [Path.Combine(Directory, "RunsPaginator.cs"), Path.Combine(Directory, "Program.cs")];

    /// <summary>The model files, the AdditionalFiles a compiler gets.</summary>
    public IReadOnlyList<string> ModelFiles =>
        [ServiceModelPath, Path.Combine(Directory, "models", "paginators-1.json"), Path.Combine(Directory, "models", "endpoint-rule-set-1.json")];

    /// <summary>Writes the project, its isolated NuGet settings, a copy of the model and the first Program.cs.</summary>
    public void Create(string packageVersion, string localFeed, IReadOnlyList<PackageSource> existingSources, string modelDirectory)
    {
        WriteSources(modelDirectory);

        // Stop MSBuild's upward search: nothing from the folders above the temporary directory applies.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Directory, name), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(Directory, "nuget.config"), NuGetConfig(localFeed, existingSources, PackagesFolder).ToString());
        File.WriteAllText(Path.Combine(Directory, ProjectName + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="DataZone.Gen" Version="{packageVersion}" />
                <AdditionalFiles Include="models/service-2.json;models/paginators-1.json;models/endpoint-rule-set-1.json" />
              </ItemGroup>
            </Project>

            """);
    }

    /// <summary>
    /// What any compiler of the consumer needs, with no project around it: a copy of the model, the
    /// <c>[DataZonePaginator]</c> class and the first Program.cs.
    /// </summary>
    public void WriteSources(string modelDirectory)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "models"));
        File.Copy(Path.Combine(modelDirectory, "service-2.json"), ServiceModelPath);
        File.Copy(Path.Combine(modelDirectory, "paginators-1.json"), Path.Combine(Directory, "models", "paginators-1.json"));
        File.Copy(Path.Combine(modelDirectory, "endpoint-rule-set-1.json"), Path.Combine(Directory, "models", "endpoint-rule-set-1.json"));
        File.WriteAllText(Path.Combine(Directory, "RunsPaginator.cs"), """
            using DataZone.Gen;

            namespace Consumer;

            [DataZonePaginator("ListDataSourceRuns")]
            public partial class RunsPaginator;

            """);
        WriteProgram(usesRunNote: false);
    }

    /// <summary>
    /// Program.cs: lists every run and prints one id per line, then whether the item record has a RunNote property.
    /// The second version reads <c>run.RunNote</c>, so it compiles only once the model has that member.
    /// </summary>
    public void WriteProgram(bool usesRunNote)
    {
        var printRun = usesRunNote
            ? "Console.WriteLine(run.RunNote is null ? run.Id : $\"{run.Id} {run.RunNote}\");"
            : "Console.WriteLine(run.Id);";
        File.WriteAllText(Path.Combine(Directory, "Program.cs"), $$"""
            using System;
            using Consumer;
            using DataZone.Gen;
            using DataZone.Gen.Auth;

            if (args.Length != 5)
            {
                Console.Error.WriteLine("usage: Consumer <endpoint> <access-key-id> <secret-access-key> <domain-id> <data-source-id>");
                return 2;
            }

            using var client = new DataZoneClient(new AwsClientOptions
            {
                Region = "us-east-1",
                Endpoint = new Uri(args[0]),
                Credentials = new StaticCredentialsProvider(args[1], args[2]),
            });
            var paginator = new RunsPaginator(client);
            var request = new ListDataSourceRunsRequest { DomainIdentifier = args[3], DataSourceIdentifier = args[4] };

            await foreach (DataSourceRunSummary run in paginator.Paginate(request, new PaginationOptions { PageSize = 7 }))
            {
                {{printRun}}
            }

            Console.WriteLine($"RunNote={typeof(DataSourceRunSummary).GetProperty("RunNote") is not null}");
            return 0;

            """);
    }

    /// <summary>The model update: a new optional member on the item shape, as a newer botocore model might bring.</summary>
    public void AddRunNoteToModel()
    {
        var model = JsonNode.Parse(File.ReadAllText(ServiceModelPath))!;
        var members = model["shapes"]!["DataSourceRunSummary"]!["members"]!.AsObject();
        members["runNote"] = new JsonObject
        {
            ["shape"] = "String",
            ["documentation"] = "<p>A note on the run, added by the package test.</p>",
        };
        File.WriteAllText(ServiceModelPath, model.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The package ids (name/version) the consumer's restore resolved.</summary>
    public IReadOnlyList<string> RestoredLibraries()
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(AssetsFilePath));
        return assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// nuget.config: the temporary feed (the only source for DataZone.Gen, through source mapping) plus the sources
    /// this machine already uses for everything else, and a packages folder of the consumer's own.
    /// </summary>
    private static XDocument NuGetConfig(string localFeed, IReadOnlyList<PackageSource> existingSources, string packagesFolder)
    {
        var sources = new XElement("packageSources", new XElement("clear"), Add(LocalFeedName, localFeed));
        var mapping = new XElement("packageSourceMapping",
            new XElement("packageSource", new XAttribute("key", LocalFeedName), Pattern("DataZone.Gen")));
        foreach (var source in existingSources.Where(s => s.Name != LocalFeedName))
        {
            sources.Add(Add(source.Name, source.Location));
            mapping.Add(new XElement("packageSource", new XAttribute("key", source.Name), Pattern("*")));
        }
        return new XDocument(new XElement("configuration",
            new XElement("config", Add("globalPackagesFolder", packagesFolder)),
            sources,
            mapping));

        static XElement Add(string key, string value) => new("add", new XAttribute("key", key), new XAttribute("value", value));
        static XElement Pattern(string pattern) => new("package", new XAttribute("pattern", pattern));
    }
}
