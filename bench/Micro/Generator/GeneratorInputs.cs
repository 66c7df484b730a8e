using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using DataZone.Gen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// The inputs of the generator benchmarks, built the way tests/Generator.Tests/Infrastructure/GeneratorHarness.cs builds
/// them: the full botocore DataZone model from ../shared/models (read in place, never copied) as in-memory AdditionalFiles
/// under a virtual folder, and a consumer compilation with one or forty [DataZonePaginator] classes.
/// </summary>
public static class GeneratorInputs
{
    public const string VirtualFolder = "/models/datazone/2018-05-10/";

    public static readonly string[] ModelFileNames = { "service-2.json", "paginators-1.json", "paginators-1.sdk-extras.json", "endpoint-rule-set-1.json" };

    public static string RepoRoot { get; } = FindRoot();

    public static string SharedModelFolder =>
        Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "models", "datazone", "2018-05-10"));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    // A real project references the framework's assemblies and the runtime; the benchmark process's own
    // dependencies (BenchmarkDotNet, Roslyn, ...) are not the consumer's.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var frameworkFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Path.GetDirectoryName(p), frameworkFolder, StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(DataZonePaginatorAttribute).Assembly.Location))
            .ToImmutableArray();
    });

    /// <summary>The model files as the compiler hands them to a generator: path and text.</summary>
    public static List<InMemoryAdditionalText> SharedModel()
    {
        var files = new List<InMemoryAdditionalText>();
        foreach (var name in ModelFileNames)
        {
            var path = Path.Combine(SharedModelFolder, name);
            if (!File.Exists(path))
            {
                if (name == "paginators-1.sdk-extras.json")
                {
                    continue;
                }

                throw new FileNotFoundException("The full DataZone model is expected beside the repository, in ../shared/models.", path);
            }

            files.Add(new InMemoryAdditionalText(VirtualFolder + name, File.ReadAllText(path)));
        }

        return files;
    }

    /// <summary>The 40 paginated operations of the full model, in file order.</summary>
    public static List<string> PaginatedOperations()
    {
        using var paginators = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedModelFolder, "paginators-1.json")));
        return paginators.RootElement.GetProperty("pagination").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static string PaginatorSource(string operation, string className) => $$"""
        using DataZone.Gen;

        namespace Consumer.DataZone;

        [DataZonePaginator("{{operation}}")]
        public partial class {{className}};
        """;

    /// <summary>A consumer project: the paginator classes plus a few ordinary files, as a real project has.</summary>
    public static CSharpCompilation Compilation(IEnumerable<string> operations)
    {
        var sources = operations.Select(o => PaginatorSource(o, o + "Paginator"))
            .Append("namespace Consumer; public static class Program { public static void Main() { } }")
            .Append("namespace Consumer; public sealed record Settings(string Domain, string DataSource);");
        return CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/File{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>
    /// A new compilation object over the same trees (nothing bound or cached yet), with its metadata references bound:
    /// the compiler does that for every build before or while generators run, so it is no part of the generator's cost.
    /// </summary>
    public static CSharpCompilation Fresh(CSharpCompilation compilation)
    {
        var fresh = compilation.Clone();
        _ = fresh.Assembly;
        _ = fresh.GlobalNamespace.GetMembers();
        return fresh;
    }

    /// <summary>An unrelated edit: a new file that mentions no attribute and no model.</summary>
    public static SyntaxTree UnrelatedFile() =>
        CSharpSyntaxTree.ParseText("namespace Consumer.Other; public class Unrelated { public int Value { get; set; } }", ParseOptions, path: "/src/Unrelated.cs");

    /// <summary>A fresh driver, as the compiler makes one per build when no previous run is kept.</summary>
    public static GeneratorDriver Driver(IEnumerable<AdditionalText> additionalTexts, bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new DataZoneGenerator().AsSourceGenerator() },
            additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// The service model with the documentation of an operation outside every paginated operation's closure changed
    /// (<c>CreateDomain</c>: "(Edited.) " put in front of its text). Checked: the result parses and only that text differs.
    /// </summary>
    public static string EditUnrelatedOperation(string serviceText, out string operation)
    {
        operation = "CreateDomain";
        var at = serviceText.IndexOf("\"" + operation + "\":{", StringComparison.Ordinal);
        var docAt = at < 0 ? -1 : serviceText.IndexOf("\"documentation\":\"", at, StringComparison.Ordinal);
        if (docAt < 0)
        {
            throw new InvalidOperationException($"The documentation of {operation} was not found in the model text.");
        }

        var insertAt = docAt + "\"documentation\":\"".Length;
        var result = serviceText.Substring(0, insertAt) + "(Edited.) " + serviceText.Substring(insertAt);

        using var before = JsonDocument.Parse(serviceText);
        using var after = JsonDocument.Parse(result);
        string Doc(JsonDocument d) => d.RootElement.GetProperty("operations").GetProperty("CreateDomain").GetProperty("documentation").GetString()!;
        if (Doc(after) != "(Edited.) " + Doc(before))
        {
            throw new InvalidOperationException("The edit did not land on the operation's documentation.");
        }

        return result;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataZone.Gen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with DataZone.Gen.sln) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>An AdditionalFile held in memory, as the compiler holds the files it has read.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        Text = text;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public string Text { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
