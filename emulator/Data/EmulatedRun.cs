using System;

namespace DataZone.Gen.Emulator.Data;

/// <summary>
/// One data source run as the emulator serves it (the model's <c>DataSourceRunSummary</c>).
/// Property names follow the wire names; absent optional members are null.
/// </summary>
public sealed record EmulatedRun
{
    /// <summary><c>id</c>: the run id.</summary>
    public required string Id { get; init; }

    /// <summary><c>dataSourceId</c>.</summary>
    public required string DataSourceId { get; init; }

    /// <summary><c>type</c>: PRIORITIZED or SCHEDULED.</summary>
    public required string Type { get; init; }

    /// <summary><c>status</c>: REQUESTED, RUNNING, FAILED, PARTIALLY_SUCCEEDED or SUCCESS.</summary>
    public required string Status { get; init; }

    /// <summary><c>projectId</c>.</summary>
    public required string ProjectId { get; init; }

    /// <summary><c>runStatisticsForAssets</c>, or null when absent.</summary>
    public EmulatedRunStatistics? RunStatisticsForAssets { get; init; }

    /// <summary><c>errorMessage</c>, or null when absent.</summary>
    public EmulatedErrorMessage? ErrorMessage { get; init; }

    /// <summary><c>createdAt</c> (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary><c>updatedAt</c> (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary><c>startedAt</c> (UTC), or null when absent.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary><c>stoppedAt</c> (UTC), or null when absent.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary><c>lineageSummary</c>, or null when absent.</summary>
    public EmulatedLineageSummary? LineageSummary { get; init; }
}

/// <summary><c>runStatisticsForAssets</c>; each count may be absent.</summary>
public sealed record EmulatedRunStatistics
{
    /// <summary><c>added</c>.</summary>
    public int? Added { get; init; }

    /// <summary><c>updated</c>.</summary>
    public int? Updated { get; init; }

    /// <summary><c>unchanged</c>.</summary>
    public int? Unchanged { get; init; }

    /// <summary><c>skipped</c>.</summary>
    public int? Skipped { get; init; }

    /// <summary><c>failed</c>.</summary>
    public int? Failed { get; init; }
}

/// <summary><c>errorMessage</c>: an error type and optional detail text.</summary>
public sealed record EmulatedErrorMessage
{
    /// <summary><c>errorType</c>, e.g. ACCESS_DENIED_EXCEPTION.</summary>
    public required string ErrorType { get; init; }

    /// <summary><c>errorDetail</c>, or null when absent. May hold quotes, newlines and non-ASCII text.</summary>
    public string? ErrorDetail { get; init; }
}

/// <summary><c>lineageSummary</c>.</summary>
public sealed record EmulatedLineageSummary
{
    /// <summary><c>importStatus</c>, or null when absent.</summary>
    public string? ImportStatus { get; init; }
}
