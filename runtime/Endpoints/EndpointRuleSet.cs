using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// A service's endpoint rules (its <c>endpoint-rule-set-1.json</c>), parsed once into an immutable tree and evaluated
/// as botocore evaluates them: parameters get their defaults and are type-checked, rules are tried in order, a rule's
/// conditions in order (a condition may <c>assign</c> a variable its nested rules see), and the first endpoint rule
/// whose conditions hold gives the endpoint, while an error rule gives <see cref="EndpointResolutionException"/>.
/// Thread-safe: parse once (a generated client keeps it in a static field) and resolve from any thread.
/// </summary>
public sealed class EndpointRuleSet
{
    private readonly EndpointRule[] _rules;
    private readonly Dictionary<string, EndpointParameterDefinition> _byName;

    internal EndpointRuleSet(string version, EndpointParameterDefinition[] parameters, EndpointRule[] rules)
    {
        Version = version;
        Parameters = parameters;
        _rules = rules;
        _byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The rule set's <c>version</c>, for example <c>1.0</c>.</summary>
    public string Version { get; }

    /// <summary>The parameters the rule set declares, in its order.</summary>
    public IReadOnlyList<EndpointParameterDefinition> Parameters { get; }

    /// <summary>Parses a rule set from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <exception cref="FormatException">The document is not valid JSON or not a valid rule set; the message gives the JSON path.</exception>
    public static EndpointRuleSet Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        JsonDocument document;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"Endpoint rule set: not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            return EndpointRuleSetReader.Read(document.RootElement);
        }
    }

    /// <summary>Parses a rule set from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="FormatException">The document is not valid JSON or not a valid rule set; the message gives the JSON path.</exception>
    public static EndpointRuleSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>The declaration of a parameter, or <see langword="null"/> when the rule set has none by that name.</summary>
    /// <param name="name">The parameter name.</param>
    public EndpointParameterDefinition? FindParameter(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Resolves the endpoint for the given parameters.</summary>
    /// <param name="parameters">Parameter values; unset ones take the rule set's defaults.</param>
    /// <returns>The endpoint of the first endpoint rule whose conditions hold.</returns>
    /// <exception cref="EndpointResolutionException">
    /// An error rule matched (the message is its text exactly), no rule matched, a required parameter has no value, or a
    /// value has the wrong type.
    /// </exception>
    public ResolvedEndpoint Resolve(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var variables = new Dictionary<string, EndpointValue?>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters.Values)
        {
            variables[name] = value;
        }

        foreach (var definition in Parameters)
        {
            var value = parameters.Get(definition.Name);
            if (value is null || value.Kind == EndpointValueKind.Null)
            {
                if (definition.Default is { } fallback)
                {
                    variables[definition.Name] = fallback;
                }
                else if (definition.Required)
                {
                    throw new EndpointResolutionException($"Cannot find value for required parameter {definition.Name}");
                }
                else
                {
                    variables.Remove(definition.Name);
                }
            }
            else if (!HasType(value, definition.Type))
            {
                throw new EndpointResolutionException($"Value ({definition.Name}) is the wrong type. Must be {PythonTypeName(definition.Type)}.");
            }
        }

        return EndpointRule.FirstMatch(_rules, new RuleScope(variables))
            ?? throw new EndpointResolutionException("No endpoint found for parameters:\n" + parameters);
    }

    internal static bool HasType(EndpointValue value, EndpointParameterType type) => type switch
    {
        EndpointParameterType.String => value.Kind == EndpointValueKind.String,
        EndpointParameterType.Boolean => value.Kind == EndpointValueKind.Boolean,
        _ => value.Kind == EndpointValueKind.Array && value.AsArray().All(item => item.Kind == EndpointValueKind.String),
    };

    // botocore's message prints the Python type the parameter maps to.
    private static string PythonTypeName(EndpointParameterType type) => type switch
    {
        EndpointParameterType.String => "<class 'str'>",
        EndpointParameterType.Boolean => "<class 'bool'>",
        _ => "<class 'list'>",
    };
}
