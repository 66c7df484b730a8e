using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DataZone.Gen.Endpoints;

/// <summary>A value in a rule: a literal, a template string, a reference or a function call.</summary>
internal abstract class RuleExpression
{
    /// <summary>The value, or <see langword="null"/> when unset.</summary>
    public abstract EndpointValue? Evaluate(RuleScope scope);
}

internal sealed class LiteralExpression(EndpointValue? value) : RuleExpression
{
    public override EndpointValue? Evaluate(RuleScope scope) => value;
}

/// <summary><c>{"ref": "Name"}</c>: a parameter or an assigned variable; unset when there is none (botocore's <c>dict.get</c>).</summary>
internal sealed class ReferenceExpression(string name) : RuleExpression
{
    public override EndpointValue? Evaluate(RuleScope scope) => scope.TryGet(name, out var value) ? value : null;
}

internal sealed class TemplateExpression(StringTemplate template) : RuleExpression
{
    public override EndpointValue? Evaluate(RuleScope scope) => EndpointValue.From(template.Render(scope));
}

/// <summary><c>{"fn": ..., "argv": [...], "assign": ...}</c>: arguments evaluated in order, the result assigned when asked.</summary>
internal sealed class FunctionExpression(EndpointFunction function, RuleExpression[] arguments, string? assign) : RuleExpression
{
    public override EndpointValue? Evaluate(RuleScope scope)
    {
        var values = new EndpointValue?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Evaluate(scope);
        }

        var result = function.Invoke(values);
        if (assign is not null)
        {
            scope.Assign(assign, result);
        }

        return result;
    }
}

/// <summary>
/// A string with <c>{Name}</c> or <c>{Name#attr}</c> references, read as Python's <c>string.Formatter</c> reads it
/// (which botocore uses): <c>{{</c> and <c>}}</c> are literal braces. botocore treats a string as a template only when
/// it contains <c>{letters-or-#}</c>; others are literal (<see cref="IsTemplate"/>).
/// </summary>
internal sealed class StringTemplate
{
    private readonly (string Literal, string[]? Path)[] _parts;
    private readonly string _text;

    private StringTemplate(string text, (string, string[]?)[] parts)
    {
        _text = text;
        _parts = parts;
    }

    public static bool IsTemplate(string text)
    {
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = start + 1;
            while (end < text.Length && (char.IsAsciiLetter(text[end]) || text[end] == '#'))
            {
                end++;
            }

            if (end > start + 1 && end < text.Length && text[end] == '}')
            {
                return true;
            }
        }

        return false;
    }

    /// <exception cref="FormatException">Unbalanced braces.</exception>
    public static StringTemplate Parse(string text)
    {
        var parts = new List<(string, string[]?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new FormatException($"The template '{text}' has a '{{' without a '}}'.");
                }

                // Python's formatter would read "!conversion" and ":spec"; rule sets use neither, so only the name counts.
                var field = text[(i + 1)..close];
                var nameEnd = field.IndexOfAny(['!', ':']);
                parts.Add((literal.ToString(), (nameEnd < 0 ? field : field[..nameEnd]).Split('#')));
                literal.Clear();
                i = close;
            }
            else if (c == '}')
            {
                throw new FormatException($"The template '{text}' has a single '}}'.");
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            parts.Add((literal.ToString(), null));
        }

        return new StringTemplate(text, parts.ToArray());
    }

    public string Render(RuleScope scope)
    {
        var result = new StringBuilder();
        foreach (var (literal, path) in _parts)
        {
            result.Append(literal);
            if (path is not null)
            {
                result.Append(Lookup(scope, path));
            }
        }

        return result.ToString();
    }

    private string Lookup(RuleScope scope, string[] path)
    {
        if (!scope.TryGet(path[0], out var value))
        {
            throw new EndpointResolutionException($"The template '{_text}' refers to '{path[0]}', which is not set.");
        }

        foreach (var attribute in path.Skip(1))
        {
            value = value?.Member(attribute)
                ?? throw new EndpointResolutionException($"The template '{_text}' refers to '{string.Join('#', path)}', which does not exist.");
        }

        return value?.ToString() ?? "None";
    }
}

/// <summary>An endpoint's <c>properties</c>: nested lists and records whose strings may be templates (nothing else is evaluated there).</summary>
internal abstract class PropertyNode
{
    public abstract EndpointValue Evaluate(RuleScope scope);

    public static PropertyNode From(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Array => new ArrayNode(element.EnumerateArray().Select(From).ToArray()),
        System.Text.Json.JsonValueKind.Object => new ObjectNode(element.EnumerateObject().Select(p => (p.Name, From(p.Value))).ToArray()),
        System.Text.Json.JsonValueKind.String when StringTemplate.IsTemplate(element.GetString()!) => new TemplateNode(StringTemplate.Parse(element.GetString()!)),
        _ => new LiteralNode(EndpointValue.FromJson(element)),
    };

    private sealed class LiteralNode(EndpointValue value) : PropertyNode
    {
        public override EndpointValue Evaluate(RuleScope scope) => value;
    }

    private sealed class TemplateNode(StringTemplate template) : PropertyNode
    {
        public override EndpointValue Evaluate(RuleScope scope) => EndpointValue.From(template.Render(scope));
    }

    private sealed class ArrayNode(PropertyNode[] items) : PropertyNode
    {
        public override EndpointValue Evaluate(RuleScope scope) => EndpointValue.FromArray(items.Select(i => i.Evaluate(scope)));
    }

    private sealed class ObjectNode((string Name, PropertyNode Value)[] members) : PropertyNode
    {
        public override EndpointValue Evaluate(RuleScope scope) =>
            EndpointValue.FromObject(members.Select(m => new KeyValuePair<string, EndpointValue>(m.Name, m.Value.Evaluate(scope))));
    }
}
