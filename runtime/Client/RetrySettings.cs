using System;
using System.Collections.Generic;
using System.Globalization;

namespace DataZone.Gen;

/// <summary>
/// The retry settings a client runs with: <see cref="AwsRetryOptions"/> as given, with an unset
/// <see cref="AwsRetryOptions.MaxAttempts"/> taken from <c>AWS_MAX_ATTEMPTS</c>, else the profile's
/// <c>max_attempts</c>; and <c>AWS_RETRY_MODE</c> / <c>retry_mode</c> checked to be <c>standard</c> when set.
/// </summary>
internal static class RetrySettings
{
    public static AwsRetryOptions Resolve(AwsRetryOptions? configured, ConfigLookup config)
    {
        AwsRetryOptions options = configured?.Clone() ?? new AwsRetryOptions();

        // botocore's modes are legacy, standard and adaptive; this client implements standard only. Running another
        // mode's way silently would change how many attempts are made and how they are paced, so say so instead.
        if (config.Find("retry_mode", new List<string>(), out string modeSource, "AWS_RETRY_MODE") is { } mode
            && !string.Equals(mode, "standard", StringComparison.OrdinalIgnoreCase))
        {
            throw new AwsClientException(
                $"{modeSource} is '{mode}', but this client implements only the 'standard' retry mode. Set it to standard or unset it.");
        }

        if (!options.IsMaxAttemptsSet
            && config.Find("max_attempts", new List<string>(), out string attemptsSource, "AWS_MAX_ATTEMPTS") is { } text)
        {
            options.MaxAttempts = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int attempts) && attempts >= 1
                ? attempts
                : throw new AwsClientException($"{attemptsSource} must be a positive integer (attempts including the first); got '{text}'.");
        }
        return options;
    }
}
