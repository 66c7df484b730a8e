using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>GetDataSourceRun and StartDataSourceRun over the curated runs of the full model.</summary>
public sealed class DataSourceRunTests : IClassFixture<FullDataZoneEmulator>
{
    private readonly DataZoneEmulator _emulator;

    public DataSourceRunTests(FullDataZoneEmulator fixture) => _emulator = fixture.Emulator;

    [Fact]
    public async Task A_listed_run_is_described_by_get_with_its_domain()
    {
        var run = _emulator.Runs[3];

        using var reply = await new WireClient(_emulator).CallAsync(
            "GetDataSourceRun", new JsonObject { ["domainIdentifier"] = _emulator.DomainId, ["identifier"] = run.Id });

        Assert.True(reply.Status == 200, reply.Body);
        var body = reply.Json.RootElement;
        Assert.Equal(_emulator.DomainId, body.GetProperty("domainId").GetString());
        Assert.Equal(run.Id, body.GetProperty("id").GetString());
        Assert.Equal(run.Status, body.GetProperty("status").GetString());
        Assert.Equal(run.DataSourceId, body.GetProperty("dataSourceId").GetString());
    }

    [Fact]
    public async Task A_started_run_is_requested_and_found_by_get_but_not_listed()
    {
        var client = new WireClient(_emulator);

        using var started = await client.CallAsync(
            "StartDataSourceRun", new JsonObject { ["domainIdentifier"] = _emulator.DomainId, ["dataSourceIdentifier"] = _emulator.DataSourceId });
        Assert.True(started.Status == 200, started.Body);
        var id = started.Json.RootElement.GetProperty("id").GetString()!;
        using var got = await client.CallAsync("GetDataSourceRun", new JsonObject { ["domainIdentifier"] = _emulator.DomainId, ["identifier"] = id });

        Assert.Equal("REQUESTED", started.Json.RootElement.GetProperty("status").GetString());
        Assert.Equal(_emulator.DataSourceId, started.Json.RootElement.GetProperty("dataSourceId").GetString());
        Assert.True(got.Status == 200, got.Body);
        Assert.Equal(started.Json.RootElement.GetRawText(), got.Json.RootElement.GetRawText());
        Assert.DoesNotContain(_emulator.Runs, r => r.Id == id);
    }

    [Theory]
    [InlineData("GetDataSourceRun", "identifier", "no-such-run", "Data source run no-such-run not found in domain")]
    [InlineData("StartDataSourceRun", "dataSourceIdentifier", "no-such-source", "Data source no-such-source not found in domain")]
    public async Task Unknown_ids_are_ResourceNotFoundException(string operation, string member, string id, string message)
    {
        using var reply = await new WireClient(_emulator).CallAsync(
            operation, new JsonObject { ["domainIdentifier"] = _emulator.DomainId, [member] = id });

        Assert.Equal((404, "ResourceNotFoundException"), (reply.Status, reply.ErrorType));
        Assert.Contains(message, reply.Message);
    }

    [Fact]
    public async Task An_unknown_domain_is_ResourceNotFoundException()
    {
        using var reply = await new WireClient(_emulator).CallAsync(
            "GetDataSourceRun", new JsonObject { ["domainIdentifier"] = "dzd_other1", ["identifier"] = _emulator.Runs.First().Id });

        Assert.Equal((404, "ResourceNotFoundException"), (reply.Status, reply.ErrorType));
        Assert.Equal("Domain dzd_other1 not found.", reply.Message);
    }
}
