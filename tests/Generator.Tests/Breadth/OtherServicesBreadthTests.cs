using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DataZone.Gen.Generator.Tests.Breadth;

/// <summary>
/// Services other than DataZone, every paginator annotated: the generated code compiles with zero warnings and zero
/// errors. The reference models beside the repository (../shared/models) always run; a varied set of Debian's botocore
/// models (python3-botocore) runs too when that package is installed. <c>run-breadth.sh</c> runs every service of a
/// botocore data folder.
/// </summary>
public sealed class OtherServicesBreadthTests
{
    /// <summary>Debian's botocore data, read by path where the package is installed.</summary>
    public const string DebianBotocoreData = "/usr/lib/python3/dist-packages/botocore/data";

    // Chosen for variety: composite-free rest-json GET and POST listings, json services with more_results (kinesis, kms),
    // dotted result keys and list-index output tokens (kinesis, athena, ecr), several result keys of every kind
    // (devops-guru, devicefarm, dynamodb), map and structure result keys (apigateway, budgets), string limit keys
    // (apigatewayv2, glacier), non_aggregate_keys (billingconductor, connect) and event streams (kinesis, transcribe).
    private static readonly string[] DebianServices =
    {
        "apigatewayv2", "athena", "billingconductor", "budgets", "connect", "datapipeline", "devicefarm", "devops-guru",
        "ecr", "glacier", "kinesis", "mediatailor", "transcribe",
    };

    private readonly ITestOutputHelper _output;

    public OtherServicesBreadthTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Every rest-json and json service of a botocore data folder: <c>DZGEN_BREADTH_DIR</c> when set (run-breadth.sh sets
    /// it), else the reference models beside the repository. A report per service goes to the test output and, when
    /// <c>DZGEN_BREADTH_REPORT</c> names a file, into that file.
    /// </summary>
    [Fact]
    public void Every_paginator_of_every_service_in_a_botocore_data_folder_compiles_cleanly()
    {
        var folder = Environment.GetEnvironmentVariable("DZGEN_BREADTH_DIR") is { Length: > 0 } configured ? configured : SharedModelsFolder;
        var services = BotocoreService.All(folder).Where(s => s.Name != "datazone").ToList();
        Assert.NotEmpty(services);

        var reports = new List<BreadthReport>();
        var report = Environment.GetEnvironmentVariable("DZGEN_BREADTH_REPORT") is { Length: > 0 } path ? new StreamWriter(path) : null;
        using (report)
        {
            foreach (var service in services)
            {
                var result = BreadthReport.Of(service);
                reports.Add(result);
                _output.WriteLine(result.Summary());
                report?.WriteLine(result.Summary(int.MaxValue));
                report?.Flush();
            }

            var clean = reports.Count(Acceptable);
            var totals = $"{clean} of {reports.Count} services clean; {reports.Sum(r => r.PaginatorsGenerated)} of "
                + $"{reports.Sum(r => r.Service.PaginatedOperations.Count)} paginators generated";
            _output.WriteLine(totals);
            report?.WriteLine(totals);
        }

        var failed = reports.Where(r => !Acceptable(r)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {reports.Count} services did not compile cleanly:\n"
            + string.Join("\n", failed.Take(20).Select(r => r.Summary())));
    }

    [Fact]
    public void Every_paginator_of_a_varied_set_of_Debians_botocore_models_compiles_cleanly_when_they_are_installed()
    {
        if (!Directory.Exists(DebianBotocoreData))
        {
            _output.WriteLine($"{DebianBotocoreData} is absent (python3-botocore is not installed): nothing to check here.");
            return;
        }

        var reports = DebianServices
            .Select(name => BotocoreService.TryRead(name, Path.Combine(DebianBotocoreData, name)))
            .Where(s => s is not null && BotocoreService.SupportedProtocols.Contains(s.Protocol))
            .Select(s => BreadthReport.Of(s!))
            .ToList();
        foreach (var report in reports)
        {
            _output.WriteLine(report.Summary());
        }

        var failed = reports.Where(r => !Acceptable(r)).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(r => r.Summary())));
    }

    private static string SharedModelsFolder => Path.GetDirectoryName(Path.GetDirectoryName(RepoPaths.SharedModelFolder))!;

    /// <summary>
    /// Clean with every paginator generated; or, for a protocol the generator does not give clients to yet (it says so
    /// with DZGEN011), its types compile cleanly and nothing but DZGEN011 warnings is reported.
    /// </summary>
    private static bool Acceptable(BreadthReport report) =>
        report.Clean && report.PaginatorsGenerated == report.Service.PaginatedOperations.Count
        || report.TypesOnly && report.Crash is null && report.CompileDiagnostics.Count == 0
            && report.GeneratorDiagnostics.All(d => d.StartsWith("DZGEN011 ", StringComparison.Ordinal));
}
