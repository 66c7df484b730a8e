using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace DataZone.Gen.Http;

/// <summary>
/// A marshalled operation request, before endpoint, signing and retries: what generated code produces
/// and the client turns into an <see cref="System.Net.Http.HttpRequestMessage"/> per attempt.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsHttpRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method, for example <c>GET</c>.</param>
    /// <param name="path">The path below the endpoint, starting with <c>/</c>, labels already encoded with <see cref="AwsUriEncoding"/>.</param>
    public AwsHttpRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException("The path must start with '/'.", nameof(path));
        }

        Method = method;
        Path = path;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The already-encoded path below the endpoint.</summary>
    public string Path { get; }

    /// <summary>Query parameters as raw (unencoded) name/value pairs, in order; repeated names allowed.</summary>
    public List<KeyValuePair<string, string>> Query { get; } = new();

    /// <summary>Modeled request headers (they are signed).</summary>
    public List<KeyValuePair<string, string>> Headers { get; } = new();

    /// <summary>The body, or <see langword="null"/> for none.</summary>
    public byte[]? Body { get; set; }

    /// <summary>The body's content type, for example <c>application/json</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>
    /// Text put before the endpoint's host for this request: the operation's <c>endpoint.hostPrefix</c> with its host
    /// labels filled in (for example <c>data.</c>), or <see langword="null"/>. Skipped when
    /// <see cref="AwsClientOptions.InjectHostPrefix"/> is off.
    /// </summary>
    public string? HostPrefix { get; set; }

    /// <summary>Adds a query parameter (raw value; the client encodes it).</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The raw value.</param>
    public AwsHttpRequest AddQuery(string name, string value)
    {
        Query.Add(new(name, value));
        return this;
    }

    /// <summary>Adds a header.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value.</param>
    public AwsHttpRequest AddHeader(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }
}
