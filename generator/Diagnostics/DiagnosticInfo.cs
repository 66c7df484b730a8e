using System.Linq;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Json;
using Microsoft.CodeAnalysis;

namespace DataZone.Gen.Generator.Diagnostics;

/// <summary>A diagnostic held as values (descriptor id, location, message arguments) so pipeline models stay equatable.</summary>
internal sealed record DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs) =>
        new(descriptor.Id, location, messageArgs.ToEquatableArray());

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, string filePath, SourceSpan span, params string[] messageArgs) =>
        Create(descriptor, new LocationInfo(filePath, span), messageArgs);

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        DiagnosticDescriptors.ById(DescriptorId),
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        MessageArgs.Cast<object>().ToArray());
}
