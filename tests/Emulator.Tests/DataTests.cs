using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using DataZone.Gen.Emulator.Model;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

public sealed class DataTests
{
    private const string Domain = EmulatorOptions.DemoDomainId;
    private const string Source = EmulatorOptions.DemoDataSourceId;

    [Fact]
    public async Task Error_details_with_odd_characters_round_trip_as_valid_json()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 300 });
        using var client = new SignedClient(emulator);
        var served = new Dictionary<string, string?>();
        string? token = null;
        do
        {
            using var reply = await client.ListRunsAsync(Domain, Source, nextToken: token);
            foreach (var item in reply.Items)
            {
                if (item.TryGetProperty("errorMessage", out var error))
                {
                    served[item.GetProperty("id").GetString()!] = error.TryGetProperty("errorDetail", out var d) ? d.GetString() : null;
                }
            }

            token = reply.NextToken;
        }
        while (token is not null);

        var expected = emulator.Runs.Where(r => r.ErrorMessage is not null).ToDictionary(r => r.Id, r => r.ErrorMessage!.ErrorDetail);
        Assert.Equal(expected, served);
        foreach (var detail in GeneratedRunList.ErrorDetails)
        {
            Assert.Contains(detail, served.Values);
        }

        Assert.Contains(served.Values, d => d is not null && d.Contains("„Tabelle\" \"", StringComparison.Ordinal) && d.Contains('\n'));
    }

    [Fact]
    public async Task Non_ascii_text_is_sent_as_utf8()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 300 });
        using var client = new SignedClient(emulator);

        var sawRawUmlaut = false;
        string? token = null;
        do
        {
            using var reply = await client.ListRunsAsync(Domain, Source, nextToken: token);
            sawRawUmlaut |= reply.Body.Contains("für", StringComparison.Ordinal);
            Assert.DoesNotContain("\n", reply.Body, StringComparison.Ordinal);
            token = reply.NextToken;
        }
        while (token is not null);

        Assert.True(sawRawUmlaut);
    }

    [Fact]
    public async Task Runs_load_from_a_file_in_wire_format()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-runs-{Guid.NewGuid():N}.json");
        var detail = "Zugriff verweigert: „Tabelle\" \"x\"\n… \\ \t 🚦 日本";
        var json = new StringBuilder();
        json.Append("{\"domainId\":\"dzd_filedomain\",\"dataSourceId\":\"file-source\",\"items\":[");
        json.Append("{\"id\":\"old\",\"type\":\"SCHEDULED\",\"status\":\"SUCCESS\",\"projectId\":\"p1\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:05:00Z\"},");
        json.Append("{\"id\":\"new\",\"type\":\"PRIORITIZED\",\"status\":\"FAILED\",\"projectId\":\"p1\",\"createdAt\":1767657600.5,\"errorMessage\":{\"errorType\":\"ACCESS_DENIED_EXCEPTION\",\"errorDetail\":");
        json.Append(JsonString(detail)).Append("}},");
        json.Append("{\"id\":\"tie-b\",\"type\":\"SCHEDULED\",\"status\":\"RUNNING\",\"projectId\":\"p1\",\"createdAt\":\"2026-01-02T00:00:00.250Z\",\"lineageSummary\":{\"importStatus\":\"IN_PROGRESS\"}},");
        json.Append("{\"id\":\"tie-a\",\"type\":\"SCHEDULED\",\"status\":\"REQUESTED\",\"projectId\":\"p1\",\"createdAt\":\"2026-01-02T00:00:00.250Z\",\"runStatisticsForAssets\":{\"added\":1,\"failed\":0}}");
        json.Append("]}");
        await File.WriteAllTextAsync(path, json.ToString());
        try
        {
            await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { DataFile = path });
            using var client = new SignedClient(emulator);

            (var ids, _, _) = await client.ListAllAsync("dzd_filedomain", "file-source", maxResults: 1);
            using var first = await client.ListRunsAsync("dzd_filedomain", "file-source");
            using var demo = await client.ListRunsAsync(Domain, Source);

            Assert.Equal(new[] { "new", "tie-a", "tie-b", "old" }, ids);
            var failed = first.Items[0];
            Assert.Equal(detail, failed.GetProperty("errorMessage").GetProperty("errorDetail").GetString());
            Assert.Equal("2026-01-06T00:00:00.500Z", failed.GetProperty("createdAt").GetString());
            Assert.Equal("file-source", failed.GetProperty("dataSourceId").GetString());
            Assert.Equal("2026-01-02T00:00:00.250Z", first.Items[1].GetProperty("createdAt").GetString());
            Assert.False(first.Items[1].TryGetProperty("startedAt", out _));
            Assert.Equal(404, demo.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_data_file_with_a_bad_item_names_it()
    {
        var json = Encoding.UTF8.GetBytes("[{\"id\":\"a\",\"status\":\"SUCCESS\",\"createdAt\":\"2026-01-01T00:00:00Z\"},{\"id\":\"b\",\"status\":\"SUCCESS\"}]");

        var error = Assert.Throws<InvalidDataException>(() => RunFile.Parse(json, Domain, Source, "runs.json"));

        Assert.Contains("runs.json: items[1]: 'createdAt' is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_file_with_a_status_outside_the_model_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"emulator-runs-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "[{\"id\":\"a\",\"status\":\"DONE\",\"createdAt\":\"2026-01-01T00:00:00Z\"}]");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => DataZoneEmulator.StartAsync(new EmulatorOptions { DataFile = path }));
            Assert.Contains("status 'DONE'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Generated_runs_are_deterministic()
    {
        var vocabulary = RunVocabulary.From(ServiceModel.Embedded);
        DateTimeOffset newest = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);
        var a = new GeneratedRunList(1, 500, Domain, Source, newest, vocabulary);
        var b = new GeneratedRunList(1, 500, Domain, Source, newest, vocabulary);
        var c = new GeneratedRunList(2, 500, Domain, Source, newest, vocabulary);

        Assert.Equal(a.ToList(), b.ToList());
        Assert.NotEqual(a.Select(r => r.Id), c.Select(r => r.Id));
        Assert.Equal(500, a.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void A_million_runs_are_computed_on_demand_in_listing_order()
    {
        var vocabulary = RunVocabulary.From(ServiceModel.Embedded);
        var runs = new GeneratedRunList(1, 1_000_000, Domain, Source, new DateTimeOffset(2026, 11, 1, 9, 30, 0, TimeSpan.Zero), vocabulary);

        EmulatedRun? previous = null;
        foreach (var index in Enumerable.Range(0, 2_000).Concat(Enumerable.Range(499_000, 2_000)).Concat(Enumerable.Range(998_000, 2_000)))
        {
            var run = runs[index];
            Assert.Equal(run.Status, runs.StatusAt(index));
            if (previous is not null && index > 0 && runs[index - 1] == previous)
            {
                Assert.True(MaterializedRunList.ListingOrder(previous, run) < 0, $"run {index} out of order");
            }

            previous = run;
        }

        Assert.True(runs[999_999].CreatedAt > new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-200));
    }

    [Fact]
    public async Task An_emulator_with_a_million_runs_serves_its_first_pages()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 1_000_000 });
        using var client = new SignedClient(emulator);

        using var first = await client.ListRunsAsync(Domain, Source);
        using var second = await client.ListRunsAsync(Domain, Source, nextToken: first.NextToken);
        using var filtered = await client.ListRunsAsync(Domain, Source, status: "REQUESTED", maxResults: 10);

        Assert.Equal(1_000_000, emulator.Runs.Count);
        Assert.Equal(emulator.Runs.Skip(50).Take(50).Select(r => r.Id), second.Ids);
        Assert.Equal(emulator.DataSource.RunsWithStatus("REQUESTED").Take(10).Select(r => r.Id), filtered.Ids);
    }

    private static string JsonString(string value)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, RunJson.WriterOptions))
        {
            writer.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
