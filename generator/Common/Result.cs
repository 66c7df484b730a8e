using DataZone.Gen.Generator.Diagnostics;

namespace DataZone.Gen.Generator.Common;

/// <summary>
/// A transform's value together with the diagnostics it produced; the pipeline registers the two as
/// separate outputs so a diagnostic never has to travel as a Roslyn <c>Location</c>.
/// </summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class
{
    public static Result<T> Success(T value) => new(value, EquatableArray<DiagnosticInfo>.Empty);

    public static Result<T> Failure(params DiagnosticInfo[] diagnostics) => new(null, diagnostics.ToEquatableArray());
}
