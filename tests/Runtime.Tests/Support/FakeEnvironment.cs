using System;
using System.Collections.Generic;
using System.IO;

namespace DataZone.Gen.Runtime.Tests.Support;

/// <summary>An injected environment: variables in a dictionary, files on disk under a temporary home directory.</summary>
internal sealed class FakeEnvironment : IAwsEnvironment, IDisposable
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    public FakeEnvironment()
    {
        // Created on the first WriteFile only, so environments without files leave nothing behind.
        HomeDirectory = Path.Combine(Path.GetTempPath(), "dzgen-tests-" + Guid.NewGuid().ToString("N"));
    }

    public string HomeDirectory { get; }

    string? IAwsEnvironment.HomeDirectory => HomeDirectory;

    public List<string> FilesRead { get; } = new();

    public FakeEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    /// <summary>Writes a file relative to the home directory (e.g. ".aws/config") and returns its full path.</summary>
    public string WriteFile(string relativePath, string text)
    {
        var path = Path.Combine(HomeDirectory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string? GetVariable(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string? ReadFile(string path)
    {
        FilesRead.Add(path);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public void Dispose()
    {
        if (!Directory.Exists(HomeDirectory))
        {
            return;
        }

        try
        {
            Directory.Delete(HomeDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder is harmless
        }
    }
}
