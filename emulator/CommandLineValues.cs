using System;
using System.CommandLine.Parsing;
using System.Globalization;

namespace DataZone.Gen.Emulator;

/// <summary>
/// The value parsers behind the standalone flags. Each puts a message naming its flag on the parse result,
/// so every bad value reads the same way and exits with code 2.
/// </summary>
internal static class CommandLineValues
{
    public static int Int(ArgumentResult result, int min, int max)
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        result.AddError($"{Flag(result)}: '{text}' is not a whole number in {min}..{max}.");
        return 0;
    }

    public static int EmptyPageEvery(ArgumentResult result)
    {
        var n = Int(result, 0, int.MaxValue);
        if (n == 1)
        {
            result.AddError($"{Flag(result)}: must be 0 (off) or at least 2: with 1 no listing could finish.");
        }

        return n;
    }

    public static string Text(ArgumentResult result)
    {
        var text = Token(result);
        if (text.Length == 0)
        {
            result.AddError($"{Flag(result)} needs a non-empty value.");
        }

        return text;
    }

    public static double Rate(ArgumentResult result)
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1)
        {
            return rate;
        }

        result.AddError($"{Flag(result)}: '{text}' is not a number between 0 and 1.");
        return 0;
    }

    public static DateTimeOffset Time(ArgumentResult result)
    {
        var text = Token(result);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        result.AddError($"{Flag(result)}: '{text}' is not an ISO-8601 time.");
        return default;
    }

    public static TimeSpan Duration(ArgumentResult result)
    {
        var text = Token(result);
        if (TryParseDuration(text, out var span))
        {
            return span;
        }

        result.AddError($"{Flag(result)}: '{text}' is not a duration (250ms, 2s, 15m, 1h or hh:mm:ss).");
        return TimeSpan.Zero;
    }

    /// <summary>Parses <c>250ms</c>, <c>2s</c>, <c>15m</c>, <c>1h</c> or <c>hh:mm:ss</c>.</summary>
    public static bool TryParseDuration(string value, out TimeSpan duration)
    {
        (var digits, var unitMs) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => (value[..^2], 1d),
            _ when value.EndsWith('s') => (value[..^1], 1_000d),
            _ when value.EndsWith('m') => (value[..^1], 60_000d),
            _ when value.EndsWith('h') => (value[..^1], 3_600_000d),
            _ => ("", 0d),
        };
        if (unitMs > 0 && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            duration = TimeSpan.FromMilliseconds(amount * unitMs);
            return true;
        }

        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            duration = span;
            return true;
        }

        duration = TimeSpan.Zero;
        return false;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    private static string Flag(ArgumentResult result) =>
        result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
