using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataZone.Gen.Emulator.Model;

namespace DataZone.Gen.Emulator.Protocol;

/// <summary>
/// Checks a bound input against the model's constraints as AWS front ends do (required members, enums, lengths,
/// ranges, patterns, one member per union) and words each violation as they do:
/// <c>Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1</c>.
/// </summary>
internal sealed class InputValidator
{
    private readonly ServiceModel _model;

    public InputValidator(ServiceModel model) => _model = model;

    /// <summary>Collects the violations of <paramref name="value"/> (a value of <paramref name="shapeName"/>) into <paramref name="problems"/>.</summary>
    public void Validate(string shapeName, JsonNode? value, string path, List<string> problems)
    {
        if (value is null || !_model.Shapes.TryGetValue(shapeName, out var shape))
        {
            return;
        }

        switch (shape.Type)
        {
            case "structure":
                if (value is not JsonObject structure)
                {
                    return;
                }

                var set = 0;
                foreach (var member in shape.Members)
                {
                    var memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
                    if (!structure.TryGetPropertyValue(member.Name, out var memberValue) || memberValue is null)
                    {
                        if (member.Required)
                        {
                            problems.Add($"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null");
                        }

                        continue;
                    }

                    set++;
                    Validate(member.Shape, memberValue, memberPath, problems);
                }

                if (shape.IsUnion && set != 1)
                {
                    problems.Add($"Value '{Show(value)}' at '{(path.Length == 0 ? shapeName : path)}' failed to satisfy constraint: Member must have exactly one member set");
                }

                return;
            case "list" when value is JsonArray list:
                Length(shape, list.Count, value, path, problems);
                for (var i = 0; i < list.Count; i++)
                {
                    Validate(shape.ListMember!, list[i], path + "." + (i + 1).ToString(CultureInfo.InvariantCulture) + ".member", problems);
                }

                return;
            case "map" when value is JsonObject map:
                Length(shape, map.Count, value, path, problems);
                foreach ((var key, var entry) in map)
                {
                    Validate(shape.MapKey!, JsonValue.Create(key), path + ".key", problems);
                    Validate(shape.MapValue!, entry, path + "." + key, problems);
                }

                return;
            case "string" when value is JsonValue scalar && scalar.TryGetValue<string>(out var text):
                if (shape.Enum is { } allowed && !System.Linq.Enumerable.Contains(allowed, text))
                {
                    problems.Add($"{At(text, path)}Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
                    return;
                }

                if (Length(shape, text.Length, value, path, problems) && shape.PatternRegex is { } regex && !regex.IsMatch(text))
                {
                    problems.Add($"{At(text, path)}Member must satisfy regular expression pattern: {shape.Pattern}");
                }

                return;
            case "integer" or "long" or "short" or "byte" or "float" or "double" when value is JsonValue number && number.GetValueKind() == JsonValueKind.Number:
                var amount = double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);
                if (shape.Min is { } min && amount < min)
                {
                    problems.Add($"{At(Show(value), path)}Member must have value greater than or equal to {min}");
                }
                else if (shape.Max is { } max && amount > max)
                {
                    problems.Add($"{At(Show(value), path)}Member must have value less than or equal to {max}");
                }

                return;
            case "blob" when value is JsonValue blob && blob.TryGetValue<string>(out var base64):
                var bytes = base64.Length * 3 / 4;
                Length(shape, bytes, value, path, problems);
                return;
            default:
                return;
        }
    }

    private static bool Length(ShapeModel shape, int length, JsonNode value, string path, List<string> problems)
    {
        if (shape.Min is { } min && length < min)
        {
            problems.Add($"{At(Show(value), path)}Member must have length greater than or equal to {min}");
            return false;
        }

        if (shape.Max is { } max && length > max)
        {
            problems.Add($"{At(Show(value), path)}Member must have length less than or equal to {max}");
            return false;
        }

        return true;
    }

    private static string At(string shown, string path) => $"Value '{shown}' at '{path}' failed to satisfy constraint: ";

    private static string Show(JsonNode value) =>
        value is JsonValue scalar && scalar.TryGetValue<string>(out var text) ? text : value.ToJsonString();
}
