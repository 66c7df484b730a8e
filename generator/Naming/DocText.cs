using System.Globalization;
using System.Text;

namespace DataZone.Gen.Generator.Naming;

/// <summary>
/// Model text made safe for a comment: every piece of model text that lands in a <c>///</c> or <c>//</c> line
/// (documentation, wire values in <c>&lt;c&gt;</c>, shape and operation names) goes through <see cref="Escape"/>.
/// </summary>
/// <remarks>
/// The C# lexer ends a comment at <c>\r</c>, <c>\n</c>, U+0085, U+2028 and U+2029, so a model value holding one
/// would turn the rest of its text into code. Those, every other control character and any lone surrogate (which
/// cannot be encoded) are written as the visible text <c>\uXXXX</c>; XML's own specials become entities, so the text
/// stays one well-formed line of XML-doc content.
/// </remarks>
internal static class DocText
{
    public static string Escape(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = Replacement(text, i);
            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    private static string? Replacement(string text, int index)
    {
        var c = text[index];
        switch (c)
        {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
        }

        if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(text, index))
        {
            return "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static bool IsLoneSurrogate(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(text[index - 1]));
    }
}
