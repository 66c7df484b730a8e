using System;
using System.Collections.Generic;
using DataZone.Gen.Emulator.Model;

namespace DataZone.Gen.Emulator.Data;

/// <summary>
/// The enum values generated runs use, taken from the service model's enum shapes, so a model whose
/// values change fails at start-up instead of serving values the model does not allow.
/// </summary>
internal sealed class RunVocabulary
{
    private RunVocabulary(ServiceModel model)
    {
        var statuses = Enum(model, "DataSourceRunStatus");
        Requested = Pick(statuses, "REQUESTED", "DataSourceRunStatus");
        Running = Pick(statuses, "RUNNING", "DataSourceRunStatus");
        Failed = Pick(statuses, "FAILED", "DataSourceRunStatus");
        PartiallySucceeded = Pick(statuses, "PARTIALLY_SUCCEEDED", "DataSourceRunStatus");
        Success = Pick(statuses, "SUCCESS", "DataSourceRunStatus");

        var types = Enum(model, "DataSourceRunType");
        Prioritized = Pick(types, "PRIORITIZED", "DataSourceRunType");
        Scheduled = Pick(types, "SCHEDULED", "DataSourceRunType");

        ErrorTypes = Enum(model, "DataSourceErrorType");

        var lineage = Enum(model, "LineageImportStatus");
        LineageInProgress = Pick(lineage, "IN_PROGRESS", "LineageImportStatus");
        LineageSuccess = Pick(lineage, "SUCCESS", "LineageImportStatus");
        LineageFailed = Pick(lineage, "FAILED", "LineageImportStatus");
        LineagePartiallySucceeded = Pick(lineage, "PARTIALLY_SUCCEEDED", "LineageImportStatus");
    }

    public string Requested { get; }

    public string Running { get; }

    public string Failed { get; }

    public string PartiallySucceeded { get; }

    public string Success { get; }

    public string Prioritized { get; }

    public string Scheduled { get; }

    public IReadOnlyList<string> ErrorTypes { get; }

    public string LineageInProgress { get; }

    public string LineageSuccess { get; }

    public string LineageFailed { get; }

    public string LineagePartiallySucceeded { get; }

    public static RunVocabulary From(ServiceModel model) => new(model);

    private static IReadOnlyList<string> Enum(ServiceModel model, string shape) =>
        model.Shapes.TryGetValue(shape, out var s) && s.Enum is { Count: > 0 } values
            ? values
            : throw new InvalidOperationException($"The service model has no enum shape '{shape}' to generate runs from.");

    private static string Pick(IReadOnlyList<string> values, string wanted, string shape)
    {
        foreach (var value in values)
        {
            if (string.Equals(value, wanted, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"The service model's enum '{shape}' has no value '{wanted}'.");
    }
}
