using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DataZone.Gen.Emulator.Model;

/// <summary>
/// The parts of a botocore service model (<c>service-2.json</c>) the emulator serves from:
/// metadata, operations (HTTP binding, input members and their constraints) and error shapes.
/// Read once per file with <see cref="JsonDocument"/>; nothing else of the model is kept.
/// </summary>
public sealed class ServiceModel
{
    /// <summary>The logical name of the model embedded in this assembly.</summary>
    internal const string EmbeddedResourceName = "DataZone.Gen.Emulator.service-2.json";

    /// <summary>The logical name of the embedded model's paginators.</summary>
    internal const string EmbeddedPaginatorsName = "DataZone.Gen.Emulator.paginators-1.json";

    private static readonly string[] Spoken = ["rest-json", "json"];

    private static readonly Lazy<ServiceModel> EmbeddedModel = new(LoadEmbedded);

    private readonly Dictionary<string, OperationModel> _operations;
    private readonly Dictionary<string, int> _errorStatusCodes;

    private ServiceModel(
        string signingName,
        string protocol,
        string apiVersion,
        Dictionary<string, OperationModel> operations,
        Dictionary<string, int> errorStatusCodes,
        Dictionary<string, ShapeModel> shapes,
        string? targetPrefix,
        string jsonVersion)
    {
        SigningName = signingName;
        Protocol = protocol;
        ApiVersion = apiVersion;
        TargetPrefix = targetPrefix;
        JsonVersion = jsonVersion;
        _operations = operations;
        _errorStatusCodes = errorStatusCodes;
        Shapes = shapes;
    }

    /// <summary>The SigV4 service name (<c>metadata.signingName</c>, else <c>endpointPrefix</c>).</summary>
    public string SigningName { get; }

    /// <summary>
    /// The wire protocol served: the first of <c>metadata.protocols</c> (else <c>metadata.protocol</c>) that the
    /// emulator speaks, <c>rest-json</c> or <c>json</c>.
    /// </summary>
    public string Protocol { get; }

    /// <summary>The <c>X-Amz-Target</c> prefix of a json-protocol service (<c>TrentService</c> for KMS), or null.</summary>
    public string? TargetPrefix { get; }

    /// <summary>The json protocol version (<c>metadata.jsonVersion</c>: <c>1.0</c> or <c>1.1</c>).</summary>
    public string JsonVersion { get; }

    /// <summary>
    /// Whether a json-protocol service keeps its awsQuery error codes (<c>metadata.awsQueryCompatible</c>, e.g. SQS):
    /// errors then also carry <c>x-amzn-query-error: Code;Sender</c>.
    /// </summary>
    public bool QueryCompatible { get; private init; }

    /// <summary>Whether the service speaks botocore's <c>json</c> protocol (awsJson1_0/1_1) rather than <c>rest-json</c>.</summary>
    public bool IsJsonProtocol => Protocol == "json";

    /// <summary>The API version (<c>metadata.apiVersion</c>).</summary>
    public string ApiVersion { get; }

    /// <summary>The operations of the model, by name.</summary>
    public IReadOnlyDictionary<string, OperationModel> Operations => _operations;

    /// <summary>The scalar and structure shapes of the model, by name (members and constraints only).</summary>
    public IReadOnlyDictionary<string, ShapeModel> Shapes { get; }

    /// <summary>The model shipped inside the emulator assembly (the project's <c>models/datazone/2018-05-10/service-2.json</c>).</summary>
    public static ServiceModel Embedded => EmbeddedModel.Value;

    /// <summary>
    /// Reads a model from a directory holding <c>service-2.json</c> (and, if present, <c>paginators-1.json</c>),
    /// or from a <c>service-2.json</c> file (paginators from a <c>paginators-1.json</c> beside it, if any).
    /// </summary>
    public static ServiceModel Load(string path)
    {
        var directory = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var service = Directory.Exists(path) ? Path.Combine(path, "service-2.json") : path;
        if (!File.Exists(service))
        {
            throw new FileNotFoundException($"No service model at {service}.", service);
        }

        var paginators = Path.Combine(directory, "paginators-1.json");
        using var stream = File.OpenRead(service);
        using var pages = File.Exists(paginators) ? File.OpenRead(paginators) : null;
        return Load(stream, pages);
    }

    /// <summary>Reads a model from a stream of <c>service-2.json</c> text and, optionally, one of <c>paginators-1.json</c>.</summary>
    public static ServiceModel Load(Stream stream, Stream? paginators = null)
    {
        ServiceModel model;
        using (var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 }))
        {
            model = Read(document.RootElement);
        }

        if (paginators is not null)
        {
            foreach ((var name, var paginator) in PaginatorModel.Read(paginators))
            {
                if (model._operations.TryGetValue(name, out var operation))
                {
                    operation.Paginator = paginator;
                }
            }
        }

        return model;
    }

    /// <summary>A shape by name, or throws naming the shape the model lacks.</summary>
    public ShapeModel GetShape(string name) =>
        Shapes.TryGetValue(name, out var shape)
            ? shape
            : throw new InvalidDataException($"The service model has no shape '{name}'.");

    /// <summary>Finds an operation, or throws naming the operation the model lacks.</summary>
    public OperationModel GetOperation(string name) =>
        _operations.TryGetValue(name, out var operation)
            ? operation
            : throw new InvalidOperationException($"The service model has no operation '{name}'.");

    /// <summary>
    /// The service's own error shape for a generic failure the emulator raises: <paramref name="usual"/> when the model
    /// defines it, else the model's counterpart (SSO's <c>InvalidRequestException</c> for validation,
    /// <c>TooManyRequestsException</c> for 429, KMS's <c>KMSInternalException</c> for 500), else <paramref name="usual"/>.
    /// </summary>
    public string ErrorCodeFor(string usual)
    {
        if (_errorStatusCodes.ContainsKey(usual) || (Shapes.TryGetValue(usual, out var own) && own.IsError))
        {
            return usual;
        }

        string[] counterparts = usual switch
        {
            "ValidationException" => ["InvalidRequestException", "InvalidParameterException", "InvalidInputException", "InvalidParameterValueException", "BadRequestException"],
            _ => [],
        };
        foreach (var candidate in counterparts)
        {
            if (Shapes.TryGetValue(candidate, out var shape) && shape.IsError)
            {
                return candidate;
            }
        }

        var status = usual switch
        {
            "ThrottlingException" => 429,
            "InternalServerException" => 500,
            _ => 0,
        };
        foreach ((var name, var code) in _errorStatusCodes.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (code == status)
            {
                return name;
            }
        }

        return usual;
    }

    /// <summary>The HTTP status the model gives an error shape (<c>error.httpStatusCode</c>), or <paramref name="fallback"/>.</summary>
    public int ErrorStatusCode(string errorCode, int fallback) =>
        _errorStatusCodes.TryGetValue(errorCode, out var status) ? status : fallback;

    private static ServiceModel LoadEmbedded()
    {
        var assembly = typeof(ServiceModel).Assembly;
        using var stream = assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded model '{EmbeddedResourceName}' is missing from {assembly.GetName().Name}.");
        using var paginators = assembly.GetManifestResourceStream(EmbeddedPaginatorsName);
        return Load(stream, paginators);
    }

    private static ServiceModel Read(JsonElement root)
    {
        var metadata = Required(root, "metadata");
        var signingName = OptionalString(metadata, "signingName")
            ?? OptionalString(metadata, "endpointPrefix")
            ?? throw new InvalidDataException("The model's metadata has neither 'signingName' nor 'endpointPrefix'.");
        var protocol = ReadProtocol(metadata);
        var apiVersion = OptionalString(metadata, "apiVersion") ?? "";
        var targetPrefix = OptionalString(metadata, "targetPrefix");
        var jsonVersion = OptionalString(metadata, "jsonVersion") ?? "1.0";
        if (protocol == "json" && targetPrefix is null)
        {
            throw new InvalidDataException("A json-protocol model needs 'metadata.targetPrefix' (the X-Amz-Target prefix).");
        }

        var shapes = new Dictionary<string, ShapeModel>(StringComparer.Ordinal);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shape in Required(root, "shapes").EnumerateObject())
        {
            shapes[shape.Name] = ReadShape(shape.Value, protocol);
            if (shape.Value.TryGetProperty("error", out var error)
                && error.TryGetProperty("httpStatusCode", out var code)
                && code.TryGetInt32(out var status))
            {
                errors[shape.Name] = status;
            }
        }

        var operations = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        foreach (var op in Required(root, "operations").EnumerateObject())
        {
            operations[op.Name] = ReadOperation(op.Name, op.Value, shapes);
        }

        return new ServiceModel(signingName, protocol, apiVersion, operations, errors, shapes, targetPrefix, jsonVersion)
        {
            QueryCompatible = metadata.TryGetProperty("awsQueryCompatible", out _),
        };
    }

    private static string ReadProtocol(JsonElement metadata)
    {
        var offered = new List<string>();
        if (metadata.TryGetProperty("protocols", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                offered.Add(item.GetString() ?? "");
            }
        }

        if (OptionalString(metadata, "protocol") is { } single && !offered.Contains(single))
        {
            offered.Add(single);
        }

        if (offered.Count == 0)
        {
            return "rest-json";
        }

        // As botocore does: the first protocol of the model's list that this side speaks wins.
        foreach (var candidate in offered)
        {
            if (Array.IndexOf(Spoken, candidate) >= 0)
            {
                return candidate;
            }
        }

        throw new InvalidDataException($"The model's protocols [{string.Join(", ", offered)}] are not served; the emulator speaks rest-json and json.");
    }

    private static ShapeModel ReadShape(JsonElement shape, string protocol)
    {
        var type = OptionalString(shape, "type") ?? "structure";
        List<string>? enumValues = null;
        if (shape.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            enumValues = new List<string>();
            foreach (var value in values.EnumerateArray())
            {
                enumValues.Add(value.GetString() ?? "");
            }
        }

        var members = new List<MemberModel>();
        if (shape.TryGetProperty("members", out var memberElements) && memberElements.ValueKind == JsonValueKind.Object)
        {
            var required = new HashSet<string>(StringComparer.Ordinal);
            if (shape.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
            {
                foreach (var name in req.EnumerateArray())
                {
                    required.Add(name.GetString() ?? "");
                }
            }

            var payload = OptionalString(shape, "payload");
            foreach (var member in memberElements.EnumerateObject())
            {
                var locationName = OptionalString(member.Value, "locationName");
                members.Add(new MemberModel(
                    member.Name,
                    OptionalString(member.Value, "shape") ?? "",
                    ParseLocation(OptionalString(member.Value, "location")),
                    locationName ?? member.Name,
                    required.Contains(member.Name))
                {
                    TimestampFormat = OptionalString(member.Value, "timestampFormat"),
                    // botocore's json serializers use locationName for body members of rest-json only.
                    JsonName = protocol == "rest-json" ? locationName ?? member.Name : member.Name,
                    IsPayload = string.Equals(payload, member.Name, StringComparison.Ordinal),
                });
            }
        }

        return new ShapeModel(
            type,
            enumValues,
            OptionalString(shape, "pattern"),
            OptionalNumber(shape, "min"),
            OptionalNumber(shape, "max"),
            members)
        {
            ListMember = shape.TryGetProperty("member", out var listMember) ? OptionalString(listMember, "shape") : null,
            MapKey = shape.TryGetProperty("key", out var key) ? OptionalString(key, "shape") : null,
            MapValue = shape.TryGetProperty("value", out var mapValue) ? OptionalString(mapValue, "shape") : null,
            TimestampFormat = OptionalString(shape, "timestampFormat"),
            IsUnion = shape.TryGetProperty("union", out var union) && union.ValueKind == JsonValueKind.True,
            IsEventStream = shape.TryGetProperty("eventstream", out var stream) && stream.ValueKind == JsonValueKind.True,
            IsError = shape.TryGetProperty("exception", out var exception) && exception.ValueKind == JsonValueKind.True,
            QueryErrorCode = shape.TryGetProperty("error", out var error) ? OptionalString(error, "code") : null,
            SenderFault = shape.TryGetProperty("error", out var fault) && fault.ValueKind == JsonValueKind.Object
                && fault.TryGetProperty("senderFault", out var sender) && sender.ValueKind == JsonValueKind.True,
        };
    }

    private static OperationModel ReadOperation(string name, JsonElement op, Dictionary<string, ShapeModel> shapes)
    {
        // json-protocol operations have no http binding of their own beyond POST /.
        var http = op.TryGetProperty("http", out var binding) ? binding : default;
        var method = OptionalString(http, "method") ?? "POST";
        var requestUri = OptionalString(http, "requestUri") ?? "/";
        var status = http.ValueKind == JsonValueKind.Object && http.TryGetProperty("responseCode", out var rc) && rc.TryGetInt32(out var code) ? code : 200;

        var inputs = new List<InputMember>();
        if (op.TryGetProperty("input", out var input) && OptionalString(input, "shape") is { } inputShape
            && shapes.TryGetValue(inputShape, out var inputModel))
        {
            foreach (var member in inputModel.Members)
            {
                var target = shapes.TryGetValue(member.Shape, out var s)
                    ? s
                    : new ShapeModel("string", null, null, null, null, Array.Empty<MemberModel>());
                inputs.Add(new InputMember(member.Name, member.Location, member.LocationName, member.Required, member.Shape, target));
            }
        }

        var errorNames = new List<string>();
        if (op.TryGetProperty("errors", out var errs) && errs.ValueKind == JsonValueKind.Array)
        {
            foreach (var err in errs.EnumerateArray())
            {
                if (OptionalString(err, "shape") is { } errName)
                {
                    errorNames.Add(errName);
                }
            }
        }

        var outputShape = op.TryGetProperty("output", out var output) ? OptionalString(output, "shape") : null;
        var inputName = op.TryGetProperty("input", out var inputRef) ? OptionalString(inputRef, "shape") : null;
        return new OperationModel(name, method, requestUri, status, inputs, outputShape, errorNames, inputName, IsUnsigned(op));
    }

    /// <summary>botocore's two spellings of "no signature": <c>authtype: none</c> and the Smithy <c>auth</c> list.</summary>
    private static bool IsUnsigned(JsonElement op)
    {
        if (OptionalString(op, "authtype") == "none")
        {
            return true;
        }

        if (op.TryGetProperty("auth", out var auth) && auth.ValueKind == JsonValueKind.Array)
        {
            foreach (var scheme in auth.EnumerateArray())
            {
                // The first scheme the client supports wins; noAuth first means no signature is expected.
                return scheme.GetString() == "smithy.api#noAuth";
            }
        }

        return false;
    }

    private static MemberLocation ParseLocation(string? location) => location switch
    {
        "uri" => MemberLocation.Uri,
        "querystring" => MemberLocation.QueryString,
        "header" => MemberLocation.Header,
        "headers" => MemberLocation.Headers,
        "statusCode" => MemberLocation.StatusCode,
        _ => MemberLocation.Body,
    };

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"The service model lacks '{name}'.");

    private static string? OptionalString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long? OptionalNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out var number) ? number : (long)Math.Ceiling(value.GetDouble())
            : null;
}
