using System.Text.Json;
using System;
using BenchmarkDotNet.Attributes;
using DataZone.Gen.Bench.Config;
using DataZone.Gen.Json;

namespace DataZone.Gen.Bench.Page;

/// <summary>
/// One ISO-8601 timestamp token as the page has about 180 of them: the runtime's <see cref="AwsJson.ReadTimestamp"/>
/// (string, then the general parser) against <see cref="Utf8JsonReader.TryGetDateTimeOffset"/> on the UTF-8 bytes.
/// Evidence for a possible fast path in the generated reader; not a comparison of clients.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class TimestampBenchmarks
{
    private static readonly byte[] Token = "\"2026-11-01T09:30:00.123Z\""u8.ToArray();

    [Benchmark(Baseline = true, Description = "AwsJson.ReadTimestamp (runtime today)")]
    public DateTimeOffset Runtime()
    {
        var reader = new Utf8JsonReader(Token);
        reader.Read();
        return AwsJson.ReadTimestamp(ref reader);
    }

    [Benchmark(Description = "Utf8JsonReader.TryGetDateTimeOffset (no string)")]
    public DateTimeOffset ReaderFastPath()
    {
        var reader = new Utf8JsonReader(Token);
        reader.Read();
        return reader.TryGetDateTimeOffset(out var value) ? value : default;
    }
}
