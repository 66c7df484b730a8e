using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests.EndToEnd;

/// <summary>
/// A consumer that annotates every paginator of the full DataZone model (the list comes from the model, never a hand
/// list) and asks for GetDataSourceRun and StartDataSourceRun, generated and compiled once, with an emulator serving
/// the same model.
/// </summary>
public sealed class AllDataZonePaginators : IAsyncLifetime
{
    public const string Namespace = "AllPaginators";
    public const int Items = 23;
    public const int Runs = 17;

    internal LoadedAssembly Consumer { get; private set; } = null!;

    internal DataZoneEmulator Emulator { get; private set; } = null!;

    /// <summary>
    /// The same data (same seed, counts and token secret) behind throttling, server errors, dropped connections and
    /// empty pages that still carry a token.
    /// </summary>
    internal DataZoneEmulator FaultyEmulator { get; private set; } = null!;

    internal ServiceModel Model => Emulator.Model;

    public static IEnumerable<string> PaginatedOperations() =>
        ServiceModel.Load(RepoPaths.SharedModelFolder).Operations.Values
            .Where(o => o.Paginator is not null)
            .Select(o => o.Name)
            .OrderBy(n => n, StringComparer.Ordinal);

    public static string PaginatorClass(string operation) => operation + "Paginator";

    public async Task InitializeAsync()
    {
        var source = new StringBuilder($"using DataZone.Gen;\n\nnamespace {Namespace};\n\n");
        source.Append("[DataZoneOperation(\"GetDataSourceRun\")]\n[DataZoneOperation(\"StartDataSourceRun\")]\n[DataZoneOperation(\"DeleteAssetFilter\")]\n");
        source.Append("internal static class Operations;\n");
        foreach (var operation in PaginatedOperations())
        {
            source.Append($"\n[DataZonePaginator(\"{operation}\")]\npublic partial class {PaginatorClass(operation)};\n");
        }

        var run = GeneratorHarness.Run(new[] { source.ToString() }, ModelFiles.Shared());
        GeneratorHarness.AssertNone(run.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(run.CompileDiagnostics, "compiler errors or warnings");
        Consumer = LoadedAssembly.From(run);
        Emulator = await DataZoneEmulator.StartAsync(Options());
        var faulty = Options();
        faulty.Faults.ThrottleEvery = 5;
        faulty.Faults.DropConnectionEvery = 7;
        faulty.Faults.EmptyPageEvery = 3;
        faulty.Faults.ServerErrorRate = 0.05;
        FaultyEmulator = await DataZoneEmulator.StartAsync(faulty);
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await FaultyEmulator.DisposeAsync();
    }

    /// <summary>A generated <c>DataZoneClient</c> for an emulator, with fast retries (their timing is not under test).</summary>
    internal object Client(DataZoneEmulator? emulator = null, HttpMessageHandler? handler = null)
    {
        emulator ??= Emulator;
        return Activator.CreateInstance(Consumer.Type(Namespace + ".DataZoneClient"), new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken),
            Retry = new AwsRetryOptions { MaxAttempts = 8, BaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5), UseRetryQuota = false },
            HttpMessageHandler = handler,
        })!;
    }

    private static EmulatorOptions Options() => new()
    {
        Port = 0,
        ModelPath = RepoPaths.SharedModelFolder,
        ItemCount = Items,
        RunCount = Runs,
        // Every request of every listing stays in the log; the tests count them per operation.
        RequestLogCapacity = 1_000_000,
    };
}
