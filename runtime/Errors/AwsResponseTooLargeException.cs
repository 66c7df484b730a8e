using System.Globalization;

namespace DataZone.Gen;

/// <summary>
/// A response body was larger than <see cref="AwsClientOptions.MaxResponseBytes"/>. Reading stopped at the limit, so a
/// hostile or broken server cannot make the client buffer without bound. Not retried: the same request would get the
/// same answer.
/// </summary>
public sealed class AwsResponseTooLargeException : AwsClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="declaredLength">The <c>Content-Length</c> the server declared, when it declared one.</param>
    public AwsResponseTooLargeException(long limit, long? declaredLength)
        : base(FormatMessage(limit, declaredLength))
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The limit in bytes (<see cref="AwsClientOptions.MaxResponseBytes"/>).</summary>
    public long Limit { get; }

    /// <summary>The body length the server declared, or <see langword="null"/> when it streamed the body without one.</summary>
    public long? DeclaredLength { get; }

    private static string FormatMessage(long limit, long? declaredLength) => declaredLength is { } length
        ? string.Create(CultureInfo.InvariantCulture, $"The response body ({length:N0} bytes) is larger than the client's limit of {limit:N0} bytes (AwsClientOptions.MaxResponseBytes).")
        : string.Create(CultureInfo.InvariantCulture, $"The response body went past the client's limit of {limit:N0} bytes (AwsClientOptions.MaxResponseBytes); reading stopped there.");
}
