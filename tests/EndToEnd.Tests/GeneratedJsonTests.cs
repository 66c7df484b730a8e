using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using DataZone.Gen.Json;
using Xunit;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>
/// The generated readers of the ListDataSourceRuns shapes, on payloads shaped like the service's; round trips write
/// with <see cref="ResponseWriters"/>, since a shape the client only receives gets no generated writer.
/// </summary>
public sealed class GeneratedJsonTests
{
    private const string RealisticPage = """
        {
          "items": [
            {
              "id": "a1b2c3d4e5f6g7",
              "dataSourceId": "demo-data-source",
              "type": "SCHEDULED",
              "status": "SUCCESS",
              "projectId": "prj_0123456789",
              "runStatisticsForAssets": { "added": 12, "updated": 3, "unchanged": 40, "skipped": 0, "failed": 1 },
              "createdAt": "2026-11-01T09:30:00.123Z",
              "updatedAt": "2026-11-01T09:35:10Z",
              "startedAt": "2026-11-01T09:30:05Z",
              "stoppedAt": "2026-11-01T09:35:09.5Z",
              "lineageSummary": { "importStatus": "SUCCESS" }
            },
            {
              "id": "z9y8x7w6v5u4t3",
              "dataSourceId": "demo-data-source",
              "type": "PRIORITIZED",
              "status": "FAILED",
              "projectId": "prj_0123456789",
              "errorMessage": { "errorType": "ACCESS_DENIED_EXCEPTION", "errorDetail": "Tab\there, quote \" and 日本語 🚀" },
              "createdAt": 1793525400,
              "updatedAt": 1793525460.25
            }
          ],
          "nextToken": "abc+/def=="
        }
        """;

    private static T Read<T>(string json, JsonReadFunc<T> read) => AwsJson.ReadBody(Encoding.UTF8.GetBytes(json), read);

    private static ListDataSourceRunsResponse ReadPage(string json) => Read<ListDataSourceRunsResponse>(json, ListDataSourceRunsResponse.ReadJson);

    private static string Write<T>(T value, JsonWriteAction<T> write) => Encoding.UTF8.GetString(AwsJson.Serialize(value, write));

    private static string Run(string members) =>
        "{\"id\":\"r1\",\"dataSourceId\":\"ds\",\"type\":\"SCHEDULED\",\"status\":\"SUCCESS\",\"projectId\":\"p\"," +
        "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"" + members + "}";

    private static DataSourceRunSummary ReadRun(string json) => Read<DataSourceRunSummary>(json, DataSourceRunSummary.ReadJson);

    [Fact]
    public void Realistic_page_reads_every_member()
    {
        var page = ReadPage(RealisticPage);

        Assert.Equal("abc+/def==", page.NextToken);
        Assert.Equal(2, page.Items.Count);

        var first = page.Items[0];
        Assert.Equal("a1b2c3d4e5f6g7", first.Id);
        Assert.Equal("demo-data-source", first.DataSourceId);
        Assert.Equal(DataSourceRunType.Scheduled, first.Type);
        Assert.Equal(DataSourceRunStatus.Success, first.Status);
        Assert.True(first.Status.IsKnown);
        Assert.Equal("prj_0123456789", first.ProjectId);
        Assert.Equal(new RunStatisticsForAssets { Added = 12, Updated = 3, Unchanged = 40, Skipped = 0, Failed = 1 }, first.RunStatisticsForAssets);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 30, 0, 123, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 35, 10, TimeSpan.Zero), first.UpdatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 30, 5, TimeSpan.Zero), first.StartedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 9, 35, 9, 500, TimeSpan.Zero), first.StoppedAt);
        Assert.Equal(LineageImportStatus.Success, first.LineageSummary?.ImportStatus);
        Assert.Null(first.ErrorMessage);

        var second = page.Items[1];
        Assert.Equal(DataSourceRunType.Prioritized, second.Type);
        Assert.Equal(DataSourceRunStatus.Failed, second.Status);
        Assert.Equal(DataSourceErrorType.AccessDeniedException, second.ErrorMessage?.ErrorType);
        Assert.Equal("Tab\there, quote \" and 日本語 🚀", second.ErrorMessage?.ErrorDetail);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1793525400), second.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1793525460250), second.UpdatedAt);
        Assert.Null(second.RunStatisticsForAssets);
        Assert.Null(second.StartedAt);
        Assert.Null(second.StoppedAt);
        Assert.Null(second.LineageSummary);
    }

    [Fact]
    public void Realistic_page_survives_write_and_read_back()
    {
        var page = ReadPage(RealisticPage);
        var again = ReadPage(Write(page, ResponseWriters.WritePage));

        Assert.Equal(page.NextToken, again.NextToken);
        Assert.Equal(page.Items, again.Items); // records compare member by member
    }

    [Fact]
    public void Unknown_enum_value_is_kept_and_round_trips()
    {
        var run = ReadRun(Run("").Replace("\"SUCCESS\"", "\"PAUSED\"").Replace("\"SCHEDULED\"", "\"ON_DEMAND\""));

        Assert.False(run.Status.IsKnown);
        Assert.Equal("PAUSED", run.Status.ToString());
        Assert.Equal("PAUSED", run.Status.Value);
        Assert.True(run.Status == new DataSourceRunStatus("PAUSED"));
        Assert.True(run.Status != DataSourceRunStatus.Success);
        Assert.DoesNotContain(run.Status, DataSourceRunStatus.KnownValues);
        Assert.False(run.Type.IsKnown);

        var written = Write(run, ResponseWriters.WriteRun);
        Assert.Contains("\"status\":\"PAUSED\"", written);
        Assert.Contains("\"type\":\"ON_DEMAND\"", written);
        var again = ReadRun(written);
        Assert.Equal(run, again);
        Assert.Equal("PAUSED", again.Status.ToString());
    }

    [Fact]
    public void Known_enum_values_compare_by_value()
    {
        Assert.Equal(DataSourceRunStatus.PartiallySucceeded, new DataSourceRunStatus("PARTIALLY_SUCCEEDED"));
        Assert.True(new DataSourceRunStatus("PARTIALLY_SUCCEEDED").IsKnown);
        Assert.False(new DataSourceRunStatus("success").IsKnown); // ordinal: case matters
        Assert.Equal("", default(DataSourceRunStatus).ToString());
        Assert.Equal(5, DataSourceRunStatus.KnownValues.Count);
    }

    [Fact]
    public void Unknown_members_are_skipped_at_every_level()
    {
        const string json = """
            {
              "futureTopLevel": { "nested": [1, 2, { "deep": [[], {}] }], "s": "x" },
              "items": [
                {
                  "newScalar": 42,
                  "id": "r1", "dataSourceId": "ds", "type": "SCHEDULED", "status": "SUCCESS", "projectId": "p",
                  "newObject": { "a": { "b": [true, false, null] } },
                  "runStatisticsForAssets": { "added": 1, "futureCounter": 7, "futureObject": { "x": [1] } },
                  "newArray": [ { "items": [ { "id": "not me" } ] }, "s", 1.5e10 ],
                  "errorMessage": { "errorType": "INTERNAL_SERVER_EXCEPTION", "extra": [ "a", { "b": null } ] },
                  "lineageSummary": { "importStatus": "FAILED", "future": {} },
                  "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"
                }
              ],
              "alsoNew": null,
              "nextToken": "t"
            }
            """;

        var page = ReadPage(json);

        var run = Assert.Single(page.Items);
        Assert.Equal("r1", run.Id);
        Assert.Equal(1, run.RunStatisticsForAssets?.Added);
        Assert.Null(run.RunStatisticsForAssets?.Failed);
        Assert.Equal(DataSourceErrorType.InternalServerException, run.ErrorMessage?.ErrorType);
        Assert.Equal(LineageImportStatus.Failed, run.LineageSummary?.ImportStatus);
        Assert.Equal("t", page.NextToken);
    }

    [Fact]
    public void Missing_optional_members_read_as_null()
    {
        var page = ReadPage("{\"items\":[" + Run("") + "]}");

        Assert.Null(page.NextToken);
        var run = Assert.Single(page.Items);
        Assert.Null(run.RunStatisticsForAssets);
        Assert.Null(run.ErrorMessage);
        Assert.Null(run.StartedAt);
        Assert.Null(run.StoppedAt);
        Assert.Null(run.LineageSummary);

        var stats = Read<RunStatisticsForAssets>("{}", RunStatisticsForAssets.ReadJson);
        Assert.Equal(new RunStatisticsForAssets(), stats);
        Assert.Null(Read<DataSourceErrorMessage>("{\"errorType\":\"VALIDATION_EXCEPTION\"}", DataSourceErrorMessage.ReadJson).ErrorDetail);
    }

    [Fact]
    public void Null_values_are_tolerated_for_optional_members()
    {
        var page = ReadPage("{\"items\":[" + Run(",\"startedAt\":null,\"errorMessage\":null,\"runStatisticsForAssets\":{\"added\":null,\"failed\":2},\"lineageSummary\":{\"importStatus\":null}") + "],\"nextToken\":null}");

        Assert.Null(page.NextToken);
        var run = Assert.Single(page.Items);
        Assert.Null(run.StartedAt);
        Assert.Null(run.ErrorMessage);
        Assert.Null(run.RunStatisticsForAssets?.Added);
        Assert.Equal(2, run.RunStatisticsForAssets?.Failed);
        Assert.NotNull(run.LineageSummary);
        Assert.Null(run.LineageSummary!.ImportStatus);
    }

    [Fact]
    public void Null_for_required_member_is_reported_as_missing()
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run("").Replace("\"id\":\"r1\"", "\"id\":null") + "]}"));
        Assert.Equal("$.items[0].id", error.Path);
    }

    [Theory]
    [InlineData("{\"items\":[null]}", "$.items[0]")]
    [InlineData("{\"items\":[RUN,null,RUN]}", "$.items[1]")]
    public void A_null_item_in_a_list_that_is_not_sparse_is_an_error_naming_its_path(string json, string path)
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage(json.Replace("RUN", Run(""))));

        Assert.Equal(path, error.Path);
        Assert.Contains("null", error.Problem);
    }

    [Fact]
    public void A_sparse_list_keeps_its_null_items()
    {
        var json = Encoding.UTF8.GetBytes("[\"a\",null,\"b\"]");
        var items = AwsJson.ReadBody(json, (ref Utf8JsonReader reader) =>
        {
            AwsJson.ExpectStartArray(ref reader);
            var list = new List<string?>();
            for (var index = 0; AwsJson.NextItem(ref reader); index++)
            {
                list.Add(AwsJson.ReadItem(ref reader, index, AwsJson.ReadString, sparse: true));
            }

            return list;
        });

        Assert.Equal(new[] { "a", null, "b" }, items);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_an_error_naming_its_path()
    {
        var json = Encoding.UTF8.GetBytes("{\"items\":[" + Run(",\"errorMessage\":{\"errorType\":\"ACCESS_DENIED_EXCEPTION\",\"errorDetail\":\"BAD\"}") + "]}");
        var at = json.AsSpan().IndexOf("BAD"u8);
        json[at] = 0xC3; // a lead byte followed by 'A': not UTF-8
        json[at + 2] = 0xFF;

        var error = Assert.Throws<AwsJsonException>(() => AwsJson.ReadBody<ListDataSourceRunsResponse>(json, ListDataSourceRunsResponse.ReadJson));

        Assert.Equal("$.items[0].errorMessage.errorDetail", error.Path);
        Assert.Contains("UTF-8", error.Problem);
    }

    [Fact]
    public void Missing_required_member_names_its_path()
    {
        var withoutId = Run("").Replace("\"id\":\"r1\",", "");
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run("") + "," + withoutId + "]}"));

        Assert.Equal("$.items[1].id", error.Path);
        Assert.Contains("id", error.Problem);
        Assert.Contains("$.items[1].id", error.Message);
    }

    [Theory]
    [InlineData("createdAt", "$.items[0].createdAt")]
    [InlineData("updatedAt", "$.items[0].updatedAt")]
    [InlineData("status", "$.items[0].status")]
    [InlineData("projectId", "$.items[0].projectId")]
    public void EachMissingRequiredMemberIsNamed(string member, string path)
    {
        var doc = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Run(""))!;
        doc.Remove(member);
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + JsonSerializer.Serialize(doc) + "]}"));
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Missing_required_member_of_nested_object_names_its_path()
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run(",\"errorMessage\":{\"errorDetail\":\"x\"}") + "]}"));
        Assert.Equal("$.items[0].errorMessage.errorType", error.Path);
    }

    [Theory]
    [InlineData("\"2026-03-04T05:06:07Z\"", 0)]
    [InlineData("\"2026-03-04T05:06:07.000Z\"", 0)]
    [InlineData("\"2026-03-04T05:06:07.5Z\"", 5_000_000)]
    [InlineData("\"2026-03-04T05:06:07.123456Z\"", 1_234_560)]
    [InlineData("\"2026-03-04T07:06:07+02:00\"", 0)]
    [InlineData("\"2026-03-04T00:06:07.25-05:00\"", 2_500_000)]
    [InlineData("1772600767", 0)]
    [InlineData("1772600767.5", 5_000_000)]
    [InlineData("1772600767.125", 1_250_000)]
    [InlineData("\"1772600767\"", 0)]
    public void TimestampsReadToTheRightInstant(string wire, long extraTicks)
    {
        var run = ReadRun(Run("").Replace("\"createdAt\":\"2026-01-01T00:00:00Z\"", "\"createdAt\":" + wire));

        var expected = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(extraTicks);
        Assert.Equal(expected.UtcTicks, run.CreatedAt.UtcTicks);
    }

    [Fact]
    public void Bad_timestamp_names_its_path()
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run(",\"stoppedAt\":\"yesterday\"") + "]}"));
        Assert.Equal("$.items[0].stoppedAt", error.Path);

        var mistyped = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run(",\"stoppedAt\":true") + "]}"));
        Assert.Equal("$.items[0].stoppedAt", mistyped.Path);
    }

    [Fact]
    public void Nested_lists_of_objects_read_in_order()
    {
        var runs = Enumerable.Range(0, 30).Select(i => Run(",\"runStatisticsForAssets\":{\"added\":" + i + "}").Replace("\"r1\"", "\"r" + i + "\""));
        var page = ReadPage("{\"items\":[" + string.Join(",", runs) + "]}");

        Assert.Equal(Enumerable.Range(0, 30).Select(i => "r" + i), page.Items.Select(r => r.Id));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (int?)i), page.Items.Select(r => r.RunStatisticsForAssets?.Added));

        Assert.Empty(ReadPage("{\"items\":[]}").Items);
    }

    [Fact]
    public void Truncated_document_is_a_json_exception_with_a_path()
    {
        var full = RealisticPage;
        foreach (var cut in new[] { 1, 20, full.IndexOf("\"status\"", StringComparison.Ordinal) + 3, full.Length / 2, full.Length - 3 })
        {
            var error = Assert.ThrowsAny<JsonException>(() => ReadPage(full.Substring(0, cut)));
            var located = Assert.IsType<AwsJsonException>(error);
            Assert.NotNull(located.Path);
            Assert.StartsWith("$", located.Path);
        }
    }

    [Fact]
    public void Truncated_inside_an_item_names_the_item()
    {
        var json = "{\"items\":[" + Run("") + "," + Run("").Substring(0, 40);
        var error = Assert.Throws<AwsJsonException>(() => ReadPage(json));
        Assert.StartsWith("$.items[1]", error.Path);
    }

    [Fact]
    public void Number_where_string_expected_names_the_path()
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run("") + "," + Run("").Replace("\"projectId\":\"p\"", "\"projectId\":12345") + "]}"));
        Assert.Equal("$.items[1].projectId", error.Path);
        Assert.Contains("number", error.Problem);
    }

    [Fact]
    public void String_where_number_expected_names_the_path()
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":[" + Run(",\"runStatisticsForAssets\":{\"added\":\"many\"}") + "]}"));
        Assert.Equal("$.items[0].runStatisticsForAssets.added", error.Path);
    }

    [Fact]
    public void Object_where_list_expected_names_the_path()
    {
        var error = Assert.Throws<AwsJsonException>(() => ReadPage("{\"items\":{}}"));
        Assert.Equal("$.items", error.Path);
    }

    [Fact]
    public void Empty_body_reads_as_empty_object()
    {
        var error = Assert.Throws<AwsJsonException>(() => AwsJson.ReadBody(ReadOnlyMemory<byte>.Empty, ListDataSourceRunsResponse.ReadJson));
        Assert.Equal("$.items", error.Path);

        // A shape with no required members reads fine from an empty body.
        var stats = AwsJson.ReadBody(ReadOnlyMemory<byte>.Empty, RunStatisticsForAssets.ReadJson);
        Assert.Equal(new RunStatisticsForAssets(), stats);
    }

    [Fact]
    public void Writer_uses_wire_names_and_iso8601()
    {
        var run = new DataSourceRunSummary
        {
            Id = "r1",
            DataSourceId = "ds",
            Type = DataSourceRunType.Prioritized,
            Status = DataSourceRunStatus.PartiallySucceeded,
            ProjectId = "p",
            RunStatisticsForAssets = new RunStatisticsForAssets { Added = 1, Failed = 2 },
            ErrorMessage = new DataSourceErrorMessage { ErrorType = DataSourceErrorType.ThrottlingException, ErrorDetail = "slow" },
            CreatedAt = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 3, 4, 7, 6, 7, TimeSpan.FromHours(2)),
            LineageSummary = new DataSourceRunLineageSummary { ImportStatus = LineageImportStatus.InProgress },
        };

        var json = Write(run, ResponseWriters.WriteRun);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal(
            new[] { "id", "dataSourceId", "type", "status", "projectId", "runStatisticsForAssets", "errorMessage", "createdAt", "updatedAt", "lineageSummary" },
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("PRIORITIZED", root.GetProperty("type").GetString());
        Assert.Equal("PARTIALLY_SUCCEEDED", root.GetProperty("status").GetString());
        Assert.Equal(new[] { "added", "failed" }, root.GetProperty("runStatisticsForAssets").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("THROTTLING_EXCEPTION", root.GetProperty("errorMessage").GetProperty("errorType").GetString());
        Assert.Equal("IN_PROGRESS", root.GetProperty("lineageSummary").GetProperty("importStatus").GetString());

        var created = root.GetProperty("createdAt").GetString()!;
        var updated = root.GetProperty("updatedAt").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", created);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", updated);
        Assert.StartsWith("2026-03-04T05:06:07.89", created);
        Assert.StartsWith("2026-03-04T05:06:07", updated); // written in UTC
        Assert.Equal(run, ReadRun(json));
    }

    [Fact]
    public void Response_writer_leaves_out_absent_token()
    {
        var json = Write(new ListDataSourceRunsResponse { Items = Array.Empty<DataSourceRunSummary>() }, ResponseWriters.WritePage);
        Assert.Equal("{\"items\":[]}", json);
    }
}
