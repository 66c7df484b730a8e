using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen;

/// <summary>
/// Everything the client takes from the outside world besides the network: environment and files, the clock,
/// waiting, and randomness. Tests replace them to be deterministic without touching the process or sleeping.
/// </summary>
internal sealed class ClientDependencies
{
    public static readonly ClientDependencies Default = new();

    public IAwsEnvironment Environment { get; init; } = ProcessEnvironment.Instance;

    public Func<DateTimeOffset> UtcNow { get; init; } = static () => DateTimeOffset.UtcNow;

    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = static (delay, token) => Task.Delay(delay, token);

    /// <summary>A uniform random number in [0, 1).</summary>
    public Func<double> NextRandom { get; init; } = static () => Random.Shared.NextDouble();
}
