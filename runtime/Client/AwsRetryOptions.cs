using System;

namespace DataZone.Gen;

/// <summary>
/// Retry settings, AWS "standard" mode: up to <see cref="MaxAttempts"/> attempts, the delay before retry <c>i</c>
/// (0-based) is <c>random[0,1) × BaseDelay × 2^i</c> capped at <see cref="MaxBackoff"/>, and a per-client retry
/// quota stops retries while a service keeps failing. Standard is the only mode: <c>AWS_RETRY_MODE</c> or a
/// profile's <c>retry_mode</c> set to anything else (<c>legacy</c>, <c>adaptive</c>) makes creating a client fail.
/// </summary>
public sealed class AwsRetryOptions
{
    /// <summary>The attempts when nothing configures them: 3, as in the AWS SDKs' standard mode.</summary>
    internal const int DefaultMaxAttempts = 3;

    private int? _maxAttempts;

    /// <summary>
    /// Total attempts including the first; 1 disables retries. Unset, the client takes <c>AWS_MAX_ATTEMPTS</c>, then the
    /// profile's <c>max_attempts</c>, then 3 (as the AWS SDKs do); reading an unset value here returns 3.
    /// </summary>
    public int MaxAttempts
    {
        get => _maxAttempts ?? DefaultMaxAttempts;
        set => _maxAttempts = value;
    }

    /// <summary>Whether <see cref="MaxAttempts"/> was set (so the environment is not consulted).</summary>
    internal bool IsMaxAttemptsSet => _maxAttempts.HasValue;

    /// <summary>The backoff base (default 1 s: botocore and the Go SDK use <c>rand × 2^i</c> seconds).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single backoff (default 20 s).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Whether retries draw on the client's retry quota (default on): 500 tokens, a retry costs 5
    /// (10 after a timeout), a first-try success returns 1, a success after retries returns what its last retry cost.
    /// </summary>
    public bool UseRetryQuota { get; set; } = true;

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
        }

        if (BaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, "BaseDelay must not be negative.");
        }

        if (MaxBackoff < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBackoff), MaxBackoff, "MaxBackoff must not be negative.");
        }
    }
}
