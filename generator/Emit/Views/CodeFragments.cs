using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>The C# expressions a template places for reading, writing and formatting a value of a given type.</summary>
internal static class CodeFragments
{
    /// <summary>The attribute on every generated type, naming this generator's version (the package version).</summary>
    public static readonly string GeneratedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"DataZone.Gen\", \"{typeof(CodeFragments).Assembly.GetName().Version!.ToString(3)}\")]";

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

    /// <summary>An expression turning <paramref name="value"/> into text for a URI label, query string or header.</summary>
    public static string Text(TypeRef type, string value, bool isHeader) => type.Kind switch
    {
        ValueKind.String => value,
        ValueKind.Enum => value + ".Value",
        ValueKind.Timestamp => RuntimeApi.AwsJson + ".FormatTimestamp(" + value + ", " + TimestampFormat(type.TimestampFormat, isHeader ? "rfc822" : "iso8601") + ")",
        ValueKind.Blob => "global::System.Convert.ToBase64String(" + value + ")",
        ValueKind.Document => RuntimeApi.AwsJson + ".FormatJsonValue(" + value + ")",
        _ => RuntimeApi.AwsJson + ".FormatScalar(" + value + ")",
    };

    /// <summary>An expression parsing header text into the member's type.</summary>
    public static string ParseHeader(TypeRef type, string text) => type.Kind switch
    {
        ValueKind.String => text,
        ValueKind.Enum => "new " + type.TypeName + "(" + text + ")",
        ValueKind.Boolean => RuntimeApi.AwsJson + ".ParseBoolean(" + text + ")",
        ValueKind.Integer => RuntimeApi.AwsJson + ".ParseInt32(" + text + ")",
        ValueKind.Long => RuntimeApi.AwsJson + ".ParseInt64(" + text + ")",
        ValueKind.Float => RuntimeApi.AwsJson + ".ParseSingle(" + text + ")",
        ValueKind.Double => RuntimeApi.AwsJson + ".ParseDouble(" + text + ")",
        ValueKind.Timestamp => RuntimeApi.AwsJson + ".ParseTimestamp(" + text + ")",
        ValueKind.Blob => "global::System.Convert.FromBase64String(" + text + ")",
        _ => RuntimeApi.AwsJson + ".ParseJsonValue(" + text + ")",
    };

    public static string TimestampFormat(string format, string locationDefault) =>
        RuntimeApi.TimestampFormat + "." + (string.IsNullOrEmpty(format) ? locationDefault : format) switch
        {
            "iso8601" => "Iso8601",
            "rfc822" => "Rfc822",
            _ => "EpochSeconds",
        };

    private static string TimestampWriter(string format) => format switch
    {
        "iso8601" => ".WriteTimestampIso8601",
        "rfc822" => ".WriteTimestampRfc822",
        // rest-json bodies send epoch seconds unless the shape says otherwise.
        _ => ".WriteTimestampEpochSeconds",
    };
}
