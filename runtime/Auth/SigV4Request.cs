using System;
using System.Collections.Generic;

namespace DataZone.Gen.Auth;

/// <summary>
/// An HTTP request as Signature Version 4 sees it. The client fills one in for each attempt;
/// a server (for example the emulator) fills one in from an incoming request to verify its signature.
/// </summary>
public sealed class SigV4Request
{
    /// <summary>Describes a request.</summary>
    /// <param name="method">The HTTP method, for example <c>GET</c>.</param>
    /// <param name="path">The path exactly as sent on the wire (already percent-encoded), for example <c>/v2/domains/d%2F1</c>.</param>
    public SigV4Request(string method, string path)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Path = path ?? throw new ArgumentNullException(nameof(path));
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path exactly as sent on the wire (already percent-encoded).</summary>
    public string Path { get; }

    /// <summary>Query parameters as decoded name/value pairs; the signer applies RFC 3986 encoding itself.</summary>
    public List<KeyValuePair<string, string>> Query { get; } = new();

    /// <summary>Request headers (any name case). Must contain <c>host</c> for <see cref="SigV4Signer.Sign"/>.</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>Lower-case hex SHA-256 of the body; defaults to the hash of an empty body.</summary>
    public string PayloadHash { get; set; } = SigV4Signer.EmptyPayloadHash;
}
