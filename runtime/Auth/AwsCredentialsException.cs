using System;

namespace DataZone.Gen.Auth;

/// <summary>No usable credentials were found. The message says where each provider looked and why it failed, never a secret.</summary>
public sealed class AwsCredentialsException : AwsClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Where the provider looked and why it failed.</param>
    public AwsCredentialsException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">Where the provider looked and why it failed.</param>
    /// <param name="innerException">The underlying failure.</param>
    public AwsCredentialsException(string message, Exception? innerException) : base(message, innerException) { }
}
