using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Paging;
using DataZone.Gen.Emulator.Protocol;
using DataZone.Gen.Emulator.Synthesis;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// Serves any operation of the model from synthesized data. An operation with a paginator lists
/// <see cref="EmulatorOptions.ItemCount"/> deterministic items per scope (the input without its paging members: path
/// ids and filters), paged by the paginator's limit key and tokens; any other operation answers with one synthesized
/// output. Identifiers in the input are echoed into same-named output members (<c>identifier</c> as <c>id</c>,
/// <c>domainIdentifier</c> as <c>domainId</c>), so a Get of a listed id describes that id.
/// </summary>
internal sealed class ModelOperationHandler
{
    private readonly ServiceModel _model;
    private readonly EmulatorOptions _options;
    private readonly PageTokenCodec _tokens;
    private readonly ShapeSynthesizer _synthesizer;
    private readonly ShapeWriter _writer;
    private readonly InputValidator _validator;
    private readonly SynthesizedItemCache _itemCache = new();
    private long _pagesWithItems;

    public ModelOperationHandler(ServiceModel model, EmulatorOptions options, PageTokenCodec tokens)
    {
        _model = model;
        _options = options;
        _tokens = tokens;
        _synthesizer = new ShapeSynthesizer(model, options.Seed);
        _writer = new ShapeWriter(model);
        _validator = new InputValidator(model);
    }

    public async Task HandleAsync(RequestContext context, BoundRequest request)
    {
        var operation = request.Operation;
        var paginator = operation.Paginator;
        var scopeText = ScopeText(operation, request.Input);
        var key = StableHash.Of(scopeText);
        var output = operation.OutputShape is null
            ? new JsonObject()
            : _synthesizer.Value(operation.OutputShape, operation.Name, key, 0) as JsonObject ?? new JsonObject();
        if (operation.OutputShape is not null)
        {
            Echo(request.Input, operation.OutputShape, output);
        }

        if (paginator is not null && operation.OutputShape is not null && paginator.ResultKeys.Count > 0)
        {
            if (!await PageAsync(context, request, paginator, scopeText, key, output).ConfigureAwait(false))
            {
                return;
            }
        }

        await WriteOutputAsync(context, operation, output).ConfigureAwait(false);
    }

    /// <summary>Fills one page into <paramref name="output"/>; false when the request was refused (bad token).</summary>
    private async Task<bool> PageAsync(RequestContext context, BoundRequest request, PaginatorModel paginator, string scopeText, ulong key, JsonObject output)
    {
        var operation = request.Operation;
        var scope = PageTokenCodec.Scope(scopeText);
        var count = _options.ItemCount;
        long position = 0;
        var token = TokenText(request.Input[paginator.InputTokens[0]]);
        if (token is not null)
        {
            var failure = _tokens.TryRead(token, scope, count, out position);
            // Composite tokens: every input token of the paginator carries the same opaque cursor.
            for (var i = 1; i < paginator.InputTokens.Count && failure == PageTokenCodec.Failure.None; i++)
            {
                if (TokenText(request.Input[paginator.InputTokens[i]]) is { } other && other != token)
                {
                    failure = PageTokenCodec.Failure.OtherRequest;
                }
            }

            if (failure != PageTokenCodec.Failure.None)
            {
                var name = paginator.InputTokens[0];
                await context.WriteModeledErrorAsync(TokenErrorCode(operation), failure switch
                {
                    PageTokenCodec.Failure.OtherRequest => $"Invalid {name}: it was issued for a different request (other parameters or filters).",
                    PageTokenCodec.Failure.OutOfRange => $"Invalid {name}: it points outside this listing.",
                    PageTokenCodec.Failure.NotIssuedHere => $"Invalid {name}: it was not issued by this service.",
                    _ => $"Invalid {name}: the token is malformed.",
                }).ConfigureAwait(false);
                return false;
            }
        }

        var pageSize = PageSize(operation, paginator, request);
        var end = (int)Math.Min(count, position + pageSize);
        var start = (int)position;
        var emptyEvery = _options.Faults.EmptyPageEvery;
        if (end > start && emptyEvery > 1 && Interlocked.Increment(ref _pagesWithItems) % emptyEvery == 0)
        {
            // An empty page that still carries a token, to where this page would have started.
            context.Fault = EmulatorFault.EmptyPage;
            end = start;
        }

        foreach (var path in paginator.OutputTokens.Append(paginator.MoreResults).Concat(paginator.ResultKeys))
        {
            if (path is not null)
            {
                Remove(output, path);
            }
        }

        var first = true;
        foreach (var resultKey in paginator.ResultKeys)
        {
            var resultShape = ShapeAt(operation.OutputShape!, resultKey);
            JsonNode items;
            int onPage;
            if (resultShape?.ListMember is { } itemShape && CachedItems(request, resultKey, scopeText, count) is { } slots)
            {
                var page = new byte[end - start][];
                for (var i = start; i < end; i++)
                {
                    page[i - start] = SynthesizedItemCache.Get(slots, i, (this, request.Input, itemShape, resultKey, key, i), static (writer, s) =>
                        s.Item1._writer.Write(writer, s.itemShape, s.Item1.Item(s.Input, s.itemShape, s.resultKey, s.key, s.i)));
                }

                (items, onPage) = (PreWrittenList.Node(page), page.Length);
            }
            else if (resultShape?.ListMember is { } itemShape2)
            {
                var list = new JsonArray();
                for (var i = start; i < end; i++)
                {
                    list.Add(Item(request.Input, itemShape2, resultKey, key, i));
                }

                (items, onPage) = (list, list.Count);
            }
            else if (resultShape is { MapKey: { } keyShape, MapValue: { } valueShape })
            {
                // A map result (API Gateway GetUsage's values): one entry per position, keys distinct by index.
                var map = new JsonObject();
                for (var i = start; i < end; i++)
                {
                    var entryKey = _synthesizer.Value(keyShape, resultKey + "Key", key, i)?.GetValue<string>() ?? "key-" + i.ToString(CultureInfo.InvariantCulture);
                    map[entryKey] = _synthesizer.Value(valueShape, resultKey, key, i);
                }

                (items, onPage) = (map, map.Count);
            }
            else
            {
                // A scalar "result key" (DynamoDB's Count) is not a list to page.
                continue;
            }

            if (first)
            {
                context.ItemCount = onPage;
                first = false;
            }

            Set(output, resultKey, items);
        }

        var more = end < count || (end == start && start < count);
        var nextToken = more ? _tokens.Issue(scope, end) : null;
        foreach (var path in paginator.OutputTokens)
        {
            if (nextToken is not null && ShapeAt(operation.OutputShape!, path) is { } tokenShape)
            {
                var text = tokenShape.PatternRegex is { } pattern && !pattern.IsMatch(nextToken) ? _tokens.IssueHex(scope, end) : nextToken;
                Set(output, path, WrapToken(tokenShape, text, 0));
            }
        }

        if (paginator.MoreResults is { } flag)
        {
            Set(output, flag, JsonValue.Create(more));
        }

        context.NextToken = nextToken;
        return true;
    }

    /// <summary>Item <paramref name="index"/> of a listing, with the input's identifiers echoed into it.</summary>
    private JsonNode? Item(JsonObject input, string itemShape, string resultKey, ulong key, int index)
    {
        var item = _synthesizer.Value(itemShape, resultKey, key, index);
        if (item is JsonObject structure)
        {
            Echo(input, itemShape, structure);
        }

        return item;
    }

    /// <summary>
    /// The cache slots of a list result, or null where its items are not cached: a listing too large, or a result
    /// that is not plainly in the body (a header or payload member would be written differently).
    /// The key is everything an item depends on: the scope (operation, input without paging members, data size,
    /// seed), the result, and the paging members' strings that <see cref="Echo"/> could copy into it
    /// (<c>StartRecordName</c>), so a page token never splits a listing's cache unless it can reach its items.
    /// </summary>
    private byte[]?[]? CachedItems(BoundRequest request, string resultKey, string scopeText, int count)
    {
        var operation = request.Operation;
        if (!resultKey.Contains('.', StringComparison.Ordinal)
            && _model.GetShape(operation.OutputShape!).FindMember(resultKey) is not { Location: MemberLocation.Body, IsPayload: false })
        {
            return null;
        }

        var cacheKey = new StringBuilder(scopeText).Append('\n').Append(resultKey);
        foreach ((var name, var value) in request.Input)
        {
            if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text) && EchoNames(name).Any())
            {
                cacheKey.Append('\n').Append(name).Append('=').Append(text);
            }
        }

        return _itemCache.Listing(cacheKey.ToString(), count);
    }

    /// <summary>
    /// The token in a member of any shape: most are strings, but some are structures or maps (DynamoDB's
    /// <c>ExclusiveStartKey</c>, a map of attribute values); those carry it in their first string.
    /// </summary>
    private JsonNode WrapToken(ShapeModel shape, string token, int depth)
    {
        switch (shape.Type)
        {
            case "map" when depth < 4:
                return new JsonObject { ["emulatorToken"] = WrapToken(_model.GetShape(shape.MapValue!), token, depth + 1) };
            case "structure" when depth < 4:
                var holder = shape.Members.FirstOrDefault(m => _model.GetShape(m.Shape).Type == "string") ?? shape.Members.FirstOrDefault();
                return holder is null ? new JsonObject() : new JsonObject { [holder.Name] = WrapToken(_model.GetShape(holder.Shape), token, depth + 1) };
            default:
                return JsonValue.Create(token);
        }
    }

    /// <summary>The token a client sent back: the string itself, or the first string inside a structure or map.</summary>
    private static string? TokenText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject obj => obj.Select(p => TokenText(p.Value)).FirstOrDefault(t => t is not null),
        _ => null,
    };

    private static int PageSize(OperationModel operation, PaginatorModel paginator, BoundRequest request)
    {
        if (paginator.LimitKey is { } limitKey)
        {
            if (request.GetInteger(limitKey) is { } asked)
            {
                return (int)Math.Clamp(asked, 1, int.MaxValue);
            }

            // Unasked, a service sends its default page: the model's maximum, up to 100.
            var limitShape = operation.InputMembers.FirstOrDefault(m => m.Name == limitKey)?.Shape;
            return (int)Math.Clamp(limitShape?.Max ?? 100, 1, 100);
        }

        return 100;
    }

    /// <summary>The error a service sends for a bad token: the operation's own (<c>InvalidMarkerException</c>, <c>InvalidNextTokenException</c>) when it has one.</summary>
    private static string TokenErrorCode(OperationModel operation) =>
        operation.Errors.FirstOrDefault(e => e.StartsWith("Invalid", StringComparison.Ordinal)
            && (e.Contains("Token", StringComparison.Ordinal) || e.Contains("Marker", StringComparison.Ordinal) || e.Contains("Pagination", StringComparison.Ordinal) || e.Contains("Page", StringComparison.Ordinal)))
        ?? "ValidationException";

    /// <summary>The listing a request asks for: operation, input without paging members, data size and seed.</summary>
    private string ScopeText(OperationModel operation, JsonObject input)
    {
        var paging = new HashSet<string>(StringComparer.Ordinal);
        if (operation.Paginator is { } paginator)
        {
            paging.UnionWith(paginator.InputTokens);
            if (paginator.LimitKey is not null)
            {
                paging.Add(paginator.LimitKey);
            }
        }

        var canonical = new JsonObject();
        foreach (var name in input.Select(p => p.Key).Where(k => !paging.Contains(k)).Order(StringComparer.Ordinal))
        {
            canonical[name] = Canonical(input[name]);
        }

        return string.Join('\n', operation.Name, canonical.ToJsonString(), _options.ItemCount.ToString(CultureInfo.InvariantCulture), _options.Seed.ToString(CultureInfo.InvariantCulture));
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };

    /// <summary>
    /// Copies identifying input strings into the output members that name the same thing, where the output shape
    /// accepts them: in the output itself and one structure down (KMS <c>DescribeKey</c>'s <c>KeyMetadata.KeyId</c>).
    /// </summary>
    private void Echo(JsonObject input, string shapeName, JsonObject target, int depth = 0)
    {
        var shape = _model.GetShape(shapeName);
        if (shape.Type != "structure" || shape.IsUnion)
        {
            return;
        }

        if (depth == 0)
        {
            foreach (var member in shape.Members)
            {
                if (target[member.Name] is JsonObject child && _model.GetShape(member.Shape).Type == "structure")
                {
                    Echo(input, member.Shape, child, depth + 1);
                }
            }
        }

        foreach ((var name, var value) in input)
        {
            if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
            {
                continue;
            }

            foreach (var candidate in EchoNames(name))
            {
                var member = shape.FindMember(candidate);
                if (member is null || member.Location != MemberLocation.Body || _model.GetShape(member.Shape).Type != "string")
                {
                    continue;
                }

                var problems = new List<string>();
                _validator.Validate(member.Shape, JsonValue.Create(text), member.Name, problems);
                if (problems.Count == 0)
                {
                    target[member.Name] = text;
                }
            }
        }
    }

    private static IEnumerable<string> EchoNames(string inputName)
    {
        if (inputName == "identifier")
        {
            yield return "id";
            yield break;
        }

        if (inputName.EndsWith("Identifier", StringComparison.Ordinal))
        {
            var stem = inputName[..^"Identifier".Length];
            yield return stem + "Id";
            yield return stem + "Identifier";
            yield break;
        }

        if (inputName.EndsWith("Id", StringComparison.Ordinal) || inputName.EndsWith("Name", StringComparison.Ordinal))
        {
            yield return inputName;
        }
    }

    private ShapeModel? ShapeAt(string shapeName, string path)
    {
        var shape = _model.GetShape(shapeName);
        foreach (var part in path.Split('.'))
        {
            var member = shape.FindMember(part);
            if (member is null)
            {
                return null;
            }

            shape = _model.GetShape(member.Shape);
        }

        return shape;
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (node[parts[i]] is not JsonObject child)
            {
                child = new JsonObject();
                node[parts[i]] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }

    /// <summary>Removes the member at <paramref name="path"/>, and parents it leaves empty (no <c>"Next": {}</c> on a last page).</summary>
    private static void Remove(JsonObject root, string path)
    {
        var parts = path.Split('.');
        var chain = new List<JsonObject> { root };
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (chain[^1][parts[i]] is not JsonObject child)
            {
                return;
            }

            chain.Add(child);
        }

        chain[^1].Remove(parts[^1]);
        for (var i = chain.Count - 1; i > 0 && chain[i].Count == 0; i--)
        {
            chain[i - 1].Remove(parts[i - 1]);
        }
    }

    /// <summary>Status, header members and the JSON body (or the payload member), as botocore's parsers read them.</summary>
    private async Task WriteOutputAsync(RequestContext context, OperationModel operation, JsonObject output)
    {
        var response = context.Http.Response;
        response.StatusCode = operation.ResponseCode;
        response.ContentType = _model.IsJsonProtocol ? "application/x-amz-json-" + _model.JsonVersion : "application/json";
        var shape = operation.OutputShape is null ? null : _model.GetShape(operation.OutputShape);
        MemberModel? payload = null;
        foreach (var member in shape?.Members ?? [])
        {
            if (!output.TryGetPropertyValue(member.Name, out var value) || value is null)
            {
                continue;
            }

            switch (member.Location)
            {
                case MemberLocation.Header when !_model.IsJsonProtocol:
                    response.Headers[member.LocationName] = _writer.HeaderText(member, value);
                    break;
                case MemberLocation.Headers when !_model.IsJsonProtocol && value is JsonObject map:
                    foreach ((var suffix, var entry) in map)
                    {
                        response.Headers[member.LocationName + suffix] = entry?.ToString() ?? "";
                    }

                    break;
                case MemberLocation.StatusCode when value is JsonValue status && status.TryGetValue<int>(out var code):
                    response.StatusCode = code;
                    break;
                case MemberLocation.Body when member.IsPayload && !_model.IsJsonProtocol:
                    payload = member;
                    break;
                default:
                    break;
            }
        }

        using (var writer = new Utf8JsonWriter(response.BodyWriter, RunJson.WriterOptions))
        {
            if (payload is not null)
            {
                var payloadShape = _model.GetShape(payload.Shape);
                if (payloadShape.Type is "string" or "blob")
                {
                    response.ContentType = "application/octet-stream";
                    var text = output[payload.Name]!.GetValue<string>();
                    var bytes = payloadShape.Type == "blob" ? Convert.FromBase64String(text) : System.Text.Encoding.UTF8.GetBytes(text);
                    await response.BodyWriter.WriteAsync(bytes, context.Http.RequestAborted).ConfigureAwait(false);
                    return;
                }

                _writer.Write(writer, payload.Shape, output[payload.Name]);
            }
            else if (shape is not null)
            {
                _writer.Write(writer, operation.OutputShape!, output);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
        }

        await response.BodyWriter.FlushAsync(context.Http.RequestAborted).ConfigureAwait(false);
    }
}
