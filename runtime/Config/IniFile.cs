using System;
using System.Collections.Generic;

namespace DataZone.Gen;

/// <summary>
/// The INI dialect of the shared AWS files (Python configparser as botocore uses it): <c>[section]</c> headers,
/// <c>key = value</c> or <c>key: value</c>, full-line comments with <c>#</c> or <c>;</c>, keys case-insensitive,
/// indented lines continue the previous value (nested settings such as <c>s3 =</c> blocks). configparser is strict, so
/// a section or a setting given twice in one file, a setting before the first section and a line that is no setting
/// are errors, as botocore's ConfigParseError.
/// </summary>
internal static class IniFile
{
    /// <summary>Parses a file's text into sections of settings.</summary>
    /// <exception cref="AwsClientException">A line configparser refuses (see the class summary).</exception>
    public static Dictionary<string, Dictionary<string, string>> Parse(string text, string? path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        string? section = null;
        string? lastKey = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && current is not null && lastKey is not null)
            {
                current[lastKey] = current[lastKey] + "\n" + trimmed; // continuation: nested block, kept verbatim
                continue;
            }
            if (trimmed[0] == '[')
            {
                // configparser's SECTCRE, \[(?P<header>.+)\]: up to the last ']', spaces kept, so "[ default ]" is not
                // the default profile for botocore either.
                var close = trimmed.LastIndexOf(']');
                var name = close > 0 ? trimmed.Substring(1, close - 1) : trimmed.Substring(1);
                if (sections.ContainsKey(name))
                {
                    throw Invalid(path, lineNumber, $"section [{name}] appears a second time");
                }

                sections[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                section = name;
                lastKey = null;
                continue;
            }
            if (current is null)
            {
                throw Invalid(path, lineNumber, "a setting before the first [section]");
            }

            var separator = trimmed.IndexOfAny(new[] { '=', ':' });
            if (separator <= 0)
            {
                throw Invalid(path, lineNumber, "a line that is neither a [section], a 'name = value' setting nor a # or ; comment");
            }

            lastKey = trimmed.Substring(0, separator).Trim().ToLowerInvariant();
            if (!current.TryAdd(lastKey, trimmed.Substring(separator + 1).Trim()))
            {
                throw Invalid(path, lineNumber, $"'{lastKey}' appears a second time in section [{section}]");
            }
        }
        return sections;
    }

    private static AwsClientException Invalid(string? path, int line, string problem) =>
        new($"Unable to parse config file {path} (line {line}): {problem}. botocore refuses this file too.");
}
