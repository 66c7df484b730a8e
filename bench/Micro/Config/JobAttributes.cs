using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace DataZone.Gen.Bench.Config;

/// <summary>
/// A short job for operations of milliseconds that need a fresh state per call ([IterationSetup]): one invocation per
/// iteration, so the setup is never measured, and enough iterations for a stable median on a busy machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GeneratorJobAttribute : Attribute, IConfigSource
{
    public GeneratorJobAttribute() =>
        Config = ManualConfig.CreateEmpty()
            .AddJob(Job.Default
                .WithId("Generator")
                .WithLaunchCount(1)
                .WithWarmupCount(4)
                .WithIterationCount(15)
                .WithInvocationCount(1)
                .WithUnrollFactor(1))
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min);

    public IConfig Config { get; }
}

/// <summary>
/// BenchmarkDotNet's ShortRun (one launch, three warm-up iterations) with ten measured iterations instead of three:
/// still short, but a median that holds on a shared two-core machine.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortJobAttribute : Attribute, IConfigSource
{
    public ShortJobAttribute() =>
        Config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithId("Short").WithIterationCount(10))
            .AddColumn(StatisticColumn.Median, StatisticColumn.Min);

    public IConfig Config { get; }
}
