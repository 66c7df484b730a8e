using System.Linq;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Emit;
using DataZone.Gen.Generator.Specs;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

public class TemplateTests
{
    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var name in TemplateRenderer.TemplateNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_embedded_template_parses_without_errors(string name)
    {
        var template = Scriban.Template.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Infrastructure.RepoPaths.Root, "generator", "Emit", "Templates", name)), name);

        Assert.False(template.HasErrors, string.Join("; ", template.Messages));
        Assert.Same(TemplateRenderer.Parse(name), TemplateRenderer.Parse(name));
    }

    [Fact]
    public void A_failed_render_leaves_the_next_render_on_the_same_thread_unaffected()
    {
        // The renderer reuses one Scriban context per thread; a render that throws must not leave its state behind.
        var expected = TemplateRenderer.Render("_Header.sbncs", new { Namespace = "Contoso.DataZone" });

        Assert.ThrowsAny<Scriban.Syntax.ScriptRuntimeException>(() => TemplateRenderer.Render("_Header.sbncs", new { Name = "no Namespace member" }));

        Assert.Equal(expected, TemplateRenderer.Render("_Header.sbncs", new { Namespace = "Contoso.DataZone" }));
        Assert.Contains("namespace Contoso.DataZone;", expected);
    }

    [Fact]
    public void Every_template_and_partial_is_embedded()
    {
        Assert.Equal(
            new[]
            {
                "Client.sbncs", "Collection.sbncs", "Enum.sbncs", "EnumJson.sbncs", "Exception.sbncs", "Operation.sbncs", "Paginator.sbncs",
                "PaginatorFile.sbncs", "Structure.sbncs", "StructureJson.sbncs", "_Conversions.sbncs", "_EndpointParameters.sbncs", "_Header.sbncs",
                "_JsonRpcRequest.sbncs", "_Payload.sbncs", "_Query.sbncs", "_RequestHeaders.sbncs", "_ResponseHeaders.sbncs", "_RestRequest.sbncs",
                "_Validation.sbncs",
            },
            TemplateRenderer.TemplateNames);
    }

    [Fact]
    public void Scriban_limits_never_cut_a_large_model_short()
    {
        // Scriban's defaults: 1,000 loop iterations and 1 MiB of text per value and per render.
        var values = Enumerable.Range(0, 3000).Select(i => new EnumValueSpec("Value" + i, "value-" + i)).ToEquatableArray();
        var documentation = new string('d', 2 * 1024 * 1024);
        var spec = new EnumSpec("Contoso", "Contoso.Big.g.cs", "Big", "Big", new[] { documentation }.ToEquatableArray(), values, ShapeUsage.Both);

        var text = string.Concat(SourceEmitter.Emit(spec).Select(f => f.Text));

        Assert.Contains("/// " + documentation + "\n", text);
        Assert.Contains("public const string Value2999 = \"value-2999\";", text);
        Assert.EndsWith("}\n", text);
    }
}
