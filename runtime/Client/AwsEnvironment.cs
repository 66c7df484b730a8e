using System;
using System.IO;

namespace DataZone.Gen;

/// <summary>
/// Where configuration comes from: environment variables, files and the home directory. The client and the
/// credential providers read only through this, so tests can hand them a fake instead of mutating the process.
/// </summary>
internal interface IAwsEnvironment
{
    /// <summary>An environment variable, or <see langword="null"/> when unset or empty.</summary>
    string? GetVariable(string name);

    /// <summary>A file's text, or <see langword="null"/> when it does not exist.</summary>
    string? ReadFile(string path);

    /// <summary>The user's home directory, or <see langword="null"/>.</summary>
    string? HomeDirectory { get; }
}

/// <summary>The real process environment and file system.</summary>
internal sealed class ProcessEnvironment : IAwsEnvironment
{
    public static readonly ProcessEnvironment Instance = new();

    public string? GetVariable(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public string? ReadFile(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AwsClientException($"Could not read '{path}': {exception.Message}", exception);
        }
    }

    // botocore expands "~" with os.path.expanduser: HOME first, then the Windows profile folder.
    public string? HomeDirectory =>
        GetVariable("HOME") ?? GetVariable("USERPROFILE") ?? NullIfEmpty(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
