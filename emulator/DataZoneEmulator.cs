using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Paging;
using DataZone.Gen.Emulator.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataZone.Gen.Emulator;

/// <summary>
/// A local Amazon DataZone endpoint on loopback, serving the operations of the service model it was given
/// (so far <c>ListDataSourceRuns</c>) over real HTTP, with SigV4 verification, seeded data and fault injection.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 200 });
/// // emulator.Endpoint: http://127.0.0.1:{free port}/ ; sign with emulator.Credentials, any region.
/// // emulator.Runs: the 200 runs, newest first ; emulator.Requests: what it received.
/// </code>
/// </example>
public sealed class DataZoneEmulator : IAsyncDisposable, IDisposable
{
    /// <summary>A region to sign with; the emulator accepts any.</summary>
    public const string DefaultRegion = "us-east-1";

    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private int _stopped;

    private DataZoneEmulator(
        WebApplication app,
        Uri endpoint,
        EmulatorOptions options,
        ServiceModel model,
        IReadOnlyList<EmulatedDataSource> dataSources,
        RequestLog log)
    {
        _app = app;
        _log = log;
        Endpoint = endpoint;
        Options = options;
        Model = model;
        DataSources = dataSources;
    }

    /// <summary>The base address, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The port listened on (the free one picked when <see cref="EmulatorOptions.Port"/> was 0).</summary>
    public int Port => Endpoint.Port;

    /// <summary>The options the emulator started with.</summary>
    public EmulatorOptions Options { get; }

    /// <summary>The fault injection in force; change it at any time, it applies from the next request.</summary>
    public FaultOptions Faults => Options.Faults;

    /// <summary>The credentials requests must be signed with (any region, service <c>datazone</c>).</summary>
    public EmulatorCredentials Credentials => Options.Credentials;

    /// <summary>The service model served.</summary>
    public ServiceModel Model { get; }

    /// <summary>Every data source served; the first is the primary one.</summary>
    public IReadOnlyList<EmulatedDataSource> DataSources { get; }

    /// <summary>The primary data source (<see cref="EmulatorOptions.DomainId"/>/<see cref="EmulatorOptions.DataSourceId"/>, or the data file's).</summary>
    public EmulatedDataSource DataSource => DataSources[0];

    /// <summary>The domain of the primary data source.</summary>
    public string DomainId => DataSource.DomainId;

    /// <summary>The id of the primary data source.</summary>
    public string DataSourceId => DataSource.DataSourceId;

    /// <summary>The primary data source's runs in listing order (newest first): what a full unfiltered listing returns.</summary>
    public IReadOnlyList<EmulatedRun> Runs => DataSource.Runs;

    /// <summary>The requests received so far, oldest first (at most <see cref="EmulatorOptions.RequestLogCapacity"/>).</summary>
    public IReadOnlyList<RequestLogEntry> Requests => _log.Snapshot();

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    /// <param name="options">The options; null for the defaults (free port, 50 demo runs, signatures checked).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="InvalidDataException">The data file or model cannot be read.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<DataZoneEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        options.Validate();
        var model = options.ModelPath is null ? ServiceModel.Embedded : ServiceModel.Load(options.ModelPath);
        var log = new RequestLog(options.RequestLogCapacity);
        var tokens = new PageTokenCodec(options.TokenSecret);
        IReadOnlyList<EmulatedDataSource> dataSources = [];
        var handlers = new List<IOperationHandler>();
        // ListDataSourceRuns keeps its curated demo runs; every other operation is synthesized from the model.
        if (model.Operations.TryGetValue(ListDataSourceRunsHandler.Name, out var listRuns))
        {
            dataSources = BuildDataSources(options, model, listRuns);
            var dictionary = dataSources.ToDictionary(d => (d.DomainId, d.DataSourceId));
            handlers.Add(new ListDataSourceRunsHandler(listRuns, dictionary, tokens, () => options.Faults));
            // A model that also has the single-run operations (the full DataZone model) serves them over the same runs.
            if (model.Operations.ContainsKey(GetDataSourceRunHandler.Name) && model.Operations.ContainsKey(StartDataSourceRunHandler.Name))
            {
                var store = new DataSourceRunStore(dataSources, options.TimeProvider);
                handlers.Add(new GetDataSourceRunHandler(store));
                handlers.Add(new StartDataSourceRunHandler(store));
            }
        }

        var server = new EmulatorServer(options, model, log, handlers, new ModelOperationHandler(model, options, tokens));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DataZoneEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        // No Ctrl+C handling of its own: a test host or the command-line tool owns the process.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();

        var app = builder.Build();
        app.Run(server.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        var bound = new Uri(address);
        var endpoint = new Uri($"http://127.0.0.1:{bound.Port}/");
        return new DataZoneEmulator(app, endpoint, options, model, dataSources, log);
    }

    /// <summary>A data source by id, or null when the emulator does not serve it.</summary>
    public EmulatedDataSource? FindDataSource(string domainId, string dataSourceId) =>
        DataSources.FirstOrDefault(d => d.DomainId == domainId && d.DataSourceId == dataSourceId);

    /// <summary>Forgets the requests logged so far (arrival numbering, and so fault counting, carries on).</summary>
    public void ClearRequestLog() => _log.Clear();

    /// <summary>Stops listening; requests in flight get <paramref name="cancellationToken"/>'s grace to finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops (if still running) and releases the server.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>, for callers without an async context.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static List<EmulatedDataSource> BuildDataSources(EmulatorOptions options, ServiceModel model, OperationModel listRuns)
    {
        var vocabulary = RunVocabulary.From(model);
        var sources = new List<EmulatedDataSource>();
        var domainId = options.DomainId;
        if (options.DataFile is { } file)
        {
            var contents = RunFile.Load(file, options.DomainId, options.DataSourceId);
            CheckRuns(contents.Runs, model, file);
            domainId = contents.DomainId;
            sources.Add(new EmulatedDataSource(domainId, contents.DataSourceId, new MaterializedRunList(contents.Runs, contents.Fingerprint)));
        }
        else
        {
            sources.Add(Generated(options, domainId, options.DataSourceId, vocabulary));
        }

        foreach (var extra in options.AdditionalDataSourceIds)
        {
            if (sources.Any(s => s.DataSourceId == extra))
            {
                throw new ArgumentException($"Data source '{extra}' is listed twice.", nameof(options));
            }

            sources.Add(Generated(options, domainId, extra, vocabulary));
        }

        // Ids the model's patterns reject could never be asked for: say so now.
        var domainMember = listRuns.GetInput("domainIdentifier");
        var dataSourceMember = listRuns.GetInput("dataSourceIdentifier");
        foreach (var source in sources)
        {
            CheckId(domainMember, source.DomainId);
            CheckId(dataSourceMember, source.DataSourceId);
        }

        return sources;
    }

    private static EmulatedDataSource Generated(EmulatorOptions options, string domainId, string dataSourceId, RunVocabulary vocabulary) =>
        new(domainId, dataSourceId, new GeneratedRunList(options.Seed, options.RunCount, domainId, dataSourceId, options.NewestRunAt, vocabulary));

    private static void CheckId(InputMember member, string value)
    {
        if (member.Shape.PatternRegex is { } pattern && !pattern.IsMatch(value))
        {
            throw new ArgumentException($"'{value}' does not match the model's pattern for {member.Name} ({member.Shape.Pattern}).");
        }
    }

    private static void CheckRuns(IReadOnlyList<EmulatedRun> runs, ServiceModel model, string file)
    {
        var statuses = model.Shapes.TryGetValue("DataSourceRunStatus", out var s) ? s.Enum : null;
        for (var i = 0; i < runs.Count; i++)
        {
            if (statuses is not null && !statuses.Contains(runs[i].Status))
            {
                throw new InvalidDataException($"{file}: items[{i}]: status '{runs[i].Status}' is not one of [{string.Join(", ", statuses)}].");
            }
        }
    }

    /// <summary>A host lifetime that neither waits for nor reacts to console signals.</summary>
    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
