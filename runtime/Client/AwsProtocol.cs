namespace DataZone.Gen;

/// <summary>The wire protocol of a service, as its model names it; it decides how error responses are read.</summary>
public enum AwsProtocol
{
    /// <summary>
    /// botocore's <c>rest-json</c> (Smithy restJson1): members bound to the URI, query string, headers and a JSON body. The
    /// error code comes from <c>X-Amzn-ErrorType</c>, else the body's <c>code</c>, else <c>__type</c>.
    /// </summary>
    RestJson,

    /// <summary>
    /// botocore's <c>json</c> (Smithy awsJson1_0 and awsJson1_1): a POST of the whole input, named by <c>X-Amz-Target</c>.
    /// The error code comes from the body's <c>__type</c>, replaced by the code of <c>x-amzn-query-error</c> when the
    /// service sends one.
    /// </summary>
    Json,
}
