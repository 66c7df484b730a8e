using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using DataZone.Gen.Emulator;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>The reproduction: a --max-items loop against a server whose every other page is empty but carries a token.</summary>
public sealed class EmptyPageResumeTests
{
    [Fact]
    public async Task A_max_items_loop_over_empty_pages_prints_every_run_once()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 400, Faults = { EmptyPageEvery = 2 } });
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = emulator.Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = emulator.Credentials.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = emulator.Credentials.SessionToken,
            ["AWS_REGION"] = "us-east-1",
        };

        var results = await CliRunner.RunToEndAsync(environment, "list-runs", "--endpoint", emulator.Endpoint.ToString(),
            "--domain", emulator.DomainId, "--data-source", emulator.DataSourceId, "--output", "json", "--page-size", "50", "--max-items", "33");

        var ids = results.SelectMany(r => r.StdoutLines).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        Assert.Contains(emulator.Requests, r => r.Fault == EmulatorFault.EmptyPage);
    }
}
