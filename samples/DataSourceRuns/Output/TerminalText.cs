using System;
using System.Globalization;
using System.Text;

namespace DataSourceRuns.Output;

/// <summary>
/// Server-supplied text made safe to print: control characters would let a service (or anyone who can put text in a
/// run's error detail) clear the screen, move the cursor, forge lines of output or reorder what is shown. They are
/// written as visible escapes instead: <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\x1b</c> for the other C0 and C1 controls
/// and DEL, and <c>\u202e</c> for bidirectional controls and line/paragraph separators.
/// </summary>
internal static class TerminalText
{
    /// <summary>The text with every unsafe character escaped; <paramref name="keepLineBreaks"/> keeps CR, LF and tab as they are.</summary>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var firstUnsafe = 0;
        while (firstUnsafe < text.Length && !IsUnsafe(text[firstUnsafe], keepLineBreaks))
        {
            firstUnsafe++;
        }

        if (firstUnsafe == text.Length)
        {
            return text; // the usual case: nothing to escape, nothing allocated
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, firstUnsafe);
        for (var i = firstUnsafe; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c, keepLineBreaks))
            {
                escaped.Append(c);
                continue;
            }

            _ = c switch
            {
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                < '\u0100' => escaped.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
        }

        return escaped.ToString();
    }

    /// <summary>
    /// A JSON text with every unsafe character written as a <c>\uXXXX</c> escape: such characters can only stand inside
    /// strings, where the escape means the same character, so the JSON still reads back exactly.
    /// </summary>
    public static string EscapeJson(string json)
    {
        if (json.AsSpan().IndexOfAnyInRange('\u007f', '\uffff') < 0)
        {
            return json; // ASCII: the JSON writer already escaped every C0 control
        }

        StringBuilder? escaped = null;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (IsUnsafe(c))
            {
                escaped ??= new StringBuilder(json.Length + 16).Append(json, 0, i);
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? json;
    }

    internal static bool IsUnsafe(char c, bool keepLineBreaks = false) =>
        (c < ' ' && !(keepLineBreaks && c is '\n' or '\r' or '\t')) // C0
        || c is >= '\u007f' and <= '\u009f' // DEL, C1 (CSI is U+009B)
        || c is '\u061c' or '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') // bidi
        || c is '\u2028' or '\u2029';
}
