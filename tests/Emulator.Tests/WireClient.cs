using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Http;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>A response of any operation: status, the error type as botocore reads it for the protocol, and the body.</summary>
internal sealed class WireReply : IDisposable
{
    public WireReply(int status, string? errorType, string? contentType, string body)
    {
        Status = status;
        ErrorType = errorType;
        ContentType = contentType;
        Body = body;
        Json = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
    }

    public int Status { get; }

    /// <summary>rest-json: the <c>x-amzn-ErrorType</c> header; json: the body's <c>__type</c>.</summary>
    public string? ErrorType { get; }

    public string? ContentType { get; }

    /// <summary>The <c>x-amzn-query-error</c> header of a query-compatible json service, or null.</summary>
    public string? QueryError { get; init; }

    public string Body { get; }

    public JsonDocument Json { get; }

    public string? Message => Json.RootElement.TryGetProperty("message", out var m) ? m.GetString() : null;

    public void Dispose() => Json.Dispose();
}

/// <summary>
/// Sends an operation's input the way botocore's serializers put it on the wire, over real HTTP: rest-json with
/// labels (escaped, greedy ones keep '/'), query (lists repeated), headers and a JSON body of the remaining members
/// under their wire names; json as <c>POST /</c> with <c>X-Amz-Target</c> and <c>application/x-amz-json-1.x</c>.
/// Signed with the runtime's SigV4 signer unless <see cref="Credentials"/> is null.
/// </summary>
internal sealed class WireClient
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    private readonly Uri _endpoint;
    private readonly ServiceModel _model;

    public WireClient(DataZoneEmulator emulator)
    {
        _endpoint = emulator.Endpoint;
        _model = emulator.Model;
        Credentials = new AwsCredentials(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken);
    }

    /// <summary>Null: send unsigned.</summary>
    public AwsCredentials? Credentials { get; set; }

    /// <summary>An <c>X-Amz-Target</c> to send (and sign) instead of the operation's own.</summary>
    public string? Target { get; set; }

    /// <summary>A json-protocol <c>Content-Type</c> to send (and sign) instead of the right one.</summary>
    public string? ContentType { get; set; }

    public async Task<WireReply> CallAsync(string operationName, JsonObject input)
    {
        var operation = _model.GetOperation(operationName);
        var path = new StringBuilder();
        var query = new List<KeyValuePair<string, string>>();
        var headers = new List<KeyValuePair<string, string>>();
        var body = new JsonObject();
        string method;
        if (_model.IsJsonProtocol)
        {
            method = "POST";
            path.Append('/');
            headers.Add(new("x-amz-target", Target ?? $"{_model.TargetPrefix}.{operationName}"));
            headers.Add(new("content-type", ContentType ?? "application/x-amz-json-" + _model.JsonVersion));
            foreach ((var name, var value) in input)
            {
                body[name] = Wire(_model.GetShape(operation.InputShape!).FindMember(name)!, value);
            }
        }
        else
        {
            method = operation.Method;
            var uri = operation.RequestUri.Split('?')[0];
            // As botocore does: a literal query in requestUri (Lambda's "?List=ALL") joins the query string.
            foreach (var literal in operation.Route.LiteralQuery)
            {
                query.Add(new(literal.Key, literal.Value ?? ""));
            }

            var shape = operation.InputShape is null ? null : _model.GetShape(operation.InputShape);
            foreach (var member in shape?.Members ?? [])
            {
                if (input[member.Name] is not { } value)
                {
                    continue;
                }

                switch (member.Location)
                {
                    case MemberLocation.Uri:
                        uri = uri.Replace("{" + member.LocationName + "+}", AwsUriEncoding.EscapeGreedyLabel(Text(value)), StringComparison.Ordinal)
                            .Replace("{" + member.LocationName + "}", AwsUriEncoding.EscapeLabel(Text(value)), StringComparison.Ordinal);
                        break;
                    case MemberLocation.QueryString when value is JsonArray list:
                        foreach (var item in list)
                        {
                            query.Add(new(member.LocationName, Text(item!)));
                        }

                        break;
                    case MemberLocation.QueryString:
                        query.Add(new(member.LocationName, Text(value)));
                        break;
                    case MemberLocation.Header:
                        headers.Add(new(member.LocationName, Text(value)));
                        break;
                    default:
                        body[member.JsonName] = Wire(member, value);
                        break;
                }
            }

            path.Append(uri);
            if (body.Count > 0 || method is "POST" or "PUT" or "PATCH")
            {
                headers.Add(new("content-type", "application/json"));
            }
        }

        var payload = body.Count > 0 || _model.IsJsonProtocol || method is "POST" or "PUT" or "PATCH"
            ? Encoding.UTF8.GetBytes(body.ToJsonString())
            : [];
        var queryText = new StringBuilder();
        foreach (var pair in query)
        {
            queryText.Append(queryText.Length == 0 ? "?" : "&")
                .Append(AwsUriEncoding.EscapeQueryComponent(pair.Key)).Append('=').Append(AwsUriEncoding.EscapeQueryComponent(pair.Value));
        }

        var target = new Uri(_endpoint, path + queryText.ToString());
        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (payload.Length > 0 || method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new ByteArrayContent(payload);
        }

        foreach (var header in headers)
        {
            if (header.Key == "content-type")
            {
                request.Content!.Headers.TryAddWithoutValidation("Content-Type", header.Value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (Credentials is not null)
        {
            var description = new SigV4Request(method, path.ToString()) { PayloadHash = SigV4Signer.HashPayload(payload) };
            description.Query.AddRange(query);
            description.Headers.Add(new("host", target.Authority));
            description.Headers.AddRange(headers);
            var signed = SigV4Signer.Sign(description, Credentials, "us-west-2", _model.SigningName, DateTimeOffset.UtcNow);
            foreach (var header in signed.Headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        string? errorType = null;
        if (_model.IsJsonProtocol)
        {
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            errorType = json.RootElement.TryGetProperty("__type", out var type) ? type.GetString() : null;
        }
        else if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            errorType = string.Join(",", types);
        }

        return new WireReply((int)response.StatusCode, errorType, response.Content.Headers.ContentType?.MediaType, text)
        {
            QueryError = response.Headers.TryGetValues("x-amzn-query-error", out var queryError) ? string.Join(",", queryError) : null,
        };
    }

    /// <summary>Body values: wire names for structure members, timestamps as epoch seconds.</summary>
    private JsonNode? Wire(MemberModel member, JsonNode? value) => Wire(member.Shape, value);

    private JsonNode? Wire(string shapeName, JsonNode? value)
    {
        var shape = _model.GetShape(shapeName);
        switch (value)
        {
            case JsonObject structure when shape.Type == "structure":
                var result = new JsonObject();
                foreach ((var name, var memberValue) in structure)
                {
                    var member = shape.FindMember(name)!;
                    result[member.JsonName] = Wire(member, memberValue);
                }

                return result;
            case JsonArray list:
                var array = new JsonArray();
                foreach (var item in list)
                {
                    array.Add(Wire(shape.ListMember!, item));
                }

                return array;
            case JsonObject map when shape.Type == "map":
                var entries = new JsonObject();
                foreach ((var key, var entry) in map)
                {
                    entries[key] = Wire(shape.MapValue!, entry);
                }

                return entries;
            case JsonValue time when time.TryGetValue<DateTimeOffset>(out var instant):
                return JsonValue.Create(instant.ToUnixTimeSeconds());
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>Text for a label, query parameter or header: timestamps in ISO 8601, as botocore sends them in a query.</summary>
    private static string Text(JsonNode value) =>
        value is JsonValue scalar && scalar.TryGetValue<DateTimeOffset>(out var instant)
            ? instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value is JsonValue text && text.TryGetValue<string>(out var s) ? s : value.ToJsonString();
}
