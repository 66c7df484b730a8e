using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Specs;

/// <summary>
/// Turns the model's HTML documentation into well-formed XML-doc content, one line per paragraph, so
/// IntelliSense shows it. Unknown tags are dropped, their text kept; unbalanced tags are closed.
/// </summary>
internal static class DocumentationConverter
{
    private static readonly Regex Token = new(@"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>|([^<]+)|(<)", RegexOptions.Compiled);
    private static readonly Regex Href = new(@"href\s*=\s*(""([^""]*)""|'([^']*)')", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex Spaces = new(@"\s+", RegexOptions.Compiled);

    public static IReadOnlyList<string> ToLines(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return Array.Empty<string>();
        }

        var writer = new Writer();
        foreach (Match match in Token.Matches(html))
        {
            if (match.Groups[5].Success)
            {
                writer.Text(WebUtility.HtmlDecode(match.Groups[5].Value));
            }
            else if (match.Groups[6].Success)
            {
                writer.Text("<");
            }
            else if (match.Groups[1].Value == "/")
            {
                writer.Close(match.Groups[2].Value.ToLowerInvariant());
            }
            else
            {
                writer.Open(match.Groups[2].Value.ToLowerInvariant(), match.Groups[3].Value, selfClosing: match.Groups[4].Value == "/");
            }
        }

        return writer.Finish();
    }

    private sealed class Writer
    {
        private const string ListMarker = "- ";

        private readonly List<string> _lines = new();
        private readonly StringBuilder _line = new();
        private readonly List<string> _open = new();

        public void Text(string text)
        {
            var collapsed = Spaces.Replace(text, " ");

            // Only a line's (or a list item's) start drops leading space; after a closing tag the space is a word break.
            if (_line.Length == 0 || AtListItemStart)
            {
                collapsed = collapsed.TrimStart();
            }

            // The models sometimes write "<code>ListFoo</code>to list": IntelliSense would glue the words together.
            if (collapsed.Length > 0 && char.IsLetter(collapsed[0]) && EndsWith("</c>"))
            {
                _line.Append(' ');
            }

            _line.Append(Escape(collapsed));
        }

        private bool EndsWith(string text)
        {
            if (_line.Length < text.Length)
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (_line[_line.Length - text.Length + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private bool AtListItemStart => _line.Length == ListMarker.Length && _line.ToString() == ListMarker;

        public void Open(string tag, string attributes, bool selfClosing)
        {
            switch (tag)
            {
                case "p":
                case "note":
                case "important":
                    // "<li><p>text" is one list item: the paragraph starts on the item's line.
                    if (!AtListItemStart)
                    {
                        Break();
                    }

                    break;
                case "br":
                    Break();
                    break;
                case "code":
                    Push("c", "<c>", selfClosing);
                    break;
                case "a":
                    var href = Href.Match(attributes);
                    var url = href.Success ? (href.Groups[2].Success ? href.Groups[2].Value : href.Groups[3].Value) : null;
                    if (url is not null && Uri.TryCreate(WebUtility.HtmlDecode(url), UriKind.Absolute, out var uri))
                    {
                        Push("see", "<see href=\"" + Escape(uri.AbsoluteUri).Replace("\"", "&quot;") + "\">", selfClosing);
                    }

                    break;
                case "ul":
                case "ol":
                    Break();
                    break;
                case "li":
                    Break();
                    _line.Append(ListMarker);
                    break;
            }
        }

        public void Close(string tag)
        {
            var xmlTag = tag switch { "code" => "c", "a" => "see", _ => null };
            if (xmlTag is null)
            {
                if (tag is "p" or "li" or "ul" or "ol" or "note" or "important")
                {
                    Break();
                }

                return;
            }

            var index = _open.LastIndexOf(xmlTag);
            if (index < 0)
            {
                return;
            }

            while (_open.Count > index)
            {
                CloseTop();
            }
        }

        public IReadOnlyList<string> Finish()
        {
            Break();
            return _lines;
        }

        private void Push(string xmlTag, string openText, bool selfClosing)
        {
            if (selfClosing)
            {
                return;
            }

            _line.Append(openText);
            _open.Add(xmlTag);
        }

        private void CloseTop()
        {
            var tag = _open[_open.Count - 1];
            _open.RemoveAt(_open.Count - 1);
            _line.Append("</").Append(tag).Append('>');
        }

        // A paragraph ends: inline tags are closed here and reopened never, so every line is well-formed on its own.
        private void Break()
        {
            while (_open.Count > 0)
            {
                CloseTop();
            }

            var line = _line.ToString().Trim();
            _line.Clear();
            if (line.Length > 0 && line != "-")
            {
                _lines.Add(line);
            }
        }

        private static string Escape(string text) => DocText.Escape(text);
    }
}
