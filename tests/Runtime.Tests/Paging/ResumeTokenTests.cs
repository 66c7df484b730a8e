using System;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Paging;

/// <summary>Compatibility with botocore's TokenEncoder/TokenDecoder (expected strings produced by botocore 1.43 / CPython json.dumps).</summary>
public sealed class ResumeTokenTests
{
    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Encode_matches_python_json_dumps_byte_for_byte()
    {
        // botocore: TokenEncoder().encode({'nextToken': 'a"b\\c\n\u00e9\U0001F600\x7f/+=', 'boto_truncate_amount': 5})
        const string expected = "eyJuZXh0VG9rZW4iOiAiYVwiYlxcY1xuXHUwMGU5XHVkODNkXHVkZTAwXHUwMDdmLys9IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogNX0=";
        Assert.Equal(expected, ResumeTokenCodec.Encode("nextToken", "a\"b\\c\né😀\u007f/+=", 5));
    }

    [Fact]
    public void Decode_reads_botocore_tokens_with_escapes()
    {
        var point = ResumeTokenCodec.Decode("eyJuZXh0VG9rZW4iOiAiYVwiYlxcY1xuXHUwMGU5XHVkODNkXHVkZTAwXHUwMDdmLys9IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogNX0=", "nextToken");
        Assert.Equal(new ResumePoint("a\"b\\c\né😀\u007f/+=", 5), point);
    }

    [Theory]
    [InlineData(null, null, "{\"nextToken\": null}")]
    [InlineData("abc", null, "{\"nextToken\": \"abc\"}")]
    [InlineData(null, 0, "{\"nextToken\": null, \"boto_truncate_amount\": 0}")]
    [InlineData("x\ty", 12, "{\"nextToken\": \"x\\ty\", \"boto_truncate_amount\": 12}")]
    public void Encode_Layout(string? token, int? amount, string json) =>
        Assert.Equal(Base64(json), ResumeTokenCodec.Encode("nextToken", token, amount));

    [Theory]
    [InlineData("{\"nextToken\":\"abc\"}", "abc", 0)] // compact JSON from another writer
    [InlineData("{\"boto_truncate_amount\": 3, \"nextToken\": \"abc\"}", "abc", 3)] // any key order
    [InlineData("{\"boto_truncate_amount\": 3}", null, 3)]
    [InlineData("{\"nextToken\": \"\"}", null, 0)]
    public void Decode_AcceptsEquivalentJson(string json, string? token, int amount) =>
        Assert.Equal(new ResumePoint(token, amount), ResumeTokenCodec.Decode(Base64(json), "nextToken"));

    [Fact]
    public void Decode_tolerates_missing_padding_and_surrounding_space()
    {
        var token = ResumeTokenCodec.Encode("nextToken", "abc", 1).TrimEnd('=');
        Assert.Equal(new ResumePoint("abc", 1), ResumeTokenCodec.Decode("  " + token + "\n", "nextToken"));
    }

    [Theory]
    [InlineData("not a token!!!", "not base64 of a JSON object")]
    [InlineData("aGVsbG8gd29ybGQ=", "not base64 of a JSON object")] // "hello world"
    [InlineData("WzEsMl0=", "its JSON is not an object")] // [1,2]
    [InlineData("eyJNYXJrZXIiOiAiYWJjIn0=", "it has the key 'Marker'")] // {"Marker": "abc"}
    [InlineData("eyJuZXh0VG9rZW4iOiAxMn0=", "'nextToken' is not a string")] // {"nextToken": 12}
    [InlineData("eyJuZXh0VG9rZW4iOiAiYSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IC0xfQ==", "not a non-negative integer")] // amount -1
    [InlineData("//79/A==", "not base64 of a JSON object")] // invalid UTF-8
    public void Decode_GarbageIsAPaginationExceptionThatSaysWhy(string token, string reason)
    {
        var error = Assert.Throws<PaginationException>(() => ResumeTokenCodec.Decode(token, "nextToken"));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("The starting token is not a resume token", error.Message);
    }

    [Fact]
    public void Garbage_starting_token_fails_when_the_paginator_is_created()
    {
        var service = new FakeListService(3);
        Assert.Throws<PaginationException>(() => new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(),
            new PaginationOptions { StartingToken = "garbage" }, service.FetchAsync));
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task Cli_token_with_truncation_resumes_at_the_next_item()
    {
        // What `aws datazone list-data-source-runs --max-items 6` prints as NextToken for this listing.
        var service = new FakeListService(10);
        var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(),
            new PaginationOptions { StartingToken = Base64("{\"nextToken\": \"o+4/==\", \"boto_truncate_amount\": 2}") }, service.FetchAsync);
        var first = default(int?);
        await foreach (var item in paginator)
        {
            first = item;
            break;
        }
        Assert.Equal(6, first);
    }

    [Fact]
    public void A_structured_token_is_written_as_a_JSON_value_byte_for_byte_as_botocore_writes_it()
    {
        // botocore: TokenEncoder().encode({'ExclusiveStartKey': {'id': {'S': 'é😀"'}, 'tags': {'L': [{'BOOL': True}, {'NULL': True}]}},
        //                                  'boto_truncate_amount': 2})
        const string expected = "eyJFeGNsdXNpdmVTdGFydEtleSI6IHsiaWQiOiB7IlMiOiAiXHUwMGU5XHVkODNkXHVkZTAwXCIifSwgInRhZ3MiOiB7IkwiOiBbeyJCT09MIjogdHJ1ZX0sIHsiTlVMTCI6IHRydWV9XX19LCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==";
        var json = "{\"id\":{\"S\":\"é😀\\\"\"},\"tags\":{\"L\":[{\"BOOL\":true},{\"NULL\":true}]}}";

        Assert.Equal(expected, ResumeTokenCodec.Encode(new[] { "ExclusiveStartKey" }, new[] { json }, 2, new[] { true }));
        var point = ResumeTokenCodec.Decode(expected, new[] { "ExclusiveStartKey" }, new[] { true });
        Assert.Equal(2, point.TruncateAmount);
        Assert.Equal(expected, ResumeTokenCodec.Encode(new[] { "ExclusiveStartKey" }, point.ServiceTokens, 2, new[] { true }));
    }

    [Fact]
    public void A_botocore_token_with_binary_keys_reads_their_base64_text()
    {
        // botocore: TokenEncoder().encode({'ExclusiveStartKey': {'id': {'B': b'\x01\x02'}}}) adds boto_encoded_keys.
        const string token = "eyJFeGNsdXNpdmVTdGFydEtleSI6IHsiaWQiOiB7IkIiOiAiQVFJPSJ9fSwgImJvdG9fZW5jb2RlZF9rZXlzIjogW1siRXhjbHVzaXZlU3RhcnRLZXkiLCAiaWQiLCAiQiJdXX0=";

        var point = ResumeTokenCodec.Decode(token, new[] { "ExclusiveStartKey" }, new[] { true });

        Assert.Equal("{\"id\": {\"B\": \"AQI=\"}}", point.ServiceTokens[0]);
        Assert.Equal(0, point.TruncateAmount);
    }
}
