using System;
using System.Collections.Generic;

namespace DataZone.Gen;

/// <summary>A request failed validation before anything was sent. Lists every problem at once.</summary>
public sealed class RequestValidationException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operationName">The operation whose request was invalid, for example <c>ListDataSourceRuns</c>.</param>
    /// <param name="problems">Every problem found, one sentence each.</param>
    public RequestValidationException(string operationName, IReadOnlyList<string> problems)
        : base(FormatMessage(operationName, problems))
    {
        OperationName = operationName;
        Problems = problems;
    }

    /// <summary>The operation whose request was invalid.</summary>
    public string OperationName { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatMessage(string operationName, IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var noun = problems.Count == 1 ? "problem" : "problems";
        return $"Invalid {operationName} request ({problems.Count} {noun}):{Environment.NewLine}- "
            + string.Join(Environment.NewLine + "- ", problems);
    }
}
