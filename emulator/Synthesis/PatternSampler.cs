using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DataZone.Gen.Emulator.Synthesis;

/// <summary>
/// Writes a string that a model's <c>pattern</c> accepts, for the simple patterns botocore models carry
/// (literals, classes, escapes, groups, alternation, quantifiers, anchors, lookarounds skipped). Variable runs
/// are filled from a caller-given seed text, so distinct seeds give distinct strings. The caller checks the result
/// against the real regex: a pattern this sampler misreads yields a string that is simply not used.
/// </summary>
internal sealed class PatternSampler
{
    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private readonly string _pattern;
    private readonly string _fill;
    private readonly bool _lastAlternative;
    private readonly int _run;
    private readonly StringBuilder _out = new();
    private int _at;
    private int _fillAt;

    private PatternSampler(string pattern, string fill, bool lastAlternative, int run)
    {
        _run = run;
        _pattern = pattern;
        _fill = fill.Length == 0 ? "a" : fill;
        _lastAlternative = lastAlternative;
    }

    /// <summary>A sample for <paramref name="pattern"/>, or null when the pattern uses syntax the sampler does not read.</summary>
    /// <param name="pattern">The model's pattern.</param>
    /// <param name="fill">Characters to draw variable runs from (their order makes samples distinct).</param>
    /// <param name="lastAlternative">Take the last branch of each alternation instead of the first (a second try).</param>
    /// <param name="run">How many characters an open-ended or ranged repetition gets (clamped to its bounds).</param>
    public static string? Sample(string pattern, string fill, bool lastAlternative, int run = 8)
    {
        try
        {
            var sampler = new PatternSampler(pattern, fill, lastAlternative, run);
            sampler.Alternation(sampler._out);
            return sampler._at == pattern.Length ? sampler._out.ToString() : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private void Alternation(StringBuilder into)
    {
        var branches = new List<StringBuilder>();
        var current = new StringBuilder();
        while (_at < _pattern.Length && _pattern[_at] != ')')
        {
            if (_pattern[_at] == '|')
            {
                _at++;
                branches.Add(current);
                current = new StringBuilder();
                continue;
            }

            Atom(current);
        }

        branches.Add(current);
        // An empty branch ("$|arn:...") is a poor sample; skip it when another branch exists.
        var chosen = _lastAlternative ? branches[^1] : branches[0];
        if (chosen.Length == 0 && branches.Count > 1)
        {
            chosen = branches.Find(b => b.Length > 0) ?? chosen;
        }

        into.Append(chosen);
    }

    private void Atom(StringBuilder into)
    {
        var c = _pattern[_at];
        switch (c)
        {
            case '^':
            case '$':
                _at++;
                return;
            case '(':
                Group(into);
                return;
            case '[':
                var set = ClassSet();
                Repeat(into, set);
                return;
            case '.':
                _at++;
                Repeat(into, Alphanumeric);
                return;
            case '\\':
                var escaped = Escape(out var isAnchor);
                if (!isAnchor)
                {
                    Repeat(into, escaped);
                }

                return;
            case '*':
            case '+':
            case '?':
            case '{':
                throw new FormatException("A quantifier with nothing to repeat.");
            default:
                _at++;
                Repeat(into, c.ToString());
                return;
        }
    }

    private void Group(StringBuilder into)
    {
        _at++;
        var lookaround = false;
        if (_at < _pattern.Length && _pattern[_at] == '?')
        {
            var kind = _pattern[_at + 1];
            lookaround = kind is '=' or '!' or '<';
            _at += kind == '<' ? 3 : 2;
        }

        var inner = new StringBuilder();
        Alternation(inner);
        if (_at >= _pattern.Length || _pattern[_at] != ')')
        {
            throw new FormatException("Unbalanced group.");
        }

        _at++;
        if (lookaround)
        {
            return;
        }

        // Optional groups are left out and repeated ones appear as often as they must: the shortest faithful sample.
        (var min, _) = Quantifier();
        var count = Quantified ? min : 1;
        for (var i = 0; i < count; i++)
        {
            into.Append(inner);
        }
    }

    private bool Quantified { get; set; }

    /// <summary>Appends a run of characters from <paramref name="alphabet"/>, as many as the quantifier after it allows.</summary>
    private void Repeat(StringBuilder into, string alphabet)
    {
        (var min, var max) = Quantifier();
        var count = Quantified ? Math.Clamp(_run, min, max) : 1;
        for (var i = 0; i < count; i++)
        {
            into.Append(Pick(alphabet));
        }
    }

    private char Pick(string alphabet)
    {
        if (alphabet.Length == 1)
        {
            return alphabet[0];
        }

        var f = _fill[_fillAt++ % _fill.Length];
        return alphabet.Contains(f, StringComparison.Ordinal) ? f : alphabet[f % alphabet.Length];
    }

    private (int Min, int Max) Quantifier()
    {
        Quantified = false;
        if (_at >= _pattern.Length)
        {
            return (1, 1);
        }

        (int, int) result;
        switch (_pattern[_at])
        {
            case '*':
                _at++;
                result = (0, int.MaxValue);
                break;
            case '+':
                _at++;
                result = (1, int.MaxValue);
                break;
            case '?':
                _at++;
                result = (0, 1);
                break;
            case '{':
                var close = _pattern.IndexOf('}', _at);
                var body = _pattern.Substring(_at + 1, close - _at - 1).Split(',');
                _at = close + 1;
                var min = int.Parse(body[0], CultureInfo.InvariantCulture);
                var max = body.Length == 1 ? min : body[1].Length == 0 ? int.MaxValue : int.Parse(body[1], CultureInfo.InvariantCulture);
                result = (min, max);
                break;
            default:
                return (1, 1);
        }

        Quantified = true;
        if (_at < _pattern.Length && _pattern[_at] is '?' or '+')
        {
            _at++; // Lazy or possessive: the count chosen is the same.
        }

        return result;
    }

    /// <summary>Reads <c>[...]</c> and returns the characters it accepts, drawn from printable ASCII (or beyond for \u ranges).</summary>
    private string ClassSet()
    {
        _at++;
        var negated = _pattern[_at] == '^';
        if (negated)
        {
            _at++;
        }

        var accepted = new StringBuilder();
        var first = true;
        while (_pattern[_at] != ']' || first)
        {
            first = false;
            char low;
            if (_pattern[_at] == '\\')
            {
                var escaped = Escape(out _);
                if (escaped.Length != 1)
                {
                    accepted.Append(escaped);
                    continue;
                }

                low = escaped[0];
            }
            else
            {
                low = _pattern[_at++];
            }

            if (_pattern[_at] == '-' && _pattern[_at + 1] != ']')
            {
                _at++;
                var high = _pattern[_at] == '\\' ? Escape(out _)[0] : _pattern[_at++];
                // Large ranges (\u0020-\uD7FF) contribute their ASCII part: enough to sample from.
                for (var ch = low; ch <= high && ch < 0x7F; ch++)
                {
                    accepted.Append(ch);
                }

                if (low >= 0x7F)
                {
                    accepted.Append(low);
                }
            }
            else
            {
                accepted.Append(low);
            }
        }

        _at++;
        if (!negated)
        {
            return accepted.Length == 0 ? throw new FormatException("An empty class.") : Prefer(accepted.ToString());
        }

        var allowed = new StringBuilder();
        foreach (var ch in Alphanumeric)
        {
            if (accepted.ToString().IndexOf(ch, StringComparison.Ordinal) < 0)
            {
                allowed.Append(ch);
            }
        }

        return allowed.Length == 0 ? throw new FormatException("A class that excludes every sample character.") : allowed.ToString();
    }

    /// <summary>Letters and digits first when a class has them: samples read better without control characters or spaces.</summary>
    private static string Prefer(string accepted)
    {
        var alnum = new StringBuilder();
        foreach (var ch in accepted)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                alnum.Append(ch);
            }
        }

        return alnum.Length > 0 ? alnum.ToString() : accepted.Replace("\t", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal) is { Length: > 0 } printable ? printable : accepted;
    }

    /// <summary>Reads an escape; returns the characters it stands for (several for \d, \w, ...).</summary>
    private string Escape(out bool isAnchor)
    {
        isAnchor = false;
        var c = _pattern[_at + 1];
        _at += 2;
        switch (c)
        {
            case 'd':
                return "0123456789";
            case 'w':
                return Alphanumeric + "_";
            case 'W':
                return "-";
            case 's':
                return " ";
            case 'S':
                return Alphanumeric;
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
                isAnchor = true;
                return "";
            case 'n':
                return "\n";
            case 'r':
                return "\r";
            case 't':
                return "\t";
            case 'x':
                _at += 2;
                return ((char)int.Parse(_pattern.AsSpan(_at - 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();
            case 'u':
                _at += 4;
                return ((char)int.Parse(_pattern.AsSpan(_at - 4, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString();
            case 'p':
            case 'P':
                _at = _pattern.IndexOf('}', _at) + 1;
                return c == 'p' ? "abcdefghijklmnopqrstuvwxyz" : "-";
            default:
                return c.ToString();
        }
    }
}
