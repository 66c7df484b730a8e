using System;
using System.Collections.Generic;
using System.Globalization;
using DataZone.Gen.Auth;
using Microsoft.AspNetCore.Http;

namespace DataZone.Gen.Emulator.Auth;

/// <summary>A refused signature: the 403 error code and message to send.</summary>
/// <param name="Code">IncompleteSignatureException, InvalidSignatureException or UnrecognizedClientException.</param>
/// <param name="Message">The message, worded as AWS words it.</param>
internal sealed record SignatureFailure(string Code, string Message);

/// <summary>
/// Verifies SigV4 <c>Authorization</c> headers by recomputing the signature from the request as received
/// (raw path, query, the headers named in <c>SignedHeaders</c>, payload hash) with the runtime's
/// <see cref="SigV4Signer"/>: one implementation signs on the client and checks here.
/// </summary>
internal sealed class SignatureVerifier
{
    internal const string IncompleteSignature = "IncompleteSignatureException";
    internal const string InvalidSignature = "InvalidSignatureException";
    internal const string UnrecognizedClient = "UnrecognizedClientException";

    private readonly EmulatorCredentials _credentials;
    private readonly string _service;
    private readonly TimeSpan _maxSkew;
    private readonly TimeProvider _clock;

    public SignatureVerifier(EmulatorCredentials credentials, string service, TimeSpan maxSkew, TimeProvider clock)
    {
        _credentials = credentials;
        _service = service;
        _maxSkew = maxSkew;
        _clock = clock;
    }

    /// <summary>Checks a request; returns null when it is correctly signed by the emulator's credentials.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="rawPath">The path exactly as received (percent-encoded).</param>
    /// <param name="rawQuery">The query string exactly as received, without '?'.</param>
    /// <param name="headers">The request headers.</param>
    /// <param name="payloadHash">Hex SHA-256 of the body received.</param>
    /// <param name="accessKeyId">The access key id the request claims, when the header could be parsed.</param>
    public SignatureFailure? Verify(string method, string rawPath, string rawQuery, IHeaderDictionary headers, string payloadHash, out string? accessKeyId)
    {
        accessKeyId = null;
        var header = headers.Authorization.Count > 0 ? headers.Authorization.ToString() : null;
        if (string.IsNullOrEmpty(header))
        {
            return new(IncompleteSignature, "Missing Authentication Token: the request has no Authorization header.");
        }

        if (!SigV4Signer.TryParseAuthorization(header, out var authorization))
        {
            return new(IncompleteSignature, DescribeMalformed(header));
        }

        accessKeyId = authorization.AccessKeyId;
        var amzDate = Single(headers, "X-Amz-Date");
        if (amzDate is null)
        {
            return new(IncompleteSignature,
                $"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization={header}");
        }

        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signedAt))
        {
            return new(IncompleteSignature,
                $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        // Who is asking comes before whether they signed well, as on AWS.
        if (!string.Equals(authorization.AccessKeyId, _credentials.AccessKeyId, StringComparison.Ordinal)
            || !SessionTokenMatches(Single(headers, "X-Amz-Security-Token")))
        {
            return new(UnrecognizedClient, "The security token included in the request is invalid.");
        }

        if (!string.Equals(authorization.Date, amzDate.Substring(0, 8), StringComparison.Ordinal))
        {
            return new(InvalidSignature,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{amzDate.Substring(0, 8)}', from '{amzDate}'.");
        }

        if (!string.Equals(authorization.Service, _service, StringComparison.Ordinal))
        {
            return new(InvalidSignature, $"Credential should be scoped to correct service: '{_service}'. ");
        }

        if (authorization.Region.Length == 0)
        {
            return new(InvalidSignature, "Credential should be scoped to a valid region. ");
        }

        if (!System.Linq.Enumerable.Contains(authorization.SignedHeaders, "host"))
        {
            return new(InvalidSignature, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        var now = _clock.GetUtcNow();
        if (signedAt < now - _maxSkew)
        {
            return new(InvalidSignature,
                $"Signature expired: {amzDate} is now earlier than {SigV4Signer.FormatAmzDate(now - _maxSkew)} ({SigV4Signer.FormatAmzDate(now)} - {Minutes(_maxSkew)} min.)");
        }

        if (signedAt > now + _maxSkew)
        {
            return new(InvalidSignature,
                $"Signature not yet current: {amzDate} is still later than {SigV4Signer.FormatAmzDate(now + _maxSkew)} ({SigV4Signer.FormatAmzDate(now)} + {Minutes(_maxSkew)} min.)");
        }

        var request = new SigV4Request(method, rawPath.Length == 0 ? "/" : rawPath) { PayloadHash = payloadHash };
        request.Query.AddRange(SigV4Signer.ParseQuery(rawQuery));
        foreach (var pair in headers)
        {
            foreach (var value in pair.Value)
            {
                request.Headers.Add(new(pair.Key, value ?? ""));
            }
        }

        var canonicalRequest = SigV4Signer.CanonicalRequest(request, authorization.SignedHeaders);
        var stringToSign = SigV4Signer.StringToSign(amzDate, authorization.CredentialScope, canonicalRequest);
        var key = SigV4Signer.DeriveSigningKey(_credentials.SecretAccessKey, authorization.Date, authorization.Region, authorization.Service);
        var expected = SigV4Signer.ComputeSignature(key, stringToSign);
        if (!SigV4Signer.SignaturesMatch(expected, authorization.Signature))
        {
            return new(InvalidSignature,
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + $"The Canonical String for this request should have been\n'{canonicalRequest}'\n\n"
                + $"The String-to-Sign should have been\n'{stringToSign}'\n");
        }

        return null;
    }

    private bool SessionTokenMatches(string? presented) =>
        _credentials.SessionToken is null
            ? presented is null
            : presented is not null && SigV4Signer.SignaturesMatch(_credentials.SessionToken, presented);

    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);

    private static string DescribeMalformed(string header)
    {
        if (!header.StartsWith(SigV4Signer.Algorithm + " ", StringComparison.Ordinal))
        {
            return $"Authorization header requires the '{SigV4Signer.Algorithm}' algorithm. Authorization={header}";
        }

        var problems = new List<string>();
        foreach (var part in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!header.Contains(part + "=", StringComparison.Ordinal))
            {
                problems.Add($"Authorization header requires '{part}' parameter.");
            }
        }

        if (problems.Count == 0)
        {
            problems.Add("Authorization header is malformed: expected Credential=AKID/yyyyMMdd/region/service/aws4_request, SignedHeaders=..., Signature=....");
        }

        return string.Join(" ", problems) + $" Authorization={header}";
    }
}
