using System;
using System.Collections.Generic;

namespace DataZone.Gen.Emulator.Model;

/// <summary>
/// A botocore <c>requestUri</c> (<c>/v2/domains/{domainIdentifier}/runs</c>, <c>{Key+}</c> for greedy labels)
/// matched against the raw, percent-encoded request path. Labels come back percent-decoded.
/// </summary>
public sealed class RouteTemplate
{
    private readonly Segment[] _segments;

    private RouteTemplate(string template, Segment[] segments, KeyValuePair<string, string?>[] literalQuery)
    {
        Template = template;
        _segments = segments;
        LiteralQuery = literalQuery;
    }

    /// <summary>
    /// The literal query of the template (Lambda's <c>/2018-10-31/layers?find=LayerVersion</c>): parameters a request
    /// must carry (with that value, when one is given) to address this operation rather than another on the same path.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string?>> LiteralQuery { get; }

    /// <summary>The template text (without any literal query part).</summary>
    public string Template { get; }

    /// <summary>How many segments are literal text; a route with more of them is tried first (<c>/a/b</c> before <c>/a/{id}</c>).</summary>
    public int LiteralCount
    {
        get
        {
            var count = LiteralQuery.Count;
            foreach (var segment in _segments)
            {
                count += segment.IsLabel ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>The label names, in order.</summary>
    public IEnumerable<string> Labels
    {
        get
        {
            foreach (var segment in _segments)
            {
                if (segment.IsLabel)
                {
                    yield return segment.Text;
                }
            }
        }
    }

    /// <summary>Parses a <c>requestUri</c>, with its literal query part if any.</summary>
    public static RouteTemplate Parse(string requestUri)
    {
        var query = requestUri.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? requestUri.Substring(0, query) : requestUri;
        var literalQuery = new List<KeyValuePair<string, string?>>();
        if (query >= 0)
        {
            foreach (var pair in requestUri.Substring(query + 1).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                literalQuery.Add(eq < 0 ? new(pair, null) : new(pair.Substring(0, eq), pair.Substring(eq + 1)));
            }
        }
        var parts = path.Trim('/').Split('/');
        var segments = new List<Segment>(parts.Length);
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (part.Length > 2 && part[0] == '{' && part[part.Length - 1] == '}')
            {
                var name = part.Substring(1, part.Length - 2);
                var greedy = name.EndsWith('+');
                segments.Add(new Segment(greedy ? name.Substring(0, name.Length - 1) : name, IsLabel: true, greedy));
            }
            else
            {
                segments.Add(new Segment(part, IsLabel: false, Greedy: false));
            }
        }

        return new RouteTemplate(path, segments.ToArray(), literalQuery.ToArray());
    }

    /// <summary>Whether <paramref name="query"/> carries every literal query parameter of the template.</summary>
    public bool MatchesQuery(Microsoft.AspNetCore.Http.IQueryCollection query)
    {
        foreach (var required in LiteralQuery)
        {
            if (!query.TryGetValue(required.Key, out var values)
                || (required.Value is not null && Array.IndexOf(values.ToArray(), required.Value) < 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Matches a raw request path; on success returns the percent-decoded label values.</summary>
    public bool TryMatch(string rawPath, out Dictionary<string, string> labels)
    {
        labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var parts = rawPath.Length > 1 ? rawPath.Substring(1).Split('/') : Array.Empty<string>();
        var p = 0;
        for (var s = 0; s < _segments.Length; s++)
        {
            var segment = _segments[s];
            if (segment.Greedy)
            {
                if (p >= parts.Length)
                {
                    return false;
                }

                labels[segment.Text] = Uri.UnescapeDataString(string.Join('/', parts, p, parts.Length - p));
                return s == _segments.Length - 1;
            }

            if (p >= parts.Length)
            {
                return false;
            }

            var value = Uri.UnescapeDataString(parts[p++]);
            if (segment.IsLabel)
            {
                // An empty label does not match, so a missing id is a 404 for the path, as on AWS.
                if (value.Length == 0)
                {
                    return false;
                }

                labels[segment.Text] = value;
            }
            else if (!string.Equals(value, segment.Text, StringComparison.Ordinal))
            {
                return false;
            }
        }

        // Allow one trailing slash, nothing more.
        return p == parts.Length || (p == parts.Length - 1 && parts[p].Length == 0);
    }

    private readonly record struct Segment(string Text, bool IsLabel, bool Greedy);
}
