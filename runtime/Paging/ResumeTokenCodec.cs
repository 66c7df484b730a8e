using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen;

/// <summary>A decoded resume token: the service token to send and how many items of that page were already returned.</summary>
internal readonly record struct ResumePoint(string? ServiceToken, int TruncateAmount);

/// <summary>
/// A decoded resume token of a paginator with any number of input tokens: one service token per input token, in the
/// paginator's order (absent keys are <see langword="null"/>), and how many items of that page were already returned.
/// </summary>
internal sealed record CompositeResumePoint(string?[] ServiceTokens, int TruncateAmount);

/// <summary>
/// botocore's resume-token format (<c>TokenEncoder</c>/<c>TokenDecoder</c> in <c>paginate.py</c>): base64 of
/// <c>json.dumps({"nextToken": "...", "boto_truncate_amount": N})</c>. The JSON is written byte-for-byte as Python's
/// <c>json.dumps</c> writes it (<c>", "</c> and <c>": "</c> separators, ASCII-only with lower-case <c>\uXXXX</c>), so a
/// token made here is the token the AWS CLI would print for the same position. A paginator with several input tokens
/// (botocore's composite tokens) writes every one of them, in the model's order, as botocore's <c>next_token</c> dict does.
/// A structured token (DynamoDB's <c>ExclusiveStartKey</c> map) travels as JSON text and is written as a JSON value.
/// </summary>
internal static class ResumeTokenCodec
{
    public const string TruncateAmountKey = "boto_truncate_amount";

    /// <summary>The key botocore adds when a token holds bytes; their values are base64 text, which is what this library reads anyway.</summary>
    public const string EncodedKeysKey = "boto_encoded_keys";

    public static string Encode(string inputTokenName, string? serviceToken, int? truncateAmount) =>
        Encode(new[] { inputTokenName }, new[] { serviceToken }, truncateAmount);

    public static string Encode(IReadOnlyList<string> inputTokenNames, IReadOnlyList<string?> serviceTokens, int? truncateAmount,
        IReadOnlyList<bool>? structured = null)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < inputTokenNames.Count; i++)
        {
            if (i > 0)
            {
                json.Append(", ");
            }

            AppendPythonString(json, inputTokenNames[i]);
            json.Append(": ");
            if (serviceTokens[i] is { } serviceToken && structured is not null && structured[i])
            {
                using var value = JsonDocument.Parse(serviceToken);
                AppendPythonJson(json, value.RootElement);
            }
            else if (serviceTokens[i] is { } serviceToken2)
            {
                AppendPythonString(json, serviceToken2);
            }
            else
            {
                json.Append("null");
            }
        }

        if (truncateAmount is { } amount)
        {
            json.Append(", ");
            AppendPythonString(json, TruncateAmountKey);
            json.Append(": ").Append(amount.ToString(CultureInfo.InvariantCulture));
        }
        json.Append('}');
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json.ToString()));
    }

    public static ResumePoint Decode(string startingToken, string inputTokenName)
    {
        var point = Decode(startingToken, new[] { inputTokenName });
        return new ResumePoint(point.ServiceTokens[0], point.TruncateAmount);
    }

    public static CompositeResumePoint Decode(string startingToken, IReadOnlyList<string> inputTokenNames, IReadOnlyList<bool>? structured = null)
    {
        var bytes = DecodeBase64(startingToken);
        try
        {
            using var document = JsonDocument.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid("its JSON is not an object");
            }

            var serviceTokens = new string?[inputTokenNames.Count];
            var truncateAmount = 0;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var index = IndexOf(inputTokenNames, property.Name);
                if (index >= 0 && structured is not null && structured[index])
                {
                    serviceTokens[index] = property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
                }
                else if (index >= 0)
                {
                    var serviceToken = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => throw Invalid($"'{property.Name}' is not a string"),
                    };
                    // botocore never emits an empty token (it maps "" to None); treat one as "start from the beginning".
                    serviceTokens[index] = string.IsNullOrEmpty(serviceToken) ? null : serviceToken;
                }
                else if (property.Name == EncodedKeysKey)
                {
                    continue;
                }
                else if (property.Name == TruncateAmountKey)
                {
                    if (!property.Value.TryGetInt32(out truncateAmount) || truncateAmount < 0)
                    {
                        throw Invalid($"'{TruncateAmountKey}' is not a non-negative integer");
                    }
                }
                else
                {
                    var expected = inputTokenNames.Count == 1
                        ? $"whose input token is not '{inputTokenNames[0]}'"
                        : $"whose input tokens are not '{string.Join("', '", inputTokenNames)}'";
                    throw Invalid($"it has the key '{property.Name}', so it belongs to a paginator {expected}");
                }
            }
            return new CompositeResumePoint(serviceTokens, truncateAmount);
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException or ArgumentException or InvalidOperationException)
        {
            throw Invalid("it is not base64 of a JSON object", exception);
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static byte[] DecodeBase64(string token)
    {
        var trimmed = token.Trim();
        // Python's b64decode wants padding; copying a token by hand often loses it, so restore it.
        var padded = trimmed.Length % 4 == 0 ? trimmed : trimmed + new string('=', 4 - trimmed.Length % 4);
        var buffer = new byte[padded.Length];
        if (trimmed.Length == 0 || !Convert.TryFromBase64String(padded, buffer, out var written))
        {
            throw Invalid("it is not base64 of a JSON object");
        }

        return buffer.AsSpan(0, written).ToArray();
    }

    private static PaginationException Invalid(string reason, Exception? inner = null) => new(
        "The starting token is not a resume token from this library, the AWS CLI or boto3: " + reason
        + ". Pass the ResumeToken of an earlier enumeration (or the CLI's NextToken) unchanged.", inner);

    // Python json.dumps of a parsed value: objects keep their key order, numbers their text.
    private static void AppendPythonJson(StringBuilder json, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                json.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject())
                {
                    json.Append(first ? "" : ", ");
                    first = false;
                    AppendPythonString(json, property.Name);
                    json.Append(": ");
                    AppendPythonJson(json, property.Value);
                }
                json.Append('}');
                break;
            case JsonValueKind.Array:
                json.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    json.Append(index++ > 0 ? ", " : "");
                    AppendPythonJson(json, item);
                }
                json.Append(']');
                break;
            case JsonValueKind.String:
                AppendPythonString(json, value.GetString()!);
                break;
            default:
                json.Append(value.GetRawText()); // numbers, true, false, null
                break;
        }
    }

    // Python json.dumps(ensure_ascii=True): only ' '..'~' stay literal; \" \\ \b \f \n \r \t are short escapes;
    // everything else (control, DEL, non-ASCII, each UTF-16 unit of a surrogate pair) is \u with lower-case hex.
    private static void AppendPythonString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                default:
                    if (c is >= ' ' and <= '~')
                    {
                        json.Append(c);
                    }
                    else
                    {
                        json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }
        json.Append('"');
    }
}
