using System;
using System.Collections.Generic;
using System.IO;

namespace DataZone.Gen;

/// <summary>
/// Where a client's configuration comes from: environment variables, the shared config files and the home directory.
/// Region and endpoint resolution, retry settings and the default credential chain read only through this, so an
/// application (or a test) can hand a client its own environment instead of the process's: set
/// <see cref="AwsClientOptions.Environment"/>. <see cref="AwsEnvironment"/> has the two usual implementations.
/// </summary>
public interface IAwsEnvironment
{
    /// <summary>An environment variable, or <see langword="null"/> when it is unset, empty or only white space.</summary>
    /// <param name="name">The variable, for example <c>AWS_REGION</c>.</param>
    string? GetVariable(string name);

    /// <summary>A file's text, or <see langword="null"/> when the file does not exist.</summary>
    /// <param name="path">The full path, for example <c>/home/me/.aws/config</c>.</param>
    /// <exception cref="AwsClientException">The file exists but could not be read.</exception>
    string? ReadFile(string path);

    /// <summary>The user's home directory (where <c>~/.aws/</c> is), or <see langword="null"/> when there is none.</summary>
    string? HomeDirectory { get; }
}

/// <summary>The environments a client can read its configuration from.</summary>
public static class AwsEnvironment
{
    /// <summary>
    /// The process: its environment variables, the file system, and as home directory <c>HOME</c>, else
    /// <c>USERPROFILE</c>, else the user profile folder (botocore's <c>os.path.expanduser</c>). The default.
    /// </summary>
    public static IAwsEnvironment Process => ProcessEnvironment.Instance;

    /// <summary>
    /// Variables from a dictionary instead of the process (a process variable missing from it counts as unset);
    /// files from the file system. The dictionary is read on every lookup, not copied, and its own key comparer
    /// applies.
    /// </summary>
    /// <param name="variables">The environment variables; a <see langword="null"/> or blank value counts as unset.</param>
    /// <param name="homeDirectory">
    /// The home directory; <see langword="null"/> takes <c>HOME</c>, else <c>USERPROFILE</c>, from
    /// <paramref name="variables"/>. With neither, there is no home directory and so no default
    /// <c>~/.aws/config</c> or <c>~/.aws/credentials</c> (<c>AWS_CONFIG_FILE</c> and <c>AWS_SHARED_CREDENTIALS_FILE</c> still work).
    /// </param>
    /// <returns>The environment; its <see cref="object.ToString"/> names no variable values.</returns>
    public static IAwsEnvironment FromVariables(IReadOnlyDictionary<string, string?> variables, string? homeDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new VariablesEnvironment(variables, string.IsNullOrWhiteSpace(homeDirectory) ? null : homeDirectory);
    }

    internal static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    internal static string? ReadFileFromDisk(string path)
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

    private sealed class VariablesEnvironment : IAwsEnvironment
    {
        private readonly IReadOnlyDictionary<string, string?> _variables;
        private readonly string? _homeDirectory;

        public VariablesEnvironment(IReadOnlyDictionary<string, string?> variables, string? homeDirectory)
        {
            _variables = variables;
            _homeDirectory = homeDirectory;
        }

        public string? HomeDirectory => _homeDirectory ?? GetVariable("HOME") ?? GetVariable("USERPROFILE");

        public string? GetVariable(string name) => _variables.TryGetValue(name, out var value) ? Normalize(value) : null;

        public string? ReadFile(string path) => ReadFileFromDisk(path);

        // Counts only: values may be secrets (AWS_SECRET_ACCESS_KEY).
        public override string ToString() => $"AwsEnvironment.FromVariables({_variables.Count} variables)";
    }
}

/// <summary>The real process environment and file system (<see cref="AwsEnvironment.Process"/>).</summary>
internal sealed class ProcessEnvironment : IAwsEnvironment
{
    public static readonly ProcessEnvironment Instance = new();

    private ProcessEnvironment() { }

    public string? GetVariable(string name) => AwsEnvironment.Normalize(Environment.GetEnvironmentVariable(name));

    public string? ReadFile(string path) => AwsEnvironment.ReadFileFromDisk(path);

    // botocore expands "~" with os.path.expanduser: HOME first, then the Windows profile folder.
    public string? HomeDirectory =>
        GetVariable("HOME") ?? GetVariable("USERPROFILE") ?? AwsEnvironment.Normalize(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public override string ToString() => "AwsEnvironment.Process";
}
