using System;
using System.IO;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>Where the repository, its own model and the shared reference models are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string OwnModelFolder => Path.Combine(Root, "models", "datazone", "2018-05-10");

    /// <summary>The full botocore DataZone model beside the repository (../shared); CI has it there too.</summary>
    public static string SharedModelFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "models", "datazone", "2018-05-10"));

    /// <summary>Another service's botocore model folder beside the repository, for example <c>kms/2014-11-01</c>.</summary>
    public static string SharedModel(string service, string version) =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "models", service, version));

    public static string SnapshotFolder => Path.Combine(Root, "tests", "Generator.Tests", "Snapshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataZone.Gen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with DataZone.Gen.sln) was not found above " + AppContext.BaseDirectory);
    }
}
