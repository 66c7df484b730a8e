using System;
using System.Text.Json;
using DataZone.Gen.Http;

namespace DataZone.Gen;

/// <summary>
/// botocore's json-protocol error parsing (<c>BaseJSONParser._do_error_parse</c>): the code is the body's <c>__type</c>,
/// cut at the first <c>:</c> and then after the last <c>#</c>; an <c>x-amzn-query-error: Code;Fault</c> header (a service
/// that kept its awsQuery codes) replaces it with <c>Code</c>, as modeled errors of such services carry that code.
/// A body that names no code falls back on Smithy's other carriers, <c>X-Amzn-ErrorType</c> and the body's
/// <c>code</c>, where botocore would report the bare status code. Never throws on a malformed body.
/// </summary>
internal static class JsonErrorParser
{
    public static AwsErrorDetails Parse(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (type, code, message) = ReadBodyFields(response.Body);
        var rawCode = type ?? response.GetHeader("X-Amzn-ErrorType") ?? code;
        var errorCode = RestJsonErrorParser.SanitizeCode(rawCode);
        string? queryCode = null, fault = null;
        if (response.GetHeader("x-amzn-query-error") is { } queryError)
        {
            // botocore takes the header only when it is exactly "Code;Fault" with a code.
            var parts = queryError.Split(';');
            if (parts.Length == 2 && parts[0].Length > 0)
            {
                queryCode = errorCode;
                errorCode = parts[0];
                fault = parts[1];
            }
        }

        if (errorCode.Length == 0)
        {
            // botocore: "if the message did not contain an error code, include the response status code".
            errorCode = response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var requestId = response.GetHeader("x-amzn-RequestId") ?? response.GetHeader("x-amz-request-id") ?? "";
        return new AwsErrorDetails(response, errorCode, message, requestId.Length == 0 ? null : requestId)
        {
            QueryCompatibleCode = queryCode,
            FaultType = fault,
        };
    }

    private static (string? Type, string? Code, string? Message) ReadBodyFields(ReadOnlyMemory<byte> body)
    {
        string? type = null, lowerCode = null, upperCode = null, lowerMessage = null, upperMessage = null;
        if (body.IsEmpty)
        {
            return (null, null, null);
        }

        try
        {
            // Only top-level string members matter; anything else in a hostile body is skipped.
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null, null);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var value = reader.GetString()!;
                switch (name)
                {
                    case "__type": type ??= value; break;
                    case "code": lowerCode ??= value; break;
                    case "Code": upperCode ??= value; break;
                    case "message": lowerMessage ??= value; break;
                    case "Message": upperMessage ??= value; break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            // Truncated or invalid JSON: keep whatever fields were read before the damage. A body that gave none is, as
            // botocore reports it, the message itself (a proxy's text or HTML page), shortened and printable here.
            if (type is null && lowerCode is null && upperCode is null && lowerMessage is null && upperMessage is null)
            {
                return (null, null, RestJsonErrorParser.Excerpt(body.Span));
            }
        }

        // botocore: body.get('message', body.get('Message', '')).
        return (type, lowerCode ?? upperCode, lowerMessage ?? upperMessage);
    }
}
