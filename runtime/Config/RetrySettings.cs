using System;
using System.Collections.Generic;
using System.Globalization;

namespace DataZone.Gen;

/// <summary>
/// The retry settings a client resolved: <see cref="AwsRetryOptions"/> as given, with an unset
/// <see cref="AwsRetryOptions.MaxAttempts"/> taken from <c>AWS_MAX_ATTEMPTS</c>, else the profile's
/// <c>max_attempts</c>; and <c>AWS_RETRY_MODE</c> / <c>retry_mode</c> checked to be <c>standard</c> when set.
/// </summary>
internal sealed record RetrySettings(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxBackoff, bool UseRetryQuota)
{
    public static RetrySettings Resolve(AwsRetryOptions? configured, SettingSources sources)
    {
        var options = configured ?? new AwsRetryOptions();
        var resolved = Of(options);

        // botocore's modes are legacy, standard and adaptive; this client implements standard only. Running another
        // mode's way silently would change how many attempts are made and how they are paced, so say so instead.
        if (sources.Find("retry_mode", new List<string>(), out var modeSource, "AWS_RETRY_MODE") is { } mode
            && !string.Equals(mode, "standard", StringComparison.OrdinalIgnoreCase))
        {
            throw new AwsClientException(
                $"{modeSource} is '{mode}', but this client implements only the 'standard' retry mode. Set it to standard or unset it.");
        }

        var maxAttempts = resolved.MaxAttempts;
        if (!options.IsMaxAttemptsSet
            && sources.Find("max_attempts", new List<string>(), out var attemptsSource, "AWS_MAX_ATTEMPTS") is { } text)
        {
            maxAttempts = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var attempts) && attempts >= 1
                ? attempts
                : throw new AwsClientException($"{attemptsSource} must be a positive integer (attempts including the first); got '{text}'.");
        }

        return resolved with { MaxAttempts = maxAttempts };
    }

    /// <summary>The options exactly as given, with nothing read from the environment.</summary>
    public static RetrySettings Of(AwsRetryOptions options)
    {
        options.Validate();
        return new RetrySettings(options.MaxAttempts, options.BaseDelay, options.MaxBackoff, options.UseRetryQuota);
    }
}
