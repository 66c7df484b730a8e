namespace DataZone.Gen.Generator.Json;

/// <summary>
/// Where a JSON value sits in its file, as plain numbers (character offsets and zero-based lines and
/// columns) so it can ride through the pipeline and become a Roslyn location only when reported.
/// </summary>
internal readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static readonly SourceSpan None = default;
}
