using System;
using System.IO;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>The reference botocore models beside the repository (<c>../shared/models</c>), read by path, never copied.</summary>
internal static class SharedModels
{
    public static string Kms => Folder("kms", "2014-11-01");

    public static string Sso => Folder("sso", "2019-06-10");

    private static string Folder(string service, string version)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "models", service, version);
            if (File.Exists(Path.Combine(candidate, "service-2.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"../shared/models/{service}/{version} was not found above {AppContext.BaseDirectory}.");
    }
}
