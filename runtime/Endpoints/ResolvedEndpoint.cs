using System;
using System.Collections.Generic;
using System.Linq;

namespace DataZone.Gen.Endpoints;

/// <summary>What an endpoint rule gave: the URL, headers to add to each request and properties such as <c>authSchemes</c>.</summary>
public sealed class ResolvedEndpoint
{
    /// <summary>Creates a resolved endpoint.</summary>
    /// <param name="url">The URL exactly as the rule produced it.</param>
    /// <param name="headers">Headers to send, each with its values in order.</param>
    /// <param name="properties">The rule's properties, templates filled in.</param>
    /// <exception cref="EndpointResolutionException"><c>authSchemes</c> is malformed.</exception>
    public ResolvedEndpoint(string url, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, IReadOnlyDictionary<string, EndpointValue> properties)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Properties = properties ?? throw new ArgumentNullException(nameof(properties));
        Uri = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
        AuthSchemes = ReadAuthSchemes(properties);
    }

    /// <summary>The URL as the rule produced it (what AWS's endpoint test suites compare).</summary>
    public string Url { get; }

    /// <summary>
    /// The URL to send to; <see langword="null"/> when it is not an absolute URL (the rules pass a configured endpoint
    /// through as written, and a client refuses it then).
    /// </summary>
    public Uri? Uri { get; }

    /// <summary>Headers the rule adds to every request (usually none).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The rule's properties, for example <c>authSchemes</c>.</summary>
    public IReadOnlyDictionary<string, EndpointValue> Properties { get; }

    /// <summary>The <c>authSchemes</c> property read into records, in the rule's order of preference (empty when absent).</summary>
    public IReadOnlyList<EndpointAuthScheme> AuthSchemes { get; }

    private static IReadOnlyList<EndpointAuthScheme> ReadAuthSchemes(IReadOnlyDictionary<string, EndpointValue> properties)
    {
        if (!properties.TryGetValue("authSchemes", out var schemes))
        {
            return Array.Empty<EndpointAuthScheme>();
        }

        if (schemes.Kind != EndpointValueKind.Array)
        {
            throw new EndpointResolutionException($"The endpoint's authSchemes must be a list; got {schemes.ToJson()}.");
        }

        return schemes.AsArray().Select(ReadAuthScheme).ToArray();
    }

    private static EndpointAuthScheme ReadAuthScheme(EndpointValue scheme)
    {
        if (scheme.Kind != EndpointValueKind.Object || scheme.Member("name") is not { Kind: EndpointValueKind.String } name)
        {
            throw new EndpointResolutionException($"Each of the endpoint's authSchemes must be a record with a name; got {scheme.ToJson()}.");
        }

        var regionSet = scheme.Member("signingRegionSet") is { Kind: EndpointValueKind.Array } set
            ? set.AsArray().Where(r => r.Kind == EndpointValueKind.String).Select(r => r.AsString()).ToArray()
            : Array.Empty<string>();
        return new EndpointAuthScheme(
            name.AsString(),
            StringMember(scheme, "signingName"),
            StringMember(scheme, "signingRegion"),
            regionSet,
            scheme.Member("disableDoubleEncoding") is { Kind: EndpointValueKind.Boolean } disable ? disable.AsBoolean() : null);
    }

    private static string? StringMember(EndpointValue record, string name) =>
        record.Member(name) is { Kind: EndpointValueKind.String } value ? value.AsString() : null;
}
