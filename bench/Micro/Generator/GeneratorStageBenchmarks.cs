using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Threading;
using BenchmarkDotNet.Attributes;
using DataZone.Gen.Bench.Config;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Emit;
using DataZone.Gen.Generator.Specs;
using DataZone.Gen.Generator.Targets;
using DataZone.Gen.Generator.Naming;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// The generator's stages, one at a time, on the full model, for ListDataSourceRuns: where a cold run spends its time
/// and its allocations. Calls the generator's internal types directly (InternalsVisibleTo DataZone.Gen.Bench).
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class GeneratorStageBenchmarks
{
    private string _serviceText = null!;
    private string _serviceTextPath = null!;
    private List<(string Path, string Text)> _files = null!;
    private PositionedNode _serviceRoot = null!;
    private ImmutableArray<ParsedModelFile> _parsed;
    private ImmutableArray<ParsedModelFile> _parsedAgain;
    private ModelSet _models = null!;
    private ModelSet _modelsAgain = null!;
    private PaginatorTarget _target = null!;
    private TargetOutput _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var model = GeneratorInputs.SharedModel();
        _files = model.Select(f => (f.Path, f.Text)).ToList();
        (_serviceTextPath, _serviceText) = _files.Single(f => f.Path.EndsWith("service-2.json", System.StringComparison.Ordinal));
        _serviceRoot = PositionedJsonParser.Parse(_serviceText);
        _parsed = ParseAll();
        _parsedAgain = ParseAll();
        _models = ModelSet.Assemble(_parsed);
        _modelsAgain = ModelSet.Assemble(_parsedAgain);
        var languageVersion = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion();
        _target = new PaginatorTarget(
            "Consumer.DataZone", "ListDataSourceRunsPaginator", "Consumer.DataZone.ListDataSourceRunsPaginator",
            EquatableArray<ContainingTypeSpec>.Empty, "ListDataSourceRuns", null, null,
            IsPartial: true, IsGeneric: false, NonPartialContainer: null, (int)languageVersion, languageVersion.ToDisplayString());
        var result = SpecBuilder.Build(_target, _models, CancellationToken.None);
        _output = result.Value ?? throw new System.InvalidOperationException(
            "SpecBuilder failed: " + string.Join("; ", result.Diagnostics.Select(d => d.ToString())));
    }

    [Benchmark(Baseline = true, Description = "Floor: JsonDocument.Parse of the model text")]
    public int ParseFloor()
    {
        var total = 0;
        foreach (var (_, text) in _files)
        {
            using var document = JsonDocument.Parse(text);
            total += document.RootElement.GetPropertyCount();
        }

        return total;
    }

    /// <summary>What any parse that keeps the model's strings pays at least: one reader pass, every string materialized.</summary>
    [Benchmark(Description = "0. Utf8JsonReader pass + GetString of every string (a strings-kept floor)")]
    public int ReaderWithStrings()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(_serviceText);
        var reader = new Utf8JsonReader(bytes);
        var count = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                count += reader.GetString()!.Length;
            }
        }

        return count;
    }

    [Benchmark(Description = "1a. PositionedJsonParser.Parse (service-2.json to positioned DOM)")]
    public object PositionedDom() => PositionedJsonParser.Parse(_serviceText);

    [Benchmark(Description = "1b. ServiceDocumentParser.Parse (DOM to ServiceDocument)")]
    public object ServiceDocument() => ServiceDocumentParser.Parse(_serviceRoot, new ModelReader(_serviceTextPath), CancellationToken.None)!;

    [Benchmark(Description = "1. ParsedModelFile.Parse, every model file (step ParsedModelFiles)")]
    public object ParseModelFiles() => ParseAll();

    [Benchmark(Description = "2. ModelSet.Assemble (step Models)")]
    public object Assemble() => ModelSet.Assemble(_parsed);

    [Benchmark(Description = "3a. ServiceNaming.For (names over the whole model)")]
    public object Naming() => ServiceNaming.For(_models.Services[0]);

    [Benchmark(Description = "3. SpecBuilder.Build ListDataSourceRuns (step TargetResults)")]
    public object BuildSpecs() => SpecBuilder.Build(_target, _models, CancellationToken.None);

    [Benchmark(Description = "4. SourceEmitter.Emit, every file of ListDataSourceRuns")]
    public int Emit()
    {
        var length = 0;
        foreach (var file in _output.Files)
        {
            foreach (var generated in SourceEmitter.Emit(file))
            {
                length += generated.Text.Length;
            }
        }

        return length;
    }

    [Benchmark(Description = "5. ModelSet.Equals on equal, distinct models (what a re-run compares)")]
    public bool ModelEquality() => _models.Equals(_modelsAgain);

    private ImmutableArray<ParsedModelFile> ParseAll() =>
        _files.Select(f => ParsedModelFile.Parse(f.Path, f.Text, CancellationToken.None)).ToImmutableArray();
}
