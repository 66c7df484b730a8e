using System;
using System.Collections.Generic;

namespace DataSourceRuns.Output;

/// <summary>Writes runs to standard output in one format, a page at a time.</summary>
internal abstract class RunWriter
{
    /// <summary>Whether pages reach the output as they arrive (json, csv); the table waits for the whole listing.</summary>
    public virtual bool Streams => true;

    /// <summary>Writes one page's runs.</summary>
    public abstract void WritePage(IReadOnlyList<DataSourceRunSummary> runs);

    /// <summary>Ends the output once the listing is done.</summary>
    /// <param name="tally">What was listed.</param>
    /// <param name="moreRemain">Whether <c>--max-items</c> stopped the listing before its end.</param>
    public virtual void Complete(RunTally tally, bool moreRemain)
    {
    }

    public static RunWriter Create(OutputFormat format, CliHost host) => format switch
    {
        OutputFormat.Json => new JsonLinesRunWriter(host.Out),
        OutputFormat.Csv => new CsvRunWriter(host.Out, toTerminal: host.OutIsTerminal),
        OutputFormat.Table => new TableRunWriter(host),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
