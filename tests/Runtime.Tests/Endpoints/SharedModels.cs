using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>The botocore reference models beside the repository (../shared/models), read in place; rule sets parsed once.</summary>
internal static class SharedModels
{
    private static readonly ConcurrentDictionary<string, EndpointRuleSet> RuleSets = new(StringComparer.Ordinal);

    public static string Folder { get; } = FindFolder();

    public static string PartitionsPath => Path.Combine(Folder, "partitions.json");

    /// <summary>The rule set of a service folder, for example <c>kms</c> (its only API version).</summary>
    public static EndpointRuleSet RuleSet(string service) =>
        RuleSets.GetOrAdd(service, name => EndpointRuleSet.Parse(File.ReadAllBytes(RuleSetPath(name))));

    public static string RuleSetPath(string service) =>
        Directory.GetDirectories(Path.Combine(Folder, service)).Select(version => Path.Combine(version, "endpoint-rule-set-1.json")).Single(File.Exists);

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataZone.Gen.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "models"));
            }
        }

        throw new InvalidOperationException("The repository root (with DataZone.Gen.sln) was not found above " + AppContext.BaseDirectory);
    }
}
