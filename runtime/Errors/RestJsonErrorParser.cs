using System;
using System.Text;
using System.Text.Json;
using DataZone.Gen.Http;

namespace DataZone.Gen;

/// <summary>
/// botocore's rest-json error parsing: the code comes from <c>X-Amzn-ErrorType</c>, else the body's
/// <c>code</c>/<c>Code</c>, else <c>__type</c>; the text before <c>:</c> and after <c>#</c> is kept.
/// A body that is not a JSON object is treated as having no fields, never as a crash.
/// </summary>
internal static class RestJsonErrorParser
{
    private const int ExcerptLength = 160;

    public static AwsErrorDetails Parse(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? typeField = null, codeField = null, message = null;
        ReadBodyFields(response.Body, ref typeField, ref codeField, ref message);

        var rawCode = response.GetHeader("X-Amzn-ErrorType") ?? codeField ?? typeField;
        var requestId = response.GetHeader("x-amzn-RequestId") ?? response.GetHeader("x-amz-request-id") ?? "";
        return new AwsErrorDetails(response, SanitizeCode(rawCode), message, requestId.Length == 0 ? null : requestId);
    }

    // "aws.protocoltests#FooError:http://internal.amazon.com/..." -> "FooError"
    internal static string SanitizeCode(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var colon = raw.IndexOf(':');
        var code = colon >= 0 ? raw.Substring(0, colon) : raw;
        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code.Substring(hash + 1) : code).Trim();
    }

    private static void ReadBodyFields(ReadOnlyMemory<byte> body, ref string? typeField, ref string? codeField, ref string? message)
    {
        if (body.IsEmpty)
        {
            return;
        }

        string? lowerMessage = null, upperMessage = null, errorMessage = null, lowerCode = null, upperCode = null;
        try
        {
            // Only top-level string members matter; anything else in a hostile body is skipped.
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!reader.Read())
                {
                    return;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }
                var value = reader.GetString()!;
                switch (name)
                {
                    case "__type": typeField ??= value; break;
                    case "code": lowerCode ??= value; break;
                    case "Code": upperCode ??= value; break;
                    case "message": lowerMessage ??= value; break;
                    case "Message": upperMessage ??= value; break;
                    case "errorMessage": errorMessage ??= value; break;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            // Truncated or invalid JSON: keep whatever fields were read before the damage.
        }
        finally
        {
            codeField = lowerCode ?? upperCode;
            message = lowerMessage ?? upperMessage ?? errorMessage;
        }
    }

    /// <summary>A short, printable excerpt of a body for an exception message (control characters replaced).</summary>
    internal static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Length > ExcerptLength * 4 ? body.Slice(0, ExcerptLength * 4) : body);
        var builder = new StringBuilder(Math.Min(text.Length, ExcerptLength) + 1);
        foreach (var c in text)
        {
            if (builder.Length == ExcerptLength)
            {
                builder.Append('…');
                break;
            }
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString().Trim();
    }
}
