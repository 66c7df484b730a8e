using System.Collections.Generic;
using System.ComponentModel;

namespace DataZone.Gen.Http;

/// <summary>
/// Checks the values generated code puts into a host name (an operation's <c>endpoint.hostPrefix</c> labels, such as
/// <c>{AccountId}.</c>), as botocore's serializer does before it sends anything.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AwsHostPrefix
{
    /// <summary>
    /// Adds a problem to <paramref name="problems"/> when <paramref name="value"/> cannot be part of a host name:
    /// botocore's <c>HOST_PREFIX_RE</c> allows ASCII letters, digits, hyphens and periods, at least one. A missing
    /// value is a problem of its own only when the member is optional (a required one is reported as missing already).
    /// </summary>
    /// <param name="problems">The request's validation problems.</param>
    /// <param name="name">The member's name, for the message.</param>
    /// <param name="value">The member's value.</param>
    /// <param name="isRequired">Whether the model marks the member required.</param>
    public static void CheckLabel(List<string> problems, string name, string? value, bool isRequired)
    {
        if (value is null)
        {
            if (!isRequired)
            {
                problems.Add($"{name}: a value is needed, it is part of the host name");
            }

            return;
        }

        if (!IsValidLabel(value))
        {
            problems.Add($"{name}: must contain only alphanumeric characters, hyphen, or period (it is part of the host name)");
        }
    }

    /// <summary>Whether <paramref name="value"/> is one or more ASCII letters, digits, hyphens or periods.</summary>
    /// <param name="value">The value to check.</param>
    /// <returns><see langword="true"/> when the value may be put into the host name.</returns>
    public static bool IsValidLabel(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
