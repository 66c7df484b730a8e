using System;
using System.Net;
using System.Text;

namespace DataZone.Gen;

/// <summary>
/// The service answered with an error. Generated modeled exceptions derive from this type and override
/// <see cref="IsRetryable"/> and <see cref="IsThrottling"/> from the model's <c>retryable</c> trait.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates the exception; the message is the service's or, failing that, a description of the response.</summary>
    /// <param name="details">The parsed error response.</param>
    public AwsServiceException(AwsErrorDetails details) : this(details, DescribeError(details)) { }

    /// <summary>Creates the exception with an explicit message (for generated subclasses).</summary>
    /// <param name="details">The parsed error response.</param>
    /// <param name="message">The message.</param>
    protected AwsServiceException(AwsErrorDetails details, string message) : base(message)
    {
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => Details.StatusCode;

    /// <summary>The error code, for example <c>ValidationException</c>; <c>""</c> when the response did not say.</summary>
    public string ErrorCode => Details.ErrorCode;

    /// <summary>The request id to quote to AWS support, or <see langword="null"/>.</summary>
    public string? RequestId => Details.RequestId;

    /// <summary>The parsed error response, with the raw body and headers.</summary>
    public AwsErrorDetails Details { get; }

    /// <summary>Whether the model marks this error retryable; the retry policy retries such errors.</summary>
    public virtual bool IsRetryable => false;

    /// <summary>Whether the model marks this error as throttling.</summary>
    public virtual bool IsThrottling => false;

    /// <summary>
    /// The service's message when it sent one; otherwise status, reason and code, and what the body looked like,
    /// for example <c>HTTP 503 ServiceUnavailable (no error body)</c>.
    /// </summary>
    /// <param name="details">The parsed error response.</param>
    public static string DescribeError(AwsErrorDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (!string.IsNullOrWhiteSpace(details.Message))
        {
            return details.Message!;
        }

        var text = new StringBuilder("HTTP ").Append(details.StatusCode);
        var reason = ((HttpStatusCode)details.StatusCode).ToString();
        if (reason != details.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            text.Append(' ').Append(reason);
        }

        if (details.ErrorCode.Length > 0)
        {
            text.Append(' ').Append(details.ErrorCode);
        }

        if (details.Body.IsEmpty)
        {
            text.Append(" (no error body)");
        }
        else
        {
            text.Append(" (error body: ").Append(RestJsonErrorParser.Excerpt(details.Body.Span)).Append(')');
        }

        if (details.RequestId is not null)
        {
            text.Append(", request id ").Append(details.RequestId);
        }

        return text.ToString();
    }
}
