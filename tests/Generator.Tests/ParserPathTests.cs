using System.IO;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Json;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// The service file is parsed one shape at a time for speed; the whole-file tree is the reference. Both must
/// agree on every record and every diagnostic.
/// </summary>
public class ParserPathTests
{
    public static TheoryData<string> Models() => new()
    {
        Path.Combine(RepoPaths.OwnModelFolder, "service-2.json"),
        Path.Combine(RepoPaths.SharedModelFolder, "service-2.json"),
        Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "KitchenSink", "service-2.json"),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Streaming_and_whole_tree_parsing_give_equal_documents(string path)
    {
        var text = File.ReadAllText(path);
        var streamingReader = new ModelReader(path);
        var treeReader = new ModelReader(path);

        var streamed = ServiceDocumentParser.Parse(text, streamingReader, default);
        var tree = ServiceDocumentParser.Parse(PositionedJsonParser.Parse(text), treeReader, default);

        Assert.NotNull(streamed);
        Assert.Equal(tree, streamed);
        Assert.Equal(treeReader.Diagnostics, streamingReader.Diagnostics);
    }

    [Fact]
    public void Both_paths_report_the_same_problems_for_a_broken_shape()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.OwnModelFolder, "service-2.json"))
            .Replace("\"type\": \"timestamp\"", "\"type\": \"instant\"");
        var streamingReader = new ModelReader("m.json");
        var treeReader = new ModelReader("m.json");

        ServiceDocumentParser.Parse(text, streamingReader, default);
        ServiceDocumentParser.Parse(PositionedJsonParser.Parse(text), treeReader, default);

        Assert.NotEmpty(treeReader.Diagnostics);
        Assert.Equal(treeReader.Diagnostics, streamingReader.Diagnostics);
    }
}
