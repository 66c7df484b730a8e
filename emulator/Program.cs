using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Emulator;

/// <summary>The standalone entry point.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await EmulatorCommandLine.RunAsync(args, System.Console.Out, System.Console.Error, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
