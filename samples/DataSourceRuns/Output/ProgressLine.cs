using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace DataSourceRuns.Output;

/// <summary>
/// One self-rewriting status line on standard error (pages, runs, rate), used only when standard error is a
/// terminal: redirected stderr (logs, CI, tests) never sees it.
/// </summary>
internal sealed class ProgressLine
{
    private const string ClearLine = "\r\u001b[2K";

    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _shown;

    public ProgressLine(TextWriter error) => _error = error;

    public void Update(RunTally tally)
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (tally.Total / seconds).ToString("N0", CultureInfo.InvariantCulture) : "-";
        _error.Write(
            $"{ClearLine}Listing: {Plural(tally.Pages, "page")}, {Plural(tally.Total, "run")}, {rate} runs/s");
        _error.Flush();
        _shown = true;
    }

    private static string Plural(int count, string noun) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    /// <summary>Removes the line (before other output reaches the same terminal, and at the end).</summary>
    public void Clear()
    {
        if (!_shown)
        {
            return;
        }

        _error.Write(ClearLine);
        _error.Flush();
        _shown = false;
    }
}
