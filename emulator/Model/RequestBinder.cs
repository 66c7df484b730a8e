using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace DataZone.Gen.Emulator.Model;

/// <summary>The input members of one request, read from URI labels, query and headers and checked against the model.</summary>
internal sealed class BoundRequest
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, long> _integers;

    internal BoundRequest(OperationModel operation, Dictionary<string, string> values, Dictionary<string, long> integers)
    {
        Operation = operation;
        _values = values;
        _integers = integers;
    }

    /// <summary>The operation the request was bound to.</summary>
    public OperationModel Operation { get; }

    /// <summary>A string member's value, or null when absent.</summary>
    public string? GetString(string memberName) => _values.TryGetValue(memberName, out var value) ? value : null;

    /// <summary>An integer member's value, or null when absent.</summary>
    public long? GetInteger(string memberName) => _integers.TryGetValue(memberName, out var value) ? value : null;
}

/// <summary>
/// Binds an HTTP request to an operation's input members and validates them as the service does
/// (required, enum, pattern, length and range constraints from the model), collecting every violation
/// into one AWS-style message: <c>2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: ...</c>.
/// </summary>
internal static class RequestBinder
{
    /// <summary>Binds and validates; returns null and sets <paramref name="error"/> when the input is invalid.</summary>
    public static BoundRequest? Bind(
        OperationModel operation,
        IReadOnlyDictionary<string, string> labels,
        IQueryCollection query,
        IHeaderDictionary headers,
        out string? error)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var integers = new Dictionary<string, long>(StringComparer.Ordinal);
        var problems = new List<string>();

        foreach (var member in operation.InputMembers)
        {
            var raw = member.Location switch
            {
                MemberLocation.Uri => labels.TryGetValue(member.LocationName, out var label) ? label : null,
                MemberLocation.QueryString => First(query, member.LocationName),
                MemberLocation.Header => headers.TryGetValue(member.LocationName, out var header) ? header.ToString() : null,
                _ => null, // Body members: no operation served so far has any.
            };

            if (raw is null)
            {
                if (member.Required && member.Location != MemberLocation.Body)
                {
                    problems.Add($"Value null at '{member.Name}' failed to satisfy constraint: Member must not be null");
                }

                continue;
            }

            var problem = Validate(member, raw, out var integer);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            values[member.Name] = raw;
            if (member.Shape.IsInteger)
            {
                integers[member.Name] = integer;
            }
        }

        if (problems.Count > 0)
        {
            error = problems.Count == 1
                ? "1 validation error detected: " + problems[0]
                : problems.Count.ToString(CultureInfo.InvariantCulture) + " validation errors detected: " + string.Join("; ", problems);
            return null;
        }

        error = null;
        return new BoundRequest(operation, values, integers);
    }

    private static string? First(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var value) && value.Count > 0 ? value[0] ?? "" : null;

    private static string? Validate(InputMember member, string raw, out long integer)
    {
        integer = 0;
        var shape = member.Shape;
        var at = $"Value '{raw}' at '{member.Name}' failed to satisfy constraint: ";
        if (shape.IsInteger)
        {
            if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer))
            {
                return at + "Member must be a number";
            }

            if (shape.Min is { } min && integer < min)
            {
                return at + $"Member must have value greater than or equal to {min}";
            }

            if (shape.Max is { } max && integer > max)
            {
                return at + $"Member must have value less than or equal to {max}";
            }

            return null;
        }

        if (shape.Type == "boolean")
        {
            return raw is "true" or "false" ? null : at + "Member must be a boolean";
        }

        if (shape.Enum is { } allowed && !Contains(allowed, raw))
        {
            return at + "Member must satisfy enum value set: [" + string.Join(", ", allowed) + "]";
        }

        if (shape.Type == "string")
        {
            if (shape.Min is { } minLength && raw.Length < minLength)
            {
                return at + $"Member must have length greater than or equal to {minLength}";
            }

            if (shape.Max is { } maxLength && raw.Length > maxLength)
            {
                return at + $"Member must have length less than or equal to {maxLength}";
            }

            if (shape.PatternRegex is { } regex && !regex.IsMatch(raw))
            {
                return at + "Member must satisfy regular expression pattern: " + shape.Pattern;
            }
        }

        return null;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
