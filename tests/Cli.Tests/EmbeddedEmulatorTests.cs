using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>With nothing configured the tool lists from its embedded emulator: the README's first command.</summary>
public sealed class EmbeddedEmulatorTests : IClassFixture<ReferenceEmulator>
{
    private static readonly HashSet<string> WireNames = new(StringComparer.Ordinal)
    {
        "id", "dataSourceId", "type", "status", "projectId", "runStatisticsForAssets", "errorMessage",
        "createdAt", "updatedAt", "startedAt", "stoppedAt", "lineageSummary",
    };

    private readonly ReferenceEmulator _reference;

    public EmbeddedEmulatorTests(ReferenceEmulator reference) => _reference = reference;

    private IReadOnlyList<EmulatedRun> ExpectedRuns => _reference.Emulator.Runs;

    [Fact]
    public async Task Default_run_prints_every_demo_run_in_a_table_with_a_summary()
    {
        var result = await CliRunner.RunAsync("list-runs");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("embedded DataZone emulator", result.Stderr);
        Assert.Contains("dzd_demo01", result.Stderr);
        Assert.Equal(120, ExpectedRuns.Count);
        var rows = result.StdoutLines.Where(line => line.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList(); // skip the header row
        Assert.Equal(ExpectedRuns.Select(r => r.Id), rows.Select(row => row.Split('|')[1].Trim()));

        var summary = result.StdoutLines[^1];
        Assert.StartsWith("120 runs: ", summary);
        foreach (var group in ExpectedRuns.GroupBy(r => r.Status))
        {
            Assert.Contains($"{group.Count()} {group.Key}", summary);
        }

        Assert.Null(result.NextToken);
    }

    [Fact]
    public async Task A_fips_preference_in_the_environment_does_not_block_the_embedded_emulator()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["AWS_USE_FIPS_ENDPOINT"] = "true" }, "list-runs", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("embedded DataZone emulator", result.Stderr);
        Assert.Equal(ExpectedRuns.Count, result.StdoutLines.Count(line => line.StartsWith('{')));
    }

    [Fact]
    public async Task Output_to_a_non_terminal_has_no_escape_codes_and_no_progress_line()
    {
        var result = await CliRunner.RunAsync("list-runs", "--status", "FAILED");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stderr);
        Assert.DoesNotContain("Listing:", result.Stderr);
        Assert.All(result.StdoutLines, line => Assert.False(line.Any(IsBoxDrawing), line));
    }

    [Fact]
    public async Task Json_output_is_one_object_per_line_with_wire_names_and_utc_timestamps()
    {
        var result = await CliRunner.RunAsync("list-runs", "--output", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.Equal(ExpectedRuns.Count, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var expected = ExpectedRuns[i];
            using var document = JsonDocument.Parse(lines[i]);
            var run = document.RootElement;
            Assert.All(run.EnumerateObject(), property => Assert.Contains(property.Name, WireNames));
            Assert.Equal(expected.Id, run.GetProperty("id").GetString());
            Assert.Equal(expected.Status, run.GetProperty("status").GetString());
            Assert.Equal(expected.Type, run.GetProperty("type").GetString());
            Assert.Equal(expected.DataSourceId, run.GetProperty("dataSourceId").GetString());
            AssertUtcTimestamp(expected.CreatedAt, run.GetProperty("createdAt"));
            AssertUtcTimestamp(expected.UpdatedAt, run.GetProperty("updatedAt"));
            Assert.Equal(expected.StartedAt is not null, run.TryGetProperty("startedAt", out var startedAt));
            if (expected.StartedAt is { } started)
            {
                AssertUtcTimestamp(started, startedAt);
            }

            Assert.Equal(expected.ErrorMessage is not null, run.TryGetProperty("errorMessage", out var error));
            if (expected.ErrorMessage is { } expectedError)
            {
                Assert.Equal(expectedError.ErrorType, error.GetProperty("errorType").GetString());
                Assert.Equal(expectedError.ErrorDetail, error.TryGetProperty("errorDetail", out var detail) ? detail.GetString() : null);
            }

            if (expected.RunStatisticsForAssets is { Added: { } added })
            {
                Assert.Equal(added, run.GetProperty("runStatisticsForAssets").GetProperty("added").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Csv_output_quotes_fields_as_rfc_4180_requires()
    {
        var result = await CliRunner.RunAsync("list-runs", "--output", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var records = Csv.Parse(result.Stdout);
        var header = records[0];
        Assert.Equal("id", header[0]);
        Assert.Equal(ExpectedRuns.Count, records.Count - 1);
        int id = header.IndexOf("id"), status = header.IndexOf("status"), created = header.IndexOf("createdAt");
        int errorType = header.IndexOf("errorMessage.errorType"), errorDetail = header.IndexOf("errorMessage.errorDetail");
        Assert.All(new[] { id, status, created, errorType, errorDetail }, index => Assert.True(index >= 0));

        var awkward = 0;
        for (var i = 0; i < ExpectedRuns.Count; i++)
        {
            var expected = ExpectedRuns[i];
            var record = records[i + 1];
            Assert.Equal(header.Count, record.Count);
            Assert.Equal(expected.Id, record[id]);
            Assert.Equal(expected.Status, record[status]);
            Assert.Equal(expected.CreatedAt, DateTimeOffset.Parse(record[created], CultureInfo.InvariantCulture));
            Assert.Equal(expected.ErrorMessage?.ErrorType ?? "", record[errorType]);
            Assert.Equal(expected.ErrorMessage?.ErrorDetail ?? "", record[errorDetail]);
            if (expected.ErrorMessage?.ErrorDetail is { } detail && detail.IndexOfAny(new[] { '"', ',', '\n', '\r' }) >= 0)
            {
                awkward++;
            }
        }

        Assert.True(awkward > 0, "the demo data should hold error details with quotes, commas or line breaks");
    }

    [Fact]
    public async Task Status_filter_lists_only_runs_in_that_status()
    {
        var result = await CliRunner.RunAsync("list-runs", "--status", "failed", "--output", "json", "--page-size", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        var ids = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).Select(run =>
        {
            Assert.Equal("FAILED", run.GetProperty("status").GetString());
            return run.GetProperty("id").GetString()!;
        }).ToList();
        var expected = _reference.Emulator.DataSource.RunsWithStatus("FAILED").Select(r => r.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Theory]
    [InlineData(37, "10")] // cuts mid-page: the token carries a truncate amount
    [InlineData(50, null)] // stops on a page boundary of the default page size
    [InlineData(13, "50")]
    public async Task Max_items_prints_a_next_token_that_continues_exactly_across_invocations(int maxItems, string? pageSize)
    {
        var args = new List<string> { "list-runs", "--output", "json", "--max-items", maxItems.ToString(CultureInfo.InvariantCulture) };
        if (pageSize is not null)
        {
            args.AddRange(new[] { "--page-size", pageSize });
        }

        // Each invocation starts its own embedded emulator: the token outlives the process that printed it.
        var results = await CliRunner.RunToEndAsync(CliRunner.EmptyEnvironment(), args.ToArray());

        Assert.All(results.Take(results.Count - 1), r => Assert.Equal(maxItems, r.StdoutLines.Length));
        var ids = results.SelectMany(r => r.StdoutLines).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(ExpectedRuns.Select(r => r.Id), ids); // nothing lost, nothing repeated, same order
        Assert.Equal((ExpectedRuns.Count + maxItems - 1) / maxItems, results.Count);
    }

    [Fact]
    public async Task Max_items_with_the_table_says_more_runs_remain()
    {
        var result = await CliRunner.RunAsync("list-runs", "--max-items", "5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(result.NextToken);
        Assert.StartsWith("5 runs", result.StdoutLines[^1]);
        Assert.Contains("--starting-token", result.StdoutLines[^1]);
    }

    [Fact]
    public async Task Unknown_data_source_is_a_service_error_with_code_and_request_id()
    {
        var result = await CliRunner.RunAsync("list-runs", "--data-source", "no-such-source");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ResourceNotFoundException", result.Stderr);
        Assert.Matches(@"request id: [0-9a-f]{8}-[0-9a-f]{4}-", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_starting_token_that_is_not_a_resume_token_fails_clearly()
    {
        var result = await CliRunner.RunAsync("list-runs", "--starting-token", "not-a-token");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--starting-token", result.Stderr);
    }

    [Fact]
    public async Task A_forged_service_token_is_refused_by_the_service()
    {
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"nextToken\": \"Zm9yZ2VkK3Rva2VuLw==\"}"));

        var result = await CliRunner.RunAsync("list-runs", "--starting-token", forged);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ValidationException", result.Stderr);
        Assert.Contains("request id:", result.Stderr);
    }

    [Fact]
    public async Task Cancellation_ends_with_exit_code_130()
    {
        using var stdout = new System.IO.StringWriter();
        using var stderr = new System.IO.StringWriter();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var exitCode = await DataSourceRuns.Cli.RunAsync(new[] { "list-runs" }, stdout, stderr, CliRunner.EmptyEnvironment(), cancelled.Token);

        Assert.Equal(DataSourceRuns.Cli.ExitCancelled, exitCode);
    }

    private static void AssertUtcTimestamp(DateTimeOffset expected, JsonElement actual)
    {
        var text = actual.GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", text);
        Assert.Equal(expected, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
    }

    private static bool IsBoxDrawing(char c) => c is >= '\u2500' and <= '\u257F';
}
