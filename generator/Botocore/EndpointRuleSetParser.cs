using System.Collections.Generic;
using System.Globalization;
using System.Text;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>
/// A service's <c>endpoint-rule-set-1.json</c> as the generator carries it: the document written back, two-space
/// indented with short values kept on one line (what the client embeds and the runtime parses), and the parameters
/// it declares (what operations may bind).
/// </summary>
internal sealed record EndpointRuleSetDocument(string FilePath, EquatableArray<string> JsonLines, EquatableArray<EndpointParameterModel> Parameters);

/// <summary>A parameter the rule set declares: <c>string</c>, <c>boolean</c> or <c>stringArray</c>, and its built-in, if any.</summary>
internal sealed record EndpointParameterModel(string Name, string Type, string? BuiltIn, SourceSpan Span);

/// <summary>
/// Checks an endpoint rule set the way the runtime's reader will (version, parameters, rule types, function names and
/// argument counts), so that a rule set the client could not load is a located diagnostic at build time rather than a
/// <c>TypeInitializationException</c> when the client is first used.
/// </summary>
internal static class EndpointRuleSetParser
{
    // The rules language's standard library with each function's argument count; the runtime's EndpointFunctions.
    private static readonly Dictionary<string, int> Functions = new(System.StringComparer.Ordinal)
    {
        ["isSet"] = 1,
        ["not"] = 1,
        ["booleanEquals"] = 2,
        ["stringEquals"] = 2,
        ["getAttr"] = 2,
        ["substring"] = 4,
        ["uriEncode"] = 1,
        ["parseURL"] = 1,
        ["isValidHostLabel"] = 2,
        ["aws.partition"] = 1,
        ["aws.parseArn"] = 1,
        ["aws.isVirtualHostableS3Bucket"] = 2,
    };

    public static EndpointRuleSetDocument? Parse(string path, PositionedNode root, ModelReader reader)
    {
        var problems = reader.Diagnostics.Count;
        if (root is not PositionedObject document)
        {
            reader.Invalid(root.Span, $"the top level of an endpoint rule set must be an object, not {root.Kind}");
            return null;
        }

        var context = ModelContext.Fixed("the endpoint rule set");
        var version = reader.String(document, "version", context);
        if (version is null || !version.StartsWith("1.", System.StringComparison.Ordinal))
        {
            reader.Invalid(
                document["version"]?.Span ?? document.Span,
                version is null ? "an endpoint rule set needs a 'version' (1.x)" : $"the endpoint rule set's version is '{version}'; only version 1.x is understood");
        }

        CheckNumbers(document, reader);
        var parameters = ReadParameters(document, reader, context);
        if (document["rules"] is { } rules)
        {
            ReadRules(rules, "rules", reader);
        }
        else
        {
            reader.Invalid(document.Span, "an endpoint rule set needs a 'rules' array");
        }

        return reader.Diagnostics.Count > problems ? null : new EndpointRuleSetDocument(path, Layout(document), parameters);
    }

    private static EquatableArray<EndpointParameterModel> ReadParameters(PositionedObject document, ModelReader reader, ModelContext context)
    {
        var node = reader.Object(document, "parameters", context);
        if (node is null)
        {
            return EquatableArray<EndpointParameterModel>.Empty;
        }

        var parameters = new List<EndpointParameterModel>(node.Properties.Length);
        foreach (var property in node.Properties)
        {
            var parameterContext = ModelContext.Named("endpoint parameter", property.Name);
            if (property.Value is not PositionedObject definition)
            {
                reader.Invalid(property.Value.Span, $"{parameterContext} must be an object, not {property.Value.Kind}");
                continue;
            }

            var type = reader.String(definition, "type", parameterContext);
            var normalized = type?.ToLowerInvariant() switch
            {
                "string" => "string",
                "boolean" => "boolean",
                "stringarray" => "stringArray",
                _ => null,
            };
            if (normalized is null)
            {
                reader.Invalid(
                    definition["type"]?.Span ?? property.NameSpan,
                    type is null ? $"{parameterContext} needs a 'type'" : $"{parameterContext} has the type '{type}'; it must be string, boolean or stringArray");
                continue;
            }

            if (definition["default"] is { } fallback and not PositionedNull && !HasType(fallback, normalized))
            {
                reader.Invalid(fallback.Span, $"the default of {parameterContext} is {fallback.Kind}, not a {normalized}");
            }

            reader.Boolean(definition, "required", parameterContext);
            parameters.Add(new EndpointParameterModel(property.Name, normalized, reader.String(definition, "builtIn", parameterContext), property.NameSpan));
        }

        return parameters.ToEquatableArray();
    }

    private static bool HasType(PositionedNode value, string type) => type switch
    {
        "string" => value is PositionedString,
        "boolean" => value is PositionedBoolean,
        _ => value is PositionedArray array && AllStrings(array),
    };

    private static bool AllStrings(PositionedArray array)
    {
        foreach (var item in array.Items)
        {
            if (item is not PositionedString)
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadRules(PositionedNode node, string where, ModelReader reader)
    {
        if (node is not PositionedArray rules)
        {
            reader.Invalid(node.Span, $"'{where}' of the endpoint rule set must be an array, not {node.Kind}");
            return;
        }

        var index = 0;
        foreach (var item in rules.Items)
        {
            ReadRule(item, $"{where}[{index++}]", reader);
        }
    }

    private static void ReadRule(PositionedNode node, string where, ModelReader reader)
    {
        if (node is not PositionedObject rule)
        {
            reader.Invalid(node.Span, $"the endpoint rule {where} must be an object, not {node.Kind}");
            return;
        }

        if (rule["conditions"] is { } conditions)
        {
            if (conditions is PositionedArray list)
            {
                var index = 0;
                foreach (var condition in list.Items)
                {
                    var conditionWhere = $"{where}.conditions[{index++}]";
                    if (condition is PositionedObject call && call["fn"] is not null)
                    {
                        ReadExpression(call, conditionWhere, reader);
                    }
                    else
                    {
                        reader.Invalid(condition.Span, $"the condition {conditionWhere} of the endpoint rule set must be a function call ({{\"fn\": ..., \"argv\": [...]}})");
                    }
                }
            }
            else
            {
                reader.Invalid(conditions.Span, $"'conditions' of the endpoint rule {where} must be an array, not {conditions.Kind}");
            }
        }

        var type = rule["type"] as PositionedString;
        switch (type?.Value)
        {
            case "tree":
                Require(rule, "rules", where, reader, rules => ReadRules(rules, where + ".rules", reader));
                break;
            case "error":
                Require(rule, "error", where, reader, error => ReadExpression(error, where + ".error", reader));
                break;
            case "endpoint":
                Require(rule, "endpoint", where, reader, endpoint => ReadEndpoint(endpoint, where + ".endpoint", reader));
                break;
            default:
                reader.Invalid(
                    rule["type"]?.Span ?? rule.Span,
                    $"the endpoint rule {where} has the type '{type?.Value ?? "(none)"}'; a rule must be of type tree, endpoint or error");
                break;
        }
    }

    private static void Require(PositionedObject rule, string name, string where, ModelReader reader, System.Action<PositionedNode> read)
    {
        if (rule[name] is { } value)
        {
            read(value);
        }
        else
        {
            reader.Invalid(rule.Span, $"the endpoint rule {where} needs '{name}'");
        }
    }

    private static void ReadEndpoint(PositionedNode node, string where, ModelReader reader)
    {
        if (node is not PositionedObject endpoint)
        {
            reader.Invalid(node.Span, $"{where} of the endpoint rule set must be an object, not {node.Kind}");
            return;
        }

        Require(endpoint, "url", where, reader, url => ReadExpression(url, where + ".url", reader));
        if (endpoint["headers"] is { } headers and not PositionedObject)
        {
            reader.Invalid(headers.Span, $"{where}.headers of the endpoint rule set must be an object, not {headers.Kind}");
        }

        if (endpoint["properties"] is { } properties and not PositionedObject)
        {
            reader.Invalid(properties.Span, $"{where}.properties of the endpoint rule set must be an object, not {properties.Kind}");
        }
    }

    private static void ReadExpression(PositionedNode node, string where, ModelReader reader)
    {
        if (node is not PositionedObject call || call["fn"] is not { } fn)
        {
            return; // a literal, a template or a reference: the runtime reads them, and they cannot name a missing function
        }

        if (fn is not PositionedString name || !Functions.TryGetValue(name.Value, out var arity))
        {
            reader.Invalid(fn.Span, fn is PositionedString unknown
                ? $"{where} calls '{unknown.Value}', which is not a function of the endpoint rules language"
                : $"'fn' of {where} must be a string, not {fn.Kind}");
            return;
        }

        if (call["argv"] is not PositionedArray arguments)
        {
            reader.Invalid(call.Span, $"the call of '{name.Value}' at {where} needs an 'argv' array");
            return;
        }

        if (arguments.Items.Length != arity)
        {
            reader.Invalid(arguments.Span, $"'{name.Value}' at {where} has {arguments.Items.Length} arguments; it takes {arity}");
        }

        var index = 0;
        foreach (var argument in arguments.Items)
        {
            ReadExpression(argument, $"{where}.argv[{index++}]", reader);
        }
    }

    // A number beyond a double's range has no compact form the runtime could read back.
    private static void CheckNumbers(PositionedNode node, ModelReader reader)
    {
        switch (node)
        {
            case PositionedObject obj:
                foreach (var property in obj.Properties)
                {
                    CheckNumbers(property.Value, reader);
                }

                break;
            case PositionedArray array:
                foreach (var item in array.Items)
                {
                    CheckNumbers(item, reader);
                }

                break;
            case PositionedNumber number when double.IsInfinity(number.Value) || double.IsNaN(number.Value):
                reader.Invalid(number.Span, $"the number {number.Text} in the endpoint rule set is beyond the range of a number");
                break;
        }
    }

    // A container whose one-line form fits in this many characters stays on one line.
    private const int InlineWidth = 96;

    /// <summary>
    /// The document written back as lines. Written from the parsed nodes, not copied from the text, so a repeated key
    /// keeps botocore's last value, and U+0085, U+2028 and U+2029 (line breaks to the C# compiler, ordinary characters
    /// to JSON) are escaped and cannot end a line of the literal early.
    /// </summary>
    internal static EquatableArray<string> Layout(PositionedNode root)
    {
        var text = new StringBuilder();
        WriteIndented(root, text, 0);
        return text.ToString().Split('\n').ToEquatableArray();
    }

    private static void WriteIndented(PositionedNode node, StringBuilder text, int indent)
    {
        var inline = new StringBuilder();
        WriteInline(node, inline);
        if (node is not (PositionedObject or PositionedArray) || indent + inline.Length <= InlineWidth || IsEmpty(node))
        {
            text.Append(inline);
            return;
        }

        var inner = new string(' ', indent + 2);
        if (node is PositionedObject obj)
        {
            text.Append('{');
            var index = 0;
            foreach (var property in obj.Properties)
            {
                text.Append('\n').Append(inner);
                WriteString(property.Name, text);
                text.Append(": ");
                WriteIndented(property.Value, text, indent + 2);
                text.Append(++index < obj.Properties.Length ? "," : string.Empty);
            }

            text.Append('\n').Append(' ', indent).Append('}');
            return;
        }

        var array = (PositionedArray)node;
        text.Append('[');
        for (var i = 0; i < array.Items.Length; i++)
        {
            text.Append('\n').Append(inner);
            WriteIndented(array.Items[i], text, indent + 2);
            text.Append(i + 1 < array.Items.Length ? "," : string.Empty);
        }

        text.Append('\n').Append(' ', indent).Append(']');
    }

    private static bool IsEmpty(PositionedNode node) =>
        node is PositionedObject { Properties.Length: 0 } or PositionedArray { Items.Length: 0 };

    private static void WriteInline(PositionedNode node, StringBuilder text)
    {
        switch (node)
        {
            case PositionedObject obj:
                if (obj.Properties.Length == 0)
                {
                    text.Append("{}");
                    break;
                }

                text.Append("{ ");
                var first = true;
                foreach (var property in obj.Properties)
                {
                    if (!first)
                    {
                        text.Append(", ");
                    }

                    first = false;
                    WriteString(property.Name, text);
                    text.Append(": ");
                    WriteInline(property.Value, text);
                }

                text.Append(" }");
                break;
            case PositionedArray array:
                text.Append('[');
                for (var i = 0; i < array.Items.Length; i++)
                {
                    if (i > 0)
                    {
                        text.Append(", ");
                    }

                    WriteInline(array.Items[i], text);
                }

                text.Append(']');
                break;
            case PositionedString value:
                WriteString(value.Value, text);
                break;
            case PositionedNumber number:
                text.Append(number.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case PositionedBoolean flag:
                text.Append(flag.Value ? "true" : "false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case < ' ' or '\u007f' or '\u0085' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }
}
