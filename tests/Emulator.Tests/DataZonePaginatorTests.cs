using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Model;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>One emulator serving the full DataZone model, shared by the paginator tests.</summary>
public sealed class FullDataZoneEmulator : IAsyncLifetime
{
    public const int Items = 23;
    public const int Runs = 17;

    internal DataZoneEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.DataZone, ItemCount = Items, RunCount = Runs });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

public sealed class DataZonePaginatorTests : IClassFixture<FullDataZoneEmulator>
{
    private readonly DataZoneEmulator _emulator;

    public DataZonePaginatorTests(FullDataZoneEmulator fixture) => _emulator = fixture.Emulator;

    public static TheoryData<string> Paginators()
    {
        var model = ServiceModel.Load(SharedModels.DataZone);
        var names = new TheoryData<string>();
        foreach (var operation in model.Operations.Values.Where(o => o.Paginator is not null).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            names.Add(operation.Name);
        }

        return names;
    }

    [Fact]
    public void The_full_model_has_forty_paginators_and_all_are_served()
    {
        Assert.Equal(40, Paginators().Count);
        Assert.All(_emulator.Model.Operations.Values.Where(o => o.Paginator is not null), o => Assert.Equal("nextToken", o.Paginator!.InputTokens[0]));
    }

    [Theory]
    [MemberData(nameof(Paginators))]
    public async Task Every_paginator_lists_every_item_exactly_once_at_several_page_sizes(string operationName)
    {
        var operation = _emulator.Model.GetOperation(operationName);
        var input = new InputFactory(_emulator.Model).For(operation, withOptional: true);
        var expected = FullDataZoneEmulator.Items;
        if (operationName == "ListDataSourceRuns")
        {
            // The curated demo runs: the emulator's own data source, unfiltered.
            input = new JsonObject { ["domainIdentifier"] = _emulator.DomainId, ["dataSourceIdentifier"] = _emulator.DataSourceId };
            expected = FullDataZoneEmulator.Runs;
        }

        var limit = operation.InputMembers.Single(m => m.Name == operation.Paginator!.LimitKey).Shape;
        var listings = new List<List<string>>();
        foreach (var asked in new int?[] { 1, 7, (int)limit.Max!.Value, null })
        {
            var pageSize = asked is { } n ? (int)Math.Clamp(n, limit.Min ?? 1, limit.Max!.Value) : (int?)null;
            var items = await ListAllAsync(operation, input, pageSize);

            Assert.Equal(expected, items.Count);
            Assert.Equal(expected, items.Distinct(StringComparer.Ordinal).Count());
            listings.Add(items);
        }

        // The same data, in the same order, whatever the page size.
        Assert.All(listings, l => Assert.Equal(listings[0], l));
    }

    [Fact]
    public async Task A_get_describes_the_id_it_was_asked_for()
    {
        var client = new WireClient(_emulator);
        using var list = await client.CallAsync("ListProjects", new JsonObject { ["domainIdentifier"] = "dzd_abc123" });
        var id = list.Json.RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;

        using var get = await client.CallAsync("GetProject", new JsonObject { ["domainIdentifier"] = "dzd_abc123", ["identifier"] = id });

        Assert.Equal(200, get.Status);
        Assert.Equal(id, get.Json.RootElement.GetProperty("id").GetString());
        Assert.Equal("dzd_abc123", get.Json.RootElement.GetProperty("domainId").GetString());
        Assert.Equal("dzd_abc123", list.Json.RootElement.GetProperty("items")[0].GetProperty("domainId").GetString());
    }

    [Fact]
    public async Task Other_filters_are_another_listing_and_its_tokens_do_not_mix()
    {
        var client = new WireClient(_emulator);
        var first = new JsonObject { ["domainIdentifier"] = "dzd_abc123", ["searchScope"] = "ASSET", ["maxResults"] = 2 };
        using var page = await client.CallAsync("Search", first);
        var token = page.Json.RootElement.GetProperty("nextToken").GetString()!;

        var other = new JsonObject { ["domainIdentifier"] = "dzd_abc123", ["searchScope"] = "GLOSSARY", ["nextToken"] = token };
        using var refused = await client.CallAsync("Search", other);

        Assert.Equal(400, refused.Status);
        Assert.Equal("ValidationException", refused.ErrorType);
        Assert.Contains("different request", refused.Message, StringComparison.Ordinal);
    }

    private async Task<List<string>> ListAllAsync(OperationModel operation, JsonObject baseInput, int? pageSize)
    {
        var client = new WireClient(_emulator);
        var paginator = operation.Paginator!;
        var items = new List<string>();
        string? token = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 1_000, "The listing does not end.");
            var input = (JsonObject)baseInput.DeepClone();
            if (pageSize is { } size)
            {
                input[paginator.LimitKey!] = size;
            }

            if (token is not null)
            {
                input[paginator.InputTokens[0]] = token;
            }

            using var reply = await client.CallAsync(operation.Name, input);
            Assert.True(reply.Status == 200, $"{operation.Name}: HTTP {reply.Status} {reply.ErrorType}: {reply.Body}");
            var page = reply.Json.RootElement.GetProperty(paginator.ResultKeys[0]).EnumerateArray().Select(i => i.GetRawText()).ToList();
            Assert.True(page.Count <= (pageSize ?? 100));
            items.AddRange(page);
            token = reply.Json.RootElement.TryGetProperty(paginator.OutputTokens[0], out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (token is null)
            {
                return items;
            }
        }
    }
}

public sealed class SynthesizedTokenTests
{
    [Fact]
    public async Task A_token_from_one_emulator_resumes_the_listing_on_a_restarted_one_with_the_same_options()
    {
        var options = new EmulatorOptions { ModelPath = SharedModels.DataZone, ItemCount = 9 };
        var input = new JsonObject { ["domainIdentifier"] = "dzd_abc123", ["maxResults"] = 4 };
        List<string> firstPage;
        string token;
        await using (var first = await DataZoneEmulator.StartAsync(options))
        {
            using var reply = await new WireClient(first).CallAsync("ListDomainUnitsForParent", With(input, "parentDomainUnitIdentifier", "unit_1"));
            Assert.True(reply.Status == 200, reply.Body);
            firstPage = Items(reply);
            token = reply.Json.RootElement.GetProperty("nextToken").GetString()!;
        }

        await using var second = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.DataZone, ItemCount = 9 });
        var client = new WireClient(second);
        var rest = new List<string>();
        var next = (string?)token;
        while (next is not null)
        {
            using var reply = await client.CallAsync("ListDomainUnitsForParent", With(With(input, "parentDomainUnitIdentifier", "unit_1"), "nextToken", next));
            rest.AddRange(Items(reply));
            next = reply.Json.RootElement.TryGetProperty("nextToken", out var t) ? t.GetString() : null;
        }

        // Without maxResults a page holds the model's maximum, more than 9.
        using var whole = await client.CallAsync("ListDomainUnitsForParent", new JsonObject { ["domainIdentifier"] = "dzd_abc123", ["parentDomainUnitIdentifier"] = "unit_1" });
        Assert.True(whole.Status == 200, whole.Body);
        Assert.Equal(Items(whole), firstPage.Concat(rest));
        Assert.Equal(9, Items(whole).Distinct(StringComparer.Ordinal).Count());

        await using var otherData = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.DataZone, ItemCount = 10 });
        using var stale = await new WireClient(otherData).CallAsync("ListDomainUnitsForParent", With(With(input, "parentDomainUnitIdentifier", "unit_1"), "nextToken", token));
        Assert.Equal((400, "ValidationException"), (stale.Status, stale.ErrorType));
    }

    private static JsonObject With(JsonObject input, string name, JsonNode value)
    {
        var copy = (JsonObject)input.DeepClone();
        copy[name] = value;
        return copy;
    }

    private static List<string> Items(WireReply reply) =>
        reply.Json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetRawText()).ToList();
}
