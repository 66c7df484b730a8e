using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Cli.Tests;

/// <summary>What one in-process run of the tool produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The resume token of the <c>NextToken: ...</c> line on stderr, or null.</summary>
    public string? NextToken =>
        Regex.Match(Stderr, @"^NextToken: (\S+)$", RegexOptions.Multiline) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Stdout split into lines (the last newline ends the last line).</summary>
    public string[] StdoutLines => Stdout.Length == 0 ? new string[0] : Stdout.TrimEnd('\n').Split('\n');

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs <see cref="DataSourceRuns.Cli"/> in-process with an environment the test chooses.</summary>
internal static class CliRunner
{
    /// <summary>An environment with nothing configured: no AWS variables, no home directory (so no shared config files).</summary>
    public static Dictionary<string, string?> EmptyEnvironment() => new();

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(EmptyEnvironment(), args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await DataSourceRuns.Cli.RunAsync(args, stdout, stderr, environment, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Follows NextTokens: runs the tool with <paramref name="args"/>, then with each printed token, until none is printed.</summary>
    public static async Task<List<CliResult>> RunToEndAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var results = new List<CliResult>();
        string? token = null;
        do
        {
            var withToken = token is null ? args : args.Concat(new[] { "--starting-token", token }).ToArray();
            var result = await RunAsync(environment, withToken);
            Xunit.Assert.True(result.ExitCode == 0, result.ToString());
            results.Add(result);
            token = result.NextToken;
            Xunit.Assert.True(results.Count <= 100, "the listing never ended");
        }
        while (token is not null);
        return results;
    }
}
