using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace DataZone.Gen.Generator.Naming;

/// <summary>Turns model names and wire values into C# identifiers.</summary>
internal static class Identifiers
{
    // Locals and parameters of generated methods that a member's local must not hide.
    private static readonly HashSet<string> ReservedLocals = new()
    {
        "reader", "writer", "value", "problems", "path", "request", "response", "http", "builder", "details", "items",
        "item", "index", "unknown", "name", "key", "text", "body", "result", "buffer", "cancellationToken", "set", "read",
    };

    /// <summary>The local a generated method keeps a member's value in: camelCase, never one of the method's own names.</summary>
    public static string Local(string propertyName)
    {
        var local = Camel(propertyName.TrimStart('@'));
        return ReservedLocals.Contains(local.TrimStart('@')) ? local.TrimStart('@') + "Value" : local;
    }

    /// <summary>The client method of an operation (<c>ListDataSourceRuns</c> → <c>ListDataSourceRunsAsync</c>).</summary>
    public static string OperationMethod(string operationName) => Pascal(operationName) + "Async";

    /// <summary>The static field holding an operation's marshalling (<c>ListDataSourceRunsOperation</c>).</summary>
    public static string OperationField(string operationName) => Pascal(operationName) + "Operation";

    /// <summary>PascalCase for a shape or member name: word starts upper-cased, the rest kept (<c>dataSourceId</c> → <c>DataSourceId</c>).</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var part in Words(name))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        return Valid(builder.ToString());
    }

    /// <summary>PascalCase for an enum wire value: all-caps words are title-cased (<c>PARTIALLY_SUCCEEDED</c> → <c>PartiallySucceeded</c>).</summary>
    public static string EnumMember(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var part in Words(value))
        {
            var allUpper = true;
            foreach (var c in part)
            {
                allUpper &= !char.IsLower(c);
            }

            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(allUpper ? part.Substring(1).ToLowerInvariant() : part.Substring(1));
        }

        return Valid(builder.ToString());
    }

    /// <summary>camelCase for a parameter or local, escaped with <c>@</c> when it is a keyword.</summary>
    public static string Camel(string pascal)
    {
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Escape(camel);
    }

    /// <summary>Escapes a C# keyword with <c>@</c>.</summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    private static IEnumerable<string> Words(string name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var isWordChar = i < name.Length && char.IsLetterOrDigit(name[i]) && name[i] < 128;
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                yield return name.Substring(start, i - start);
                start = -1;
            }
        }
    }

    private static string Valid(string identifier)
    {
        if (identifier.Length == 0)
        {
            return "Empty";
        }

        var escaped = char.IsDigit(identifier[0]) ? "_" + identifier : identifier;
        return Escape(escaped);
    }
}
