using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// A purpose-built model with every shape kind and naming trap (unions, documents, blobs, maps of lists,
/// recursion, sensitive members, greedy labels, System-type and keyword clashes), compiled and exercised.
/// </summary>
public class KitchenSinkTests
{
    private const string Ns = "Kitchen.Sink";
    private static readonly Lazy<(GeneratorRun Run, LoadedAssembly Loaded)> Generated = new(() =>
    {
        var run = GeneratorHarness.RunClean(
            // MirrorWidgets sends what ListWidgets receives and the other way round, so every shape can be read and written.
            new[] { GeneratorHarness.PaginatorSource("ListWidgets", "WidgetPaginator", Ns), GeneratorHarness.PaginatorSource("MirrorWidgets", "MirrorPaginator", Ns) },
            ModelFiles.FromFolder(Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "KitchenSink")));
        return (run, LoadedAssembly.From(run));
    });

    private static LoadedAssembly Code => Generated.Value.Loaded;

    [Fact]
    public void Names_are_escaped_and_clashes_resolved_deterministically()
    {
        var types = Code.Assembly.GetTypes().Select(t => t.FullName).ToHashSet();
        Assert.Contains($"{Ns}.KitchenSinkClient", types);
        Assert.Contains($"{Ns}.TypeModel", types);           // "Type" would shadow System.Type
        Assert.Contains($"{Ns}.BoomException", types);        // error shapes read as exceptions
        Assert.Contains($"{Ns}.TooFastException", types);

        Assert.NotNull(Code.Type($"{Ns}.Widget").GetProperty("WidgetValue"));   // a member named like its type
        var typeModel = Code.Type($"{Ns}.TypeModel");
        Assert.NotNull(typeModel.GetProperty("ToStringValue"));                 // would hide object.ToString
        Assert.NotNull(typeModel.GetProperty("Class"));

        var reason = Code.Type($"{Ns}.Reason");
        var members = reason.GetProperties().Where(p => p.PropertyType == reason).Select(p => p.Name).ToList();
        Assert.Equal(new[] { "FooBar", "FooBarValue", "ValueValue", "_1x", "Class", "MlT3Medium" }, members);
        Assert.Equal("ml.t3.medium", reason.GetProperty("MlT3Medium")!.GetValue(null)!.ToString());
    }

    [Fact]
    public void A_union_keeps_an_unknown_member_through_read_and_write()
    {
        var json = """{"futureMember":{"a":[1,2,{"b":null}]}}""";
        dynamic filter = Code.Read($"{Ns}.Filter", json);

        Assert.Equal("futureMember", (string)filter.UnknownMember.Name);
        Assert.Null(filter.ByName);
        Assert.Equal(json, Code.Write(filter));
    }

    [Fact]
    public async Task A_union_with_two_members_set_is_rejected_before_sending()
    {
        var filter = With(Activator.CreateInstance(Code.Type($"{Ns}.Filter"))!, ("ByName", "a"), ("Nested", Activator.CreateInstance(Code.Type($"{Ns}.Filter"))));
        var request = With(Activator.CreateInstance(Code.Type($"{Ns}.ListWidgetsRequest"))!, ("Shelf", "s"), ("Filter", filter));
        var handler = new RecordingHandler();
        using var client = (IDisposable)Activator.CreateInstance(Code.Type($"{Ns}.KitchenSinkClient"), new AwsClientOptions
        {
            Region = "eu-west-1",
            Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", "secret"),
            HttpMessageHandler = handler,
        })!;

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Call(client, "ListWidgetsAsync", request));

        Assert.Equal(new[] { "Filter is a union: set at most one of its members." }, error.Problems);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void A_recursive_union_reads_its_nested_member()
    {
        dynamic filter = Code.Read($"{Ns}.Filter", """{"nested":{"nested":{"byColor":"VALUE"}}}""");

        Assert.Equal("VALUE", filter.Nested.Nested.ByColor.ToString());
    }

    [Fact]
    public void Every_value_kind_round_trips_and_sensitive_members_stay_out_of_ToString()
    {
        var json = """
            {"widget":"w-1","madeAt":1700000000.25,"secret":"hunter2","payload":"AAEC/w==","weight":2.5,"ratio":"NaN",
             "count":9007199254740993,"active":false,"extra":{"free":["form",1]},"labels":{"k":["a","b"]},
             "parts":[{"widget":"child","madeAt":0}],"type":{"type":"t","toString":"s","class":"c"},"reason":"class",
             "legacy":"old"}
            """;
        dynamic widget = Code.Read($"{Ns}.Widget", json);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250), (DateTimeOffset)widget.MadeAt);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, (byte[])widget.Payload);
        Assert.True(float.IsNaN((float)widget.Ratio));
        Assert.Equal(9007199254740993L, (long)widget.Count);
        Assert.Equal(new[] { "a", "b" }, ((IReadOnlyDictionary<string, IReadOnlyList<string>>)widget.Labels)["k"]);
        Assert.Equal("child", (string)widget.Parts[0].WidgetValue);
        Assert.Equal("s", (string)widget.Type.ToStringValue);

        string text = widget.ToString();
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains("Secret = ***", text);

        using var written = JsonDocument.Parse(Code.Write(widget));
        Assert.Equal(1700000000.25m, written.RootElement.GetProperty("madeAt").GetDecimal()); // rest-json body default: epoch seconds
        Assert.Equal("NaN", written.RootElement.GetProperty("ratio").GetString());
        Assert.Equal("AAEC/w==", written.RootElement.GetProperty("payload").GetString());
        Assert.Equal("form", written.RootElement.GetProperty("extra").GetProperty("free")[0].GetString());
    }

    [Fact]
    public async Task The_operation_marshals_labels_query_headers_and_body_and_maps_modeled_errors()
    {
        var handler = new RecordingHandler(
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"widgets":[],"next":null}""") },
            TooFast());
        using var client = (IDisposable)Activator.CreateInstance(Code.Type($"{Ns}.KitchenSinkClient"), new AwsClientOptions
        {
            Region = "eu-west-1",
            Endpoint = new Uri("https://kitchen.example.test"),
            Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", "secret"),
            HttpMessageHandler = handler,
            Retry = new AwsRetryOptions { MaxAttempts = 1 },
        })!;
        var request = With(
            Activator.CreateInstance(Code.Type($"{Ns}.ListWidgetsRequest"))!,
            ("Shelf", "top/left side"),
            ("Kinds", new List<string> { "a+b", "c" }),
            ("Since", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)),
            ("TraceId", "t-1"));

        dynamic response = await Call(client, "ListWidgetsAsync", request);

        var sent = handler.Requests[0];
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("/shelves/top/left%20side/widgets", sent.Uri.AbsolutePath);
        Assert.Equal("?mode=all&kind=a%2Bb&kind=c&since=2023-11-14T22%3A13%3A20Z", sent.Uri.Query); // fixed URI query first, as botocore sends it
        Assert.Equal("t-1", sent.Headers["X-Trace-Id"]);
        using var body = JsonDocument.Parse(sent.Body);
        Assert.True(Guid.TryParse(body.RootElement.GetProperty("clientToken").GetString(), out var token)); // idempotency token filled in
        Assert.Empty((IEnumerable<object>)response.Widgets);

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => Call(client, "ListWidgetsAsync", request));
        Assert.Equal($"{Ns}.TooFastException", error.GetType().FullName);
        Assert.True(error.IsThrottling);
        Assert.Equal(7, (int?)((dynamic)error).RetryAfterSeconds);
    }

    [Fact]
    public async Task Invalid_requests_fail_before_sending_and_name_every_problem()
    {
        var handler = new RecordingHandler();
        using var client = (IDisposable)Activator.CreateInstance(Code.Type($"{Ns}.KitchenSinkClient"), new AwsClientOptions
        {
            Region = "eu-west-1",
            Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", "secret"),
            HttpMessageHandler = handler,
        })!;
        var request = With(Activator.CreateInstance(Code.Type($"{Ns}.ListWidgetsRequest"))!, ("PageSize", 99));

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Call(client, "ListWidgetsAsync", request));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains("Shelf is required"));
        Assert.Contains(error.Problems, p => p.Contains("PageSize") && p.Contains("between 1 and 25") && p.Contains("99"));
        Assert.Empty(handler.Requests);
    }

    private static async Task<object> Call(object client, string method, object request)
    {
        Task task;
        try
        {
            task = (Task)client.GetType().GetMethod(method)!.Invoke(client, new[] { request, CancellationToken.None })!;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // Argument problems surface synchronously, as .NET guidance allows for usage errors.
            throw ex.InnerException;
        }

        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }

    // Records are immutable: set init-only properties the way `with` would, on a copy.
    private static object With(object record, params (string Name, object? Value)[] values)
    {
        var copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        foreach (var (name, value) in values)
        {
            copy.GetType().GetProperty(name)!.SetValue(copy, value);
        }

        return copy;
    }

    private static HttpResponseMessage TooFast()
    {
        var response = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("""{"Message":"slow down","retryAfterSeconds":7}""") };
        response.Headers.Add("x-amzn-ErrorType", "TooFast:http://internal.amazon.com/coral/com.example/");
        return response;
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly Queue<HttpResponseMessage> _responses;

        public RecordingHandler(params HttpResponseMessage[] responses) => _responses = new Queue<HttpResponseMessage>(responses);

        public List<(HttpMethod Method, Uri Uri, Dictionary<string, string> Headers, string Body)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.Method, request.RequestUri!, headers, body));
            return _responses.Dequeue();
        }
    }
}
