using System;
using System.Collections.Generic;
using System.Text;

namespace DataZone.Gen.Http;

/// <summary>
/// RFC 3986 percent-encoding as the AWS SDKs apply it to URI labels and query components:
/// unreserved characters (<c>A-Z a-z 0-9 - _ . ~</c>) stay, every other UTF-8 byte becomes <c>%XX</c> with upper-case hex.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class AwsUriEncoding
{
    /// <summary>Encodes a URI label value; <c>/</c> is encoded too, so the value stays one path segment.</summary>
    /// <param name="value">The raw label value.</param>
    public static string EscapeLabel(string value) => Escape(value, keepSlash: false);

    /// <summary>Encodes a greedy label value (<c>{name+}</c>); <c>/</c> is kept so the value may span segments.</summary>
    /// <param name="value">The raw label value.</param>
    public static string EscapeGreedyLabel(string value) => Escape(value, keepSlash: true);

    /// <summary>Encodes a query-string name or value (a space becomes <c>%20</c>, <c>+</c> becomes <c>%2B</c>).</summary>
    /// <param name="value">The raw name or value.</param>
    public static string EscapeQueryComponent(string value) => Escape(value, keepSlash: false);

    internal static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    internal static string Escape(string value, bool keepSlash)
    {
        ArgumentNullException.ThrowIfNull(value);
        var firstToEscape = 0;
        while (firstToEscape < value.Length && (IsUnreserved(value[firstToEscape]) || (keepSlash && value[firstToEscape] == '/')))
        {
            firstToEscape++;
        }

        if (firstToEscape == value.Length)
        {
            return value; // the common case: nothing to do, no allocation
        }

        // Lone surrogates become U+FFFD (the encoder's replacement) rather than throwing:
        // a label value must never crash the marshaller.
        var bytes = Encoding.UTF8.GetBytes(value);
        var builder = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            var c = (char)b;
            if (b < 0x80 && (IsUnreserved(c) || (keepSlash && c == '/')))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%');
                builder.Append("0123456789ABCDEF"[b >> 4]);
                builder.Append("0123456789ABCDEF"[b & 0xF]);
            }
        }
        return builder.ToString();
    }

    // botocore's remove_dot_segments (SigV4's canonical URI) and normalize_url_path (the endpoint rules' parseURL) are the
    // same walk: "." and ".." resolved, empty segments dropped (AWS collapses "//"), a leading and (when anything is
    // left) a trailing slash kept; an empty path is the root.
    internal static string RemoveDotSegments(string path)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        if (IsNormalized(path))
        {
            return path; // the usual path: nothing to resolve, so no allocation (the signer asks for every request)
        }

        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else
            {
                output.Add(segment);
            }
        }

        var first = path[0] == '/' ? "/" : "";
        var last = path[^1] == '/' && output.Count > 0 ? "/" : "";
        return first + string.Join('/', output) + last;
    }

    // True when RemoveDotSegments would give the path back unchanged: no empty segment but a trailing one (and the
    // leading one of an absolute path), no "." or ".." segment.
    private static bool IsNormalized(string path)
    {
        if (path.Contains("//", StringComparison.Ordinal))
        {
            return false;
        }

        var start = 0;
        while (start < path.Length)
        {
            var end = path.IndexOf('/', start);
            if (end < 0)
            {
                end = path.Length;
            }

            var segment = path.AsSpan(start, end - start);
            if (segment is "." or "..")
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }

    /// <summary>Decodes <c>%XX</c> sequences (UTF-8); malformed sequences are kept literally and <c>+</c> stays <c>+</c>.</summary>
    internal static string Unescape(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var length = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes[length++] = (byte)(HexValue(value[i + 1]) << 4 | HexValue(value[i + 2]));
                i += 2;
            }
            else
            {
                length += Encoding.UTF8.GetBytes(value.AsSpan(i, char.IsHighSurrogate(value[i]) && i + 1 < value.Length ? 2 : 1), bytes.AsSpan(length));
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length)
                {
                    i++;
                }
            }
        }
        return Encoding.UTF8.GetString(bytes, 0, length);
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
