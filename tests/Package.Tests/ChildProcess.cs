using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Package.Tests;

/// <summary>What a child process printed and how it ended.</summary>
internal sealed record ProcessResult(string CommandLine, string WorkingDirectory, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Everything needed to understand a failure, for an assertion message.</summary>
    public string Describe() =>
        $"`{CommandLine}` in {WorkingDirectory} exited with {ExitCode} after {Elapsed.TotalSeconds:F1} s{Environment.NewLine}" +
        $"--- stdout ---{Environment.NewLine}{StandardOutput}{Environment.NewLine}" +
        $"--- stderr ---{Environment.NewLine}{StandardError}";
}

/// <summary>Runs a program as a child process, with a timeout, captured output and no standard input.</summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="fileName"/>; <paramref name="configure"/> adjusts the environment before it starts.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        Action<ProcessStartInfo>? configure = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        configure?.Invoke(startInfo);

        var commandLine = fileName + " " + string.Join(' ', arguments);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = await Task.WhenAny(exited.Task, Task.Delay(timeout)) != exited.Task;
        if (timedOut)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } // Already gone.
        }

        // Drain what is left in the pipes. A helper the command started (a compiler server, say) may hold them open
        // after the command itself has exited, so waiting for end-of-stream is bounded.
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try { await process.WaitForExitAsync(drain.Token); } catch (OperationCanceledException) { }
        }
        stopwatch.Stop();

        string output, error;
        lock (stdout)
        {
            output = stdout.ToString();
        }

        lock (stderr)
        {
            error = stderr.ToString();
        }

        if (timedOut)
        {
            error += $"{Environment.NewLine}[killed: no exit within {timeout.TotalSeconds:F0} s]";
        }

        return new ProcessResult(commandLine, workingDirectory, timedOut ? -1 : process.ExitCode, output, error, stopwatch.Elapsed);
    }
}
