using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using DataZone.Gen.Emulator.Protocol;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// The curated runs beyond listing: <c>GetDataSourceRun</c> describes a run of a data source the emulator serves, and
/// <c>StartDataSourceRun</c> starts one there, so a client that lists runs can look one up or start another and get the
/// service's typed errors for ids it does not know. Started runs are kept apart from the seeded list (which stays the
/// deterministic sequence <c>ListDataSourceRuns</c> pages through and the tests compare with) and only Get sees them.
/// </summary>
internal sealed class DataSourceRunStore
{
    private readonly IReadOnlyList<EmulatedDataSource> _dataSources;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, (string DomainId, EmulatedRun Run)> _started = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<(string Domain, string Run), EmulatedRun>> _seeded;
    private long _startedCount;

    public DataSourceRunStore(IReadOnlyList<EmulatedDataSource> dataSources, TimeProvider clock)
    {
        _dataSources = dataSources;
        _clock = clock;
        // Generated runs are computed from their index; an index by id is built once, on the first Get.
        _seeded = new Lazy<Dictionary<(string, string), EmulatedRun>>(
            () =>
            {
                var index = new Dictionary<(string, string), EmulatedRun>();
                foreach (var source in _dataSources)
                {
                    foreach (var run in source.Runs)
                    {
                        index.TryAdd((source.DomainId, run.Id), run);
                    }
                }

                return index;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool HasDomain(string domainId) => _dataSources.Any(s => s.DomainId == domainId);

    public EmulatedDataSource? DataSource(string domainId, string dataSourceId) =>
        _dataSources.FirstOrDefault(s => s.DomainId == domainId && s.DataSourceId == dataSourceId);

    public EmulatedRun? Find(string domainId, string runId) =>
        _started.TryGetValue(runId, out var started) && started.DomainId == domainId ? started.Run
        : _seeded.Value.TryGetValue((domainId, runId), out var seeded) ? seeded
        : null;

    /// <summary>A new run of <paramref name="source"/>, requested now, as the service answers a start.</summary>
    public EmulatedRun Start(EmulatedDataSource source)
    {
        var number = Interlocked.Increment(ref _startedCount);
        var now = _clock.GetUtcNow();
        now = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerMillisecond));
        var run = new EmulatedRun
        {
            // A hyphen never appears in a seeded id, so a started one cannot collide with it.
            Id = "started-" + number.ToString("D6", CultureInfo.InvariantCulture),
            DataSourceId = source.DataSourceId,
            Type = "PRIORITIZED",
            Status = "REQUESTED",
            ProjectId = source.Runs.Count > 0 ? source.Runs[0].ProjectId : "prj_" + source.DataSourceId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        _started[run.Id] = (source.DomainId, run);
        return run;
    }
}

/// <summary><c>GetDataSourceRun</c> over the curated runs: the run, or <c>ResourceNotFoundException</c>.</summary>
internal sealed class GetDataSourceRunHandler(DataSourceRunStore store) : IOperationHandler
{
    public const string Name = "GetDataSourceRun";

    public string OperationName => Name;

    public async Task HandleAsync(RequestContext context, BoundRequest request)
    {
        var domainId = request.GetString("domainIdentifier")!;
        var runId = request.GetString("identifier")!;
        if (!store.HasDomain(domainId))
        {
            await context.WriteModeledErrorAsync("ResourceNotFoundException", $"Domain {domainId} not found.").ConfigureAwait(false);
            return;
        }

        if (store.Find(domainId, runId) is not { } run)
        {
            await context.WriteModeledErrorAsync("ResourceNotFoundException", $"Data source run {runId} not found in domain {domainId}.").ConfigureAwait(false);
            return;
        }

        await RunReply.WriteAsync(context, request, domainId, run).ConfigureAwait(false);
    }
}

/// <summary><c>StartDataSourceRun</c> on a curated data source: a new REQUESTED run, or <c>ResourceNotFoundException</c>.</summary>
internal sealed class StartDataSourceRunHandler(DataSourceRunStore store) : IOperationHandler
{
    public const string Name = "StartDataSourceRun";

    public string OperationName => Name;

    public async Task HandleAsync(RequestContext context, BoundRequest request)
    {
        var domainId = request.GetString("domainIdentifier")!;
        var dataSourceId = request.GetString("dataSourceIdentifier")!;
        if (store.DataSource(domainId, dataSourceId) is not { } source)
        {
            var message = store.HasDomain(domainId) ? $"Data source {dataSourceId} not found in domain {domainId}." : $"Domain {domainId} not found.";
            await context.WriteModeledErrorAsync("ResourceNotFoundException", message).ConfigureAwait(false);
            return;
        }

        await RunReply.WriteAsync(context, request, domainId, store.Start(source)).ConfigureAwait(false);
    }
}

/// <summary>The body both operations answer with: the run's summary members plus its <c>domainId</c>.</summary>
internal static class RunReply
{
    public static async Task WriteAsync(RequestContext context, BoundRequest request, string domainId, EmulatedRun run)
    {
        var response = context.Http.Response;
        response.StatusCode = request.Operation.ResponseCode;
        response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, RunJson.WriterOptions))
        {
            RunJson.Write(writer, run, domainId);
        }

        await response.BodyWriter.FlushAsync(context.Http.RequestAborted).ConfigureAwait(false);
    }
}
