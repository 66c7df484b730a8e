using System;
using System.Globalization;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// The runtime's few text checks written by hand rather than as regexes, so a Native AOT executable carries no regex
/// engine. Each keeps the exact semantics of the .NET regex it replaces, including that <c>$</c> also matches before
/// a final <c>\n</c>, <c>\w</c> is Unicode word characters and <c>\d</c> Unicode decimal digits.
/// </summary>
internal static class TextPatterns
{
    /// <summary>
    /// <c>^[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?$</c>: botocore's region name check.
    /// </summary>
    public static bool IsValidRegion(string value)
    {
        var text = BeforeFinalNewline(value);
        if (text.Length is 0 or > 63 || !IsAsciiLetterOrDigit(text[0]) || !IsAsciiLetterOrDigit(text[^1]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^(?!-)[a-zA-Z\d-]{1,63}(?&lt;!-)$</c>: an RFC 1123 host label.</summary>
    public static bool IsHostLabel(string value)
    {
        var text = BeforeFinalNewline(value);
        if (text.Length is 0 or > 63 || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c) && !char.IsDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$</c>: four dot-separated runs of one to three ASCII digits.</summary>
    public static bool IsIpv4(string value)
    {
        var text = BeforeFinalNewline(value);
        var groups = 0;
        var run = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++run > 3)
                {
                    return false;
                }
            }
            else if (c == '.' && run > 0 && groups < 3)
            {
                groups++;
                run = 0;
            }
            else
            {
                return false;
            }
        }

        return groups == 3 && run > 0;
    }

    /// <summary>
    /// <c>^(\w*)\[(\d+)\]$</c>: a member name (possibly empty) followed by a bracketed index, as in <c>resourceId[2]</c>.
    /// </summary>
    public static bool TryParseIndexedPart(string value, out string name, out ReadOnlySpan<char> index)
    {
        name = "";
        index = default;
        var text = BeforeFinalNewline(value);
        var open = 0;
        while (open < text.Length && IsWordChar(text[open]))
        {
            open++;
        }

        // \w excludes '[' and ']', so the name run ends exactly at the bracket.
        if (open >= text.Length || text[open] != '[' || text[^1] != ']' || text.Length - open < 3)
        {
            return false;
        }

        var digits = text[(open + 1)..^1];
        foreach (var c in digits)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        name = text[..open].ToString();
        index = digits;
        return true;
    }

    /// <summary>
    /// <c>\w</c> as .NET regexes define it: letters, nonspacing marks (not spacing-combining ones), decimal digits and connector
    /// punctuation (the zero-width joiners count only for <c>\b</c>, not here).
    /// </summary>
    public static bool IsWordChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == '_'
        || (c >= '\u0080' && char.GetUnicodeCategory(c) is
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation);

    /// <summary>The text a regex anchored with <c>$</c> checks: without one final <c>\n</c>, which <c>$</c> lets through.</summary>
    public static ReadOnlySpan<char> BeforeFinalNewline(string value) =>
        value.EndsWith('\n') ? value.AsSpan(0, value.Length - 1) : value.AsSpan();

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);
}
