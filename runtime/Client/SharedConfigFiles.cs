using System;
using System.Collections.Generic;
using System.IO;

namespace DataZone.Gen;

/// <summary>
/// The shared AWS config and credentials files (<c>~/.aws/config</c>, <c>~/.aws/credentials</c>), read as
/// botocore reads them: config sections are <c>[default]</c> and <c>[profile name]</c>; credentials sections are
/// bare profile names; for the same profile the credentials file's values win.
/// </summary>
internal sealed class SharedConfigFiles
{
    private readonly Dictionary<string, Dictionary<string, string>> _config;
    private readonly Dictionary<string, Dictionary<string, string>> _credentials;

    private SharedConfigFiles(string configPath, string? configText, string credentialsPath, string? credentialsText)
    {
        ConfigPath = configPath;
        CredentialsPath = credentialsPath;
        ConfigExists = configText is not null;
        CredentialsExists = credentialsText is not null;
        _config = ConfigProfiles(IniFile.Parse(configText ?? ""));
        _credentials = IniFile.Parse(credentialsText ?? "");
    }

    public string ConfigPath { get; }
    public string CredentialsPath { get; }
    public bool ConfigExists { get; }
    public bool CredentialsExists { get; }

    public static SharedConfigFiles Load(IAwsEnvironment environment)
    {
        string configPath = ResolvePath(environment, "AWS_CONFIG_FILE", "config");
        string credentialsPath = ResolvePath(environment, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
        return new SharedConfigFiles(configPath, environment.ReadFile(configPath), credentialsPath, environment.ReadFile(credentialsPath));
    }

    /// <summary>The profile to use: explicit, then <c>AWS_PROFILE</c>, then the legacy <c>AWS_DEFAULT_PROFILE</c>, then <c>default</c>.</summary>
    public static string SelectProfile(string? explicitProfile, IAwsEnvironment environment) =>
        explicitProfile ?? environment.GetVariable("AWS_PROFILE") ?? environment.GetVariable("AWS_DEFAULT_PROFILE") ?? "default";

    /// <summary>The profile's settings (config first, credentials file overriding), or <see langword="null"/> when neither file has it.</summary>
    public IReadOnlyDictionary<string, string>? GetProfile(string name)
    {
        bool inConfig = _config.TryGetValue(name, out var fromConfig);
        bool inCredentials = _credentials.TryGetValue(name, out var fromCredentials);
        if (!inConfig && !inCredentials)
            return null;
        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { fromConfig, fromCredentials })
            if (source is not null)
                foreach (var setting in source)
                    merged[setting.Key] = setting.Value;
        return merged;
    }

    /// <summary>Where the files are and whether they exist, for error messages.</summary>
    public string DescribeFiles() =>
        $"{CredentialsPath} ({(CredentialsExists ? "found" : "not found")}), {ConfigPath} ({(ConfigExists ? "found" : "not found")})";

    private static string ResolvePath(IAwsEnvironment environment, string variable, string fileName)
    {
        string? configured = environment.GetVariable(variable);
        string? home = environment.HomeDirectory;
        if (configured is not null)
            return configured.StartsWith('~') && home is not null ? home + configured.Substring(1) : configured;
        return Path.Combine(home ?? ".", ".aws", fileName);
    }

    // botocore's build_profile_map: "[profile x]" is profile x, "[default]" is default, other sections are not profiles.
    private static Dictionary<string, Dictionary<string, string>> ConfigProfiles(Dictionary<string, Dictionary<string, string>> sections)
    {
        var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            string name = section.Key;
            if (name == "default")
            {
                Merge(profiles, "default", section.Value);
            }
            else if (name.Length > "profile".Length && name.StartsWith("profile", StringComparison.Ordinal) && char.IsWhiteSpace(name["profile".Length]))
            {
                // botocore shlex-splits "profile x": a quoted name may hold spaces, an unquoted one may not.
                string rest = name.Substring("profile".Length).Trim();
                if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
                    Merge(profiles, rest.Substring(1, rest.Length - 2), section.Value);
                else if (rest.Length > 0 && rest.IndexOfAny(new[] { ' ', '\t' }) < 0)
                    Merge(profiles, rest, section.Value);
            }
        }
        return profiles;
    }

    private static void Merge(Dictionary<string, Dictionary<string, string>> profiles, string name, Dictionary<string, string> values)
    {
        if (!profiles.TryGetValue(name, out var existing))
            profiles[name] = existing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
            existing[value.Key] = value.Value;
    }
}
