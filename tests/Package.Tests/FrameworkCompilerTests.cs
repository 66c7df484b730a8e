using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace DataZone.Gen.Package.Tests;

/// <summary>
/// The package in the compiler Visual Studio's MSBuild runs: the .NET Framework build of csc.exe, under Mono. It has no
/// System.Text.Json of its own, so the generator loads there only if the package carries its whole closure
/// (issue 10 §4: before, every model gave DZGEN999 and the consumer CS0246).
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class FrameworkCompilerTests
{
    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _output;

    public FrameworkCompilerTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        _output = output;
    }

    [Fact]
    public async Task The_Framework_build_of_csc_runs_the_packed_generator_and_compiles_the_consumer()
    {
        var (compile, assembly) = await CompileConsumerAsync("framework-consumer", withClosure: true);

        Assert.True(compile.Succeeded, compile.Describe());
        Assert.DoesNotContain("DZGEN", compile.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0246", compile.StandardOutput, StringComparison.Ordinal);
        // Program.cs constructs the paginator from a client and lists ListDataSourceRunsRequest's runs: it compiles
        // only with the generator's output. The assembly is the evidence that csc got that far.
        Assert.True(File.Exists(assembly), $"csc exited 0 but wrote no {assembly}{Environment.NewLine}{compile.Describe()}");
    }

    /// <summary>
    /// The same compile with a package that carries only what 0.1.0 did (the generator and Scriban): Mono brings no
    /// System.Text.Json 10, so the generator fails as it did in Visual Studio. This keeps the test above honest: it
    /// passes because of what the package carries, not because of what this machine happens to have.
    /// </summary>
    [Fact]
    public async Task Without_its_closure_the_generator_does_not_load_in_the_Framework_build_of_csc()
    {
        var (compile, _) = await CompileConsumerAsync("framework-consumer-without-closure", withClosure: false);

        Assert.False(compile.Succeeded, compile.Describe());
        var diagnostics = compile.StandardOutput;
        Assert.Contains("error DZGEN999", diagnostics, StringComparison.Ordinal);
        Assert.Contains("System.Text.Json, Version=10.0.0.0", diagnostics, StringComparison.Ordinal);
        Assert.Contains("error CS0246", diagnostics, StringComparison.Ordinal);
    }

    /// <summary>
    /// Compiles the consumer's sources with csc.exe called directly: the runtime from the package's lib/net8.0, the
    /// target framework's reference assemblies, every analyzer in the package's analyzers/dotnet/cs (as NuGet hands
    /// them to MSBuild) and the model files.
    /// </summary>
    /// <param name="name">The folder, inside the package's work directory, for this compile.</param>
    /// <param name="withClosure">
    /// False deletes the closure from the unpacked package rather than only leaving it off the command line: the
    /// Framework loader also finds an analyzer's dependencies in the analyzer's own folder.
    /// </param>
    private async Task<(ProcessResult Compile, string Assembly)> CompileConsumerAsync(string name, bool withClosure)
    {
        _package.AssertPacked();
        var directory = Path.Combine(_package.WorkDirectory, name);
        var package = _package.ExtractTo(Path.Combine(directory, "package"));
        var analyzerDirectory = Path.Combine(package, "analyzers", "dotnet", "cs");
        if (!withClosure)
        {
            string[] packedIn010 = ["DataZone.Gen.Generator.dll", "Scriban.Signed.dll"];
            foreach (var file in Directory.GetFiles(analyzerDirectory).Where(f => !packedIn010.Contains(Path.GetFileName(f), StringComparer.Ordinal)))
            {
                File.Delete(file);
            }
        }

        var consumer = new ConsumerProject(Path.Combine(directory, "consumer"));
        consumer.WriteSources(_package.ModelDirectory);
        var analyzers = Directory.GetFiles(analyzerDirectory, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToList();
        var references = FrameworkCompiler.FrameworkReferences();
        var assembly = Path.Combine(directory, ConsumerProject.ProjectName + ".dll");
        var compile = await FrameworkCompiler.CompileAsync(
            directory,
            assembly,
            consumer.SourceFiles,
            [.. references, Path.Combine(package, "lib", "net8.0", "DataZone.Gen.dll")],
            analyzers,
            consumer.ModelFiles);
        _output.WriteLine($"{compile.Elapsed.TotalSeconds,6:F1} s  exit {compile.ExitCode}  {compile.CommandLine}");
        _output.WriteLine($"  {references.Count} framework references; analyzers: {string.Join(", ", analyzers.Select(Path.GetFileName))}");
        return (compile, assembly);
    }
}
