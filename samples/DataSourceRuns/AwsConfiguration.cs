using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen;
using DataZone.Gen.Auth;

namespace DataSourceRuns;

/// <summary>A setting and where it came from, for messages such as "region us-east-1 (from AWS_REGION)".</summary>
internal readonly record struct Configured<T>(T Value, string Source);

/// <summary>
/// The AWS configuration the tool runs with, looked up the way the AWS SDKs (and the DataZone.Gen runtime) look it
/// up, but read from <see cref="CliHost.Environment"/> instead of the process, so that tests decide what is
/// configured. The tool passes what it finds to <see cref="AwsClientOptions"/> explicitly, so the runtime never
/// looks again and cannot disagree. Region: <c>--region</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the
/// profile's <c>region</c>. Endpoint: <c>--endpoint</c>, <c>AWS_ENDPOINT_URL_DATAZONE</c>, <c>AWS_ENDPOINT_URL</c>.
/// Credentials: <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c>/<c>AWS_SESSION_TOKEN</c>, then the profile.
/// </summary>
internal sealed class AwsConfiguration
{
    private readonly CliHost _host;
    private readonly string? _explicitProfile;
    private SharedConfig? _files;

    public AwsConfiguration(CliHost host, string? explicitProfile)
    {
        _host = host;
        _explicitProfile = explicitProfile;
    }

    /// <summary>The profile in use: <c>--profile</c>, <c>AWS_PROFILE</c>, <c>AWS_DEFAULT_PROFILE</c>, else <c>default</c>.</summary>
    public string ProfileName =>
        _explicitProfile ?? _host.GetVariable("AWS_PROFILE") ?? _host.GetVariable("AWS_DEFAULT_PROFILE") ?? "default";

    private SharedConfig Files => _files ??= SharedConfig.Load(_host);

    /// <summary>The configured region, or <see langword="null"/> when none is configured anywhere.</summary>
    public Configured<string>? FindRegion()
    {
        foreach (string variable in new[] { "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            if (_host.GetVariable(variable) is { } region)
                return new Configured<string>(region, variable);
        }

        return Files.GetProfileValue(ProfileName, "region") is { } fromProfile
            ? new Configured<string>(fromProfile.Value, $"profile '{ProfileName}' in {fromProfile.Source}")
            : null;
    }

    /// <summary>Where <see cref="FindRegion"/> looked, for the message when it found nothing.</summary>
    public string DescribeRegionSources() =>
        $"AWS_REGION, AWS_DEFAULT_REGION and 'region' of profile '{ProfileName}' in {Files.Describe()}";

    /// <summary>An endpoint from <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> or <c>AWS_ENDPOINT_URL</c>, unless <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>.</summary>
    /// <exception cref="UsageException">The variable is not an absolute http(s) URL.</exception>
    public Configured<Uri>? FindEndpoint(AwsServiceMetadata service)
    {
        if (string.Equals(_host.GetVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            return null;
        foreach (string variable in new[] { service.EndpointUrlVariable, "AWS_ENDPOINT_URL" })
        {
            if (_host.GetVariable(variable) is not { } text)
                continue;
            return ListRunsSettings.TryParseEndpoint(text, out Uri? endpoint)
                ? new Configured<Uri>(endpoint, variable)
                : throw new UsageException($"{variable} must be an absolute http or https URL; got '{text}'.");
        }

        return null;
    }

    /// <summary><c>AWS_MAX_ATTEMPTS</c> (attempts per request, including the first), or <see langword="null"/>.</summary>
    /// <exception cref="UsageException">The variable is not a positive integer.</exception>
    public int? FindMaxAttempts()
    {
        if (_host.GetVariable("AWS_MAX_ATTEMPTS") is not { } text)
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int attempts) && attempts >= 1
            ? attempts
            : throw new UsageException($"AWS_MAX_ATTEMPTS must be a positive integer; got '{text}'.");
    }

    /// <summary>
    /// The standard chain over this environment: with <c>--profile</c> only that profile (botocore's rule); otherwise
    /// the access-key variables when set, else the profile. Profile credentials are read by the runtime's
    /// <see cref="ProfileCredentialsProvider"/> (which locates the shared files through the process environment).
    /// </summary>
    public IAwsCredentialsProvider CreateCredentials()
    {
        var profile = new ProfileCredentialsProvider(ProfileName);
        if (_explicitProfile is not null)
            return profile;

        string? accessKey = _host.GetVariable("AWS_ACCESS_KEY_ID");
        string? secretKey = _host.GetVariable("AWS_SECRET_ACCESS_KEY");
        string? sessionToken = _host.GetVariable("AWS_SESSION_TOKEN") ?? _host.GetVariable("AWS_SECURITY_TOKEN");
        if (accessKey is not null && secretKey is not null)
            return new StaticCredentialsProvider(accessKey, secretKey, sessionToken);
        if (accessKey is not null || secretKey is not null)
        {
            string message = accessKey is null
                ? "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not."
                : "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not.";
            return new DelegateCredentialsProvider(_ => throw new AwsCredentialsException("AWS credentials are misconfigured: " + message));
        }

        return new DelegateCredentialsProvider(async cancellationToken =>
        {
            try
            {
                return await profile.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsCredentialsException exception)
            {
                throw new AwsCredentialsException(
                    "No AWS credentials found. Tried:\n- environment variables: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set\n- "
                    + exception.Message, exception);
            }
        });
    }

    /// <summary>The shared <c>config</c> and <c>credentials</c> files, just enough of them to find a profile's region.</summary>
    private sealed class SharedConfig
    {
        private readonly List<(string Path, bool Exists, Dictionary<string, Dictionary<string, string>> Profiles)> _files = new();

        public static SharedConfig Load(CliHost host)
        {
            var config = new SharedConfig();
            string? home = host.GetVariable("HOME") ?? host.GetVariable("USERPROFILE");
            // The credentials file wins over the config file for the same profile, so it is consulted first.
            config.Add(ResolvePath(host.GetVariable("AWS_SHARED_CREDENTIALS_FILE"), home, "credentials"), isConfigFile: false);
            config.Add(ResolvePath(host.GetVariable("AWS_CONFIG_FILE"), home, "config"), isConfigFile: true);
            return config;
        }

        public Configured<string>? GetProfileValue(string profile, string key)
        {
            foreach (var (path, _, profiles) in _files)
            {
                if (profiles.TryGetValue(profile, out var settings) && settings.TryGetValue(key, out string? value) && value.Length > 0)
                    return new Configured<string>(value, path);
            }

            return null;
        }

        public string Describe() =>
            _files.Count == 0
                ? "the shared config files (no home directory, AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE)"
                : string.Join(" and ", _files.ConvertAll(f => $"{f.Path} ({(f.Exists ? "found" : "not found")})"));

        private static string? ResolvePath(string? configured, string? home, string fileName)
        {
            if (configured is not null)
                return configured.StartsWith('~') && home is not null ? home + configured.Substring(1) : configured;
            return home is null ? null : Path.Combine(home, ".aws", fileName);
        }

        private void Add(string? path, bool isConfigFile)
        {
            if (path is null)
                return;
            bool exists = File.Exists(path);
            _files.Add((path, exists, exists ? Parse(File.ReadAllText(path), isConfigFile) : new()));
        }

        // The INI dialect botocore reads: [section], key = value (or key: value), full-line # and ; comments,
        // indented continuation lines (nested blocks, not needed here). Config sections are [default] and
        // [profile name]; credentials sections are bare profile names.
        private static Dictionary<string, Dictionary<string, string>> Parse(string text, bool isConfigFile)
        {
            var profiles = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            Dictionary<string, string>? current = null;
            foreach (string rawLine in text.Split('\n'))
            {
                string line = rawLine.TrimEnd('\r');
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] is '#' or ';' || char.IsWhiteSpace(line[0]))
                    continue;
                if (trimmed[0] == '[')
                {
                    int close = trimmed.IndexOf(']');
                    string name = (close > 0 ? trimmed.Substring(1, close - 1) : trimmed.Substring(1)).Trim();
                    string? profile = isConfigFile ? ConfigProfileName(name) : name;
                    current = null;
                    if (profile is not null && !profiles.TryGetValue(profile, out current))
                        profiles[profile] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    continue;
                }

                int separator = trimmed.IndexOfAny(new[] { '=', ':' });
                if (current is not null && separator > 0)
                    current[trimmed.Substring(0, separator).Trim()] = trimmed.Substring(separator + 1).Trim();
            }

            return profiles;
        }

        private static string? ConfigProfileName(string section)
        {
            if (section == "default")
                return "default";
            if (!section.StartsWith("profile", StringComparison.Ordinal) || section.Length <= "profile".Length || !char.IsWhiteSpace(section["profile".Length]))
                return null;
            string rest = section.Substring("profile".Length).Trim();
            if (rest.Length >= 2 && rest[0] is '"' or '\'' && rest[^1] == rest[0])
                return rest.Substring(1, rest.Length - 2);
            return rest.Length > 0 && rest.IndexOfAny(new[] { ' ', '\t' }) < 0 ? rest : null;
        }
    }
}
