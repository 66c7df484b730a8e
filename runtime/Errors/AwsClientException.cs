using System;

namespace DataZone.Gen;

/// <summary>
/// A failure on the client's side of the wire: no region, no credentials, a transport failure that outlived
/// its retries, or a response that could not be read. Messages never contain secrets.
/// </summary>
public class AwsClientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and, where useful, where the client looked.</param>
    public AwsClientException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public AwsClientException(string message, Exception? innerException) : base(message, innerException) { }
}
