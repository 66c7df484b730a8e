using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DataZone.Gen.Http;

namespace DataZone.Gen.Endpoints;

/// <summary>A standard-library function as a rule calls it: its name, its argument count and its body.</summary>
internal sealed record EndpointFunction(string Name, int Arity, Func<EndpointValue?[], EndpointValue?> Body)
{
    public EndpointValue? Invoke(EndpointValue?[] arguments) => Body(arguments);
}

/// <summary>
/// The rules language's standard library, each function as botocore's <c>RuleSetStandardLibrary</c> computes it
/// (botocore/endpoint_provider.py), including what it does with unset (<see langword="null"/>) arguments.
/// </summary>
internal static class EndpointFunctions
{
    private static readonly Dictionary<string, EndpointFunction> Library = new EndpointFunction[]
    {
        new("isSet", 1, a => EndpointValue.From(IsSet(a[0]))),
        new("not", 1, a => EndpointValue.From(!IsTruthy(a[0]))),
        new("booleanEquals", 2, a => EndpointValue.From(BooleanEquals(a[0], a[1]))),
        new("stringEquals", 2, a => EndpointValue.From(StringEquals(a[0], a[1]))),
        new("getAttr", 2, a => GetAttr(a[0], RequireString(a[1], "getAttr", "path"))),
        new("substring", 4, a => Str(Substring(a[0], RequireInt(a[1], "start"), RequireInt(a[2], "stop"), a[3] is { Kind: EndpointValueKind.Boolean } r && r.AsBoolean()))),
        new("uriEncode", 1, a => Str(a[0] is null ? null : UriEncode(a[0]!.ToString()))),
        new("parseURL", 1, a => a[0] is null ? null : ParseUrl(a[0]!.ToString())),
        new("isValidHostLabel", 2, a => EndpointValue.From(IsValidHostLabel(a[0]?.ToString(), AsFlag(a[1])))),
        new("aws.partition", 1, a => Partitions.For(a[0]?.ToString()).Output),
        new("aws.parseArn", 1, a => a[0] is null ? null : ParseArn(a[0]!.ToString())),
        new("aws.isVirtualHostableS3Bucket", 2, a => EndpointValue.From(IsVirtualHostableS3Bucket(a[0]?.ToString(), AsFlag(a[1])))),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static EndpointFunction? Find(string name) => Library.GetValueOrDefault(name);

    public static bool IsSet(EndpointValue? value) => value is not null && value.Kind != EndpointValueKind.Null;

    /// <summary>Python's truthiness, which botocore's <c>not</c> applies: unset, false, empty and zero are false.</summary>
    public static bool IsTruthy(EndpointValue? value) => value?.Kind switch
    {
        null or EndpointValueKind.Null => false,
        EndpointValueKind.Boolean => value.AsBoolean(),
        EndpointValueKind.String => value.AsString().Length > 0,
        EndpointValueKind.Integer => value.AsInteger() != 0,
        EndpointValueKind.Array => value.AsArray().Count > 0,
        _ => value.AsObject().Count > 0,
    };

    public static bool BooleanEquals(EndpointValue? left, EndpointValue? right) =>
        left is { Kind: EndpointValueKind.Boolean } && right is { Kind: EndpointValueKind.Boolean }
            ? left.AsBoolean() == right.AsBoolean()
            : throw new EndpointResolutionException($"Both arguments must be bools, not {PythonType(left)} and {PythonType(right)}.");

    public static bool StringEquals(EndpointValue? left, EndpointValue? right) =>
        left is { Kind: EndpointValueKind.String } && right is { Kind: EndpointValueKind.String }
            ? string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal)
            : throw new EndpointResolutionException($"Both values must be strings, not {PythonType(left)} and {PythonType(right)}.");

    /// <summary>
    /// A member path such as <c>a.b</c> or <c>resourceId[2]</c> (an index may also stand alone, <c>[0]</c>, to index a
    /// list). A missing member or an index past the end gives nothing.
    /// </summary>
    public static EndpointValue? GetAttr(EndpointValue? value, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (TextPatterns.TryParseIndexedPart(part, out var name, out var digits))
            {
                if (name.Length > 0)
                {
                    value = value?.Member(name);
                }

                var index = int.Parse(digits, CultureInfo.InvariantCulture);
                if (value is not { Kind: EndpointValueKind.Array } || index >= value.AsArray().Count)
                {
                    return null;
                }

                value = value.AsArray()[index];
            }
            else
            {
                value = value?.Member(part);
            }

            if (value is null)
            {
                return null;
            }
        }

        return value;
    }

    /// <summary>
    /// Characters <paramref name="start"/> to <paramref name="stop"/> (exclusive), counted from the end when
    /// <paramref name="reverse"/>; nothing when the range is empty or negative, runs past the end, or the string is not ASCII.
    /// </summary>
    public static string? Substring(EndpointValue? value, int start, int stop, bool reverse)
    {
        if (value is not { Kind: EndpointValueKind.String })
        {
            throw new EndpointResolutionException($"Input must be a string, not {PythonType(value)}.");
        }

        var text = value.AsString();
        if (start < 0 || start >= stop || text.Length < stop || !Ascii.IsValid(text))
        {
            return null;
        }

        return reverse ? text[(text.Length - stop)..(text.Length - start)] : text[start..stop];
    }

    // Python's quote and the SDKs' label encoding keep the same unreserved set, so one encoder serves both.
    /// <summary>Percent-encodes everything but RFC 3986's unreserved characters (botocore's <c>percent_encode</c>).</summary>
    public static string UriEncode(string value) => AwsUriEncoding.Escape(value, keepSlash: false);

    /// <summary>
    /// botocore's <c>parseURL</c> over Python's <c>urlparse</c>: http or https, no query, a numeric port if any; the path
    /// as given and normalized (dot segments and empty segments removed, percent-encoded, ending in <c>/</c>).
    /// </summary>
    public static EndpointValue? ParseUrl(string url)
    {
        if (SplitUrl(url) is not { } parts || (parts.Scheme != "http" && parts.Scheme != "https") || parts.Query.Length > 0)
        {
            return null;
        }

        if (!TryHostAndPort(parts.Authority, out var host, out var bracketed))
        {
            return null;
        }

        var normalized = AwsUriEncoding.Escape(AwsUriEncoding.RemoveDotSegments(parts.Path), keepSlash: true);
        if (!normalized.EndsWith('/'))
        {
            normalized += "/";
        }

        var isIp = !string.IsNullOrEmpty(host)
            && (TextPatterns.IsIpv4(host) || (bracketed && url.IndexOfAny(['\t', '\r', '\n']) < 0 && IsIpv6(host)));
        return EndpointValue.FromObject(new KeyValuePair<string, EndpointValue>[]
        {
            new("scheme", EndpointValue.From(parts.Scheme)),
            new("authority", EndpointValue.From(parts.Authority)),
            new("path", EndpointValue.From(parts.Path)),
            new("normalizedPath", EndpointValue.From(normalized)),
            new("isIp", EndpointValue.From(isIp)),
        });
    }

    /// <summary>
    /// An RFC 1123 host label: 1 to 63 letters, digits and hyphens, not starting or ending with a hyphen. With
    /// <paramref name="allowSubDomains"/> (exactly <see langword="true"/>) each dot-separated label is checked instead.
    /// </summary>
    public static bool IsValidHostLabel(string? value, bool? allowSubDomains)
    {
        if (value is null || (allowSubDomains == false && value.Contains('.')))
        {
            return false;
        }

        return allowSubDomains == true
            ? value.Split('.').All(label => IsValidHostLabel(label, false))
            : TextPatterns.IsHostLabel(value);
    }

    /// <summary>An ARN split into partition, service, region, accountId and resourceId (the resource split on <c>:</c> and <c>/</c>).</summary>
    public static EndpointValue? ParseArn(string value)
    {
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = value.Split(':', 6);
        if (parts.Length < 6 || parts[1].Length == 0 || parts[2].Length == 0 || parts[5].Length == 0)
        {
            return null;
        }

        return EndpointValue.FromObject(new KeyValuePair<string, EndpointValue>[]
        {
            new("partition", EndpointValue.From(parts[1])),
            new("service", EndpointValue.From(parts[2])),
            new("region", EndpointValue.From(parts[3])),
            new("accountId", EndpointValue.From(parts[4])),
            new("resourceId", EndpointValue.FromStrings(parts[5].Replace(':', '/').Split('/'))),
        });
    }

    /// <summary>A bucket name usable as a host label: at least 3 characters, lower case, not an IPv4 address, and a valid host label.</summary>
    public static bool IsVirtualHostableS3Bucket(string? value, bool? allowSubDomains)
    {
        if (value is null || value.Length < 3 || value.ToLowerInvariant() != value || TextPatterns.IsIpv4(value))
        {
            return false;
        }

        return IsValidHostLabel(value, allowSubDomains);
    }

    private static EndpointValue? Str(string? value) => value is null ? null : EndpointValue.From(value);

    private static bool? AsFlag(EndpointValue? value) => value is { Kind: EndpointValueKind.Boolean } flag ? flag.AsBoolean() : null;

    private static string RequireString(EndpointValue? value, string function, string argument) =>
        value is { Kind: EndpointValueKind.String } text
            ? text.AsString()
            : throw new EndpointResolutionException($"The {argument} argument of {function} must be a string, not {PythonType(value)}.");

    private static int RequireInt(EndpointValue? value, string argument) =>
        value is { Kind: EndpointValueKind.Integer } number && number.AsInteger() is >= int.MinValue and <= int.MaxValue
            ? (int)number.AsInteger()
            : throw new EndpointResolutionException($"The {argument} argument of substring must be an integer, not {PythonType(value)}.");

    /// <summary>How botocore's messages name a value's type (they print Python's <c>type()</c>).</summary>
    private static string PythonType(EndpointValue? value) => value?.Kind switch
    {
        null or EndpointValueKind.Null => "<class 'NoneType'>",
        EndpointValueKind.String => "<class 'str'>",
        EndpointValueKind.Boolean => "<class 'bool'>",
        EndpointValueKind.Integer => "<class 'int'>",
        EndpointValueKind.Array => "<class 'list'>",
        _ => "<class 'dict'>",
    };

    private readonly record struct UrlParts(string Scheme, string Authority, string Path, string Query);

    /// <summary>Python's <c>urlsplit</c>: a scheme before the first <c>:</c> (lower-cased), an authority after <c>//</c>, then path, query and fragment.</summary>
    private static UrlParts? SplitUrl(string url)
    {
        var scheme = "";
        var colon = url.IndexOf(':');
        if (colon > 0 && char.IsAsciiLetter(url[0]) && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = url[..colon].ToLowerInvariant();
            url = url[(colon + 1)..];
        }

        var authority = "";
        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            var end = url.IndexOfAny(['/', '?', '#'], 2);
            authority = end < 0 ? url[2..] : url[2..end];
            url = end < 0 ? "" : url[end..];
            if (authority.Contains('[') != authority.Contains(']'))
            {
                return null; // Python raises "Invalid IPv6 URL"
            }
        }

        var hash = url.IndexOf('#');
        if (hash >= 0)
        {
            url = url[..hash];
        }

        var query = "";
        var question = url.IndexOf('?');
        if (question >= 0)
        {
            query = url[(question + 1)..];
            url = url[..question];
        }

        return new UrlParts(scheme, authority, url, query);
    }

    /// <summary>Python's <c>hostname</c> and <c>port</c> of an authority; false when the port is not a number from 0 to 65535.</summary>
    private static bool TryHostAndPort(string authority, out string host, out bool bracketed)
    {
        var hostInfo = authority[(authority.LastIndexOf('@') + 1)..];
        string port;
        var open = hostInfo.IndexOf('[');
        bracketed = open >= 0;
        if (bracketed)
        {
            var rest = hostInfo[(open + 1)..];
            var close = rest.IndexOf(']');
            host = close < 0 ? rest : rest[..close];
            var after = close < 0 ? "" : rest[(close + 1)..];
            var portColon = after.IndexOf(':');
            port = portColon < 0 ? "" : after[(portColon + 1)..];
        }
        else
        {
            var portColon = hostInfo.IndexOf(':');
            host = portColon < 0 ? hostInfo : hostInfo[..portColon];
            port = portColon < 0 ? "" : hostInfo[(portColon + 1)..];
        }

        host = host.ToLowerInvariant();
        if (port.Length == 0)
        {
            return true;
        }

        return port.All(char.IsAsciiDigit) && int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535;
    }

    private static bool IsIpv6(string host)
    {
        // A zone identifier is written %25zone inside a URL (RFC 6874).
        var address = host.Replace("%25", "%", StringComparison.Ordinal);
        return IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
