using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Synthesis;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>The reference botocore models beside the worktree (<c>../shared/models</c>), read by path, never copied.</summary>
internal static class SharedModels
{
    public static string Directory(string service, string version)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "models", service, version);
            if (File.Exists(Path.Combine(candidate, "service-2.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"../shared/models/{service}/{version} was not found above {AppContext.BaseDirectory}.");
    }

    public static string DataZone => Directory("datazone", "2018-05-10");

    public static string Kms => Directory("kms", "2014-11-01");

    public static string Sso => Directory("sso", "2019-06-10");
}

/// <summary>
/// Builds a valid input for an operation: every required member, and with <c>withOptional</c> every optional member
/// that is not a paging member (filters, search text, sort), nested structures with their required members,
/// unions with their first member. Leaf values come from the emulator's synthesizer, so they satisfy the model.
/// </summary>
internal sealed class InputFactory
{
    private readonly ServiceModel _model;
    private readonly ShapeSynthesizer _values;

    public InputFactory(ServiceModel model)
    {
        _model = model;
        _values = new ShapeSynthesizer(model, seed: 7);
    }

    public JsonObject For(OperationModel operation, bool withOptional)
    {
        if (operation.InputShape is null)
        {
            return new JsonObject();
        }

        var paging = operation.Paginator is { } p ? p.InputTokens.Append(p.LimitKey ?? "").ToHashSet() : [];
        var input = new JsonObject();
        foreach (var member in _model.GetShape(operation.InputShape).Members)
        {
            if (member.Required || (withOptional && !paging.Contains(member.Name)))
            {
                input[member.Name] = Value(member.Shape, member.Name, 0);
            }
        }

        return input;
    }

    private JsonNode? Value(string shapeName, string memberName, int depth)
    {
        var shape = _model.GetShape(shapeName);
        switch (shape.Type)
        {
            case "structure":
                var structure = new JsonObject();
                foreach (var member in shape.Members)
                {
                    if ((member.Required || (shape.IsUnion && structure.Count == 0)) && depth < 6)
                    {
                        structure[member.Name] = Value(member.Shape, member.Name, depth + 1);
                    }
                }

                return structure;
            case "list":
                var list = new JsonArray();
                for (var i = 0; i < Math.Max(1, shape.Min ?? 0); i++)
                {
                    list.Add(Value(shape.ListMember!, memberName, depth + 1));
                }

                return list;
            case "map":
                return new JsonObject { ["key1"] = Value(shape.MapValue!, memberName, depth + 1) };
            default:
                return _values.Value(shapeName, memberName, 42, 0);
        }
    }
}
