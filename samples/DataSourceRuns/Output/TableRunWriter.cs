using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DataSourceRuns.Output;

/// <summary>
/// A table for people (Spectre.Console), then the summary line (runs by status) on standard output. The listing is
/// collected first, so column widths fit the data; json and csv stream instead. On a terminal: colours and rounded
/// borders. Redirected: no ANSI escapes, ASCII borders and no wrapping at 80 columns.
/// </summary>
internal sealed class TableRunWriter : RunWriter
{
    private const int ErrorWidth = 72;

    private readonly CliHost _host;
    private readonly List<DataSourceRunSummary> _runs = new();

    public TableRunWriter(CliHost host) => _host = host;

    public override bool Streams => false;

    public override void WritePage(IReadOnlyList<DataSourceRunSummary> runs) => _runs.AddRange(runs);

    public override void Complete(RunTally tally, bool moreRemain)
    {
        if (_runs.Count == 0)
        {
            _host.Out.WriteLine("No runs found.");
        }
        else
        {
            var console = CreateConsole();
            console.Write(BuildTable(console));
        }

        var summary = tally.Describe();
        if (moreRemain)
        {
            summary += ". More runs remain: pass the NextToken printed on stderr to --starting-token to continue.";
        }

        _host.Out.WriteLine(summary);
    }

    private IAnsiConsole CreateConsole()
    {
        var terminal = _host.OutIsTerminal;
        var colour = terminal && _host.GetVariable("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_host.Out),
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        // Redirected output has no width: never wrap a row just because 80 columns is Spectre's default.
        console.Profile.Width = terminal ? Math.Max(_host.TerminalWidth ?? 120, 40) : 1000;
        console.Profile.Capabilities.Unicode = terminal;
        return console;
    }

    private Table BuildTable(IAnsiConsole console)
    {
        var ansi = console.Profile.Capabilities.Ansi;
        var rows = new List<string[]>(_runs.Count);
        foreach (var run in _runs)
        {
            var statistics = run.RunStatisticsForAssets;
            // Every field came from the service: printed with its control characters escaped (TerminalText).
            rows.Add(new[]
            {
                TerminalText.Escape(run.Id),
                TerminalText.Escape(run.Status.Value),
                TerminalText.Escape(run.Type.Value),
                run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Duration(run),
                Count(statistics?.Added),
                Count(statistics?.Updated),
                Count(statistics?.Failed),
                TerminalText.Escape(ErrorSummary(run)),
            });
        }

        // Every column but the error keeps its full width; the error gets what the console has left (at most
        // ErrorWidth) and is cut with an ellipsis, so a row stays one line. Too narrow a console drops it.
        var fixedWidth = 1;
        for (var column = 0; column < Headers.Length - 1; column++)
        {
            fixedWidth += 3 + Math.Max(Headers[column].Length, rows.Max(r => r[column].Length));
        }

        var longestError = rows.Max(r => r[^1].GetCellWidth());
        var errorWidth = Math.Min(Math.Min(ErrorWidth, console.Profile.Width - fixedWidth - 3), Math.Max(longestError, Headers[^1].Length));
        var showErrors = errorWidth >= 12;

        var table = new Table().Border(ansi ? TableBorder.Rounded : TableBorder.Ascii2);
        for (var column = 0; column < Headers.Length - 1; column++)
        {
            var header = new TableColumn(Headers[column]).NoWrap();
            table.AddColumn(column is >= 4 and <= 7 ? header.RightAligned() : header);
        }

        if (showErrors)
        {
            table.AddColumn(new TableColumn(Headers[^1]).NoWrap().Width(errorWidth));
        }

        foreach (var row in rows)
        {
            var cells = new List<IRenderable>(Headers.Length);
            for (var column = 0; column < Headers.Length - 1; column++)
            {
                cells.Add(new Text(row[column], column == 1 ? StatusStyle(row[column]) : Style.Plain));
            }

            if (showErrors)
            {
                cells.Add(new Text(Fit(row[^1], errorWidth), new Style(Color.Grey)));
            }

            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>The text cut to <paramref name="width"/> terminal cells (wide characters count two), with an ellipsis when cut.</summary>
    internal static string Fit(string text, int width)
    {
        if (text.GetCellWidth() <= width)
        {
            return text;
        }

        var fitted = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var cells = element.GetCellWidth();
            if (used + cells > width - 1)
            {
                break;
            }

            fitted.Append(element);
            used += cells;
        }

        return fitted.Append('…').ToString();
    }

    private static readonly string[] Headers =
        { "Run ID", "Status", "Type", "Created (UTC)", "Duration", "Added", "Updated", "Failed", "Error" };

    private static Style StatusStyle(string status) => status switch
    {
        DataSourceRunStatus.Values.Success => new Style(Color.Green),
        DataSourceRunStatus.Values.Failed => new Style(Color.Red),
        DataSourceRunStatus.Values.PartiallySucceeded => new Style(Color.Yellow),
        DataSourceRunStatus.Values.Running => new Style(Color.Blue),
        _ => Style.Plain,
    };

    private static string Count(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";

    internal static string Duration(DataSourceRunSummary run)
    {
        if (run.StartedAt is not { } started || run.StoppedAt is not { } stopped || stopped < started)
        {
            return "-";
        }

        var span = stopped - started;
        if (span.TotalHours >= 1)
        {
            return $"{(int)span.TotalHours}h {span.Minutes:00}m";
        }

        if (span.TotalMinutes >= 1)
        {
            return $"{span.Minutes}m {span.Seconds:00}s";
        }

        return $"{span.Seconds}s";
    }

    /// <summary>The error type and its detail on one line: tabs and line breaks become spaces.</summary>
    internal static string ErrorSummary(DataSourceRunSummary run)
    {
        if (run.ErrorMessage is not { } error)
        {
            return "";
        }

        var text = new StringBuilder(error.ErrorType.Value);
        if (!string.IsNullOrWhiteSpace(error.ErrorDetail))
        {
            text.Append(": ");
            var space = false;
            foreach (var c in error.ErrorDetail)
            {
                var blank = char.IsWhiteSpace(c) || char.IsControl(c);
                if (blank && !space)
                {
                    text.Append(' ');
                }
                else if (!blank)
                {
                    text.Append(c);
                }

                space = blank;
            }
        }

        // The table cuts it to the column; a 3 KB detail need not travel that far.
        var line = text.ToString().TrimEnd();
        var cut = 4 * ErrorWidth;
        if (line.Length <= cut)
        {
            return line;
        }

        return line.Substring(0, char.IsLowSurrogate(line[cut]) ? cut - 1 : cut); // never half a surrogate pair
    }
}
