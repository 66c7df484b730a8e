using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>
/// The variables of one resolution: the parameters, then whatever conditions <c>assign</c>. botocore gives every rule a
/// copy of its parent's variables; since an assignment may never overwrite a name, the same effect is had by
/// remembering how many names were assigned before a rule and forgetting the newer ones after it.
/// </summary>
internal sealed class RuleScope
{
    private readonly Dictionary<string, EndpointValue?> _variables;
    private readonly List<string> _assigned = new();

    public RuleScope(Dictionary<string, EndpointValue?> parameters) => _variables = parameters;

    public int Mark => _assigned.Count;

    public bool TryGet(string name, out EndpointValue? value) => _variables.TryGetValue(name, out value);

    public void Assign(string name, EndpointValue? value)
    {
        if (!_variables.TryAdd(name, value))
        {
            throw new EndpointResolutionException($"Assignment {name} already exists in scoped variables and cannot be overwritten");
        }

        _assigned.Add(name);
    }

    public void Reset(int mark)
    {
        for (var i = _assigned.Count - 1; i >= mark; i--)
        {
            _variables.Remove(_assigned[i]);
            _assigned.RemoveAt(i);
        }
    }
}
