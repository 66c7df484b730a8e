namespace DataZone.Gen.Generator.Naming;

/// <summary>The hint names of generated files.</summary>
internal static class HintNames
{
    private const string Suffix = ".g.cs";

    /// <summary>A second file of the same type: <c>Ns.X.g.cs</c> ▸ <c>Ns.X.Json.g.cs</c>.</summary>
    public static string Companion(string hintName, string part) =>
        hintName.EndsWith(Suffix, System.StringComparison.Ordinal)
            ? hintName.Substring(0, hintName.Length - Suffix.Length) + "." + part + Suffix
            : hintName + "." + part + Suffix;
}
