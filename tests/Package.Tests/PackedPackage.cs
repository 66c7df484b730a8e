using System;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Package.Tests;

/// <summary>The tests that share one packed package; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "The packed DataZone.Gen";
}

/// <summary>
/// The package as a user gets it, packed once for every test of the collection: <c>dotnet pack</c> of runtime/ into a
/// temporary feed. A failed pack does not throw here: each test asserts <see cref="Pack"/> and shows its output.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    public PackedPackage()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "datazone-gen-package-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(WorkDirectory, "feed");
        // Restore caches packages by id and version: a version of its own makes every run use this build.
        Version = "0.0.0-test.g" + Guid.NewGuid().ToString("N")[..12];
        PackagePath = Path.Combine(Feed, $"DataZone.Gen.{Version}.nupkg");
    }

    public string RepositoryRoot { get; }

    /// <summary>A temporary directory for this run; each test makes its own folder inside.</summary>
    public string WorkDirectory { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>The botocore DataZone model the consumers use (the repository's copy).</summary>
    public string ModelDirectory => Path.Combine(RepositoryRoot, "models", "datazone", "2018-05-10");

    internal ProcessResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        // The build goes to an artifacts folder of its own so the repository's bin/ and obj/ stay as they are.
        Pack = await DotNet.RunAsync(RepositoryRoot,
        [
            "pack", Path.Combine(RepositoryRoot, "runtime", "DataZone.Gen.Runtime.csproj"),
            "--configuration", "Release",
            "--output", Feed,
            "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
            $"-p:Version={Version}",
        ], PackTimeout);
    }

    /// <summary>Fails the calling test, with the pack's output, unless the package was made.</summary>
    internal void AssertPacked()
    {
        Assert.True(Pack.Succeeded, Pack.Describe());
        Assert.True(File.Exists(PackagePath), $"no {PackagePath}; the feed has: {string.Join(", ", Directory.GetFiles(Feed))}{Environment.NewLine}{Pack.Describe()}");
    }

    /// <summary>Unzips the package as restore would lay it out in the packages folder; returns the folder.</summary>
    public string ExtractTo(string directory)
    {
        ZipFile.ExtractToDirectory(PackagePath, directory);
        return directory;
    }

    public Task DisposeAsync()
    {
        TryDelete(WorkDirectory);
        return Task.CompletedTask;
    }

    internal static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; not the subject of the test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataZone.Gen.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"DataZone.Gen.sln not found above {AppContext.BaseDirectory}");
    }
}
