using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace DataZone.Gen.Json;

// The wire forms of scalar values, read tolerantly and written the way botocore writes them.
public static partial class AwsJson
{
    /// <summary>Reads a string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Mistyped("a string", reader.TokenType);

    /// <summary>Reads a boolean.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Mistyped("a boolean", reader.TokenType),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int ReadInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw Mistyped("a 32-bit integer", reader.TokenType);

    /// <summary>Reads a 64-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)
            ? value
            : throw Mistyped("a 64-bit integer", reader.TokenType);

    /// <summary>Reads a float; botocore sends <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> as strings.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader) => (float)ReadDouble(ref reader);

    /// <summary>Reads a double; botocore sends <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> as strings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        return reader.TokenType == JsonTokenType.String && ParseSpecialDouble(reader.GetString()!) is { } special
            ? special
            : throw Mistyped("a number", reader.TokenType);
    }

    /// <summary>Reads a timestamp in any form services send: epoch seconds (number or text), ISO 8601 with or without fractions, or an HTTP date.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTimeOffset ReadTimestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            var seconds = reader.GetDouble();
            return IsEpochInRange(seconds)
                ? FromEpochSeconds(seconds)
                : throw new AwsJsonException($"{seconds.ToString(CultureInfo.InvariantCulture)} is not a timestamp: it is outside the years 1 to 9999.", "$");
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            // Services send UTC ISO 8601 ("...Z") almost always: parse that from the UTF-8 bytes without a string.
            // Anything else (an offset, no zone, epoch text, an HTTP date) takes the general path below.
            if (!reader.ValueIsEscaped && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out var utc))
            {
                return utc.ToUniversalTime();
            }

            var text = reader.GetString()!;
            return TryParseTimestamp(text, out var value)
                ? value
                : throw new AwsJsonException($"'{text}' is not a timestamp (epoch seconds, ISO 8601 or an HTTP date).", "$");
        }

        throw Mistyped("a timestamp", reader.TokenType);
    }

    /// <summary>Reads a base64 blob.</summary>
    public static byte[] ReadBlob(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Mistyped("a base64 string", reader.TokenType);
        }

        return reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw new AwsJsonException("The value is not valid base64.", "$");
    }

    /// <summary>Reads a free-form JSON document.</summary>
    public static JsonElement ReadDocument(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Writes a string.</summary>
    public static void WriteString(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a boolean.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a 32-bit integer.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a float; non-finite values as botocore's strings.</summary>
    public static void WriteSingle(Utf8JsonWriter writer, float value) => WriteDouble(writer, value);

    /// <summary>Writes a double; non-finite values as botocore's strings.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(FormatScalar(value));
        }
    }

    /// <summary>Writes a timestamp as epoch seconds, with milliseconds when it has them.</summary>
    public static void WriteTimestampEpochSeconds(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var milliseconds = value.ToUnixTimeMilliseconds();
        if (milliseconds % 1000 == 0)
        {
            writer.WriteNumberValue(milliseconds / 1000);
        }
        else
        {
            writer.WriteNumberValue(milliseconds / 1000m);
        }
    }

    /// <summary>Writes a timestamp as ISO 8601 in UTC.</summary>
    public static void WriteTimestampIso8601(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteStringValue(FormatTimestamp(value, TimestampFormat.Iso8601));

    /// <summary>Writes a timestamp as an HTTP date.</summary>
    public static void WriteTimestampRfc822(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteStringValue(FormatTimestamp(value, TimestampFormat.Rfc822));

    /// <summary>Writes a blob as base64.</summary>
    public static void WriteBlob(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    /// <summary>Writes a free-form JSON document.</summary>
    public static void WriteDocument(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>Formats a timestamp for a URI, query string or header.</summary>
    public static string FormatTimestamp(DateTimeOffset value, TimestampFormat format)
    {
        var utc = value.ToUniversalTime();
        return format switch
        {
            TimestampFormat.Iso8601 => utc.Ticks % TimeSpan.TicksPerSecond == 0
                ? utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                : utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            TimestampFormat.Rfc822 => utc.ToString("r", CultureInfo.InvariantCulture),
            _ => utc.ToUnixTimeMilliseconds() % 1000 == 0
                ? (utc.ToUnixTimeMilliseconds() / 1000).ToString(CultureInfo.InvariantCulture)
                : (utc.ToUnixTimeMilliseconds() / 1000m).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Formats a boolean as the wire's <c>true</c>/<c>false</c>.</summary>
    public static string FormatScalar(bool value) => value ? "true" : "false";

    /// <summary>Formats an integer invariantly.</summary>
    public static string FormatScalar(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats an integer invariantly.</summary>
    public static string FormatScalar(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a float invariantly, non-finite values as botocore does.</summary>
    public static string FormatScalar(float value) => FormatScalar((double)value);

    /// <summary>Formats a double invariantly, non-finite values as botocore does.</summary>
    public static string FormatScalar(double value) =>
        double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a JSON value for a header (<c>jsonvalue</c> trait): base64 of its compact JSON.</summary>
    public static string FormatJsonValue(JsonElement value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value.GetRawText()));

    /// <summary>Parses a header's boolean.</summary>
    public static bool ParseBoolean(string text) => bool.Parse(text.Trim());

    /// <summary>Parses a header's integer.</summary>
    public static int ParseInt32(string text) => int.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses a header's integer.</summary>
    public static long ParseInt64(string text) => long.Parse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses a header's float.</summary>
    public static float ParseSingle(string text) => (float)ParseDouble(text);

    /// <summary>Parses a header's double.</summary>
    public static double ParseDouble(string text) =>
        ParseSpecialDouble(text.Trim()) ?? double.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Parses a header's timestamp in any of the accepted forms.</summary>
    public static DateTimeOffset ParseTimestamp(string text) =>
        TryParseTimestamp(text, out var value) ? value : throw new FormatException($"'{text}' is not a timestamp.");

    /// <summary>Parses a header's JSON value (base64 of JSON).</summary>
    public static JsonElement ParseJsonValue(string text)
    {
        using var document = JsonDocument.Parse(Convert.FromBase64String(text.Trim()));
        return document.RootElement.Clone();
    }

    /// <summary>Parses a timestamp: epoch seconds, ISO 8601 (with or without fractions or offset), or an HTTP date.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            // "NaN", "Infinity" and years past 9999 parse as numbers but are no instant.
            value = IsEpochInRange(seconds) ? FromEpochSeconds(seconds) : default;
            return IsEpochInRange(seconds);
        }

        return DateTimeOffset.TryParse(
            trimmed,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
    }

    private static bool IsEpochInRange(double seconds) =>
        double.IsFinite(seconds) && seconds >= -62135596800d && seconds < 253402300800d;

    private static DateTimeOffset FromEpochSeconds(double seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static double? ParseSpecialDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => null,
    };
}
