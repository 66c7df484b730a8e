using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace DataZone.Gen.Json;

/// <summary>
/// The JSON plumbing generated readers and writers call: token checks, member and item reading with JSON-path
/// errors, and the wire forms of scalars. Generated code only; no reflection anywhere.
/// </summary>
/// <remarks>
/// The readers run for every member of every item of every page, so they are marked
/// <see cref="MethodImplOptions.AggressiveOptimization"/>, as the generated readers (every <c>ReadJson</c> and list or
/// map reader) are: compiled optimized from the first call. A listing is often the whole life of a short process, and
/// without it these methods spend much of that life in unoptimized and then PGO-instrumented code
/// (bench/results.md measures the difference). The generated code says this here, once, not above every reader.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class AwsJson
{
    /// <summary>Parses a whole response body; an empty body reads as <c>{}</c>, as botocore treats it.</summary>
    public static T ReadBody<T>(ReadOnlyMemory<byte> body, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(body.IsEmpty ? "{}"u8 : body.Span);
        try
        {
            if (!reader.Read())
            {
                throw new AwsJsonException("The response body is empty.", "$");
            }

            var value = read(ref reader);
            if (reader.Read())
            {
                throw new AwsJsonException("Unexpected content after the end of the JSON document.", "$");
            }

            return value;
        }
        catch (AwsJsonException)
        {
            throw;
        }
        catch (JsonException ex)
        {
            throw new AwsJsonException(ReaderProblem(ex), "$", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw Unreadable(ex);
        }
    }

    /// <summary>Writes a value with its generated writer into a new UTF-8 buffer.</summary>
    public static byte[] Serialize<T>(T value, JsonWriteAction<T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Checks the reader stands on <c>{</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mistyped("an object", reader.TokenType);
        }
    }

    /// <summary>Checks the reader stands on <c>[</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ExpectStartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mistyped("an array", reader.TokenType);
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the next item of the current array; false at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool NextItem(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Reads the value of the property the reader stands on; <c>null</c> stays null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T? ReadMember<T>(ref Utf8JsonReader reader, string name, JsonReadFunc<T> read)
        where T : class
    {
        Advance(ref reader);
        return reader.TokenType == JsonTokenType.Null ? null : ReadLocated(ref reader, read, name, index: -1);
    }

    /// <summary>Reads the value-typed value of the property the reader stands on; <c>null</c> stays null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T? ReadValueMember<T>(ref Utf8JsonReader reader, string name, JsonReadFunc<T> read)
        where T : struct
    {
        Advance(ref reader);
        return reader.TokenType == JsonTokenType.Null ? null : ReadLocated(ref reader, read, name, index: -1);
    }

    /// <summary>
    /// Reads the array item the reader stands on. A <c>null</c> item is an <see cref="AwsJsonException"/> naming its
    /// path: the list is not sparse, and dropping the item would silently lose data and shift every later index.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T? ReadItem<T>(ref Utf8JsonReader reader, int index, JsonReadFunc<T> read)
        where T : class =>
        ReadItem(ref reader, index, read, sparse: false);

    /// <summary>Reads the array item the reader stands on; in a <paramref name="sparse"/> list a <c>null</c> item reads as null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T? ReadItem<T>(ref Utf8JsonReader reader, int index, JsonReadFunc<T> read, bool sparse)
        where T : class =>
        reader.TokenType != JsonTokenType.Null ? ReadLocated(ref reader, read, name: null, index)
            : sparse ? null : throw NullItem(index);

    /// <summary>
    /// Reads the value-typed array item the reader stands on. A <c>null</c> item is an <see cref="AwsJsonException"/>
    /// naming its path, as in <see cref="ReadItem{T}(ref Utf8JsonReader, int, JsonReadFunc{T})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T? ReadValueItem<T>(ref Utf8JsonReader reader, int index, JsonReadFunc<T> read)
        where T : struct =>
        ReadValueItem(ref reader, index, read, sparse: false);

    /// <summary>Reads the value-typed array item the reader stands on; in a <paramref name="sparse"/> list a <c>null</c> item reads as null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T? ReadValueItem<T>(ref Utf8JsonReader reader, int index, JsonReadFunc<T> read, bool sparse)
        where T : struct =>
        reader.TokenType != JsonTokenType.Null ? ReadLocated(ref reader, read, name: null, index)
            : sparse ? null : throw NullItem(index);

    // Reads one value; a failure inside it gains this level's path segment (".name" or "[index]"),
    // built only on the error path so the happy path allocates nothing for paths.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T ReadLocated<T>(ref Utf8JsonReader reader, JsonReadFunc<T> read, string? name, int index)
    {
        try
        {
            return read(ref reader);
        }
        catch (JsonException ex)
        {
            throw AtSegment(ex, name is null ? "[" + index + "]" : "." + name);
        }
        catch (InvalidOperationException ex)
        {
            // The reader's own value errors (invalid UTF-8 in a string, mostly) carry no path: give them this one.
            throw AtSegment(Unreadable(ex), name is null ? "[" + index + "]" : "." + name);
        }
    }

    /// <summary>Skips the value of a property the model does not know; services add members over time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SkipMember(ref Utf8JsonReader reader)
    {
        var name = reader.GetString();
        try
        {
            Advance(ref reader);
            reader.Skip();
        }
        catch (JsonException ex)
        {
            throw AtSegment(ex, "." + name);
        }
    }

    /// <summary>Keeps a union member the model does not know, so that it can be written back.</summary>
    public static UnknownUnionMember ReadUnknownMember(ref Utf8JsonReader reader)
    {
        var name = reader.GetString()!;
        try
        {
            Advance(ref reader);
            return new UnknownUnionMember(name, JsonElement.ParseValue(ref reader));
        }
        catch (JsonException ex)
        {
            throw AtSegment(ex, "." + name);
        }
    }

    /// <summary>The error for a required member the document lacks.</summary>
    public static JsonException MissingMember(string name) =>
        new AwsJsonException($"The required member '{name}' is missing.", "$." + name);

    // Reads the next token, turning a truncated document into a located error instead of a silent end.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new AwsJsonException("The JSON document ends too early.", "$");
        }
    }

    private static JsonException AtSegment(JsonException inner, string segment)
    {
        if (inner is AwsJsonException located)
        {
            var rest = located.Path is { Length: > 1 } path ? path.Substring(1) : string.Empty;
            return new AwsJsonException(located.Problem, "$" + segment + rest, located.InnerException);
        }

        return new AwsJsonException(ReaderProblem(inner), "$" + segment, inner);
    }

    private static AwsJsonException NullItem(int index) =>
        new("Expected an item but found null; the model does not allow null items in this list.", "$[" + index + "]");

    private static AwsJsonException Unreadable(InvalidOperationException ex) =>
        ex.InnerException is System.Text.DecoderFallbackException || ex.Message.Contains("UTF-8", StringComparison.Ordinal)
            ? new("The string is not valid UTF-8.", "$", ex)
            : new("The value cannot be read: " + ex.Message, "$", ex);

    private static string ReaderProblem(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "The JSON is malformed: " + (cut > 0 ? message.Substring(0, cut) : message).TrimEnd();
    }

    private static AwsJsonException Mistyped(string expected, JsonTokenType found) =>
        new($"Expected {expected} but found {Describe(found)}.", "$");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
