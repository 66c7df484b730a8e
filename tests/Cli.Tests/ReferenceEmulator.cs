using System;
using System.Threading.Tasks;
using DataSourceRuns;
using DataZone.Gen.Emulator;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>
/// An emulator started by the tests with the same data as the tool's embedded one: the expected runs, and an
/// endpoint to point <c>--endpoint</c> at.
/// </summary>
public sealed class ReferenceEmulator : IAsyncLifetime
{
    private DataZoneEmulator? _emulator;

    public DataZoneEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");

    public string Endpoint => Emulator.Endpoint.ToString();

    public async Task InitializeAsync() => _emulator = await DataZoneEmulator.StartAsync(ServiceConnection.DemoEmulatorOptions());

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
