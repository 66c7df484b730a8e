using System;
using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// A partition's <c>regionRegex</c> checked by hand. Every regex in botocore's <c>partitions.json</c> has the shape
/// <c>^PREFIX\-\w+\-\d+$</c>, where PREFIX is literal text with escaped hyphens and at most one group of literal
/// alternatives (<c>(us|eu|ap)</c>, <c>(de)</c>); this reads that shape and refuses any other, so a partition table
/// that grows a new form of regex fails loudly (and in the table's test) instead of matching wrongly.
/// </summary>
internal sealed class RegionPattern
{
    private const string Tail = @"\-\w+\-\d+$";
    private readonly string[] _prefixes;

    private RegionPattern(string[] prefixes) => _prefixes = prefixes;

    /// <summary>Reads <paramref name="regex"/>, which must have the shape described on the type.</summary>
    /// <exception cref="NotSupportedException">The regex has another shape.</exception>
    public static RegionPattern Parse(string regex)
    {
        if (!regex.StartsWith('^') || !regex.EndsWith(Tail, StringComparison.Ordinal))
        {
            throw Unsupported(regex);
        }

        var prefixes = new List<string> { "" };
        var body = regex.AsSpan(1, regex.Length - 1 - Tail.Length);
        var sawGroup = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '(' && !sawGroup)
            {
                var close = body[i..].IndexOf(')');
                if (close < 0)
                {
                    throw Unsupported(regex);
                }

                var alternatives = body.Slice(i + 1, close - 1).ToString().Split('|');
                var expanded = new List<string>();
                foreach (var prefix in prefixes)
                {
                    foreach (var alternative in alternatives)
                    {
                        expanded.Add(prefix + Literal(alternative, regex));
                    }
                }

                prefixes = expanded;
                sawGroup = true;
                i += close;
            }
            else if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] == '-')
            {
                Append(prefixes, "-");
                i++;
            }
            else if (char.IsAsciiLetterOrDigit(body[i]))
            {
                Append(prefixes, body[i].ToString());
            }
            else
            {
                throw Unsupported(regex);
            }
        }

        return new RegionPattern(prefixes.ToArray());
    }

    /// <summary>Whether <paramref name="region"/> matches, exactly as the regex would.</summary>
    public bool IsMatch(string region)
    {
        var text = TextPatterns.BeforeFinalNewline(region);
        foreach (var prefix in _prefixes)
        {
            if (text.Length <= prefix.Length || !text.StartsWith(prefix, StringComparison.Ordinal) || text[prefix.Length] != '-')
            {
                continue;
            }

            // \w excludes '-', so the word run ends at the first hyphen after PREFIX-, and only digits may follow it.
            var rest = text[(prefix.Length + 1)..];
            var hyphen = rest.IndexOf('-');
            if (hyphen > 0 && IsWord(rest[..hyphen]) && IsDigits(rest[(hyphen + 1)..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!TextPatterns.IsWordChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Literal(string text, string regex)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                throw Unsupported(regex);
            }
        }

        return text;
    }

    private static void Append(List<string> prefixes, string text)
    {
        for (var i = 0; i < prefixes.Count; i++)
        {
            prefixes[i] += text;
        }
    }

    private static NotSupportedException Unsupported(string regex) =>
        new($"The partition region regex '{regex}' is not of the form ^PREFIX\\-\\w+\\-\\d+$ the runtime checks by hand.");
}
