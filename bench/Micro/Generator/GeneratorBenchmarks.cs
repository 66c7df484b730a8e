using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DataZone.Gen.Bench.Config;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// The generator on the full botocore DataZone model (about 1 MB of JSON), driven with <see cref="CSharpGeneratorDriver"/>
/// the way the compiler drives it, against the floor: <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> of the
/// same model text. "Cold" means a fresh driver (no cached pipeline state) on a fresh compilation, with the generator's
/// code already loaded and jitted, as in a long-lived compiler server. Each compilation has its references bound before
/// the measured call (see <see cref="GeneratorInputs.Fresh"/>): every build pays that, generator or not; the generator's
/// own share of compiler work (binding the [DataZonePaginator] attributes it looks for) is measured. Re-runs measure only
/// the second <c>RunGenerators</c> call of a driver that has already run once.
/// </summary>
[MemoryDiagnoser]
[GeneratorJob]
public class GeneratorBenchmarks
{
    private List<InMemoryAdditionalText> _model = null!;
    private InMemoryAdditionalText _service = null!;
    private InMemoryAdditionalText _editedService = null!;
    private CSharpCompilation _one = null!;
    private CSharpCompilation _all = null!;
    private SyntaxTree _unrelated = null!;

    // Per iteration: what the measured call starts from.
    private GeneratorDriver _driver = null!;
    private Compilation _compilation = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _model = GeneratorInputs.SharedModel();
        _service = _model.Single(f => f.Path.EndsWith("service-2.json", System.StringComparison.Ordinal));
        _editedService = new InMemoryAdditionalText(_service.Path, GeneratorInputs.EditUnrelatedOperation(_service.Text, out _));
        _one = GeneratorInputs.Compilation(new[] { "ListDataSourceRuns" });
        var operations = GeneratorInputs.PaginatedOperations();
        if (operations.Count != 40)
        {
            throw new System.InvalidOperationException($"Expected the 40 paginated operations of the full model, found {operations.Count}.");
        }

        _all = GeneratorInputs.Compilation(operations);
        _unrelated = GeneratorInputs.UnrelatedFile();
    }

    /// <summary>The floor: parse every model file the generator is given, and nothing else.</summary>
    [Benchmark(Baseline = true, Description = "Floor: JsonDocument.Parse of the model text")]
    public int ParseFloor()
    {
        var total = 0;
        foreach (var file in _model)
        {
            using var document = JsonDocument.Parse(file.Text);
            total += document.RootElement.GetPropertyCount();
        }

        return total;
    }

    [IterationSetup(Target = nameof(ColdListDataSourceRuns))]
    public void SetupColdOne()
    {
        _driver = GeneratorInputs.Driver(_model);
        _compilation = GeneratorInputs.Fresh(_one);
    }

    [Benchmark(Description = "Cold run: ListDataSourceRuns")]
    public GeneratorDriver ColdListDataSourceRuns() => _driver.RunGenerators(_compilation);

    [IterationSetup(Target = nameof(ColdAllPaginatedOperations))]
    public void SetupColdAll()
    {
        _driver = GeneratorInputs.Driver(_model);
        _compilation = GeneratorInputs.Fresh(_all);
    }

    [Benchmark(Description = "Cold run: all 40 paginated operations")]
    public GeneratorDriver ColdAllPaginatedOperations() => _driver.RunGenerators(_compilation);

    [IterationSetup(Target = nameof(RerunAfterUnrelatedCsEdit))]
    public void SetupUnrelatedCsEdit()
    {
        var first = GeneratorInputs.Fresh(_one);
        _driver = GeneratorInputs.Driver(_model).RunGenerators(first);
        _compilation = GeneratorInputs.Fresh(first.AddSyntaxTrees(_unrelated));
    }

    [Benchmark(Description = "Re-run: unrelated .cs edit")]
    public GeneratorDriver RerunAfterUnrelatedCsEdit() => _driver.RunGenerators(_compilation);

    [IterationSetup(Target = nameof(RerunAfterUnrelatedModelEdit))]
    public void SetupUnrelatedModelEdit()
    {
        var first = GeneratorInputs.Fresh(_one);
        _driver = GeneratorInputs.Driver(_model).RunGenerators(first).ReplaceAdditionalText(_service, _editedService);
        _compilation = GeneratorInputs.Fresh(first);
    }

    [Benchmark(Description = "Re-run: unrelated operation edited in the model")]
    public GeneratorDriver RerunAfterUnrelatedModelEdit() => _driver.RunGenerators(_compilation);
}
