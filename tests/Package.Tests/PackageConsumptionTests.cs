using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using DataZone.Gen.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace DataZone.Gen.Package.Tests;

/// <summary>
/// The package as a user gets it (<see cref="PackedPackage"/>): a fresh project with one PackageReference built by
/// the .NET SDK with warnings as errors, run against the in-process emulator, then regenerated after an edit of its
/// model.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class PackageConsumptionTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public PackageConsumptionTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public async Task One_package_reference_builds_runs_and_regenerates_on_model_update()
    {
        // 1. The package, and what is in it.
        _output.WriteLine($"{_package.Pack.Elapsed.TotalSeconds,6:F1} s  exit {_package.Pack.ExitCode}  {_package.Pack.CommandLine}");
        _package.AssertPacked();
        AssertPackageLayout(_package.PackagePath);
        var version = _package.Version;
        var workDirectory = Path.Combine(_package.WorkDirectory, "sdk-consumer");
        _output.WriteLine($"work directory: {workDirectory}");

        // 2. A fresh consumer that restores DataZone.Gen from the feed and anything else from the machine's sources.
        var consumer = new ConsumerProject(workDirectory);
        consumer.Create(version, _package.Feed, await ExistingPackageSourcesAsync(_package.RepositoryRoot), _package.ModelDirectory);
        var consumerEnvironment = new Dictionary<string, string?> { ["NUGET_PACKAGES"] = null }; // nuget.config names the folder.

        var build = await RunAsync(consumer.Directory, ["build", "-warnaserror"], BuildTimeout, consumerEnvironment);
        Assert.True(build.Succeeded, build.Describe());
        // The package brings nothing else: the generator's build-time packages (Roslyn, Scriban) stay out of the graph.
        Assert.Equal([$"DataZone.Gen/{version}"], consumer.RestoredLibraries());

        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 23 });
        string[] runArguments =
        [
            "run", "--no-build", "--",
            emulator.Endpoint.ToString(), emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey,
            emulator.DomainId, emulator.DataSourceId,
        ];
        var expectedIds = emulator.Runs.Select(r => r.Id).ToList();

        // 3. Run it: every run, in the emulator's order, one id per line.
        var run = await RunAsync(consumer.Directory, runArguments, RunTimeout, consumerEnvironment);
        Assert.True(run.Succeeded, run.Describe());
        Assert.Equal([.. expectedIds, "RunNote=False"], Lines(run.StandardOutput));

        // 4. Update the consumer's model (a new member on the item shape) and use the new property: the rebuild
        //    compiles only if the generator re-read the model and re-emitted DataSourceRunSummary.
        consumer.AddRunNoteToModel();
        consumer.WriteProgram(usesRunNote: true);
        var rebuild = await RunAsync(consumer.Directory, ["build", "--no-restore", "-warnaserror"], BuildTimeout, consumerEnvironment);
        Assert.True(rebuild.Succeeded, rebuild.Describe());

        var rerun = await RunAsync(consumer.Directory, runArguments, RunTimeout, consumerEnvironment);
        Assert.True(rerun.Succeeded, rerun.Describe());
        // The emulator does not serve the new member, so every note is absent and only the ids print.
        Assert.Equal([.. expectedIds, "RunNote=True"], Lines(rerun.StandardOutput));

        PackedPackage.TryDelete(workDirectory);
    }

    /// <summary>
    /// One package: the runtime as the library; as analyzers the generator and its whole run-time closure, so that
    /// every compiler host loads it (FrameworkCompilerTests); no dependencies.
    /// </summary>
    private static void AssertPackageLayout(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).Where(n => !IsPackagingMetadata(n)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "DataZone.Gen.nuspec",
                "README.md",
                "analyzers/dotnet/cs/DataZone.Gen.Generator.dll",
                "analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll",
                "analyzers/dotnet/cs/Scriban.Signed.dll",
                "analyzers/dotnet/cs/System.Buffers.dll",
                "analyzers/dotnet/cs/System.IO.Pipelines.dll",
                "analyzers/dotnet/cs/System.Memory.dll",
                "analyzers/dotnet/cs/System.Numerics.Vectors.dll",
                "analyzers/dotnet/cs/System.Runtime.CompilerServices.Unsafe.dll",
                "analyzers/dotnet/cs/System.Text.Encodings.Web.dll",
                "analyzers/dotnet/cs/System.Text.Json.dll",
                "analyzers/dotnet/cs/System.Threading.Tasks.Extensions.dll",
                "lib/net8.0/DataZone.Gen.dll",
                "lib/net8.0/DataZone.Gen.xml",
            ],
            entries);

        using var nuspecStream = zip.GetEntry("DataZone.Gen.nuspec")!.Open();
        var nuspec = XDocument.Load(nuspecStream);
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string?)e.Attribute("id")).ToList();
        Assert.True(dependencies.Count == 0, "the package should depend on nothing, but names: " + string.Join(", ", dependencies));
        Assert.Equal("README.md", nuspec.Descendants().Single(e => e.Name.LocalName == "readme").Value);

        static bool IsPackagingMetadata(string name) =>
            name.StartsWith("_rels/", StringComparison.Ordinal) || name.StartsWith("package/", StringComparison.Ordinal) || name == "[Content_Types].xml";
    }

    /// <summary>
    /// The package sources this machine uses (user and repository NuGet.Config), as `dotnet nuget list source` reports
    /// them from the repository root: copied, never written down, so the test works wherever it runs.
    /// </summary>
    private async Task<IReadOnlyList<PackageSource>> ExistingPackageSourcesAsync(string repoRoot)
    {
        var list = await RunAsync(repoRoot, ["nuget", "list", "source", "--format", "detailed"], RunTimeout);
        Assert.True(list.Succeeded, list.Describe());
        var sources = new List<PackageSource>();
        var lines = list.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var match = SourceHeader().Match(lines[i]);
            if (match.Success && match.Groups["state"].Value == "Enabled")
            {
                sources.Add(new PackageSource(match.Groups["name"].Value, lines[i + 1].Trim()));
            }
        }
        return sources;
    }

    [GeneratedRegex(@"^\s*\d+\.\s+(?<name>.+?)\s+\[(?<state>Enabled|Disabled)\]\s*$")]
    private static partial Regex SourceHeader();

    private async Task<ProcessResult> RunAsync(string directory, IReadOnlyList<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await DotNet.RunAsync(directory, arguments, timeout, environment);
        _output.WriteLine($"{result.Elapsed.TotalSeconds,6:F1} s  exit {result.ExitCode}  {result.CommandLine}");
        return result;
    }

    private static List<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
}
