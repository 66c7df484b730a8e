using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DataSourceRuns;

/// <summary>
/// Everything the tool reads from or writes to its surroundings: the two output streams, whether each is a
/// terminal, and the environment variables. <see cref="Program"/> fills it from the real console and process;
/// tests fill it with string writers and a dictionary, so they control every input and spawn no process.
/// </summary>
public sealed class CliHost
{
    /// <summary>Creates a host over two writers and an environment; neither stream counts as a terminal.</summary>
    /// <param name="stdout">Where data goes (runs in the chosen format, the table summary, help).</param>
    /// <param name="stderr">Where diagnostics go (emulator notice, NextToken, progress, errors).</param>
    /// <param name="environment">The environment variables the tool sees; nothing else is read from the process.</param>
    public CliHost(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment)
    {
        Out = stdout ?? throw new ArgumentNullException(nameof(stdout));
        Error = stderr ?? throw new ArgumentNullException(nameof(stderr));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The environment variables.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    /// <summary>Whether standard output is an interactive terminal (colours and Unicode borders in the table).</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Whether standard error is an interactive terminal (the live progress line).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The terminal's width in columns, when known.</summary>
    public int? TerminalWidth { get; init; }

    /// <summary>
    /// Asks the user for an MFA code (a role profile's <c>mfa_serial</c>): gets the prompt, returns the code.
    /// <see langword="null"/> when nobody can answer (stdin or stderr is not a terminal): such profiles then fail with a message.
    /// </summary>
    public Func<string, CancellationToken, ValueTask<string>>? ReadMfaCode { get; init; }

    /// <summary>An environment variable, or <see langword="null"/> when unset or blank (as the AWS SDKs treat it).</summary>
    public string? GetVariable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    // The prompt goes to stderr so that stdout stays data; the code is read from the terminal's stdin.
    private static async ValueTask<string> PromptOnTerminalAsync(string prompt, CancellationToken cancellationToken)
    {
        await Console.Error.WriteAsync(prompt).ConfigureAwait(false);
        return await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? "";
    }

    /// <summary>The real console and process environment.</summary>
    internal static CliHost FromConsole()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        // A buffered writer flushed once per page: much faster than Console.Out's flush on every line.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, bufferSize: 64 * 1024) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
        var variables = new Dictionary<string, string?>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        int? width = null;
        if (!Console.IsOutputRedirected || !Console.IsErrorRedirected)
        {
            try
            {
                width = Console.WindowWidth > 0 ? Console.WindowWidth : null;
            }
            catch (IOException)
            {
                // No console window after all (for example a detached session): keep the default width.
            }
        }

        return new CliHost(stdout, stderr, variables)
        {
            OutIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            TerminalWidth = width,
            ReadMfaCode = Console.IsInputRedirected || Console.IsErrorRedirected ? null : PromptOnTerminalAsync,
        };
    }
}
