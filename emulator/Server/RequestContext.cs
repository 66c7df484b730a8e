using System.Text.Json;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Data;
using DataZone.Gen.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace DataZone.Gen.Emulator.Server;

/// <summary>One request in flight: the HTTP context plus what the request log will record.</summary>
internal sealed class RequestContext
{
    private readonly ServiceModel _model;

    public RequestContext(HttpContext http, ServiceModel model, long sequence, string requestId, string rawPath, string rawQuery, bool errorTypeWithNamespace)
    {
        Http = http;
        _model = model;
        Sequence = sequence;
        RequestId = requestId;
        RawPath = rawPath;
        RawQuery = rawQuery;
        ErrorTypeWithNamespace = errorTypeWithNamespace;
    }

    public HttpContext Http { get; }

    public long Sequence { get; }

    public string RequestId { get; }

    /// <summary>The path exactly as received (percent-encoded).</summary>
    public string RawPath { get; }

    /// <summary>The query exactly as received, without '?'.</summary>
    public string RawQuery { get; }

    public bool ErrorTypeWithNamespace { get; }

    public string? Operation { get; set; }

    public string? AccessKeyId { get; set; }

    public string? ErrorCode { get; private set; }

    public string? ErrorMessage { get; private set; }

    public EmulatorFault Fault { get; set; }

    public int ItemCount { get; set; }

    public string? NextToken { get; set; }

    /// <summary>
    /// Sends an error the service model defines, with the model's <c>httpStatusCode</c> for it; a generic code
    /// (<c>ValidationException</c>, <c>ThrottlingException</c>, <c>InternalServerException</c>) becomes the service's own counterpart.
    /// </summary>
    public Task WriteModeledErrorAsync(string code, string message)
    {
        var own = _model.ErrorCodeFor(code);
        return WriteErrorAsync(_model.ErrorStatusCode(own, fallback: UsualStatus(code)), own, message);
    }

    /// <summary>The status AWS uses for an error when a model does not say.</summary>
    private static int UsualStatus(string code) => code switch
    {
        "ResourceNotFoundException" => 404,
        "ThrottlingException" => 429,
        "InternalServerException" => 500,
        _ => 400,
    };

    /// <summary>
    /// Sends an error in the protocol's format, as botocore's parsers read it. rest-json: status,
    /// <c>x-amzn-ErrorType</c> header and <c>{"message": ...}</c> body. json: status and
    /// <c>{"__type": "Code", "message": ...}</c> with the json content type. The message member is spelled as the
    /// service's error shape spells it (<c>message</c> or <c>Message</c>).
    /// </summary>
    public async Task WriteErrorAsync(int status, string code, string message)
    {
        ErrorCode = code;
        ErrorMessage = message;
        var response = Http.Response;
        response.StatusCode = status;
        var messageName = _model.Shapes.TryGetValue(code, out var shape) && shape.FindMember("Message") is not null ? "Message" : "message";
        string? type = null;
        if (_model.IsJsonProtocol)
        {
            response.ContentType = "application/x-amz-json-" + _model.JsonVersion;
            type = ErrorTypeWithNamespace ? $"com.amazonaws.{_model.SigningName}#{code}" : code;
            if (_model.QueryCompatible)
            {
                // What botocore reads to give query-compatible services their old error codes.
                var queryCode = shape?.QueryErrorCode ?? code;
                response.Headers["x-amzn-query-error"] = queryCode + ";" + (shape is { SenderFault: true } || status < 500 ? "Sender" : "Receiver");
            }
        }
        else
        {
            response.Headers["x-amzn-ErrorType"] = ErrorTypeWithNamespace
                ? $"{code}:http://internal.amazon.com/coral/com.amazon.{_model.SigningName}/"
                : code;
            response.ContentType = "application/json";
        }

        using (var writer = new Utf8JsonWriter(response.BodyWriter, RunJson.WriterOptions))
        {
            writer.WriteStartObject();
            if (type is not null)
            {
                writer.WriteString("__type"u8, type);
            }

            writer.WriteString(messageName, message);
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(Http.RequestAborted).ConfigureAwait(false);
    }
}
