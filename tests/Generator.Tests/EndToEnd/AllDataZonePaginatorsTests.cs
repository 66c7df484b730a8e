using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Tests;
using Xunit;

namespace DataZone.Gen.Generator.Tests.EndToEnd;

/// <summary>
/// Every DataZone paginator (GET and POST, filters and unions in the request) listed end to end through GENERATED
/// clients and paginators against the emulator: at several page sizes and cut by MaxItems then resumed, every item
/// comes exactly once, in order, equal member by member to the emulator's synthesized data read off the wire.
/// </summary>
public sealed class AllDataZonePaginatorsTests : IClassFixture<AllDataZonePaginators>
{
    private readonly AllDataZonePaginators _fixture;

    public AllDataZonePaginatorsTests(AllDataZonePaginators fixture) => _fixture = fixture;

    public static TheoryData<string> Paginators() => new(AllDataZonePaginators.PaginatedOperations());

    [Fact]
    public void The_model_has_forty_paginators_and_the_consumer_annotates_each()
    {
        Assert.Equal(40, Paginators().Count);
        Assert.All(AllDataZonePaginators.PaginatedOperations(), operation =>
            Assert.NotNull(_fixture.Consumer.Type(AllDataZonePaginators.Namespace + "." + AllDataZonePaginators.PaginatorClass(operation)).GetMethod("Paginate")));
    }

    [Theory]
    [MemberData(nameof(Paginators))]
    public async Task Every_paginator_lists_every_item_exactly_once_at_several_page_sizes_and_splits(string operationName)
    {
        var operation = _fixture.Model.GetOperation(operationName);
        var (input, count) = Input(operation);
        var paginatorType = _fixture.Consumer.Type(AllDataZonePaginators.Namespace + "." + AllDataZonePaginators.PaginatorClass(operationName));
        var paginate = paginatorType.GetMethod("Paginate")!;
        var request = Reflected.FromJson(paginate.GetParameters()[0].ParameterType, input);
        var itemType = paginate.ReturnType.GetGenericArguments()[2];
        var paginator = Activator.CreateInstance(paginatorType, _fixture.Client())!;
        var expected = await WireItemsAsync(operation, input, itemType);
        Assert.Equal(count, expected.Count);

        var (min, max) = Limits(operation);
        foreach (var pageSize in new int?[] { 1, 7, max, null }.Select(n => n is { } size ? Math.Clamp(size, min, max) : (int?)null).Distinct())
        {
            var sent = Sent(operationName);
            var (items, resume) = await Reflected.ListAsync(Paginate(paginate, paginator, request, new PaginationOptions { PageSize = pageSize }));

            AssertSame(expected, items, $"{operationName}, page size {pageSize?.ToString() ?? "default"}");
            Assert.Null(resume);
            // The page size reached the wire: one request per page, the last one possibly empty.
            var pages = Sent(operationName) - sent;
            var size = pageSize ?? max;
            Assert.InRange(pages, (count + size - 1) / size, (count / size) + 1);
        }

        foreach (var (maxItems, pageSize) in new (int, int?)[] { (5, 3), (1, null), (9, 7), (count, Math.Clamp(2, min, max)) })
        {
            var all = new List<object?>();
            string? token = null;
            for (var listings = 0; ; listings++)
            {
                Assert.True(listings <= count, $"{operationName}: resuming does not end");
                var options = new PaginationOptions { PageSize = pageSize is { } p ? Math.Clamp(p, min, max) : null, MaxItems = maxItems, StartingToken = token };
                var (items, resume) = await Reflected.ListAsync(Paginate(paginate, paginator, request, options));
                Assert.True(items.Count <= maxItems);
                all.AddRange(items);
                token = resume;
                if (token is null)
                {
                    break;
                }
            }

            AssertSame(expected, all, $"{operationName}, MaxItems {maxItems} then resumed, page size {pageSize?.ToString() ?? "default"}");
        }

        // Everything at once: the aggregated response carries the items and, when cut, the resume token in the model's members.
        var buildFullResult = paginatorType.GetMethod("BuildFullResultAsync")!;
        var keys = operation.Paginator!;
        var cut = count - 3;
        var head = await Reflected.ResultAsync(buildFullResult.Invoke(
            paginator, new[] { request, new PaginationOptions { PageSize = Math.Clamp(7, min, max), MaxItems = cut }, CancellationToken.None })!);
        var resumeToken = (string?)Reflected.Member(head!, keys.OutputTokens[0]);
        var tail = await Reflected.ResultAsync(buildFullResult.Invoke(
            paginator, new[] { request, new PaginationOptions { StartingToken = resumeToken }, CancellationToken.None })!);

        Assert.NotNull(resumeToken);
        Assert.Null(Reflected.Member(tail!, keys.OutputTokens[0]));
        AssertSame(
            expected,
            Items(head!, keys.ResultKeys[0]).Concat(Items(tail!, keys.ResultKeys[0])).ToList(),
            $"{operationName}, BuildFullResultAsync cut at {cut} then resumed");
    }

    private static IEnumerable<object?> Items(object response, string resultKey) =>
        ((System.Collections.IEnumerable)Reflected.Member(response, resultKey)!).Cast<object?>();

    [Theory]
    [MemberData(nameof(Paginators))]
    public async Task Every_paginator_lists_every_item_exactly_once_through_empty_pages_throttling_and_dropped_connections(string operationName)
    {
        var operation = _fixture.Model.GetOperation(operationName);
        var (input, count) = Input(operation);
        var paginatorType = _fixture.Consumer.Type(AllDataZonePaginators.Namespace + "." + AllDataZonePaginators.PaginatorClass(operationName));
        var paginate = paginatorType.GetMethod("Paginate")!;
        var request = Reflected.FromJson(paginate.GetParameters()[0].ParameterType, input);
        var paginator = Activator.CreateInstance(paginatorType, _fixture.Client(_fixture.FaultyEmulator))!;
        var expected = await WireItemsAsync(operation, input, paginate.ReturnType.GetGenericArguments()[2]);
        var (min, max) = Limits(operation);

        var (items, _) = await Reflected.ListAsync(Paginate(paginate, paginator, request, new PaginationOptions { PageSize = Math.Clamp(2, min, max) }));
        AssertSame(expected, items, $"{operationName} through faults, page size 2");

        var all = new List<object?>();
        string? token = null;
        for (var listings = 0; ; listings++)
        {
            Assert.True(listings <= count, $"{operationName}: resuming does not end");
            var options = new PaginationOptions { PageSize = Math.Clamp(3, min, max), MaxItems = 4, StartingToken = token };
            (var chunk, token) = await Reflected.ListAsync(Paginate(paginate, paginator, request, options));
            all.AddRange(chunk);
            if (token is null)
            {
                break;
            }
        }

        AssertSame(expected, all, $"{operationName} through faults, MaxItems 4 then resumed, page size 3");
        Assert.Contains(_fixture.FaultyEmulator.Requests, r => r.Operation == operationName && r.Fault == EmulatorFault.EmptyPage);
    }

    [Fact]
    public async Task StartDataSourceRun_then_GetDataSourceRun_through_the_generated_client()
    {
        var emulator = _fixture.Emulator;
        var client = _fixture.Client();

        dynamic started = await CallAsync(client, "StartDataSourceRun", new JsonObject
        {
            ["domainIdentifier"] = emulator.DomainId,
            ["dataSourceIdentifier"] = emulator.DataSourceId,
        });
        dynamic run = await CallAsync(client, "GetDataSourceRun", new JsonObject
        {
            ["domainIdentifier"] = emulator.DomainId,
            ["identifier"] = (string)started.Id,
        });

        Assert.Equal("REQUESTED", (string)started.Status.Value);
        Assert.Equal(emulator.DataSourceId, (string)started.DataSourceId);
        Assert.Equal((string)started.Id, (string)run.Id);
        Assert.Equal(emulator.DomainId, (string)run.DomainId);
        Assert.Equal((DateTimeOffset)started.CreatedAt, (DateTimeOffset)run.CreatedAt);
    }

    [Fact]
    public async Task StartDataSourceRun_sends_a_fresh_idempotency_token_when_the_request_has_none()
    {
        using var recorder = new BodyRecorder();
        var client = _fixture.Client(handler: recorder);
        var input = new JsonObject { ["domainIdentifier"] = _fixture.Emulator.DomainId, ["dataSourceIdentifier"] = _fixture.Emulator.DataSourceId };

        await CallAsync(client, "StartDataSourceRun", input);
        await CallAsync(client, "StartDataSourceRun", input);
        input["clientToken"] = "mine-1";
        await CallAsync(client, "StartDataSourceRun", input);

        var tokens = recorder.Bodies.Select(b => JsonNode.Parse(b)!["clientToken"]!.GetValue<string>()).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.True(Guid.TryParse(tokens[0], out _) && Guid.TryParse(tokens[1], out _), string.Join(", ", tokens));
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Equal("mine-1", tokens[2]);
    }

    [Fact]
    public async Task An_operation_without_an_output_shape_returns_its_empty_response_from_a_204()
    {
        var response = await CallAsync(_fixture.Client(), "DeleteAssetFilter", new JsonObject
        {
            ["domainIdentifier"] = _fixture.Emulator.DomainId,
            ["assetIdentifier"] = "asset-1",
            ["identifier"] = "filter-1",
        });

        Assert.Equal(AllDataZonePaginators.Namespace + ".DeleteAssetFilterResponse", response.GetType().FullName);
        Assert.Empty(response.GetType().GetProperties());
        Assert.Equal(204, _fixture.Emulator.Requests.Last(r => r.Operation == "DeleteAssetFilter").StatusCode);
    }

    [Fact]
    public async Task Failed_runs_listed_with_the_status_filter_are_each_described_by_GetDataSourceRun()
    {
        var emulator = _fixture.Emulator;
        var client = _fixture.Client();
        var paginatorType = _fixture.Consumer.Type(AllDataZonePaginators.Namespace + "." + AllDataZonePaginators.PaginatorClass("ListDataSourceRuns"));
        var paginate = paginatorType.GetMethod("Paginate")!;
        var request = Reflected.FromJson(paginate.GetParameters()[0].ParameterType, new JsonObject
        {
            ["domainIdentifier"] = emulator.DomainId,
            ["dataSourceIdentifier"] = emulator.DataSourceId,
            ["status"] = "FAILED",
        });

        var (listed, _) = await Reflected.ListAsync(Paginate(paginate, Activator.CreateInstance(paginatorType, client)!, request, new PaginationOptions { PageSize = 2 }));

        var failed = emulator.DataSource.RunsWithStatus("FAILED").ToList();
        Assert.NotEmpty(failed);
        Assert.Equal(failed.Select(r => r.Id), listed.Select(r => (string)Reflected.Member(r!, "id")!));
        foreach (var expected in failed)
        {
            dynamic run = await CallAsync(client, "GetDataSourceRun", new JsonObject
            {
                ["domainIdentifier"] = emulator.DomainId,
                ["identifier"] = expected.Id,
            });

            Assert.Equal(expected.Id, (string)run.Id);
            Assert.Equal("FAILED", (string)run.Status.Value);
            Assert.Equal(expected.ErrorMessage!.ErrorType, (string)run.ErrorMessage.ErrorType.Value);
            Assert.Equal(expected.ErrorMessage.ErrorDetail, (string?)run.ErrorMessage.ErrorDetail);
            Assert.Equal(expected.CreatedAt, (DateTimeOffset)run.CreatedAt);
        }
    }

    [Fact]
    public async Task An_unknown_run_id_is_the_generated_ResourceNotFoundException()
    {
        var emulator = _fixture.Emulator;

        var error = await Assert.ThrowsAsync(
            _fixture.Consumer.Type(AllDataZonePaginators.Namespace + ".ResourceNotFoundException"),
            () => CallAsync(_fixture.Client(), "GetDataSourceRun", new JsonObject { ["domainIdentifier"] = emulator.DomainId, ["identifier"] = "no-such-run" }));

        var service = Assert.IsAssignableFrom<AwsServiceException>(error);
        Assert.Equal(404, service.StatusCode);
        Assert.Equal("ResourceNotFoundException", service.ErrorCode);
        Assert.Contains("no-such-run", service.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_breaks_the_model_is_refused_before_anything_is_sent()
    {
        var sent = _fixture.Emulator.Requests.Count(r => r.Operation == "GetDataSourceRun");

        // The required identifier is left unset, as reflection can (C# would not compile it).
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => CallAsync(_fixture.Client(), "GetDataSourceRun", new JsonObject
        {
            ["domainIdentifier"] = _fixture.Emulator.DomainId,
        }));

        Assert.Contains("identifier", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(sent, _fixture.Emulator.Requests.Count(r => r.Operation == "GetDataSourceRun"));
    }

    /// <summary>The operation's input: the curated runs' data source for ListDataSourceRuns, else every filter the model allows.</summary>
    private (JsonObject Input, int Count) Input(OperationModel operation) => operation.Name == "ListDataSourceRuns"
        ? (new JsonObject { ["domainIdentifier"] = _fixture.Emulator.DomainId, ["dataSourceIdentifier"] = _fixture.Emulator.DataSourceId }, AllDataZonePaginators.Runs)
        : (new InputFactory(_fixture.Model).For(operation, withOptional: true), AllDataZonePaginators.Items);

    private int Sent(string operation) => _fixture.Emulator.Requests.Count(r => r.Operation == operation && r.StatusCode == 200);

    private static (int Min, int Max) Limits(OperationModel operation)
    {
        var shape = operation.InputMembers.Single(m => m.Name == operation.Paginator!.LimitKey).Shape;
        return ((int)(shape.Min ?? 1), (int)shape.Max!.Value);
    }

    private static object Paginate(MethodInfo paginate, object paginator, object? request, PaginationOptions options) =>
        paginate.Invoke(paginator, new[] { request, options })!;

    /// <summary>The listing read off the wire at the largest page size, each item built from its JSON.</summary>
    private async Task<List<object?>> WireItemsAsync(OperationModel operation, JsonObject input, Type itemType)
    {
        var client = new WireClient(_fixture.Emulator);
        var paginator = operation.Paginator!;
        var items = new List<object?>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = (JsonObject)input.DeepClone();
            page[paginator.LimitKey!] = Limits(operation).Max;
            if (token is not null)
            {
                page[paginator.InputTokens[0]] = token;
            }

            using var reply = await client.CallAsync(operation.Name, page);
            Assert.True(reply.Status == 200, $"{operation.Name}: HTTP {reply.Status} {reply.ErrorType}: {reply.Body}");
            foreach (var item in reply.Json.RootElement.GetProperty(paginator.ResultKeys[0]).EnumerateArray())
            {
                Assert.True(texts.Add(item.GetRawText()), $"{operation.Name}: the emulator served an item twice");
                items.Add(Reflected.FromJson(itemType, JsonNode.Parse(item.GetRawText())));
            }

            token = reply.Json.RootElement.TryGetProperty(paginator.OutputTokens[0], out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);

        return items;
    }

    private static void AssertSame(List<object?> expected, List<object?> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} items instead of {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            if (Reflected.Difference(expected[i], actual[i], $"$[{i}]") is { } difference)
            {
                Assert.Fail($"{what}: item {i} differs from the emulator's: {difference}");
            }
        }
    }

    /// <summary>Calls the generated client's method for <paramref name="operation"/> with a request built from JSON.</summary>
    private async Task<object> CallAsync(object client, string operation, JsonObject input)
    {
        var method = client.GetType().GetMethod(operation + "Async")!;
        var request = Reflected.FromJson(method.GetParameters()[0].ParameterType, input);
        Task task;
        try
        {
            task = (Task)method.Invoke(client, new[] { request, CancellationToken.None })!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    /// <summary>Passes requests on to the network, keeping each request body as sent.</summary>
    private sealed class BodyRecorder : DelegatingHandler
    {
        public BodyRecorder() : base(new SocketsHttpHandler()) { }

        public List<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is { } content)
            {
                Bodies.Add(await content.ReadAsStringAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
