using DataZone.Gen.Generator.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataZone.Gen.Generator.Diagnostics;

/// <summary>A file path and span as values; becomes a <see cref="Location"/> only when a diagnostic is reported.</summary>
internal sealed record LocationInfo(string FilePath, SourceSpan Span)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Span.Start, Span.Length),
        new LinePositionSpan(new LinePosition(Span.StartLine, Span.StartColumn), new LinePosition(Span.EndLine, Span.EndColumn)));

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        var lines = location.GetLineSpan();
        return new LocationInfo(
            lines.Path,
            new SourceSpan(
                location.SourceSpan.Start,
                location.SourceSpan.Length,
                lines.StartLinePosition.Line,
                lines.StartLinePosition.Character,
                lines.EndLinePosition.Line,
                lines.EndLinePosition.Character));
    }
}
