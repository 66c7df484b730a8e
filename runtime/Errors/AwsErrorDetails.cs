using System;
using System.Collections.Generic;
using DataZone.Gen.Http;

namespace DataZone.Gen;

/// <summary>
/// What an error response said: status, error code, message and request id, plus the raw body and headers
/// so a generated modeled exception can read its own members.
/// </summary>
public sealed class AwsErrorDetails
{
    private readonly AwsHttpResponse _response;

    /// <summary>Creates error details from an already-parsed response.</summary>
    /// <param name="response">The error response.</param>
    /// <param name="errorCode">The error code, or <c>""</c> when the response did not say.</param>
    /// <param name="message">The service's message, if any.</param>
    /// <param name="requestId">The request id, if any.</param>
    public AwsErrorDetails(AwsHttpResponse response, string errorCode, string? message, string? requestId)
    {
        _response = response ?? throw new ArgumentNullException(nameof(response));
        ErrorCode = errorCode ?? "";
        Message = message;
        RequestId = requestId;
    }

    /// <summary>Parses a rest-json error response (never throws on a malformed body).</summary>
    /// <param name="response">The error response.</param>
    public static AwsErrorDetails FromRestJson(AwsHttpResponse response) => RestJsonErrorParser.Parse(response);

    /// <summary>Parses a json-protocol (awsJson1_0, awsJson1_1) error response (never throws on a malformed body).</summary>
    /// <param name="response">The error response.</param>
    public static AwsErrorDetails FromJson(AwsHttpResponse response) => JsonErrorParser.Parse(response);

    /// <summary>Parses an error response of a service that speaks <paramref name="protocol"/>.</summary>
    /// <param name="response">The error response.</param>
    /// <param name="protocol">The service's protocol.</param>
    public static AwsErrorDetails From(AwsHttpResponse response, AwsProtocol protocol) =>
        protocol == AwsProtocol.Json ? FromJson(response) : FromRestJson(response);

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => _response.StatusCode;

    /// <summary>The error code without namespace or URI suffix, for example <c>ValidationException</c>; <c>""</c> when unknown.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's message, or <see langword="null"/>.</summary>
    public string? Message { get; }

    /// <summary>The request id from <c>x-amzn-RequestId</c> (or <c>x-amz-request-id</c>), or <see langword="null"/>.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// For a service that kept its awsQuery error codes: the code the JSON body gave (its <c>__type</c>) when the
    /// <c>x-amzn-query-error</c> header replaced it in <see cref="ErrorCode"/> (botocore's <c>QueryErrorCode</c>); else
    /// <see langword="null"/>.
    /// </summary>
    public string? QueryCompatibleCode { get; init; }

    /// <summary>The fault named by <c>x-amzn-query-error</c> (<c>Sender</c> or <c>Receiver</c>), or <see langword="null"/>.</summary>
    public string? FaultType { get; init; }

    /// <summary>The raw error body.</summary>
    public ReadOnlyMemory<byte> Body => _response.Body;

    /// <summary>All response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers => _response.Headers;

    /// <summary>Returns a response header (case-insensitive name), or <see langword="null"/>.</summary>
    /// <param name="name">The header name.</param>
    public string? GetHeader(string name) => _response.GetHeader(name);
}
