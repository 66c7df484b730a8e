using System;
using System.Collections.Generic;

namespace DataZone.Gen;

/// <summary>
/// Where one resolution reads its settings: the environment, the profile in use, and the shared files (read at most
/// once). A setting comes from the first environment variable that is set, else from the profile, as in botocore.
/// </summary>
internal sealed class SettingSources
{
    private readonly Func<SharedConfigFiles>? _sharedFiles;
    private SharedConfigFiles? _files;

    /// <param name="environment">Where variables and files are read.</param>
    /// <param name="explicitProfile">The profile the caller named, if any.</param>
    /// <param name="sharedFiles">A reading of the files that others share (one pass over a credential chain); <see langword="null"/> reads them here.</param>
    public SettingSources(IAwsEnvironment environment, string? explicitProfile, Func<SharedConfigFiles>? sharedFiles = null)
    {
        Environment = environment;
        ExplicitProfile = explicitProfile;
        _sharedFiles = sharedFiles;
    }

    public static SettingSources For(AwsClientOptions options) =>
        new(options.Environment ?? AwsEnvironment.Process, options.Profile);

    public IAwsEnvironment Environment { get; }

    /// <summary>The profile the caller named, or <see langword="null"/> (then <c>AWS_PROFILE</c> etc. decide).</summary>
    public string? ExplicitProfile { get; }

    public string ProfileName => SharedConfigFiles.SelectProfile(ExplicitProfile, Environment);

    public SharedConfigFiles Files => _files ??= _sharedFiles?.Invoke() ?? SharedConfigFiles.Load(Environment);

    /// <summary>
    /// botocore's <c>get_scoped_config</c>: a profile that was asked for by name (even <c>default</c>) must exist in the
    /// shared files. The unnamed default may be missing.
    /// </summary>
    /// <exception cref="AwsClientException">The named profile is in neither file.</exception>
    public void RequireNamedProfile()
    {
        var profile = SharedConfigFiles.SelectProfile(ExplicitProfile, Environment, out var namedBy);
        if (Files.GetProfile(profile) is null && namedBy is not null)
        {
            throw new AwsClientException(
                $"The config profile '{profile}' (from {namedBy}) could not be found in {Files.DescribeFiles()}. "
                + "Check the name, or add the profile with 'aws configure --profile " + profile + "'.");
        }
    }

    /// <summary>
    /// A setting, trimmed: the first of <paramref name="variables"/> that is set, else <paramref name="profileKey"/> of
    /// the profile. <paramref name="source"/> names where it came from; when nothing is found, the return is
    /// <see langword="null"/> and each place looked at is added to <paramref name="looked"/>.
    /// </summary>
    public string? Find(string profileKey, List<string> looked, out string source, params string[] variables)
    {
        foreach (var variable in variables)
        {
            if (Environment.GetVariable(variable) is { } value)
            {
                source = variable;
                return value.Trim();
            }
            looked.Add(variable + " (not set)");
        }

        var profile = ProfileName;
        RequireNamedProfile();

        if (Files.FindValue(profile, profileKey, out var file) is { } fromProfile)
        {
            source = $"'{profileKey}' of profile '{profile}' in {file}";
            return fromProfile;
        }
        var state = Files.GetProfile(profile) is null ? "profile not found" : $"profile has no {profileKey}";
        looked.Add($"'{profileKey}' of profile '{profile}' in {Files.DescribeFiles()}: {state}");
        source = "";
        return null;
    }
}
