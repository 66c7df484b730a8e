namespace DataZone.Gen.Endpoints;

/// <summary>
/// The endpoint rules gave no endpoint: an error rule matched (the message is that rule's text exactly, as AWS's
/// endpoint test suites expect), no rule matched, or a parameter or function was given a value of the wrong type.
/// </summary>
public sealed class EndpointResolutionException : AwsClientException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The rule's error text, or what went wrong.</param>
    public EndpointResolutionException(string message) : base(message) { }
}
