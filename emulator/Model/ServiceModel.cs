using System;
using System.Collections.Generic;
using System.IO;
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

    private static readonly Lazy<ServiceModel> EmbeddedModel = new(LoadEmbedded);

    private readonly Dictionary<string, OperationModel> _operations;
    private readonly Dictionary<string, int> _errorStatusCodes;

    private ServiceModel(
        string signingName,
        string protocol,
        string apiVersion,
        Dictionary<string, OperationModel> operations,
        Dictionary<string, int> errorStatusCodes,
        Dictionary<string, ShapeModel> shapes)
    {
        SigningName = signingName;
        Protocol = protocol;
        ApiVersion = apiVersion;
        _operations = operations;
        _errorStatusCodes = errorStatusCodes;
        Shapes = shapes;
    }

    /// <summary>The SigV4 service name (<c>metadata.signingName</c>, else <c>endpointPrefix</c>).</summary>
    public string SigningName { get; }

    /// <summary>The wire protocol (<c>metadata.protocol</c>), e.g. <c>rest-json</c>.</summary>
    public string Protocol { get; }

    /// <summary>The API version (<c>metadata.apiVersion</c>).</summary>
    public string ApiVersion { get; }

    /// <summary>The operations of the model, by name.</summary>
    public IReadOnlyDictionary<string, OperationModel> Operations => _operations;

    /// <summary>The scalar and structure shapes of the model, by name (members and constraints only).</summary>
    public IReadOnlyDictionary<string, ShapeModel> Shapes { get; }

    /// <summary>The model shipped inside the emulator assembly (the project's <c>models/datazone/2018-05-10/service-2.json</c>).</summary>
    public static ServiceModel Embedded => EmbeddedModel.Value;

    /// <summary>Reads a model from a file.</summary>
    public static ServiceModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model from a stream of <c>service-2.json</c> text.</summary>
    public static ServiceModel Load(Stream stream)
    {
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        return Read(document.RootElement);
    }

    /// <summary>Finds an operation, or throws naming the operation the model lacks.</summary>
    public OperationModel GetOperation(string name) =>
        _operations.TryGetValue(name, out var operation)
            ? operation
            : throw new InvalidOperationException($"The service model has no operation '{name}'.");

    /// <summary>The HTTP status the model gives an error shape (<c>error.httpStatusCode</c>), or <paramref name="fallback"/>.</summary>
    public int ErrorStatusCode(string errorCode, int fallback) =>
        _errorStatusCodes.TryGetValue(errorCode, out var status) ? status : fallback;

    private static ServiceModel LoadEmbedded()
    {
        var assembly = typeof(ServiceModel).Assembly;
        using var stream = assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded model '{EmbeddedResourceName}' is missing from {assembly.GetName().Name}.");
        return Load(stream);
    }

    private static ServiceModel Read(JsonElement root)
    {
        var metadata = Required(root, "metadata");
        var signingName = OptionalString(metadata, "signingName")
            ?? OptionalString(metadata, "endpointPrefix")
            ?? throw new InvalidDataException("The model's metadata has neither 'signingName' nor 'endpointPrefix'.");
        var protocol = OptionalString(metadata, "protocol") ?? "rest-json";
        var apiVersion = OptionalString(metadata, "apiVersion") ?? "";

        var shapes = new Dictionary<string, ShapeModel>(StringComparer.Ordinal);
        var errors = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var shape in Required(root, "shapes").EnumerateObject())
        {
            shapes[shape.Name] = ReadShape(shape.Value);
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

        return new ServiceModel(signingName, protocol, apiVersion, operations, errors, shapes);
    }

    private static ShapeModel ReadShape(JsonElement shape)
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

            foreach (var member in memberElements.EnumerateObject())
            {
                members.Add(new MemberModel(
                    member.Name,
                    OptionalString(member.Value, "shape") ?? "",
                    ParseLocation(OptionalString(member.Value, "location")),
                    OptionalString(member.Value, "locationName") ?? member.Name,
                    required.Contains(member.Name)));
            }
        }

        return new ShapeModel(
            type,
            enumValues,
            OptionalString(shape, "pattern"),
            OptionalNumber(shape, "min"),
            OptionalNumber(shape, "max"),
            members);
    }

    private static OperationModel ReadOperation(string name, JsonElement op, Dictionary<string, ShapeModel> shapes)
    {
        var http = Required(op, "http");
        var method = OptionalString(http, "method") ?? "POST";
        var requestUri = OptionalString(http, "requestUri") ?? "/";
        var status = http.TryGetProperty("responseCode", out var rc) && rc.TryGetInt32(out var code) ? code : 200;

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
        return new OperationModel(name, method, requestUri, status, inputs, outputShape, errorNames);
    }

    private static MemberLocation ParseLocation(string? location) => location switch
    {
        "uri" => MemberLocation.Uri,
        "querystring" => MemberLocation.QueryString,
        "header" => MemberLocation.Header,
        "headers" => MemberLocation.Header,
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
            && value.TryGetInt64(out var number)
            ? number
            : null;
}
