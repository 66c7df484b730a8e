using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using DataZone.Gen.Emulator.Model;

namespace DataZone.Gen.Emulator.Synthesis;

/// <summary>
/// Deterministic values for any shape of a model, keyed by a hash (operation, scope, path) and an item index:
/// enums from the model, strings that satisfy simple patterns and lengths, numbers within ranges, nested
/// structures, lists and maps, unions with one member set, timestamps. The result is keyed by member name (not wire
/// name); <see cref="Protocol.ShapeWriter"/> puts it on the wire. Timestamps are <see cref="DateTimeOffset"/> values.
/// </summary>
internal sealed class ShapeSynthesizer
{
    /// <summary>Beyond this depth only required members are filled and lists are as short as allowed.</summary>
    private const int OptionalDepth = 4;

    /// <summary>Beyond this depth nothing is filled (models have required cycles only through lists, which stop first).</summary>
    private const int MaxDepth = 10;

    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceModel _model;
    private readonly ulong _seed;

    public ShapeSynthesizer(ServiceModel model, int seed)
    {
        _model = model;
        _seed = StableHash.Of("seed", (ulong)(uint)seed);
    }

    /// <summary>A value of <paramref name="shapeName"/> for item <paramref name="index"/> of the data set keyed by <paramref name="key"/>.</summary>
    public JsonNode? Value(string shapeName, string memberName, ulong key, long index, int depth = 0)
    {
        if (depth > MaxDepth || !_model.Shapes.TryGetValue(shapeName, out var shape))
        {
            return null;
        }

        var h = StableHash.Of(StableHash.Of(memberName, key ^ _seed), index);
        switch (shape.Type)
        {
            case "structure":
                return shape.IsEventStream ? null : Structure(shape, h, index, depth);
            case "list":
                var list = new JsonArray();
                var items = Count(shape, h, depth);
                for (var i = 0; i < items; i++)
                {
                    if (Value(shape.ListMember!, memberName, StableHash.Of(h, i), index, depth + 1) is { } item)
                    {
                        list.Add(item);
                    }
                }

                return list;
            case "map":
                var map = new JsonObject();
                var entries = Count(shape, h, depth);
                for (var i = 0; i < entries; i++)
                {
                    var mapKey = Value(shape.MapKey!, memberName + "Key", StableHash.Of(h, i), index + i, depth + 1)?.GetValue<string>() ?? "key" + i;
                    map[mapKey] = Value(shape.MapValue!, memberName, StableHash.Of(h, i), index, depth + 1);
                }

                return map;
            case "string":
                return JsonValue.Create(Text(shape, memberName, h, index));
            case "integer":
            case "long":
            case "short":
            case "byte":
                return JsonValue.Create(Number(shape, h, index));
            case "float":
            case "double":
                return JsonValue.Create(Number(shape, h, index) + 0.5);
            case "boolean":
                return JsonValue.Create((h & 1) == 0);
            case "timestamp":
                return JsonValue.Create(Epoch.AddSeconds(-(index * 3_607) - (long)(h % 3_600)));
            case "blob":
                return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{memberName}-{index}")));
            case "document":
                return new JsonObject { ["synthesized"] = memberName, ["index"] = index };
            default:
                return null;
        }
    }

    private JsonObject Structure(ShapeModel shape, ulong h, long index, int depth)
    {
        var result = new JsonObject();
        if (shape.IsUnion)
        {
            var candidates = shape.Members.Where(m => !IsEventStream(m)).ToList();
            if (candidates.Count > 0)
            {
                var chosen = candidates[(int)(h % (ulong)candidates.Count)];
                result[chosen.Name] = Value(chosen.Shape, chosen.Name, h, index, depth + 1);
            }

            return result;
        }

        for (var m = 0; m < shape.Members.Count; m++)
        {
            var member = shape.Members[m];
            if (IsEventStream(member) || member.Location == MemberLocation.StatusCode)
            {
                continue;
            }

            // An item and its direct parts are complete; deeper down optional members are present four times in
            // five, and past OptionalDepth absent, so recursive shapes end.
            var include = member.Required || depth < 2 || (depth < OptionalDepth && StableHash.Of(h, m) % 5 != 0);
            if (include && Value(member.Shape, member.Name, h, index, depth + 1) is { } value)
            {
                result[member.Name] = value;
            }
        }

        // Never an empty structure where a member could carry the item's index: empty parts make items look alike.
        if (result.Count == 0 && depth <= OptionalDepth && shape.Members.FirstOrDefault(m => !IsEventStream(m) && m.Location == MemberLocation.Body) is { } first
            && Value(first.Shape, first.Name, h, index, depth + 1) is { } firstValue)
        {
            result[first.Name] = firstValue;
        }

        return result;
    }

    private bool IsEventStream(MemberModel member) =>
        _model.Shapes.TryGetValue(member.Shape, out var target) && target.IsEventStream;

    private static int Count(ShapeModel shape, ulong h, int depth)
    {
        var min = (int)Math.Max(0, shape.Min ?? 0);
        var max = (int)Math.Min(int.MaxValue, shape.Max ?? int.MaxValue);
        var wanted = depth < OptionalDepth ? 1 + (int)(h % 2) : 0;
        return Math.Clamp(wanted, min, Math.Max(min, max));
    }

    private static long Number(ShapeModel shape, ulong h, long index)
    {
        var min = shape.Min ?? 0;
        var max = shape.Max ?? Math.Max(min, 0) + 1_000;
        if (max < min)
        {
            return min;
        }

        var span = (ulong)(max - min) + 1;
        return min + (long)((h + (ulong)index) % (span == 0 ? ulong.MaxValue : span));
    }

    private string Text(ShapeModel shape, string memberName, ulong h, long index)
    {
        if (shape.Enum is { Count: > 0 } values)
        {
            return values[(int)((h + (ulong)index) % (ulong)values.Count)];
        }

        // The index leads the fill so that items of one data set differ in their first variable run.
        var fill = Base36(index) + h.ToString("x16", CultureInfo.InvariantCulture);
        var min = (int)Math.Max(0, shape.Min ?? 0);
        var max = (int)Math.Min(4096, shape.Max ?? 4096);
        if (shape.PatternRegex is { } regex)
        {
            // Runs of 8 read well; a length bound (a 64-character hex id) may need runs as long as the bound itself.
            foreach (var run in new[] { 8, 1, min, max })
            {
                foreach (var last in new[] { false, true })
                {
                    var sample = PatternSampler.Sample(shape.Pattern!, fill, last, Math.Max(run, 1));
                    if (sample is not null && sample.Length >= min && sample.Length <= max && regex.IsMatch(sample))
                    {
                        return sample;
                    }
                }
            }
        }

        var text = IsArnName(memberName)
            ? $"arn:aws:{_model.SigningName}:us-east-1:123456789012:{Lower(memberName)}/{fill[..Math.Min(fill.Length, 12)]}"
            : $"{Lower(memberName)}-{fill[..Math.Min(fill.Length, 10)]}";
        if (text.Length > max)
        {
            // Keep the distinguishing end.
            text = text[^max..];
        }

        return text.Length < min ? text.PadRight(min, 'x') : text;
    }

    private static bool IsArnName(string memberName) => memberName.EndsWith("Arn", StringComparison.Ordinal) || memberName.EndsWith("ARN", StringComparison.Ordinal) || memberName == "arn";

    private static string Lower(string name) => name.Length == 0 ? "value" : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Base36(long value)
    {
        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var n = (ulong)value;
        var text = new StringBuilder();
        do
        {
            text.Insert(0, Digits[(int)(n % 36)]);
            n /= 36;
        }
        while (n > 0);
        return text.ToString();
    }
}
