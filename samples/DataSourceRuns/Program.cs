using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataSourceRuns;

/// <summary>The process entry point: the real console, environment and Ctrl+C around <see cref="Cli.RunAsync(string[], CliHost, CancellationToken)"/>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C: stop the listing cleanly (the embedded emulator shuts down). A second one ends the process.
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true;
                cancellation.Cancel();
            }
        };

        var host = CliHost.FromConsole();
        return await Cli.RunAsync(args, host, cancellation.Token).ConfigureAwait(false);
    }
}
