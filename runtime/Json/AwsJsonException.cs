using System;
using System.Text.Json;

namespace DataZone.Gen.Json;

/// <summary>
/// A response body that is not the JSON the model describes: truncated, mistyped, or missing a required member.
/// <see cref="JsonException.Path"/> names where, for example <c>$.items[3].createdAt</c>.
/// </summary>
public sealed class AwsJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, without the location.</param>
    /// <param name="path">Where, as a JSON path starting with <c>$</c>.</param>
    /// <param name="innerException">The reader's own exception, if any.</param>
    public AwsJsonException(string problem, string path, Exception? innerException = null)
        : base($"{problem} (at {path})", path, null, null, innerException)
    {
        Problem = problem;
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
