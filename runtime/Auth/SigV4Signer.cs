using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using DataZone.Gen.Http;

namespace DataZone.Gen.Auth;

/// <summary>
/// AWS Signature Version 4 (header signing) as pure functions over a <see cref="SigV4Request"/>.
/// Each step is public so that a server can verify an incoming signature with exactly the code that made it,
/// and so that every step can be tested against the published AWS examples.
/// </summary>
/// <remarks>Follows botocore's <c>SigV4Auth</c> for non-S3 services: the path is normalized and encoded again.</remarks>
public static class SigV4Signer
{
    /// <summary>The algorithm name that starts the string to sign and the <c>Authorization</c> header.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Hex SHA-256 of an empty payload.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>What is signed, and sent as <c>X-Amz-Content-SHA256</c>, in place of the body's hash when the payload is not signed.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    // Headers a proxy or the HTTP stack may add, drop or rewrite: signing them would break the signature
    // (botocore's SIGNED_HEADERS_BLACKLIST, plus the Authorization header itself).
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id", "connection",
    };

    /// <summary>Lower-case hex SHA-256 of <paramref name="payload"/>.</summary>
    /// <param name="payload">The request body.</param>
    public static string HashPayload(ReadOnlySpan<byte> payload) => ToHex(SHA256.HashData(payload));

    /// <summary>Formats a time as <c>X-Amz-Date</c> wants it: <c>yyyyMMddTHHmmssZ</c> in UTC.</summary>
    /// <param name="time">The signing time.</param>
    public static string FormatAmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The canonical URI. With <paramref name="escapePath"/> (every service but S3) the path is normalized
    /// like botocore's <c>remove_dot_segments</c> (dot segments resolved, empty segments dropped) and then
    /// RFC 3986-encoded with <c>/</c> kept; because the wire path is already encoded, <c>%</c> becomes <c>%25</c>.
    /// Without it the path is used as given (S3 style).
    /// </summary>
    /// <param name="path">The path as sent on the wire.</param>
    /// <param name="escapePath"><see langword="true"/> for every service except S3.</param>
    public static string CanonicalUri(string path, bool escapePath = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "/";
        }

        return escapePath ? AwsUriEncoding.Escape(AwsUriEncoding.RemoveDotSegments(path), keepSlash: true) : path;
    }

    /// <summary>
    /// The canonical query string: each name and value RFC 3986-encoded, pairs sorted by encoded name
    /// and then encoded value (ordinal), joined as <c>name=value</c> with <c>&amp;</c>.
    /// </summary>
    /// <param name="query">Decoded name/value pairs (see <see cref="ParseQuery"/> for a raw query string).</param>
    public static string CanonicalQueryString(IEnumerable<KeyValuePair<string, string>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = new List<(string Name, string Value)>();
        foreach (var pair in query)
        {
            pairs.Add((AwsUriEncoding.EscapeQueryComponent(pair.Key), AwsUriEncoding.EscapeQueryComponent(pair.Value ?? "")));
        }

        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        var builder = new StringBuilder();
        foreach (var (name, value) in pairs)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(name).Append('=').Append(value);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Splits a raw query string (without <c>?</c>) into decoded pairs. <c>+</c> is kept as a literal plus
    /// (RFC 3986, not HTML forms); a name without <c>=</c> gets an empty value.
    /// </summary>
    /// <param name="rawQuery">The query string as received, for example <c>a=1&amp;b=x%2By</c>.</param>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string? rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(rawQuery))
        {
            return pairs;
        }

        foreach (var part in rawQuery.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part.Substring(0, equals);
            var value = equals < 0 ? "" : part.Substring(equals + 1);
            pairs.Add(new(AwsUriEncoding.Unescape(name), AwsUriEncoding.Unescape(value)));
        }
        return pairs;
    }

    /// <summary>The signed-headers list: names lower-cased, de-duplicated, sorted ordinally, joined by <c>;</c>.</summary>
    /// <param name="signedHeaderNames">The names of the headers to sign.</param>
    public static string SignedHeaderList(IEnumerable<string> signedHeaderNames) =>
        string.Join(";", SortedLowerNames(signedHeaderNames));

    /// <summary>
    /// The canonical headers block: one <c>name:value\n</c> line per signed header, sorted by lower-case name;
    /// whitespace runs inside a value collapse to one space and the value is trimmed; repeated headers join with <c>,</c>.
    /// </summary>
    /// <param name="headers">All request headers.</param>
    /// <param name="signedHeaderNames">The names of the headers to sign.</param>
    public static string CanonicalHeaders(IEnumerable<KeyValuePair<string, string>> headers, IEnumerable<string> signedHeaderNames)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return CanonicalHeadersOfSorted(headers, SortedLowerNames(signedHeaderNames));
    }

    // sortedNames: lower-cased, distinct and ordinally sorted, as SortedLowerNames gives them.
    private static string CanonicalHeadersOfSorted(IEnumerable<KeyValuePair<string, string>> headers, List<string> sortedNames)
    {
        var builder = new StringBuilder();
        foreach (var name in sortedNames)
        {
            builder.Append(name).Append(':');
            var first = true;
            foreach (var header in headers)
            {
                if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!first)
                {
                    builder.Append(',');
                }

                AppendCollapsed(builder, header.Value ?? "");
                first = false;
            }
            builder.Append('\n');
        }
        return builder.ToString();
    }

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, canonical headers, signed headers
    /// and payload hash, separated by <c>\n</c>.
    /// </summary>
    /// <param name="request">The request description.</param>
    /// <param name="signedHeaderNames">The names of the headers to sign.</param>
    /// <param name="escapePath"><see langword="true"/> for every service except S3 (see <see cref="CanonicalUri"/>).</param>
    public static string CanonicalRequest(SigV4Request request, IEnumerable<string> signedHeaderNames, bool escapePath = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signedHeaderNames);
        var names = SortedLowerNames(signedHeaderNames);
        return CanonicalRequestOfSorted(request, names, string.Join(";", names), escapePath);
    }

    // sortedNames as SortedLowerNames gives them; signedHeaders: them joined by ';'. Sign has both already.
    private static string CanonicalRequestOfSorted(SigV4Request request, List<string> sortedNames, string signedHeaders, bool escapePath) =>
        string.Concat(
            request.Method.ToUpperInvariant(), "\n",
            CanonicalUri(request.Path, escapePath), "\n",
            CanonicalQueryString(request.Query), "\n",
            CanonicalHeadersOfSorted(request.Headers, sortedNames), "\n",
            signedHeaders, "\n",
            request.PayloadHash);

    /// <summary>The credential scope: <c>yyyyMMdd/region/service/aws4_request</c>.</summary>
    /// <param name="date">The date, <c>yyyyMMdd</c> (the first eight characters of the amz date).</param>
    /// <param name="region">The signing region.</param>
    /// <param name="service">The signing name of the service.</param>
    public static string CredentialScope(string date, string region, string service) =>
        $"{date}/{region}/{service}/aws4_request";

    /// <summary>The string to sign: algorithm, amz date, credential scope and hex SHA-256 of the canonical request.</summary>
    /// <param name="amzDate">The <c>X-Amz-Date</c> value.</param>
    /// <param name="credentialScope">The credential scope.</param>
    /// <param name="canonicalRequest">The canonical request.</param>
    public static string StringToSign(string amzDate, string credentialScope, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        // The canonical request holds the session token: the pooled buffer is cleared before it goes back.
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(canonicalRequest.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(canonicalRequest, utf8);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8.AsSpan(0, length), hash);
            return $"{Algorithm}\n{amzDate}\n{credentialScope}\n{ToHex(hash)}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8, clearArray: true);
        }
    }

    /// <summary>Derives the signing key: HMAC chain over date, region, service and <c>aws4_request</c>, keyed first by <c>"AWS4" + secret</c>.</summary>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="date">The date, <c>yyyyMMdd</c>.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="service">The signing name of the service.</param>
    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretAccessKey);
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    // The signing key changes only with the secret, the day, the region and the service, so the last one derived is
    // kept, as the AWS SDKs do: four HMAC-SHA256 fewer for every request of a listing. Shared read-only, never mutated.
    private sealed class SigningKey(string secretAccessKey, string date, string region, string service, byte[] key)
    {
        public byte[] Key { get; } = key;

        public bool Matches(string otherSecret, string otherDate, string otherRegion, string otherService) =>
            date == otherDate && region == otherRegion && service == otherService
            && string.Equals(secretAccessKey, otherSecret, StringComparison.Ordinal);
    }

    private static SigningKey? _lastSigningKey;

    private static byte[] SigningKeyFor(string secretAccessKey, string date, string region, string service)
    {
        var last = Volatile.Read(ref _lastSigningKey);
        if (last is not null && last.Matches(secretAccessKey, date, region, service))
        {
            return last.Key;
        }

        var key = DeriveSigningKey(secretAccessKey, date, region, service);
        Volatile.Write(ref _lastSigningKey, new SigningKey(secretAccessKey, date, region, service, key));
        return key;
    }

    /// <summary>The hex HMAC-SHA256 of the string to sign under the signing key.</summary>
    /// <param name="signingKey">The key from <see cref="DeriveSigningKey"/>.</param>
    /// <param name="stringToSign">The string to sign.</param>
    public static string ComputeSignature(byte[] signingKey, string stringToSign)
    {
        Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign), signature);
        return ToHex(signature);
    }

    /// <summary>
    /// Computes the signature of a request whose headers already carry <c>X-Amz-Date</c> (and the security token):
    /// the verifying side's one call. Compare the result with <see cref="SignaturesMatch"/>.
    /// </summary>
    /// <param name="request">The request as received.</param>
    /// <param name="signedHeaderNames">The names listed in the request's <c>SignedHeaders</c>.</param>
    /// <param name="secretAccessKey">The secret belonging to the request's access key id.</param>
    /// <param name="amzDate">The request's <c>X-Amz-Date</c>.</param>
    /// <param name="region">The scope region.</param>
    /// <param name="service">The scope service.</param>
    public static string ComputeSignature(SigV4Request request, IEnumerable<string> signedHeaderNames,
        string secretAccessKey, string amzDate, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(amzDate);
        if (amzDate.Length < 8)
        {
            throw new ArgumentException("X-Amz-Date must look like yyyyMMddTHHmmssZ.", nameof(amzDate));
        }

        var date = amzDate.Substring(0, 8);
        var stringToSign = StringToSign(amzDate, CredentialScope(date, region, service), CanonicalRequest(request, signedHeaderNames));
        return ComputeSignature(DeriveSigningKey(secretAccessKey, date, region, service), stringToSign);
    }

    /// <summary>
    /// Signs a request: adds <c>x-amz-date</c> (and <c>x-amz-security-token</c> when the credentials carry one) to the
    /// signed headers and signs every header of <paramref name="request"/> except hop-by-hop ones such as
    /// <c>user-agent</c>. <paramref name="request"/> is not modified; add <see cref="SigV4SigningResult.Headers"/> to the real request.
    /// </summary>
    /// <param name="request">The request description; must contain a <c>host</c> header.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="service">The signing name of the service.</param>
    /// <param name="signingTime">The signing time; every attempt should use a fresh one.</param>
    public static SigV4SigningResult Sign(SigV4Request request, AwsCredentials credentials, string region, string service, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(service);

        var amzDate = FormatAmzDate(signingTime);
        var date = amzDate.Substring(0, 8);
        var described = new SigV4Request(request.Method, request.Path) { PayloadHash = request.PayloadHash };
        described.Query.AddRange(request.Query);
        var signedNames = new List<string>();
        var hasHost = false;
        foreach (var header in request.Headers)
        {
            // Values the signer owns are replaced, never signed twice.
            if (IsOneOf(header.Key, "x-amz-date", "x-amz-security-token") || UnsignedHeaders.Contains(header.Key))
            {
                continue;
            }

            hasHost |= string.Equals(header.Key, "host", StringComparison.OrdinalIgnoreCase);
            described.Headers.Add(header);
            signedNames.Add(header.Key);
        }
        if (!hasHost)
        {
            throw new ArgumentException("The request description needs a 'host' header: SigV4 always signs it.", nameof(request));
        }

        described.Headers.Add(new("x-amz-date", amzDate));
        signedNames.Add("x-amz-date");
        if (credentials.SessionToken is not null)
        {
            described.Headers.Add(new("x-amz-security-token", credentials.SessionToken));
            signedNames.Add("x-amz-security-token");
        }

        var names = SortedLowerNames(signedNames);
        var signedHeaders = string.Join(";", names);
        var scope = CredentialScope(date, region, service);
        var canonicalRequest = CanonicalRequestOfSorted(described, names, signedHeaders, escapePath: true);
        var stringToSign = StringToSign(amzDate, scope, canonicalRequest);
        var signature = ComputeSignature(SigningKeyFor(credentials.SecretAccessKey, date, region, service), stringToSign);
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4SigningResult(authorization, amzDate, credentials.SessionToken, signedHeaders, canonicalRequest, stringToSign, signature);
    }

    /// <summary>
    /// Parses <c>AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
    /// </summary>
    /// <param name="header">The <c>Authorization</c> header value.</param>
    /// <param name="authorization">The parsed parts when the header is well formed.</param>
    /// <returns><see langword="true"/> when the header is a well-formed SigV4 header.</returns>
    public static bool TryParseAuthorization(string? header, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SigV4Authorization? authorization)
    {
        authorization = null;
        if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return false;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var rawPart in header.Substring(Algorithm.Length + 1).Split(','))
        {
            var part = rawPart.Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var value = part.Substring(equals + 1);
            switch (part.Substring(0, equals))
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
                default: return false;
            }
        }
        if (credential is null || signedHeaders is null || signature is null)
        {
            return false;
        }
        // The access key id cannot contain '/', so the last four parts are always the scope.
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || scope[0].Length == 0 || signedHeaders.Length == 0)
        {
            return false;
        }

        authorization = new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature);
        return true;
    }

    /// <summary>Compares two hex signatures in constant time (no timing hint for a forger).</summary>
    /// <param name="expected">The signature computed by the verifier.</param>
    /// <param name="actual">The signature from the request.</param>
    public static bool SignaturesMatch(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected ?? ""), Encoding.ASCII.GetBytes(actual ?? ""));

    private static List<string> SortedLowerNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            set.Add(name.Trim().ToLowerInvariant());
        }

        return new List<string>(set);
    }

    private static void AppendCollapsed(StringBuilder builder, string value)
    {
        // Python's ' '.join(value.split()): trim, and every whitespace run becomes one space.
        bool pendingSpace = false, wroteAny = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = wroteAny;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
            }

            builder.Append(c);
            pendingSpace = false;
            wroteAny = true;
        }
    }

    private static bool IsOneOf(string name, string a, string b) =>
        string.Equals(name, a, StringComparison.OrdinalIgnoreCase) || string.Equals(name, b, StringComparison.OrdinalIgnoreCase);

    // Lower-case hex of a hash (32 bytes), in one allocation.
    private static string ToHex(ReadOnlySpan<byte> bytes)
    {
        const string Digits = "0123456789abcdef";
        Span<char> chars = stackalloc char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = Digits[bytes[i] >> 4];
            chars[2 * i + 1] = Digits[bytes[i] & 0xF];
        }
        return new string(chars);
    }
}
