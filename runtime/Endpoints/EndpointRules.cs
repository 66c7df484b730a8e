using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// A rule: conditions that must all hold, then a result. A condition fails when its function gives <c>false</c> or
/// nothing; any other value (even an empty string) lets it pass, as in botocore.
/// </summary>
internal abstract class EndpointRule(FunctionExpression[] conditions)
{
    /// <summary>The endpoint, <see langword="null"/> when the rule does not apply; throws for a matching error rule.</summary>
    public abstract ResolvedEndpoint? Evaluate(RuleScope scope);

    protected bool ConditionsHold(RuleScope scope)
    {
        foreach (var condition in conditions)
        {
            var result = condition.Evaluate(scope);
            if (result is null || (result.Kind == EndpointValueKind.Boolean && !result.AsBoolean()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The first rule that gives an endpoint. Each rule sees its parent's variables but not its siblings' (botocore copies
    /// the scope per rule). A tree whose rules all fail to apply does not apply either: botocore moves on to the next rule.
    /// </summary>
    public static ResolvedEndpoint? FirstMatch(EndpointRule[] rules, RuleScope scope)
    {
        foreach (var rule in rules)
        {
            var mark = scope.Mark;
            var result = rule.Evaluate(scope);
            scope.Reset(mark);
            if (result is not null)
            {
                return result;
            }
        }

        return null;
    }
}

internal sealed class TreeRule(FunctionExpression[] conditions, EndpointRule[] rules) : EndpointRule(conditions)
{
    public override ResolvedEndpoint? Evaluate(RuleScope scope) => ConditionsHold(scope) ? FirstMatch(rules, scope) : null;
}

internal sealed class ErrorRule(FunctionExpression[] conditions, RuleExpression error) : EndpointRule(conditions)
{
    public override ResolvedEndpoint? Evaluate(RuleScope scope)
    {
        if (!ConditionsHold(scope))
        {
            return null;
        }

        throw new EndpointResolutionException(error.Evaluate(scope)?.ToString() ?? "None");
    }
}

internal sealed class EndpointResultRule(FunctionExpression[] conditions, RuleExpression url,
    (string Name, RuleExpression[] Values)[] headers, (string Name, PropertyNode Value)[] properties) : EndpointRule(conditions)
{
    public override ResolvedEndpoint? Evaluate(RuleScope scope)
    {
        if (!ConditionsHold(scope))
        {
            return null;
        }

        var urlValue = url.Evaluate(scope);
        if (urlValue is not { Kind: EndpointValueKind.String })
        {
            throw new EndpointResolutionException($"The endpoint rule's url gave {urlValue?.ToJson() ?? "nothing"}, not a string.");
        }

        var resolvedHeaders = new Dictionary<string, IReadOnlyList<string>>(System.StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            var texts = new string[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                texts[i] = values[i].Evaluate(scope)?.ToString() ?? "None";
            }

            resolvedHeaders[name] = texts;
        }

        var resolvedProperties = new Dictionary<string, EndpointValue>(System.StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            resolvedProperties[name] = value.Evaluate(scope);
        }

        return new ResolvedEndpoint(urlValue.AsString(), resolvedHeaders, resolvedProperties);
    }
}
