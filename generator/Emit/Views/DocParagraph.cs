using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>
/// One paragraph of XML-doc text, wrapped into lines; every paragraph after the first is a <c>&lt;para&gt;</c>.
/// </summary>
/// <remarks>
/// The model keeps a paragraph on one line, often several hundred characters long; wrapped, a generated file reads
/// like hand-written code. A line breaks only between words outside a tag, so a link's
/// <c>&lt;see href="..."&gt;</c> stays whole (a single word longer than the width keeps its own line).
/// </remarks>
internal sealed record DocParagraph(bool IsPara, IReadOnlyList<string> Lines)
{
    /// <summary>Characters of text per line: with the indentation and <c>/// &lt;para&gt;</c>, lines stay under 140.</summary>
    public const int Width = 100;

    public static IReadOnlyList<DocParagraph> Of(IEnumerable<string> paragraphs) =>
        paragraphs.Select((text, index) => new DocParagraph(index > 0, Wrap(text))).ToList();

    private static IReadOnlyList<string> Wrap(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in Words(text))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }

        return lines;
    }

    // Spaces inside a tag (<see href="...">) do not separate words.
    private static IEnumerable<string> Words(string text)
    {
        var start = 0;
        var inTag = false;
        for (var i = 0; i < text.Length; i++)
        {
            inTag = text[i] == '<' || (inTag && text[i] != '>');
            if (text[i] == ' ' && !inTag)
            {
                if (i > start)
                {
                    yield return text.Substring(start, i - start);
                }

                start = i + 1;
            }
        }

        if (text.Length > start)
        {
            yield return text.Substring(start);
        }
    }
}
