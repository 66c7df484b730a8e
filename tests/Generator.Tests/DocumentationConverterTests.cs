using DataZone.Gen.Generator.Specs;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>The model's HTML documentation ▸ XML-doc lines, one row per case the models contain.</summary>
public class DocumentationConverterTests
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        { "<p>The <code>NextToken</code> value.</p>", new[] { "The <c>NextToken</c> value." } },
        { "<code>maxResults</code> and <code>nextToken</code>", new[] { "<c>maxResults</c> and <c>nextToken</c>" } },
        { "Ends in <code>code</code>.", new[] { "Ends in <c>code</c>." } },
        { "<code>glued</code>text", new[] { "<c>glued</c> text" } },
        { "<code>x</code>, then", new[] { "<c>x</c>, then" } },
        {
            "See <code><a href=\"https://example.com/x?a=1&amp;b=2\">the guide</a></code> first",
            new[] { "See <c><see href=\"https://example.com/x?a=1&amp;b=2\">the guide</see></c> first" }
        },
        { "<a href=\"relative/page\">kept text</a> only", new[] { "kept text only" } },
        { "<p>One.</p><p>Two.</p>", new[] { "One.", "Two." } },
        { "Items:<ul><li><p>first</p></li><li> second </li></ul>", new[] { "Items:", "- first", "- second" } },
        { "<ol><li><code>A</code> is first</li></ol>", new[] { "- <c>A</c> is first" } },
        { "<p>Open <code>never closed", new[] { "Open <c>never closed</c>" } },
        { "Stray close</code> tag</b>", new[] { "Stray close tag" } },
        { "a &lt; b &amp;&amp; c &gt; d &quot;q&quot;", new[] { "a &lt; b &amp;&amp; c &gt; d \"q\"" } },
        { "1 < 2", new[] { "1 &lt; 2" } },
        { "line\none\r\ntwo\u2028three\u2029four", new[] { "line one two three four" } },
        { "<code>x</code>\n<code>y</code>", new[] { "<c>x</c> <c>y</c>" } },
        { "<br/>after a break", new[] { "after a break" } },
        { "   ", new string[0] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Model_documentation_becomes_well_formed_XML_doc_lines(string html, string[] expected)
    {
        Assert.Equal(expected, DocumentationConverter.ToLines(html));
    }
}
