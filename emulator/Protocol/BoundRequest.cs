using System.Text.Json.Nodes;
using DataZone.Gen.Emulator.Model;

namespace DataZone.Gen.Emulator.Protocol;

/// <summary>One request's input, bound from the wire and validated against the model, keyed by member name.</summary>
internal sealed class BoundRequest
{
    internal BoundRequest(OperationModel operation, JsonObject input)
    {
        Operation = operation;
        Input = input;
    }

    /// <summary>The operation the request was bound to.</summary>
    public OperationModel Operation { get; }

    /// <summary>The input structure: member names to values (strings, numbers, booleans, arrays, objects).</summary>
    public JsonObject Input { get; }

    /// <summary>A string member's value, or null when absent.</summary>
    public string? GetString(string memberName) =>
        Input[memberName] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>An integer member's value, or null when absent.</summary>
    public long? GetInteger(string memberName) =>
        Input[memberName] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
}
