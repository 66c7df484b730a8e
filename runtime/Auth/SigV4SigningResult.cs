using System.Collections.Generic;

namespace DataZone.Gen.Auth;

/// <summary>
/// What <see cref="SigV4Signer.Sign"/> produced: the headers to add to the request plus the
/// intermediate strings, which make a signature mismatch explainable. Deliberately not a record:
/// its <see cref="object.ToString"/> must not print the session token.
/// </summary>
public sealed class SigV4SigningResult
{
    internal SigV4SigningResult(string authorization, string amzDate, string? securityToken, string signedHeaders,
        string canonicalRequest, string stringToSign, string signature)
    {
        Authorization = authorization;
        AmzDate = amzDate;
        SecurityToken = securityToken;
        SignedHeaders = signedHeaders;
        CanonicalRequest = canonicalRequest;
        StringToSign = stringToSign;
        Signature = signature;
    }

    /// <summary>Value of the <c>Authorization</c> header.</summary>
    public string Authorization { get; }

    /// <summary>Value of the <c>X-Amz-Date</c> header (<c>yyyyMMddTHHmmssZ</c>).</summary>
    public string AmzDate { get; }

    /// <summary>Value of the <c>X-Amz-Security-Token</c> header, or <see langword="null"/> when the credentials have no session token.</summary>
    public string? SecurityToken { get; }

    /// <summary>The signed header names, lower case, sorted, joined by <c>;</c>.</summary>
    public string SignedHeaders { get; }

    /// <summary>The canonical request that was hashed.</summary>
    public string CanonicalRequest { get; }

    /// <summary>The string that was signed.</summary>
    public string StringToSign { get; }

    /// <summary>The hex signature.</summary>
    public string Signature { get; }

    /// <summary>The headers to add to the request: <c>Authorization</c>, <c>X-Amz-Date</c> and, with a session token, <c>X-Amz-Security-Token</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers
    {
        get
        {
            var headers = new List<KeyValuePair<string, string>>(3)
            {
                new("Authorization", Authorization),
                new("X-Amz-Date", AmzDate),
            };
            if (SecurityToken is not null)
            {
                headers.Add(new("X-Amz-Security-Token", SecurityToken));
            }

            return headers;
        }
    }
}
