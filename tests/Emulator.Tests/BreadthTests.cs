using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>
/// Every paginator of every rest-json and json reference model beside the repository (../shared/models), listed to
/// the end from a model-driven emulator: the emulator serves any such model, not only DataZone.
/// </summary>
public sealed class BreadthTests
{
    private const int Items = 6;

    public static TheoryData<string> Services()
    {
        var root = Path.GetDirectoryName(SharedModels.DataZone)!;
        var services = new TheoryData<string>();
        foreach (var service in System.IO.Directory.GetFiles(Path.Combine(root, ".."), "service-2.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(service));
            var protocol = document.RootElement.GetProperty("metadata").GetProperty("protocol").GetString();
            var paginators = Path.Combine(Path.GetDirectoryName(service)!, "paginators-1.json");
            using var pages = JsonDocument.Parse(File.Exists(paginators) ? File.ReadAllText(paginators) : "{}");
            if (protocol is "rest-json" or "json" && pages.RootElement.TryGetProperty("pagination", out var entries) && entries.EnumerateObject().Any())
            {
                services.Add(Path.GetRelativePath(Path.Combine(root, ".."), Path.GetDirectoryName(service)!));
            }
        }

        return services;
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_paginator_of_the_model_lists_every_item_once(string service)
    {
        var directory = Path.Combine(Path.GetDirectoryName(SharedModels.DataZone)!, "..", service);
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = directory, ItemCount = Items, RunCount = Items });
        var client = new WireClient(emulator);
        var factory = new InputFactory(emulator.Model);
        var failures = new List<string>();
        var listed = 0;
        foreach (var operation in emulator.Model.Operations.Values.Where(o => o.Paginator is not null).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            var paginator = operation.Paginator!;
            var input = factory.For(operation, withOptional: false);
            if (operation.Name == "ListDataSourceRuns")
            {
                input["domainIdentifier"] = emulator.DomainId;
                input["dataSourceIdentifier"] = emulator.DataSourceId;
            }

            if (paginator.LimitKey is { } limitKey && operation.InputMembers.FirstOrDefault(m => m.Name == limitKey) is { Shape.IsInteger: true } limit)
            {
                // Small pages, so that every listing follows tokens.
                input[limitKey] = Math.Clamp(2, limit.Shape.Min ?? 1, limit.Shape.Max ?? 2);
            }

            var items = new List<string>();
            JsonNode? token = null;
            for (var page = 0; page < 100; page++)
            {
                var request = (JsonObject)input.DeepClone();
                if (token is not null)
                {
                    request[paginator.InputTokens[0]] = token.DeepClone();
                }

                using var reply = await client.CallAsync(operation.Name, request);
                if (reply.Status != 200)
                {
                    failures.Add($"{operation.Name}: HTTP {reply.Status} {reply.ErrorType}: {reply.Message}");
                    break;
                }

                var list = At(emulator, operation.OutputShape!, reply.Json.RootElement, paginator.ResultKeys[0]);
                items.AddRange(list is { ValueKind: JsonValueKind.Object } map
                    ? map.EnumerateObject().Select(e => e.Name + "=" + e.Value.GetRawText())
                    : list?.EnumerateArray().Select(i => i.GetRawText()) ?? []);
                // A token goes back as it came, whatever its shape (a string, or DynamoDB's key map).
                var next = At(emulator, operation.OutputShape!, reply.Json.RootElement, paginator.OutputTokens[0]);
                token = next is { } found ? JsonNode.Parse(found.GetRawText()) : null;
                if (token is null)
                {
                    break;
                }
            }

            if (items.Count != Items || items.Distinct(StringComparer.Ordinal).Count() != Items)
            {
                failures.Add($"{operation.Name}: {items.Count} items, {items.Distinct(StringComparer.Ordinal).Count()} distinct");
            }

            listed++;
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(listed > 0);
    }

    /// <summary>The value at a paginator path of member names, found under the members' wire names (API Gateway's <c>items</c> is <c>item</c>).</summary>
    private static JsonElement? At(DataZoneEmulator emulator, string shapeName, JsonElement root, string path)
    {
        var node = root;
        var shape = emulator.Model.GetShape(shapeName);
        foreach (var part in path.Split('.'))
        {
            var member = shape.FindMember(part)!;
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(member.JsonName, out node))
            {
                return null;
            }

            shape = emulator.Model.GetShape(member.Shape);
        }

        return node;
    }
}
