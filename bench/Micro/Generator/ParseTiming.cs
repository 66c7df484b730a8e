using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using DataZone.Gen.Generator.Botocore;

namespace DataZone.Gen.Bench.Generator;

/// <summary>
/// Stopwatch timing of the generator's model parse alone (<see cref="ParsedModelFile.Parse"/> of every file of the full
/// DataZone model, the ParsedModelFiles step) next to the <see cref="JsonDocument"/> floor: quick enough to run several
/// times per variant when pricing one parser trick against another. Each parse is followed by one floor pass, so a
/// busy neighbour weighs on both alike; every timing starts after a full GC; medians, since the machine is shared. On
/// Linux the thread's own CPU time is reported too: other tenants' load stretches wall time far more than it.
/// </summary>
public static class ParseTiming
{
    public static void Run(TextWriter output, int warmup, int runs)
    {
        var files = GeneratorInputs.SharedModel().Select(f => (f.Path, f.Text)).ToList();
        List<double> parses = new(), floors = new(), ratios = new(), cpuParses = new(), cpuFloors = new();
        var allocated = 0L;
        for (var i = 0; i < warmup + runs; i++)
        {
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpuMilliseconds();
            var stopwatch = Stopwatch.StartNew();
            foreach (var (path, text) in files)
            {
                if (ParsedModelFile.Parse(path, text, CancellationToken.None).Diagnostics.Count != 0)
                {
                    throw new InvalidOperationException($"{path} parsed with diagnostics: the timing would not be of a clean model.");
                }
            }

            var parse = stopwatch.Elapsed.TotalMilliseconds;
            var cpuParse = ThreadCpuMilliseconds() - cpu;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            GC.Collect();
            cpu = ThreadCpuMilliseconds();
            stopwatch.Restart();
            foreach (var (_, text) in files)
            {
                using var document = JsonDocument.Parse(text);
            }

            var floor = stopwatch.Elapsed.TotalMilliseconds;
            var cpuFloor = ThreadCpuMilliseconds() - cpu;
            if (i < warmup)
            {
                continue; // JIT and first-use costs
            }

            parses.Add(parse);
            floors.Add(floor);
            ratios.Add(parse / floor);
            cpuParses.Add(cpuParse);
            cpuFloors.Add(cpuFloor);
        }

        output.WriteLine(FormattableString.Invariant(
            $"Model parse (ParsedModelFile.Parse, {files.Count} files), medians of {runs} runs after {warmup} warm-up runs: parse {Median(parses):0.00} ms (min {parses.Min():0.00}), floor {Median(floors):0.00} ms, parse/floor {Median(ratios):0.00}, allocated {allocated / 1024.0 / 1024.0:0.00} MB"));
        if (OperatingSystem.IsLinux())
        {
            output.WriteLine(FormattableString.Invariant(
                $"  thread CPU time, medians: parse {Median(cpuParses):0.00} ms, floor {Median(cpuFloors):0.00} ms"));
        }
    }

    // CLOCK_THREAD_CPUTIME_ID through libc on Linux; -1 elsewhere (then only wall time is reported).
    private static double ThreadCpuMilliseconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        clock_gettime(3, out var time);
        return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clock, out TimeSpec time);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
