using System.IO;
using System.Linq;
using System.Text.Json;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Every paginator of the json-protocol services in ../shared, each service in one compilation: the generated code has
/// no error or warning, and the generator reports nothing but DZGEN011 (paginator forms and operation traits it does
/// not emit yet, such as DynamoDB's map tokens and endpoint discovery).
/// </summary>
public class JsonBreadthTests
{
    [Theory]
    [InlineData("kms", "2014-11-01")]
    [InlineData("dynamodb", "2012-08-10")]
    [InlineData("logs", "2014-03-28")]
    [InlineData("ssm", "2014-11-06")]
    [InlineData("glue", "2017-03-31")]
    [InlineData("ecs", "2014-11-13")]
    public void Every_paginator_of_a_json_service_compiles_cleanly(string service, string version)
    {
        var folder = RepoPaths.SharedModel(service, version);
        using var paginators = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "paginators-1.json")));
        var operations = paginators.RootElement.GetProperty("pagination").EnumerateObject().Select(p => p.Name).ToList();

        var run = GeneratorHarness.Run(
            operations.Select(o => GeneratorHarness.PaginatorSource(o, o + "Paginator", "Consumer.Json")),
            ModelFiles.FromFolder(folder));

        var problems = run.GeneratorDiagnostics.Where(d => d.Id != "DZGEN011").Concat(run.CompileDiagnostics).Select(GeneratorHarness.Describe).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Assert.Contains(run.Sources.Keys, k => k.EndsWith("Client.g.cs", System.StringComparison.Ordinal));
    }
}
