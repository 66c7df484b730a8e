using System.ComponentModel;
using System.Text.Json;

namespace DataZone.Gen.Json;

/// <summary>Reads one JSON value; the reader stands on the value's first token and is left on its last.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader.</param>
/// <returns>The value read.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one JSON value.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="writer">The writer.</param>
/// <param name="value">The value.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonWriteAction<in T>(Utf8JsonWriter writer, T value);
