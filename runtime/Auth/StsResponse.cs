using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace DataZone.Gen.Auth;

/// <summary>
/// The elements of an STS answer the providers read, found in one forward-only pass with <see cref="XmlReader"/>
/// instead of an XLinq tree: XLinq roots most of System.Private.Xml into a Native AOT executable, the reader far less.
/// </summary>
/// <remarks>
/// An element is addressed by the local names below the root (<c>Error/Code</c>); the first occurrence wins and its
/// value is its text, as <c>XElement.Value</c> gives for the leaf elements STS sends. The whole document is read, so a
/// body that is not well-formed XML fails with <see cref="XmlException"/> as <c>XElement.Parse</c> did.
/// </remarks>
internal sealed class StsResponse
{
    private readonly Dictionary<string, string> _values;

    private StsResponse(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads <paramref name="text"/>, keeping the elements whose paths are in <paramref name="wanted"/>.</summary>
    /// <exception cref="XmlException">The text is not a well-formed XML document.</exception>
    public static StsResponse Parse(string text, IReadOnlyCollection<string> wanted)
    {
        // The settings XElement.Parse used, except that a DTD is refused rather than parsed: STS never sends one.
        var settings = new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit };
        var values = new Dictionary<string, string>();
        var path = new List<string>();
        // Whether each open element is the first of its path under first-of-path ancestors: XElement lookups took the
        // first Error, then the first Code inside it, so a later Error's Code must not count.
        var first = new List<bool>();
        var seen = new HashSet<string>();
        // Elements being read, innermost last: text belongs to every open one, as XElement.Value holds descendants' text.
        var open = new List<(int Depth, string Key, StringBuilder Text)>();
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var depth = reader.Depth;
                    path.RemoveRange(depth, path.Count - depth);
                    path.Add(reader.LocalName);
                    first.RemoveRange(depth, first.Count - depth);
                    if (depth == 0)
                    {
                        first.Add(true);
                        break;
                    }

                    var key = string.Join('/', path.GetRange(1, depth));
                    var isFirst = first[depth - 1] && seen.Add(key);
                    first.Add(isFirst);
                    if (!isFirst || !Contains(wanted, key))
                    {
                        break;
                    }

                    if (reader.IsEmptyElement)
                    {
                        values[key] = "";
                    }
                    else
                    {
                        open.Add((depth, key, new StringBuilder()));
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    foreach (var element in open)
                    {
                        element.Text.Append(reader.Value);
                    }

                    break;
                case XmlNodeType.EndElement when open.Count > 0 && open[^1].Depth == reader.Depth:
                    values[open[^1].Key] = open[^1].Text.ToString();
                    open.RemoveAt(open.Count - 1);
                    break;
            }
        }

        return new StsResponse(values);
    }

    /// <summary>Whether the element at <paramref name="path"/> (local names below the root) was present.</summary>
    public bool Has(string path) => _values.ContainsKey(path);

    /// <summary>The text of the first element at <paramref name="path"/>, or null when there is none.</summary>
    public string? Value(string path) => _values.TryGetValue(path, out var value) ? value : null;

    private static bool Contains(IReadOnlyCollection<string> wanted, string key)
    {
        foreach (var candidate in wanted)
        {
            if (candidate == key)
            {
                return true;
            }
        }

        return false;
    }
}
