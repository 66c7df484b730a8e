using System.Linq;
using System.Text.Json;
using System;
using BenchmarkDotNet.Attributes;
using DataZone.Gen.Bench.Config;
using DataZone.Gen.Bench.Generated;
using DataZone.Gen.Json;

namespace DataZone.Gen.Bench.Page;

/// <summary>
/// Reading one 50-item <c>ListDataSourceRuns</c> page from UTF-8 bytes into objects, three ways. All three produce the
/// same data (checked in <see cref="Setup"/>): every field of every run, timestamps as <see cref="DateTimeOffset"/>.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class ReadPageBenchmarks
{
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = RunsPage.Build();
        var generated = Generated();
        var serializer = SourceGeneratedSerializer();
        var document = JsonDocumentWalk();
        Check(generated, serializer, "JsonSerializer");
        Check(generated, document, "JsonDocument");
    }

    [Benchmark(Baseline = true, Description = "Generated reader (AwsJson.ReadBody)")]
    public ListDataSourceRunsResponse Generated() =>
        AwsJson.ReadBody(_body, ListDataSourceRunsResponse.ReadJson);

    [Benchmark(Description = "JsonSerializer + source-generated context")]
    public HandPage SourceGeneratedSerializer() =>
        JsonSerializer.Deserialize(_body, HandPageContext.Default.HandPage)!;

    [Benchmark(Description = "JsonDocument.Parse + walk every field")]
    public HandPage JsonDocumentWalk() => DomPageReader.Read(_body);

    private static void Check(ListDataSourceRunsResponse expected, HandPage actual, string what)
    {
        static string Key(string id, string type, string status, DateTimeOffset created, DateTimeOffset updated, DateTimeOffset? started,
            DateTimeOffset? stopped, int? added, int? failed, string? errorType, string? errorDetail, string? importStatus) =>
            string.Join("|", id, type, status, created.UtcTicks, updated.UtcTicks, started?.UtcTicks, stopped?.UtcTicks, added, failed, errorType, errorDetail, importStatus);

        var left = expected.Items.Select(r => Key(r.Id, r.Type.Value, r.Status.Value, r.CreatedAt, r.UpdatedAt, r.StartedAt, r.StoppedAt,
            r.RunStatisticsForAssets?.Added, r.RunStatisticsForAssets?.Failed, r.ErrorMessage?.ErrorType.Value, r.ErrorMessage?.ErrorDetail, r.LineageSummary?.ImportStatus?.Value));
        var right = actual.Items.Select(r => Key(r.Id, r.Type, r.Status, r.CreatedAt, r.UpdatedAt, r.StartedAt, r.StoppedAt,
            r.RunStatisticsForAssets?.Added, r.RunStatisticsForAssets?.Failed, r.ErrorMessage?.ErrorType, r.ErrorMessage?.ErrorDetail, r.LineageSummary?.ImportStatus));
        if (expected.Items.Count != RunsPage.ItemCount || !left.SequenceEqual(right) || expected.NextToken != actual.NextToken)
        {
            throw new InvalidOperationException($"{what} read a different page than the generated reader.");
        }
    }
}
