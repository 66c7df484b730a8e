using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace DataZone.Gen.Http;

/// <summary>A fully read HTTP response: status, headers and body bytes. Handed to generated readers.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsHttpResponse
{
    private readonly Dictionary<string, string> _headers;

    /// <summary>Creates a response.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The body bytes.</param>
    /// <param name="headers">Headers; a name given more than once has its values joined with <c>", "</c>.</param>
    public AwsHttpResponse(int statusCode, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        StatusCode = statusCode;
        Body = body;
        _headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers is null)
        {
            return;
        }

        foreach (var header in headers)
        {
            _headers[header.Key] = _headers.TryGetValue(header.Key, out var existing) ? existing + ", " + header.Value : header.Value;
        }
    }

    // Set by the transport when Body lives in an ArrayPool array; the client returns it once the body is read.
    internal byte[]? PooledBuffer { get; set; }

    internal void ReturnPooledBuffer()
    {
        if (PooledBuffer is { } buffer)
        {
            PooledBuffer = null;
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body bytes (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>All headers, names compared case-insensitively.</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers;

    /// <summary>Returns a header's value (case-insensitive name), or <see langword="null"/>.</summary>
    /// <param name="name">The header name.</param>
    public string? GetHeader(string name) => _headers.TryGetValue(name, out var value) ? value : null;
}
