using System;
using System.Collections.Generic;
using System.Linq;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// The input of <see cref="EndpointRuleSet.Resolve"/>: parameter name (as the rule set spells it, for example
/// <c>Region</c> or <c>UseFIPS</c>) to a string, boolean or string list. A parameter that is not set takes the rule
/// set's default, if any. Not thread-safe while being filled; <see cref="Copy"/> before changing a shared instance.
/// </summary>
public sealed class EndpointParameters
{
    private readonly Dictionary<string, EndpointValue> _values;

    /// <summary>Creates an empty set of parameters.</summary>
    public EndpointParameters() => _values = new(StringComparer.Ordinal);

    private EndpointParameters(Dictionary<string, EndpointValue> values) => _values = new(values, StringComparer.Ordinal);

    /// <summary>The parameters that are set, by name.</summary>
    public IReadOnlyDictionary<string, EndpointValue> Values => _values;

    /// <summary>Sets a string parameter; <see langword="null"/> unsets it.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance, for chaining.</returns>
    public EndpointParameters Set(string name, string? value) => Put(name, value is null ? null : EndpointValue.From(value));

    /// <summary>Sets a boolean parameter; <see langword="null"/> unsets it.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance, for chaining.</returns>
    public EndpointParameters Set(string name, bool? value) => Put(name, value is { } flag ? EndpointValue.From(flag) : null);

    /// <summary>Sets a string-list parameter (<c>stringArray</c>); <see langword="null"/> unsets it.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="values">The strings.</param>
    /// <returns>This instance, for chaining.</returns>
    public EndpointParameters Set(string name, IEnumerable<string>? values) => Put(name, values is null ? null : EndpointValue.FromStrings(values));

    /// <summary>Sets a parameter to any value; <see langword="null"/> unsets it (a test suite's JSON, for example).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This instance, for chaining.</returns>
    public EndpointParameters Set(string name, EndpointValue? value) => Put(name, value);

    /// <summary>Unsets a parameter, so the rule set's default (if any) applies.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>This instance, for chaining.</returns>
    public EndpointParameters Remove(string name) => Put(name, null);

    /// <summary>The value of a parameter, or <see langword="null"/> when unset.</summary>
    /// <param name="name">The parameter name.</param>
    public EndpointValue? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>A copy that can be changed without changing this one.</summary>
    public EndpointParameters Copy() => new(_values);

    /// <summary>The parameters as <c>name: value</c> lines (the form botocore's "no endpoint found" message uses).</summary>
    public override string ToString() => string.Join("\n", _values.Select(p => $"{p.Key}: {p.Value}"));

    private EndpointParameters Put(string name, EndpointValue? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is null)
        {
            _values.Remove(name);
        }
        else
        {
            _values[name] = value;
        }

        return this;
    }
}
