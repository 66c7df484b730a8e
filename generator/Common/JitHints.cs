using System.Runtime.CompilerServices;

namespace DataZone.Gen.Generator.Common;

/// <summary>Hints for the JIT of the compiler process that runs this generator.</summary>
internal static class JitHints
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0's enum lacks but the .NET runtime the
    /// compiler runs on honours. The model parse walks about 40,000 tokens per build, and a compiler process often
    /// runs the generator too few times for tiered compilation to optimize it: the first builds would parse with
    /// unoptimized code (bench/results.md measures the difference).
    /// </summary>
    public const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;
}
