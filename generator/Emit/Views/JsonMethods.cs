using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>The JSON reader and writer method a value of a given type uses: names a template places, never statements.</summary>
internal static class JsonMethods
{
    /// <summary>A method group with the shape <c>T Read(ref Utf8JsonReader reader)</c>; <paramref name="jsonTypeName"/> is qualified.</summary>
    public static string Reader(TypeRef type, string jsonTypeName) => type.Kind switch
    {
        ValueKind.String => RuntimeApi.AwsJson + ".ReadString",
        ValueKind.Boolean => RuntimeApi.AwsJson + ".ReadBoolean",
        ValueKind.Integer => RuntimeApi.AwsJson + ".ReadInt32",
        ValueKind.Long => RuntimeApi.AwsJson + ".ReadInt64",
        ValueKind.Float => RuntimeApi.AwsJson + ".ReadSingle",
        ValueKind.Double => RuntimeApi.AwsJson + ".ReadDouble",
        ValueKind.Timestamp => RuntimeApi.AwsJson + ".ReadTimestamp",
        ValueKind.Blob => RuntimeApi.AwsJson + ".ReadBlob",
        ValueKind.Document => RuntimeApi.AwsJson + ".ReadDocument",
        ValueKind.List or ValueKind.Map => jsonTypeName + ".Read" + type.CollectionMethod,
        _ => type.TypeName + ".ReadJson",
    };

    /// <summary>A method group with the shape <c>void Write(Utf8JsonWriter writer, T value)</c>.</summary>
    public static string Writer(TypeRef type, string jsonTypeName) => type.Kind switch
    {
        ValueKind.String => RuntimeApi.AwsJson + ".WriteString",
        ValueKind.Boolean => RuntimeApi.AwsJson + ".WriteBoolean",
        ValueKind.Integer => RuntimeApi.AwsJson + ".WriteInt32",
        ValueKind.Long => RuntimeApi.AwsJson + ".WriteInt64",
        ValueKind.Float => RuntimeApi.AwsJson + ".WriteSingle",
        ValueKind.Double => RuntimeApi.AwsJson + ".WriteDouble",
        ValueKind.Timestamp => RuntimeApi.AwsJson + TimestampWriter(type.TimestampFormat),
        ValueKind.Blob => RuntimeApi.AwsJson + ".WriteBlob",
        ValueKind.Document => RuntimeApi.AwsJson + ".WriteDocument",
        ValueKind.List or ValueKind.Map => jsonTypeName + ".Write" + type.CollectionMethod,
        _ => type.TypeName + ".WriteJson",
    };

    private static string TimestampWriter(string format) => format switch
    {
        "iso8601" => ".WriteTimestampIso8601",
        "rfc822" => ".WriteTimestampRfc822",
        // rest-json bodies send epoch seconds unless the shape says otherwise.
        _ => ".WriteTimestampEpochSeconds",
    };
}
