using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Model text is data, never code: a model that tries to end a comment early and write a member of its own gets
/// its text shown, escaped, and nothing else.
/// </summary>
public class HostileModelTests
{
    private const string Operation = "ListDataSourceRuns";

    private static readonly string Service = ReadOwn("service-2.json");
    private static readonly string Paginators = ReadOwn("paginators-1.json");

    /// <summary>The characters that end a C# comment line, as JSON escapes so the test runner never sees them raw.</summary>
    public static TheoryData<string> LineBreaks() => new() { "\\n", "\\r", "\\u0085", "\\u2028", "\\u2029" };

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public void A_line_break_in_model_text_never_turns_the_rest_of_it_into_code(string lineBreak)
    {
        var payload = "x" + lineBreak + "public static int Pwned => 42; //";
        var service = Edit(Service, "        \"SUCCESS\"\n", "        \"SUCCESS\",\n        \"" + payload + "\"\n");
        service = Edit(
            service,
            "\"error\": {\n        \"httpStatusCode\": 403,",
            "\"error\": {\n        \"code\": \"Denied" + payload + "\",\n        \"httpStatusCode\": 403,");
        service = Edit(
            service,
            "<p>The caller lacks the access needed to carry out this action.</p>",
            "<p>The caller lacks access.</p><code>" + payload + "</code>");

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource(Operation) }, ModelFiles.Of(service, Paginators));

        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        GeneratorHarness.AssertNone(run.GeneratorDiagnostics, "generator diagnostics");
        GeneratorHarness.AssertNone(run.CompileDiagnostics, "compiler errors or warnings in the generated code");
        Assert.Contains("Consumer.DataSourceRunStatus.g.cs", run.Sources.Keys);
        foreach (var source in run.Result.GeneratedSources)
        {
            var root = source.SyntaxTree.GetRoot();
            Assert.DoesNotContain(root.DescendantTokens(), t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == "Pwned");
            foreach (var offset in LineBreaksOutsideStringLiterals(root))
            {
                Assert.Fail($"{source.HintName} has a line break at {offset} that is neither a line end nor inside a string literal.");
            }
        }
    }

    [Fact]
    public void Escaped_model_text_is_shown_in_the_comment_it_belongs_to()
    {
        var service = Edit(Service, "        \"SUCCESS\"\n", "        \"SUCCESS\",\n        \"a\\u2028b<c>\"\n");

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource(Operation) }, ModelFiles.Of(service, Paginators));

        Assert.Contains("/// <summary>The wire value <c>a\\u2028b&lt;c&gt;</c>.</summary>", run.Sources["Consumer.DataSourceRunStatus.g.cs"]);
    }

    /// <summary>
    /// Each edit repeats a key, the first time with a wrong value and the last time with the model's own. Python's
    /// <c>json</c>, which botocore reads models with, keeps the last value (in the first one's place), so the edited
    /// model must generate exactly what the original does, and report nothing.
    /// </summary>
    public static TheoryData<string> RepeatedKeys() => new(RepeatedKeyEdits.Keys.ToArray());

    private static readonly Dictionary<string, (bool InPaginators, string Original, string Replacement)> RepeatedKeyEdits = new(StringComparer.Ordinal)
    {
        ["a shape's type"] = (false, "\"DataSourceRunId\": {\n      \"type\": \"string\",", "\"DataSourceRunId\": {\n      \"type\": \"structure\",\n      \"type\": \"string\","),
        ["a whole shape"] = (
            false,
            "\"DataSourceRunStatus\": {",
            "\"DataSourceRunStatus\": {\n      \"type\": \"structure\",\n      \"members\": {}\n    },\n    \"DataSourceRunStatus\": {"),
        ["a paginator's limit_key"] = (true, "\"limit_key\": \"maxResults\",", "\"limit_key\": \"pageSize\",\n      \"limit_key\": \"maxResults\","),
        ["a whole paginator"] = (
            true,
            "\"ListDataSourceRuns\": {",
            "\"ListDataSourceRuns\": {\n      \"input_token\": \"nope\"\n    },\n    \"ListDataSourceRuns\": {"),
    };

    [Theory]
    [MemberData(nameof(RepeatedKeys))]
    public void A_repeated_key_takes_its_last_value_as_botocore_does(string name)
    {
        var (inPaginators, original, replacement) = RepeatedKeyEdits[name];
        var service = inPaginators ? Service : Edit(Service, original, replacement);
        var paginators = inPaginators ? Edit(Paginators, original, replacement) : Paginators;
        var source = new[] { GeneratorHarness.PaginatorSource(Operation) };

        var expected = GeneratorHarness.Run(source, ModelFiles.Of(Service, Paginators)).Sources;
        var run = GeneratorHarness.Run(source, ModelFiles.Of(service, paginators));

        Assert.True(run.Result.Exception is null, run.Result.Exception?.ToString());
        GeneratorHarness.AssertNone(run.GeneratorDiagnostics, "generator diagnostics");
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), run.Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (hint, text) in expected)
        {
            Assert.True(text == run.Sources[hint], hint + " differs from the one the model without the repeated key generates.");
        }
    }

    // A line ends only with the end-of-line trivia the emitter writes (\n or \r\n); any other break, or one inside a
    // comment or a token other than a string literal, is model text that escaped.
    private static IEnumerable<int> LineBreaksOutsideStringLiterals(SyntaxNode root)
    {
        var text = root.ToFullString();
        var literals = root.DescendantTokens()
            .Where(t => t.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken
                // The embedded endpoint rule set is a multi-line raw UTF-8 literal: its line breaks are its own.
                or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken)
            .Select(t => t.Span)
            .ToList();
        var lineEnds = root.DescendantTrivia(descendIntoTrivia: true)
            .Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia))
            .Select(t => t.Span)
            .Concat(root.DescendantTokens(descendIntoTrivia: true).Where(t => t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken)).Select(t => t.Span))
            .ToList();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029'
                && !literals.Any(s => s.Contains(i))
                && !lineEnds.Any(s => s.Contains(i) && text[i] is '\n' or '\r'))
            {
                yield return i;
            }
        }
    }

    private static string ReadOwn(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.OwnModelFolder, name)).Replace("\r\n", "\n");

    private static string Edit(string text, string original, string replacement)
    {
        var first = text.IndexOf(original, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(original, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"Expected exactly one occurrence of <{original}> in the fixture.", nameof(original));
        }

        return text.Substring(0, first) + replacement + text.Substring(first + original.Length);
    }
}
