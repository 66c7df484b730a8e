using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Every botocore paginator feature, generated from a purpose-built model (Fixtures/PagingFeatures) and driven through
/// the generated client against scripted pages: two tokens with a composite resume token, a string page size in the
/// body, result keys of four kinds aggregated, more_results, a nested token path with a list index, a map and a
/// structure as result keys. The scenarios are consumer code compiled with the generated code, as a user writes it.
/// </summary>
public sealed class PaginatorFeatureTests
{
    private const string Scenarios = """
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using DataZone.Gen;
        using DataZone.Gen.Auth;

        namespace Paging.Features;

        [DataZonePaginator("ListRecords")] public partial class RecordPages;
        [DataZonePaginator("DescribeStream")] public partial class ShardPages;
        [DataZonePaginator("GetUsage")] public partial class UsagePages;
        [DataZonePaginator("GetHistory")] public partial class HistoryPages;
        [DataZonePaginator("Scan")] public partial class ScanPages;

        public static class Scenario
        {
            private static LedgerClient Client(HttpMessageHandler handler) => new(new AwsClientOptions
            {
                Region = "eu-west-1",
                Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", "secret"),
                HttpMessageHandler = handler,
            });

            public static async Task<string> RecordItems(HttpMessageHandler handler, int? pageSize, int? maxItems, string? start)
            {
                var listing = new RecordPages(Client(handler)).Paginate(new ListRecordsRequest(),
                    new PaginationOptions { PageSize = pageSize, MaxItems = maxItems, StartingToken = start });
                var ids = new System.Collections.Generic.List<string>();
                await foreach (var record in listing)
                {
                    ids.Add(record.Id);
                }

                return string.Join(",", ids) + "|" + listing.ResumeToken;
            }

            public static async Task<string> RecordsFull(HttpMessageHandler handler, int? maxItems)
            {
                var full = await new RecordPages(Client(handler)).BuildFullResultAsync(new ListRecordsRequest(),
                    new PaginationOptions { MaxItems = maxItems });
                return $"{string.Join(",", full.Records.Select(r => r.Id))}|{string.Join(",", full.Notes ?? new string[0])}|{full.Count}|"
                    + $"{full.Summary}|{full.Region}|{full.NextMarker}|{full.NextRecordName}";
            }

            public static async Task<string> Shards(HttpMessageHandler handler, int? pageSize)
            {
                var pages = new ShardPages(Client(handler));
                var ids = new System.Collections.Generic.List<string>();
                await foreach (var shard in pages.GetItemsAsync(new DescribeStreamRequest { Name = "orders" }, new PaginationOptions { PageSize = pageSize }))
                {
                    ids.Add(shard.ShardId);
                }

                var full = await pages.BuildFullResultAsync(new DescribeStreamRequest { Name = "orders" });
                return string.Join(",", ids) + "|" + string.Join(",", full.StreamDescription!.Shards.Select(s => s.ShardId))
                    + "|" + full.StreamDescription.StreamName;
            }

            public static async Task<string> Usage(HttpMessageHandler handler)
            {
                var pages = new UsagePages(Client(handler));
                var entries = new System.Collections.Generic.List<string>();
                await foreach (var entry in pages.GetItemsAsync(new GetUsageRequest(), new PaginationOptions { MaxItems = 3 }))
                {
                    entries.Add(entry.Key + "=" + entry.Value);
                }

                var full = await pages.BuildFullResultAsync(new GetUsageRequest());
                return string.Join(",", entries) + "|" + string.Join(",", full.Items!.OrderBy(e => e.Key).Select(e => e.Key + "=" + e.Value))
                    + "|" + full.PlanId;
            }

            public static async Task<string> History(HttpMessageHandler handler)
            {
                var pages = new HistoryPages(Client(handler));
                var names = new System.Collections.Generic.List<string?>();
                await foreach (var history in pages.GetItemsAsync(new GetHistoryRequest()))
                {
                    names.Add(history.Name);
                }

                var full = await pages.BuildFullResultAsync(new GetHistoryRequest());
                return string.Join(",", names) + "|" + full.History!.Name;
            }

            public static async Task<string> Scan(HttpMessageHandler handler, int? maxItems, string? start)
            {
                var listing = new ScanPages(Client(handler)).Paginate(new ScanRequest(), new PaginationOptions { MaxItems = maxItems, StartingToken = start });
                var ids = new System.Collections.Generic.List<string?>();
                await foreach (var item in listing)
                {
                    ids.Add(item["id"].S);
                }

                return string.Join(",", ids) + "|" + listing.ResumeToken;
            }

            public static async Task<string> ScanFull(HttpMessageHandler handler)
            {
                var full = await new ScanPages(Client(handler)).BuildFullResultAsync(new ScanRequest());
                return $"{full.Items!.Count}|{full.Count}|{full.ScannedCount}|{full.LastEvaluatedKey is null}";
            }

            public static string Credential() => new Credential
            {
                Value = "s3cr3t",
                IssuedAt = System.DateTimeOffset.UnixEpoch,
                Uses = 4,
                LegacyName = "old",
            }.ToString();
        }
        """;

    private static readonly Lazy<LoadedAssembly> Code = new(() => LoadedAssembly.From(GeneratorHarness.RunClean(
        new[] { Scenarios },
        ModelFiles.FromFolder(Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "PagingFeatures")))));

    private const string RecordPage1 = """
        {"Records":[{"id":"r0"},{"id":"r1"},{"id":"r2"}],"Notes":["n0"],"Count":3,"Summary":"a","Region":"eu","Truncated":true,"NextMarker":"m1","NextRecordName":"x1"}
        """;

    private const string RecordPage2 = """
        {"Records":[{"id":"r3"},{"id":"r4"}],"Notes":["n1"],"Count":2,"Summary":"b","Region":"us","Truncated":true,"NextMarker":"m2"}
        """;

    // more_results false ends the listing although a token is present.
    private const string RecordPage3 = """
        {"Records":[{"id":"r5"}],"Count":1,"Truncated":false,"NextMarker":"m3","NextRecordName":"x3"}
        """;

    [Fact]
    public async Task Several_tokens_travel_together_and_more_results_false_ends_the_listing()
    {
        var handler = new ScriptedHandler(RecordPage1, RecordPage2, RecordPage3);

        var result = await Run("RecordItems", handler, 3, null, null);

        Assert.Equal("r0,r1,r2,r3,r4,r5|", result);
        Assert.Equal(new[] { """{"MaxItems":"3"}""", """{"Marker":"m1","RecordName":"x1","MaxItems":"3"}""", """{"Marker":"m2","MaxItems":"3"}""" },
            handler.Requests.Select(r => r.Body));
    }

    [Fact]
    public async Task A_cut_gives_botocores_composite_resume_token_and_resumes_right_after_the_last_item()
    {
        var first = await Run("RecordItems", new ScriptedHandler(RecordPage1, RecordPage2), null, 4, null);
        var token = first.Split('|')[1];
        Assert.Equal("r0,r1,r2,r3", first.Split('|')[0]);
        Assert.Equal("""{"Marker": "m1", "RecordName": "x1", "boto_truncate_amount": 1}""", Encoding.UTF8.GetString(Convert.FromBase64String(token)));

        var handler = new ScriptedHandler(RecordPage2, RecordPage3);
        var rest = await Run("RecordItems", handler, null, null, token);

        Assert.Equal("r4,r5|", rest);
        Assert.Equal("""{"Marker":"m1","RecordName":"x1"}""", handler.Requests[0].Body);
    }

    [Fact]
    public async Task The_full_result_aggregates_every_result_key_and_keeps_the_first_pages_other_members()
    {
        var all = await Run("RecordsFull", new ScriptedHandler(RecordPage1, RecordPage2, RecordPage3), null);
        Assert.Equal("r0,r1,r2,r3,r4,r5|n0,n1|6|ab|eu||", all);

        var cut = (await Run("RecordsFull", new ScriptedHandler(RecordPage1, RecordPage2), 4)).Split('|');
        Assert.Equal(new[] { "r0,r1,r2,r3", "n0,n1", "5", "ab", "eu" }, cut[..5]);
        Assert.Equal("""{"Marker": "m1", "RecordName": "x1", "boto_truncate_amount": 1}""", Encoding.UTF8.GetString(Convert.FromBase64String(cut[5])));
        Assert.Equal("", cut[6]);
    }

    [Fact]
    public async Task A_nested_token_path_with_a_list_index_pages_through_a_nested_result_key()
    {
        const string page1 = """{"StreamDescription":{"Shards":[{"ShardId":"s1"},{"ShardId":"s2"}],"HasMoreShards":true,"StreamName":"orders"}}""";
        const string page2 = """{"StreamDescription":{"Shards":[{"ShardId":"s3"}],"HasMoreShards":false,"StreamName":"orders"}}""";
        var handler = new ScriptedHandler(page1, page2, page1, page2);

        var result = await Run("Shards", handler, 2);

        Assert.Equal("s1,s2,s3|s1,s2,s3|orders", result);
        Assert.Equal("/streams/orders?limit=2", handler.Requests[0].Uri.PathAndQuery);
        Assert.Equal("/streams/orders?exclusiveStartShardId=s2&limit=2", handler.Requests[1].Uri.PathAndQuery);
    }

    [Fact]
    public async Task A_map_result_key_gives_its_entries_as_items_and_merges_them_in_the_full_result()
    {
        const string page1 = """{"items":{"a":1,"b":2},"planId":"p-1","nextToken":"t"}""";
        const string page2 = """{"items":{"c":3},"planId":"p-2"}""";

        var result = await Run("Usage", new ScriptedHandler(page1, page2, page1, page2));

        Assert.Equal("a=1,b=2,c=3|a=1,b=2,c=3|p-1", result);
    }

    [Fact]
    public async Task A_structure_result_key_is_one_item_per_page_and_the_full_result_keeps_the_first()
    {
        const string page1 = """{"history":{"name":"h1"},"nextToken":"t"}""";
        const string page2 = """{"history":{"name":"h2"}}""";

        var result = await Run("History", new ScriptedHandler(page1, page2, page1, page2));

        Assert.Equal("h1,h2|h1", result);
    }

    private const string ScanPage1 = """
        {"Items":[{"id":{"S":"k0"}},{"id":{"S":"k1"}},{"id":{"S":"k2"}}],"Count":3,"ScannedCount":5,"LastEvaluatedKey":{"id":{"S":"k2"},"n":{"N":"1"}}}
        """;

    // An empty key ends the listing, as botocore treats a falsy token as none.
    private const string ScanPage2 = """
        {"Items":[{"id":{"S":"k3"}}],"Count":1,"ScannedCount":1,"LastEvaluatedKey":{}}
        """;

    [Fact]
    public async Task A_map_token_travels_as_its_JSON_and_resume_tokens_hold_it_as_botocore_writes_them()
    {
        var handler = new ScriptedHandler(ScanPage1, ScanPage2);
        Assert.Equal("k0,k1,k2,k3|", await Run("Scan", handler, null, null));
        Assert.Equal("""{"ExclusiveStartKey":{"id":{"S":"k2"},"n":{"N":"1"}}}""", handler.Requests[1].Body);

        var cut = (await Run("Scan", new ScriptedHandler(ScanPage1), 2, null)).Split('|');
        Assert.Equal("k0,k1", cut[0]);
        // botocore: TokenEncoder().encode({'ExclusiveStartKey': None, 'boto_truncate_amount': 2}) for a cut on the first page.
        Assert.Equal("""{"ExclusiveStartKey": null, "boto_truncate_amount": 2}""", Encoding.UTF8.GetString(Convert.FromBase64String(cut[1])));

        var boundary = (await Run("Scan", new ScriptedHandler(ScanPage1), 3, null)).Split('|');
        Assert.Equal("""{"ExclusiveStartKey": {"id": {"S": "k2"}, "n": {"N": "1"}}}""", Encoding.UTF8.GetString(Convert.FromBase64String(boundary[1])));

        var resumed = new ScriptedHandler(ScanPage2);
        Assert.Equal("k3|", await Run("Scan", resumed, null, boundary[1]));
        Assert.Equal("""{"ExclusiveStartKey":{"id":{"S":"k2"},"n":{"N":"1"}}}""", resumed.Requests[0].Body);
    }

    [Fact]
    public async Task Counts_are_summed_and_the_map_token_cleared_in_the_full_result()
    {
        Assert.Equal("4|4|6|True", await Run("ScanFull", new ScriptedHandler(ScanPage1, ScanPage2)));
    }

    [Fact]
    public void A_sensitive_structure_with_required_value_members_and_a_deprecated_required_member_compiles_and_redacts()
    {
        var text = (string)Method("Credential").Invoke(null, null)!;

        Assert.Equal("Credential { Value = ***, IssuedAt = ***, Uses = ***, LegacyName = *** }", text);
        var legacy = Code.Value.Type("Paging.Features.Credential").GetProperty("LegacyName")!;
        Assert.Null(legacy.GetCustomAttribute<ObsoleteAttribute>()); // CS9042 otherwise: the deprecation is in its docs
    }

    private static MethodInfo Method(string name) => Code.Value.Type("Paging.Features.Scenario").GetMethod(name)!;

    private static async Task<string> Run(string scenario, params object?[] arguments)
    {
        try
        {
            return await (Task<string>)Method(scenario).Invoke(null, arguments)!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Queue<string> _pages;

        public ScriptedHandler(params string[] pages) => _pages = new Queue<string>(pages);

        public List<(Uri Uri, string Body)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.RequestUri!, body));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_pages.Dequeue(), Encoding.UTF8, "application/json") };
        }
    }
}
