using System.Collections.Generic;
using System.Text;

namespace DataZone.Gen.Generator.Naming;

/// <summary>Lines of text as a multi-line C# raw string literal, whatever they hold.</summary>
internal static class RawStringLiteral
{
    // What the C# compiler takes for the end of a line.
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>
    /// <c>"""</c>, the lines, <c>"""</c>: each delimiter has one more quote than the longest run of quotes in the text
    /// (at least three), so no run inside can close it. Every line after the opening delimiter starts with
    /// <paramref name="indent"/>, which the compiler removes again (the closing delimiter's indentation).
    /// </summary>
    /// <exception cref="System.ArgumentException">A line holds a line break.</exception>
    public static string Of(IEnumerable<string> lines, string indent)
    {
        var longest = 0;
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.IndexOfAny(LineBreaks) >= 0)
            {
                throw new System.ArgumentException("A line of a raw string literal cannot hold a line break.", nameof(lines));
            }

            var run = 0;
            foreach (var c in line)
            {
                run = c == '"' ? run + 1 : 0;
                longest = System.Math.Max(longest, run);
            }

            body.Append('\n');
            if (line.Length > 0)
            {
                body.Append(indent).Append(line);
            }
        }

        var delimiter = new string('"', System.Math.Max(3, longest + 1));
        return delimiter + body + "\n" + indent + delimiter;
    }
}
