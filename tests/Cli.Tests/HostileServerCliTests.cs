using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.EndToEnd.Tests.Hostile;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>The tool against a server that hangs, fails part-way or sends text meant to take over the terminal.</summary>
public sealed class HostileServerCliTests
{
    private const string Forged = "\u001b[2J\u001b[H\rNextToken: forged\nall good\u202eevil\u0085\u009b31m";

    private static Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDHOSTILE",
        ["AWS_SECRET_ACCESS_KEY"] = "hostile/secret/KEY",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_MAX_ATTEMPTS"] = "2",
    };

    private static string[] Args(HostileServer server, params string[] more) =>
        new[] { "list-runs", "--endpoint", server.Endpoint.ToString(), "--domain", "dzd_hostile", "--data-source", "ds" }.Concat(more).ToArray();

    private static string Run(string id, string detail = "fine") =>
        "{\"id\":" + JsonSerializer.Serialize(id) + ",\"dataSourceId\":\"ds\",\"type\":\"SCHEDULED\",\"status\":\"FAILED\",\"projectId\":\"p\","
        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
        + "\"errorMessage\":{\"errorType\":\"ACCESS_DENIED_EXCEPTION\",\"errorDetail\":" + JsonSerializer.Serialize(detail) + "}}";

    private static string Page(IEnumerable<string> runs, string? nextToken) =>
        "{\"items\":[" + string.Join(",", runs) + "]" + (nextToken is null ? "" : ",\"nextToken\":\"" + nextToken + "\"") + "}";

    private static void AssertNoControlCharacters(string text)
    {
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u202e', text);
        Assert.DoesNotContain('\u0085', text);
        Assert.DoesNotContain('\u009b', text);
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_after_the_read_timeout_of_each_attempt()
    {
        await using var server = new HostileServer(exchange => exchange.HangAsync());

        var result = await CliRunner.RunAsync(Environment(), Args(server, "--cli-read-timeout", "1"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("timed out (2 attempts)", result.Stderr);
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [InlineData("--cli-read-timeout", "-1")]
    [InlineData("--cli-connect-timeout", "soon")]
    public async Task A_bad_timeout_is_a_usage_error(string option, string value)
    {
        var result = await CliRunner.RunAsync(new[] { "list-runs", option, value });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains($"{option} must be a number of seconds", result.Stderr);
    }

    [Fact]
    public async Task Csv_to_a_terminal_escapes_line_breaks_too()
    {
        await using var server = new HostileServer(exchange => exchange.RespondAsync(200, Page(new[] { Run("r1", Forged) }, null)));
        using var stdout = new System.IO.StringWriter();
        using var stderr = new System.IO.StringWriter();
        var host = new DataSourceRuns.CliHost(stdout, stderr, Environment()) { OutIsTerminal = true };

        var exit = await DataSourceRuns.Cli.RunAsync(Args(server, "--output", "csv"), host);

        Assert.Equal(0, exit);
        var record = stdout.ToString().Split("\r\n")[1];
        AssertNoControlCharacters(record);
        Assert.DoesNotContain('\n', record);
        Assert.Contains("\\rNextToken: forged\\nall good", record);
    }

    [Fact]
    public async Task An_error_message_cannot_clear_the_screen_or_forge_lines()
    {
        await using var server = new HostileServer(exchange =>
            exchange.RespondAsync(400, "{\"message\":" + JsonSerializer.Serialize(Forged) + "}", "ValidationException"));

        var result = await CliRunner.RunAsync(Environment(), Args(server));

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertNoControlCharacters(result.Stderr);
        Assert.Contains("\\x1b[2J", result.Stderr);
        Assert.DoesNotContain("\nNextToken: forged", result.Stderr);
        Assert.Null(result.NextToken);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task Item_fields_cannot_reach_the_terminal_as_control_characters(string output)
    {
        await using var server = new HostileServer(exchange => exchange.RespondAsync(200, Page(new[] { Run("r1\u001b[31m", Forged) }, null)));

        var result = await CliRunner.RunAsync(Environment(), Args(server, "--output", output));

        Assert.True(result.ExitCode == 0, result.ToString());
        // Not a terminal here: CSV keeps line breaks inside its quoted fields as RFC 4180 has them, and nothing else.
        AssertNoControlCharacters(output == "csv" ? result.Stdout.Replace("\r", "", StringComparison.Ordinal) : result.Stdout);
        Assert.Contains("r1", result.Stdout);
        if (output == "json")
        {
            var detail = JsonDocument.Parse(result.StdoutLines.Single()).RootElement.GetProperty("errorMessage").GetProperty("errorDetail").GetString();
            Assert.Equal(Forged, detail); // escaped for the terminal, exact for a JSON reader
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("table")]
    public async Task A_listing_that_fails_part_way_prints_a_next_token_that_continues_without_gap_or_repeat(string output)
    {
        var failing = true;
        await using var server = new HostileServer(exchange =>
        {
            var second = exchange.Head.Contains("nextToken=page2", StringComparison.Ordinal);
            if (second && Volatile.Read(ref failing))
            {
                return exchange.RespondAsync(503, "{\"message\":\"down\"}", "ServiceUnavailableException");
            }

            return second
                ? exchange.RespondAsync(200, Page(new[] { Run("r4"), Run("r5") }, null))
                : exchange.RespondAsync(200, Page(new[] { Run("r1"), Run("r2"), Run("r3") }, "page2"));
        });

        var first = await CliRunner.RunAsync(Environment(), Args(server, "--output", output));
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.NotNull(first.NextToken);
        Assert.Contains("r3", first.Stdout);

        Volatile.Write(ref failing, false);
        var rest = await CliRunner.RunAsync(Environment(), Args(server, "--output", output, "--starting-token", first.NextToken!));

        Assert.True(rest.ExitCode == 0, rest.ToString());
        Assert.Null(rest.NextToken);
        var printed = first.Stdout + rest.Stdout;
        foreach (var id in new[] { "r1", "r2", "r3", "r4", "r5" })
        {
            Assert.Single(printed.Split('\n'), line => line.Contains(id + "\"", StringComparison.Ordinal) || line.Contains(" " + id + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Cancelling_part_way_prints_a_next_token_too()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = new HostileServer(async exchange =>
        {
            if (exchange.Head.Contains("nextToken=page2", StringComparison.Ordinal))
            {
                await cancel.CancelAsync(); // Ctrl+C while the second page is on its way
                await exchange.HangAsync();
                return;
            }

            await exchange.RespondAsync(200, Page(new[] { Run("r1"), Run("r2") }, "page2"));
        });

        using var stdout = new System.IO.StringWriter();
        using var stderr = new System.IO.StringWriter();
        var exit = await DataSourceRuns.Cli.RunAsync(Args(server, "--output", "json"), stdout, stderr, Environment(), cancel.Token);

        var result = new CliResult(exit, stdout.ToString(), stderr.ToString());
        Assert.True(exit == DataSourceRuns.Cli.ExitCancelled, result.ToString());
        Assert.Equal(2, result.StdoutLines.Length);
        Assert.NotNull(result.NextToken);
    }
}
