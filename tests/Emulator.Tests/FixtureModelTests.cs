using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Protocol;
using DataZone.Gen.Emulator.Synthesis;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>
/// Paginator and protocol features DataZone does not use, on small fixture models: composite tokens, nested token and
/// result paths, several result keys, <c>more_results</c>, a limit with a minimum; greedy labels, header and list query
/// members, header outputs, unions, response codes.
/// </summary>
public sealed class FixtureModelTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Composite_tokens_nested_paths_and_several_result_keys_list_everything_once(int pageSize)
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("paging-json"), ItemCount = 13 });
        var client = new WireClient(emulator);
        var items = new List<string>();
        var others = new List<string>();
        JsonObject input = new() { ["Max"] = pageSize, ["Kind"] = "BETA" };
        for (var pages = 1; ; pages++)
        {
            using var reply = await client.CallAsync("ListComposite", input);
            Assert.True(reply.Status == 200, reply.Body);
            var page = reply.Json.RootElement.GetProperty("Page");
            items.AddRange(page.GetProperty("Items").EnumerateArray().Select(i => i.GetRawText()));
            others.AddRange(page.GetProperty("Others").EnumerateArray().Select(i => i.GetString()!));
            var more = reply.Json.RootElement.GetProperty("More").GetBoolean();
            Assert.Equal(more, page.TryGetProperty("Next", out _));
            if (!more)
            {
                Assert.Equal((int)Math.Ceiling(13.0 / pageSize), pages);
                break;
            }

            var next = page.GetProperty("Next");
            input = new JsonObject { ["Max"] = pageSize, ["Kind"] = "BETA", ["TokenA"] = next.GetProperty("A").GetString(), ["TokenB"] = next.GetProperty("B").GetString() };
        }

        Assert.Equal(13, items.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(13, items.Count);
        Assert.Equal(13, others.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Composite_tokens_must_agree_and_the_limit_minimum_is_enforced()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("paging-json"), ItemCount = 13 });
        var client = new WireClient(emulator);
        using var first = await client.CallAsync("ListComposite", new JsonObject { ["Max"] = 2 });
        var next = first.Json.RootElement.GetProperty("Page").GetProperty("Next");

        using var mixed = await client.CallAsync("ListComposite", new JsonObject { ["Max"] = 2, ["TokenA"] = next.GetProperty("A").GetString(), ["TokenB"] = "other" });
        using var tooSmall = await client.CallAsync("ListComposite", new JsonObject { ["Max"] = 1 });
        using var otherFilter = await client.CallAsync("ListComposite", new JsonObject { ["Max"] = 2, ["Kind"] = "ALPHA", ["TokenA"] = next.GetProperty("A").GetString() });

        Assert.Equal((400, "InvalidPageException"), (mixed.Status, mixed.ErrorType));
        Assert.Equal("Fixture.InvalidPage;Sender", mixed.QueryError);
        Assert.Equal("ValidationException;Sender", tooSmall.QueryError);
        Assert.Equal((400, "ValidationException"), (tooSmall.Status, tooSmall.ErrorType));
        Assert.Contains("Member must have value greater than or equal to 2", tooSmall.Message, StringComparison.Ordinal);
        Assert.Equal((400, "InvalidPageException"), (otherFilter.Status, otherFilter.ErrorType));
        Assert.Contains("\"Message\"", otherFilter.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthesized_items_satisfy_their_shapes_in_every_DataZone_listing()
    {
        var model = ServiceModel.Load(SharedModels.DataZone);
        var synthesizer = new ShapeSynthesizer(model, seed: 3);
        var validator = new InputValidator(model);
        var checkedItems = 0;
        foreach (var operation in model.Operations.Values.Where(o => o.Paginator is not null))
        {
            var output = model.GetShape(operation.OutputShape!);
            var list = model.GetShape(output.FindMember(operation.Paginator!.ResultKeys[0])!.Shape);
            for (var i = 0; i < 30; i++)
            {
                var item = synthesizer.Value(list.ListMember!, operation.Paginator.ResultKeys[0], 99, i);
                var problems = new List<string>();
                validator.Validate(list.ListMember!, item, operation.Name, problems);
                Assert.True(problems.Count == 0, operation.Name + ": " + string.Join("; ", problems));
                checkedItems++;
            }
        }

        Assert.Equal(40 * 30, checkedItems);
    }

    [Fact]
    public async Task Fixture_items_carry_enums_patterns_ranges_and_epoch_timestamps()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("paging-json"), ItemCount = 5 });
        var client = new WireClient(emulator);

        using var reply = await client.CallAsync("ListComposite", new JsonObject { ["Max"] = 5 });

        Assert.Equal("application/x-amz-json-1.0", reply.ContentType);
        foreach (var item in reply.Json.RootElement.GetProperty("Page").GetProperty("Items").EnumerateArray())
        {
            Assert.Matches("^item-[0-9a-z]{4,12}$", item.GetProperty("Name").GetString());
            Assert.Contains(item.GetProperty("Kind").GetString(), new[] { "ALPHA", "BETA" });
            Assert.InRange(item.GetProperty("Size").GetInt32(), 10, 20);
            Assert.Equal(JsonValueKind.Number, item.GetProperty("Created").ValueKind);
            Assert.InRange(item.GetProperty("Tags").EnumerateObject().Count(), 0, 3);
        }
    }

    [Fact]
    public async Task Rest_json_binds_greedy_labels_headers_and_list_queries_and_answers_with_header_members()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("rest-json") });
        var client = new WireClient(emulator);

        using var ok = await client.CallAsync("GetFile", new JsonObject { ["Path"] = "a/b c/d.txt", ["Version"] = 3, ["Tags"] = new JsonArray("x", "y") });
        using var longPath = await client.CallAsync("GetFile", new JsonObject { ["Path"] = "deep/er/than/twenty/chars.txt" });
        using var badTag = await client.CallAsync("GetFile", new JsonObject { ["Path"] = "f", ["Tags"] = new JsonArray("ok", "much too long") });

        Assert.Equal(200, ok.Status);
        Assert.Equal(JsonValueKind.Number, ok.Json.RootElement.GetProperty("sizeInBytes").ValueKind);
        Assert.Single(emulator.Requests[0].Target.Split('?')[1].Split('&'), p => p == "tag=x");
        Assert.Equal("1 validation error detected: Value 'deep/er/than/twenty/chars.txt' at 'Path' failed to satisfy constraint: Member must have length less than or equal to 20", longPath.Message);
        Assert.Contains("at 'Tags.2.member' failed to satisfy constraint: Member must have length less than or equal to 10", badTag.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_json_header_outputs_are_written_as_headers_in_their_formats()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("rest-json") });
        using var http = new HttpClient();
        var client = new WireClient(emulator) { Credentials = null };
        await using var open = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("rest-json"), VerifySignatures = false });

        using var response = await http.GetAsync(new Uri(open.Endpoint, "/files/a%2Fb"));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.True(int.TryParse(response.Headers.GetValues("x-fixture-version").Single(), CultureInfo.InvariantCulture, out _));
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.DoesNotContain("x-fixture-version", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var refused = await client.CallAsync("GetFile", new JsonObject { ["Path"] = "f" });
        Assert.Equal((403, "IncompleteSignatureException"), (refused.Status, refused.ErrorType));
    }

    [Fact]
    public async Task Rest_json_bodies_are_validated_down_to_unions_with_the_service_own_error()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("rest-json") });
        var client = new WireClient(emulator);

        using var created = await client.CallAsync("PutNote", new JsonObject { ["NoteId"] = "n-001", ["Text"] = "hello", ["Mode"] = new JsonObject { ["Rich"] = new JsonObject { ["Html"] = "<b>x</b>" } } });
        using var twoMembers = await client.CallAsync("PutNote", new JsonObject { ["NoteId"] = "n-001", ["Text"] = "hi", ["Mode"] = new JsonObject { ["Plain"] = "a", ["Rich"] = new JsonObject { ["Html"] = "b" } } });
        using var missing = await client.CallAsync("PutNote", new JsonObject { ["NoteId"] = "n-001", ["Mode"] = new JsonObject { ["Rich"] = new JsonObject() } });
        using var badId = await client.CallAsync("PutNote", new JsonObject { ["NoteId"] = "note-1", ["Text"] = "hi" });

        Assert.Equal(201, created.Status);
        Assert.Equal("n-001", created.Json.RootElement.GetProperty("noteId").GetString());
        Assert.True(DateTimeOffset.TryParseExact(created.Json.RootElement.GetProperty("createdAt").GetString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
        Assert.Equal((400, "BadRequestException"), (twoMembers.Status, twoMembers.ErrorType));
        Assert.Contains("at 'Mode' failed to satisfy constraint: Member must have exactly one member set", twoMembers.Message, StringComparison.Ordinal);
        Assert.Equal("2 validation errors detected: Value null at 'Text' failed to satisfy constraint: Member must not be null; Value null at 'Mode.Rich.Html' failed to satisfy constraint: Member must not be null", missing.Message);
        Assert.Contains("Member must satisfy regular expression pattern: ^n-[0-9]{3}$", badId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_serialization_error()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = Fixture("rest-json"), VerifySignatures = false });
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(emulator.Endpoint, "/notes/n-001"), new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("SerializationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
