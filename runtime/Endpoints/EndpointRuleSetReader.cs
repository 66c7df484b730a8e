using System;
using System.Linq;
using System.Text.Json;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// Reads an <c>endpoint-rule-set-1.json</c> document into the immutable rule tree. Everything that can be checked
/// without parameters is checked here (rule types, function names and argument counts, templates), so a bad rule set
/// fails when it is loaded, with the JSON path of the problem, not on some later call.
/// </summary>
internal static class EndpointRuleSetReader
{
    public static EndpointRuleSet Read(JsonElement root)
    {
        Expect(root, JsonValueKind.Object, "$");
        var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Problem("$.version", "is missing");
        if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw Problem("$.version", $"is '{version}'; only version 1.x rule sets are understood");
        }

        var parameters = root.TryGetProperty("parameters", out var p) ? ReadParameters(p) : Array.Empty<EndpointParameterDefinition>();
        var rules = root.TryGetProperty("rules", out var r) ? ReadRules(r, "$.rules") : throw Problem("$.rules", "is missing");
        return new EndpointRuleSet(version, parameters, rules);
    }

    private static EndpointParameterDefinition[] ReadParameters(JsonElement parameters)
    {
        Expect(parameters, JsonValueKind.Object, "$.parameters");
        return parameters.EnumerateObject().Select(parameter =>
        {
            var path = "$.parameters." + parameter.Name;
            var spec = parameter.Value;
            Expect(spec, JsonValueKind.Object, path);
            var typeName = OptionalString(spec, "type", path) ?? throw Problem(path + ".type", "is missing");
            var type = typeName.ToLowerInvariant() switch
            {
                "string" => EndpointParameterType.String,
                "boolean" => EndpointParameterType.Boolean,
                "stringarray" => EndpointParameterType.StringArray,
                _ => throw Problem(path + ".type", $"Unknown parameter type: {typeName}. A parameter must be of type string, boolean or stringArray."),
            };
            var defaultValue = spec.TryGetProperty("default", out var d) && d.ValueKind != JsonValueKind.Null ? EndpointValue.FromJson(d) : null;
            if (defaultValue is not null && !EndpointRuleSet.HasType(defaultValue, type))
            {
                throw Problem(path + ".default", $"is {defaultValue.ToJson()}, which is not a {typeName}");
            }

            var required = spec.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.True;
            return new EndpointParameterDefinition(parameter.Name, type, OptionalString(spec, "builtIn", path), required, defaultValue,
                OptionalString(spec, "documentation", path));
        }).ToArray();
    }

    private static EndpointRule[] ReadRules(JsonElement rules, string path)
    {
        Expect(rules, JsonValueKind.Array, path);
        return rules.EnumerateArray().Select((rule, i) => ReadRule(rule, $"{path}[{i}]")).ToArray();
    }

    private static EndpointRule ReadRule(JsonElement rule, string path)
    {
        Expect(rule, JsonValueKind.Object, path);
        var conditions = rule.TryGetProperty("conditions", out var c) ? ReadConditions(c, path + ".conditions") : Array.Empty<FunctionExpression>();
        var type = OptionalString(rule, "type", path);
        switch (type)
        {
            case "tree":
                return new TreeRule(conditions, rule.TryGetProperty("rules", out var rules) ? ReadRules(rules, path + ".rules") : throw Problem(path + ".rules", "is missing"));
            case "error":
                return new ErrorRule(conditions, rule.TryGetProperty("error", out var error) ? ReadExpression(error, path + ".error") : throw Problem(path + ".error", "is missing"));
            case "endpoint":
                return ReadEndpoint(conditions, rule.TryGetProperty("endpoint", out var endpoint) ? endpoint : throw Problem(path + ".endpoint", "is missing"), path + ".endpoint");
            default:
                throw Problem(path + ".type", $"Unknown rule type: {type}. A rule must be of type tree, endpoint or error.");
        }
    }

    private static EndpointResultRule ReadEndpoint(FunctionExpression[] conditions, JsonElement endpoint, string path)
    {
        Expect(endpoint, JsonValueKind.Object, path);
        var url = endpoint.TryGetProperty("url", out var u) ? ReadExpression(u, path + ".url") : throw Problem(path + ".url", "is missing");
        var headers = Array.Empty<(string, RuleExpression[])>();
        if (endpoint.TryGetProperty("headers", out var h))
        {
            Expect(h, JsonValueKind.Object, path + ".headers");
            headers = h.EnumerateObject().Select(header =>
            {
                Expect(header.Value, JsonValueKind.Array, $"{path}.headers.{header.Name}");
                return (header.Name, header.Value.EnumerateArray().Select((value, i) => ReadExpression(value, $"{path}.headers.{header.Name}[{i}]")).ToArray());
            }).ToArray();
        }

        var properties = Array.Empty<(string, PropertyNode)>();
        if (endpoint.TryGetProperty("properties", out var props))
        {
            Expect(props, JsonValueKind.Object, path + ".properties");
            properties = props.EnumerateObject().Select(property => (property.Name, Guard(() => PropertyNode.From(property.Value), $"{path}.properties.{property.Name}"))).ToArray();
        }

        return new EndpointResultRule(conditions, url, headers, properties);
    }

    private static FunctionExpression[] ReadConditions(JsonElement conditions, string path)
    {
        Expect(conditions, JsonValueKind.Array, path);
        return conditions.EnumerateArray().Select((condition, i) =>
            ReadExpression(condition, $"{path}[{i}]") as FunctionExpression ?? throw Problem($"{path}[{i}]", "is not a function call")).ToArray();
    }

    private static RuleExpression ReadExpression(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when element.TryGetProperty("fn", out var fn):
                var name = fn.ValueKind == JsonValueKind.String ? fn.GetString()! : throw Problem(path + ".fn", "is not a string");
                var function = EndpointFunctions.Find(name) ?? throw Problem(path + ".fn", $"names '{name}', which is not a function of the rules language");
                var argv = element.TryGetProperty("argv", out var a) ? a : throw Problem(path + ".argv", "is missing");
                Expect(argv, JsonValueKind.Array, path + ".argv");
                var arguments = argv.EnumerateArray().Select((argument, i) => ReadExpression(argument, $"{path}.argv[{i}]")).ToArray();
                if (arguments.Length != function.Arity)
                {
                    throw Problem(path + ".argv", $"has {arguments.Length} arguments; {name} takes {function.Arity}");
                }

                return new FunctionExpression(function, arguments, OptionalString(element, "assign", path));
            case JsonValueKind.Object when element.TryGetProperty("ref", out var reference):
                return new ReferenceExpression(reference.ValueKind == JsonValueKind.String ? reference.GetString()! : throw Problem(path + ".ref", "is not a string"));
            case JsonValueKind.String when StringTemplate.IsTemplate(element.GetString()!):
                return new TemplateExpression(Guard(() => StringTemplate.Parse(element.GetString()!), path));
            case JsonValueKind.Null:
                return new LiteralExpression(null);
            default:
                return new LiteralExpression(Guard(() => EndpointValue.FromJson(element), path));
        }
    }

    private static T Guard<T>(Func<T> read, string path)
    {
        try
        {
            return read();
        }
        catch (FormatException exception)
        {
            throw Problem(path, exception.Message);
        }
    }

    private static string? OptionalString(JsonElement element, string name, string path) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString() : throw Problem($"{path}.{name}", "is not a string");

    private static void Expect(JsonElement element, JsonValueKind kind, string path)
    {
        if (element.ValueKind != kind)
        {
            throw Problem(path, $"is {element.ValueKind.ToString().ToLowerInvariant()}, not {kind.ToString().ToLowerInvariant()}");
        }
    }

    private static FormatException Problem(string path, string problem) => new($"Endpoint rule set {path}: {problem}");
}
