using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;
using Xunit;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>Transport faults, error-shape variants and credentials variants, end to end.</summary>
public sealed class EmulatorFaultTests
{
    private static DataZoneClient Client(DataZoneEmulator emulator, int maxAttempts = 5) => new(new AwsClientOptions
    {
        Region = "eu-west-1", // any region signs fine against the emulator
        Endpoint = emulator.Endpoint,
        Credentials = new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken),
        Retry = new AwsRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5), UseRetryQuota = false },
    });

    private static ListDataSourceRunsRequest Request(DataZoneEmulator emulator) =>
        new() { DomainIdentifier = emulator.DomainId, DataSourceIdentifier = emulator.DataSourceId };

    private static async Task<List<string>> IdsAsync(DataZoneClient client, DataZoneEmulator emulator, int pageSize)
    {
        var ids = new List<string>();
        await foreach (var run in new DataSourceRunsPaginator(client).GetItemsAsync(Request(emulator), new PaginationOptions { PageSize = pageSize }))
        {
            ids.Add(run.Id);
        }

        return ids;
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 40, Faults = { DropConnectionEvery = 3 } });

        var ids = await IdsAsync(Client(emulator), emulator, pageSize: 6);

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        Assert.Contains(emulator.Requests, r => r.StatusCode == 0);
    }

    [Fact]
    public async Task Server_errors_are_retried()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 60, Faults = { ServerErrorRate = 0.3, ServerErrorSeed = 7 } });

        var ids = await IdsAsync(Client(emulator, maxAttempts: 10), emulator, pageSize: 5);

        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
        Assert.Contains(emulator.Requests, r => r.StatusCode is 500 or 503);
    }

    [Fact]
    public async Task Persistent_server_error_surfaces_typed_exception()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 5, Faults = { ServerErrorRate = 1.0 } });

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => Client(emulator, maxAttempts: 2).ListDataSourceRunsAsync(Request(emulator)));

        Assert.True(error.StatusCode is 500 or 503);
        if (error.StatusCode == 500)
        {
            Assert.IsType<InternalServerException>(error);
        }

        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task Namespaced_error_type_still_maps_to_the_generated_exception()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 5, ErrorTypeWithNamespace = true });

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() =>
            Client(emulator).ListDataSourceRunsAsync(Request(emulator) with { DataSourceIdentifier = "missing" }));
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);

        await Assert.ThrowsAsync<ValidationException>(() =>
            Client(emulator).ListDataSourceRunsAsync(Request(emulator) with { NextToken = "forged" }));
    }

    [Fact]
    public async Task Session_token_credentials_sign()
    {
        var credentials = new EmulatorCredentials("ASIAEMULATORSESSION", "session/secret/KEY", "FwoGZXIvYXdzEXAMPLE+token/==");
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 12, Credentials = credentials });

        var ids = await IdsAsync(Client(emulator), emulator, pageSize: 5);
        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);

        var withoutToken = new DataZoneClient(new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(credentials.AccessKeyId, credentials.SecretAccessKey),
        });
        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => withoutToken.ListDataSourceRunsAsync(Request(emulator)));
        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task Additional_data_source_is_listed_separately()
    {
        var options = new EmulatorOptions { Port = 0, RunCount = 25 };
        options.AdditionalDataSourceIds.Add("second-source");
        await using var emulator = await DataZoneEmulator.StartAsync(options);
        var second = emulator.FindDataSource(emulator.DomainId, "second-source");
        Assert.NotNull(second);

        var client = Client(emulator);
        var ids = new List<string>();
        await foreach (var run in new DataSourceRunsPaginator(client).GetItemsAsync(Request(emulator) with { DataSourceIdentifier = "second-source" }, new PaginationOptions { PageSize = 4 }))
        {
            Assert.Equal("second-source", run.DataSourceId);
            ids.Add(run.Id);
        }

        Assert.Equal(second!.Runs.Select(r => r.Id), ids);

        // A token of one data source is refused by another.
        var page = await client.ListDataSourceRunsAsync(Request(emulator) with { MaxResults = 3 });
        await Assert.ThrowsAsync<ValidationException>(() =>
            client.ListDataSourceRunsAsync(Request(emulator) with { DataSourceIdentifier = "second-source", NextToken = page.NextToken }));
    }

    [Fact]
    public async Task Cancelled_enumeration_stops_without_further_requests()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 100 });
        var paginator = new DataSourceRunsPaginator(Client(emulator));
        using var cts = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var run in paginator.GetItemsAsync(Request(emulator), new PaginationOptions { PageSize = 10 }, cts.Token))
            {
                if (++seen == 15)
                {
                    cts.Cancel();
                }
            }
        });

        Assert.Equal(15, seen);
        Assert.Equal(2, emulator.Requests.Count);
    }

    [Fact]
    public async Task Already_cancelled_call_sends_nothing()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 5 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Client(emulator).ListDataSourceRunsAsync(Request(emulator), new CancellationToken(canceled: true)));

        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Large_listing_streams_every_run()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 5_000 });

        var ids = await IdsAsync(Client(emulator), emulator, pageSize: 50);

        Assert.Equal(5_000, ids.Count);
        Assert.Equal(5_000, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(emulator.Runs.Select(r => r.Id), ids);
    }
    private static string ModelPath() => System.IO.Path.Combine(AppContext.BaseDirectory, "Models", "service-2.json");

    [Fact]
    public async Task Unknown_enum_values_from_the_service_arrive_intact()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dzgen-e2e-" + Guid.NewGuid().ToString("N") + ".json");
        System.IO.File.WriteAllText(file, """
            { "domainId": "dzd_mydomain", "dataSourceId": "my-source",
              "items": [
                { "id": "r1", "type": "ON_DEMAND", "status": "PAUSED", "projectId": "p1",
                  "createdAt": "2026-01-02T00:00:00Z", "updatedAt": "2026-01-02T00:05:00.250Z",
                  "lineageSummary": { "importStatus": "QUEUED" } },
                { "id": "r2", "type": "SCHEDULED", "status": "SUCCESS", "projectId": "p1",
                  "createdAt": 1767225600, "updatedAt": 1767225600.5 }
              ] }
            """);
        // The service is newer than the client: its model has enum values the generated code has never seen.
        var model = System.IO.Path.ChangeExtension(file, ".model.json");
        var root = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(ModelPath()))!;
        root["shapes"]!["DataSourceRunStatus"]!["enum"]!.AsArray().Add("PAUSED");
        root["shapes"]!["DataSourceRunType"]!["enum"]!.AsArray().Add("ON_DEMAND");
        root["shapes"]!["LineageImportStatus"]!["enum"]!.AsArray().Add("QUEUED");
        System.IO.File.WriteAllText(model, root.ToJsonString());
        try
        {
            await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, DataFile = file, ModelPath = model });
            var runs = new List<DataSourceRunSummary>();
            await foreach (var run in new DataSourceRunsPaginator(Client(emulator)).GetItemsAsync(
                new ListDataSourceRunsRequest { DomainIdentifier = "dzd_mydomain", DataSourceIdentifier = "my-source" }, new PaginationOptions { PageSize = 1 }))
            {
                runs.Add(run);
            }

            Assert.Equal(new[] { "r1", "r2" }, runs.Select(r => r.Id));
            Assert.False(runs[0].Status.IsKnown);
            Assert.Equal("PAUSED", runs[0].Status.ToString());
            Assert.False(runs[0].Type.IsKnown);
            Assert.Equal("QUEUED", runs[0].LineageSummary?.ImportStatus?.Value);
            Assert.Equal(new DateTimeOffset(2026, 1, 2, 0, 5, 0, 250, TimeSpan.Zero), runs[0].UpdatedAt);
            Assert.True(runs[1].Status.IsKnown);
            Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1767225600500), runs[1].UpdatedAt);
        }
        finally
        {
            System.IO.File.Delete(file);
            System.IO.File.Delete(model);
        }
    }

    [Fact]
    public async Task Unknown_status_filter_is_refused_by_the_service_not_the_client()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, RunCount = 5 });

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            Client(emulator).ListDataSourceRunsAsync(Request(emulator) with { Status = new DataSourceRunStatus("PAUSED") }));

        Assert.Equal(400, error.StatusCode);
        Assert.Single(emulator.Requests); // sent: enums stay open on the client, as in the AWS SDKs
    }
}
