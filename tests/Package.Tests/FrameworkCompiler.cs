using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Package.Tests;

/// <summary>
/// The .NET Framework build of the C# compiler, <c>tasks/net472/csc.exe</c> of Microsoft.Net.Compilers.Toolset: the
/// compiler Visual Studio's MSBuild runs, here run under Mono. It loads analyzers the .NET Framework way, with no
/// System.Text.Json of its own, so it shows whether the package carries everything its generator needs.
/// </summary>
internal static class FrameworkCompiler
{
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(3);

    /// <summary>csc.exe from the Microsoft.Net.Compilers.Toolset package this project restores (its csproj).</summary>
    public static string CscPath => Path.Combine(Metadata("CompilerToolsetDirectory"), "tasks", "net472", "csc.exe");

    /// <summary>The reference assemblies of the framework this project (and so the consumer) targets.</summary>
    public static string ReferencePackDirectory => Metadata("ReferencePackDirectory");

    /// <summary>
    /// Compiles <paramref name="sources"/> into <paramref name="output"/> the way an SDK build calls csc: no default
    /// references or response file, the given references, every analyzer, the model files as additional
    /// files, nullable on, every warning an error (1701/1702, assembly-version unification, are off as the SDK has them).
    /// The arguments go through a response file, as MSBuild passes them.
    /// </summary>
    public static async Task<ProcessResult> CompileAsync(
        string workingDirectory,
        string output,
        IEnumerable<string> sources,
        IEnumerable<string> references,
        IEnumerable<string> analyzers,
        IEnumerable<string> additionalFiles)
    {
        var mono = FindOnPath("mono");
        Assert.True(mono is not null,
            "mono is not on the PATH: this test runs the .NET Framework build of csc.exe under Mono. " +
            "Install Debian's mono-devel (apt-get install mono-devel); `bash .ci/run` installs it when missing.");
        var csc = CscPath;
        Assert.True(File.Exists(csc), $"{csc} is missing: restore tests/Package.Tests (it downloads Microsoft.Net.Compilers.Toolset).");

        var arguments = new List<string>
        {
            "-nologo", "-nostdlib+", "-target:exe", "-langversion:latest", "-nullable:enable",
            "-warn:9999", "-nowarn:1701,1702", "-warnaserror+", "-deterministic+", "-out:" + output,
        };
        arguments.AddRange(references.Select(r => "-reference:" + r));
        arguments.AddRange(analyzers.Select(a => "-analyzer:" + a));
        arguments.AddRange(additionalFiles.Select(f => "-additionalfile:" + f));
        arguments.AddRange(sources);

        var responseFile = Path.Combine(workingDirectory, Path.GetFileNameWithoutExtension(output) + ".rsp");
        File.WriteAllLines(responseFile, arguments.Select(Quote), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        // -noconfig (skip the csc.rsp beside csc.exe and its .NET Framework references) counts only on the command line.
        return await ChildProcess.RunAsync(mono!, [csc, "-noconfig", "@" + responseFile], workingDirectory, CompileTimeout);

        // csc splits response-file lines at spaces outside quotes; "-reference:/a b/c.dll" quoted whole is one argument.
        static string Quote(string argument) => argument.Contains(' ') ? "\"" + argument + "\"" : argument;
    }

    /// <summary>Every reference assembly of the target framework, for <c>-reference:</c>.</summary>
    public static IReadOnlyList<string> FrameworkReferences()
    {
        var directory = ReferencePackDirectory;
        Assert.True(Directory.Exists(directory), $"the reference pack {directory} (this project's resolved Microsoft.NETCore.App targeting pack) is missing");
        return Directory.GetFiles(directory, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    private static string Metadata(string key) =>
        typeof(FrameworkCompiler).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is missing; tests/Package.Tests' csproj sets it");

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
