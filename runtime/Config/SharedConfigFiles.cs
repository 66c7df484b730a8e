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
    private readonly Dictionary<string, Dictionary<string, string>> _services;
    private readonly Dictionary<string, Dictionary<string, string>> _credentials;
    private readonly Dictionary<string, Dictionary<string, string>> _ssoSessions;

    private SharedConfigFiles(string? configPath, string? configText, string? credentialsPath, string? credentialsText)
    {
        ConfigPath = configPath;
        CredentialsPath = credentialsPath;
        ConfigExists = configText is not null;
        CredentialsExists = credentialsText is not null;
        var configSections = IniFile.Parse(configText ?? "", configPath);
        _config = NamedSections(configSections, "profile", withDefault: true);
        _services = NamedSections(configSections, "services", withDefault: false);
        _credentials = IniFile.Parse(credentialsText ?? "", credentialsPath);
        _ssoSessions = NamedSections(configSections, "sso-session", withDefault: false);
    }

    /// <summary>The config file's path, or <see langword="null"/> when there is no home directory and no <c>AWS_CONFIG_FILE</c>.</summary>
    public string? ConfigPath { get; }

    /// <summary>The credentials file's path, or <see langword="null"/> when there is no home directory and no <c>AWS_SHARED_CREDENTIALS_FILE</c>.</summary>
    public string? CredentialsPath { get; }

    public bool ConfigExists { get; }
    public bool CredentialsExists { get; }

    public static SharedConfigFiles Load(IAwsEnvironment environment)
    {
        var configPath = ResolvePath(environment, "AWS_CONFIG_FILE", "config");
        var credentialsPath = ResolvePath(environment, "AWS_SHARED_CREDENTIALS_FILE", "credentials");
        return new SharedConfigFiles(
            configPath, configPath is null ? null : environment.ReadFile(configPath),
            credentialsPath, credentialsPath is null ? null : environment.ReadFile(credentialsPath));
    }

    /// <summary>
    /// The profile to use: explicit, then <c>AWS_DEFAULT_PROFILE</c>, then <c>AWS_PROFILE</c>, then <c>default</c>. The
    /// legacy variable wins when both are set, as in botocore's session variable <c>profile</c>.
    /// </summary>
    public static string SelectProfile(string? explicitProfile, IAwsEnvironment environment) =>
        SelectProfile(explicitProfile, environment, out _);

    /// <summary>
    /// The profile to use, and what named it: "the profile option", <c>AWS_DEFAULT_PROFILE</c>, <c>AWS_PROFILE</c>, or
    /// <see langword="null"/> for the unnamed <c>default</c>.
    /// </summary>
    public static string SelectProfile(string? explicitProfile, IAwsEnvironment environment, out string? namedBy)
    {
        if (explicitProfile is not null)
        {
            namedBy = "the profile option";
            return explicitProfile;
        }

        foreach (var variable in new[] { "AWS_DEFAULT_PROFILE", "AWS_PROFILE" })
        {
            if (environment.GetVariable(variable) is { } name)
            {
                namedBy = variable;
                return name;
            }
        }

        namedBy = null;
        return "default";
    }

    /// <summary>The profile's settings (config first, credentials file overriding), or <see langword="null"/> when neither file has it.</summary>
    public IReadOnlyDictionary<string, string>? GetProfile(string name)
    {
        var inConfig = _config.TryGetValue(name, out var fromConfig);
        var inCredentials = _credentials.TryGetValue(name, out var fromCredentials);
        if (!inConfig && !inCredentials)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in new[] { fromConfig, fromCredentials })
        {
            if (source is not null)
            {
                foreach (var setting in source)
                {
                    merged[setting.Key] = setting.Value;
                }
            }
        }

        return merged;
    }

    /// <summary>The profile's section in one file only (botocore's shared-credentials-file and config-file providers each read one).</summary>
    public IReadOnlyDictionary<string, string>? GetProfileIn(bool credentialsFile, string name) =>
        (credentialsFile ? _credentials : _config).TryGetValue(name, out var settings) ? settings : null;

    /// <summary>The config file's <c>[sso-session name]</c> section, or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, string>? GetSsoSession(string name) =>
        _ssoSessions.TryGetValue(name, out var settings) ? settings : null;

    /// <summary>
    /// One non-blank setting of a profile, trimmed, and the file it came from (the credentials file wins, as in
    /// <see cref="GetProfile"/>); <see langword="null"/> when neither file sets it.
    /// </summary>
    public string? FindValue(string profile, string key, out string file)
    {
        foreach (var (path, profiles) in new[] { (CredentialsPath, _credentials), (ConfigPath, _config) })
        {
            if (path is not null && profiles.TryGetValue(profile, out var settings)
                && settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                file = path;
                return value.Trim();
            }
        }
        file = "";
        return null;
    }

    /// <summary>
    /// A setting of one service in the <c>[services name]</c> section the profile's <c>services</c> names: botocore's
    /// nested block, <c>datazone =</c> followed by indented <c>endpoint_url = ...</c> lines. <see langword="null"/> when
    /// the profile names no section or the section has no such setting.
    /// </summary>
    /// <exception cref="AwsClientException">The profile's <c>services</c> names a section that does not exist (botocore's InvalidConfigError).</exception>
    public string? FindServiceValue(string profile, string serviceKey, string key, out string file)
    {
        file = "";
        if (ConfigPath is null || FindValue(profile, "services", out var profileFile) is not { } sectionName)
        {
            return null;
        }

        if (!_services.TryGetValue(sectionName, out var section))
        {
            throw new AwsClientException(
                $"Profile '{profile}' in {profileFile} is configured to use the services section \"{sectionName}\", "
                + $"but there is no [services {sectionName}] in {ConfigPath}.");
        }

        if (!section.TryGetValue(serviceKey, out var block))
        {
            return null;
        }

        // botocore's _parse_nested: one "key = value" per line, split at the first '='.
        foreach (var line in block.Split('\n'))
        {
            var separator = line.IndexOf('=');
            if (separator > 0 && line.Substring(0, separator).Trim() == key && line.Substring(separator + 1).Trim() is { Length: > 0 } value)
            {
                file = ConfigPath;
                return value;
            }
        }
        return null;
    }

    /// <summary>Where the files are and whether they exist, for error messages.</summary>
    public string DescribeFiles() =>
        $"{Describe(CredentialsPath, CredentialsExists, "credentials")}, {Describe(ConfigPath, ConfigExists, "config")}";

    private static string Describe(string? path, bool exists, string fileName) =>
        path is null ? $"~/.aws/{fileName} (no home directory)" : $"{path} ({(exists ? "found" : "not found")})";

    private static string? ResolvePath(IAwsEnvironment environment, string variable, string fileName)
    {
        var configured = environment.GetVariable(variable);
        var home = environment.HomeDirectory;
        if (configured is not null)
        {
            return configured.StartsWith('~') && home is not null ? home + configured.Substring(1) : configured;
        }
        // No home directory: no default files (rather than a ".aws" folder under whatever the working directory is).
        return home is null ? null : Path.Combine(home, ".aws", fileName);
    }

    // botocore's build_profile_map: "[profile x]" is profile x, "[default]" is default; "[services x]" is services
    // section x. Other sections are neither.
    private static Dictionary<string, Dictionary<string, string>> NamedSections(
        Dictionary<string, Dictionary<string, string>> sections, string kind, bool withDefault)
    {
        var named = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var name = section.Key;
            if (withDefault && name == "default")
            {
                Merge(named, "default", section.Value);
            }
            else if (name.Length > kind.Length && name.StartsWith(kind, StringComparison.Ordinal) && char.IsWhiteSpace(name[kind.Length]))
            {
                // botocore shlex-splits "profile x": a quoted name may hold spaces, an unquoted one may not.
                var rest = name.Substring(kind.Length).Trim();
                if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
                {
                    Merge(named, rest.Substring(1, rest.Length - 2), section.Value);
                }
                else if (rest.Length > 0 && rest.IndexOfAny(new[] { ' ', '\t' }) < 0)
                {
                    Merge(named, rest, section.Value);
                }
            }
        }
        return named;
    }

    private static void Merge(Dictionary<string, Dictionary<string, string>> profiles, string name, Dictionary<string, string> values)
    {
        if (!profiles.TryGetValue(name, out var existing))
        {
            profiles[name] = existing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        foreach (var value in values)
        {
            existing[value.Key] = value.Value;
        }
    }
}
