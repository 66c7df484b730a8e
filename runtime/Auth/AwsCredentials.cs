using System;

namespace DataZone.Gen.Auth;

/// <summary>
/// AWS credentials used to sign requests. <see cref="ToString"/> shows only the access key id,
/// so an accidental log line or debugger view never prints the secret or the session token.
/// </summary>
/// <param name="AccessKeyId">The access key id (not secret; it appears in every signed request).</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">The session token of temporary credentials, or <see langword="null"/>.</param>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>The access key id (not secret; it appears in every signed request).</summary>
    public string AccessKeyId { get; init; } = AccessKeyId ?? throw new ArgumentNullException(nameof(AccessKeyId));

    /// <summary>The secret access key.</summary>
    public string SecretAccessKey { get; init; } = SecretAccessKey ?? throw new ArgumentNullException(nameof(SecretAccessKey));

    /// <summary>
    /// When temporary credentials stop working, or <see langword="null"/> for long-term keys. Providers refresh
    /// credentials before this time (botocore's 15-minute advisory and 10-minute mandatory windows).
    /// </summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>Redacted description: access key id only, secrets replaced by <c>***</c>.</summary>
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "(none)" : "***")}{(Expiration is { } expiration ? ", Expiration = " + expiration.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "")} }}";
}
