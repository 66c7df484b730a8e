using System;
using System.Collections.Generic;

namespace DataZone.Gen;

/// <summary>
/// The INI dialect of the shared AWS files (Python configparser as botocore uses it): <c>[section]</c> headers,
/// <c>key = value</c> or <c>key: value</c>, full-line comments with <c>#</c> or <c>;</c>, keys case-insensitive,
/// indented lines continue the previous value (nested settings such as <c>s3 =</c> blocks).
/// </summary>
internal static class IniFile
{
    public static Dictionary<string, Dictionary<string, string>> Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        string? lastKey = null;
        foreach (var rawLine in text.Split('\n'))
        {
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
                if (!sections.TryGetValue(name, out current))
                {
                    sections[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                lastKey = null;
                continue;
            }
            var separator = trimmed.IndexOfAny(new[] { '=', ':' });
            if (current is null || separator <= 0)
            {
                lastKey = null; // a stray line outside any section, or without a separator, is ignored
                continue;
            }
            lastKey = trimmed.Substring(0, separator).Trim().ToLowerInvariant();
            current[lastKey] = trimmed.Substring(separator + 1).Trim();
        }
        return sections;
    }
}
