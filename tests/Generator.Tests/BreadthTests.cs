using System.IO;
using System.Linq;
using System.Text.Json;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>Every paginated operation of the full botocore DataZone model, in one compilation.</summary>
public class BreadthTests
{
    [Fact]
    public void All_paginated_operations_of_the_full_model_compile_without_errors_or_warnings()
    {
        using var paginators = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SharedModelFolder, "paginators-1.json")));
        var operations = paginators.RootElement.GetProperty("pagination").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(40, operations.Count);

        var sources = operations.Select(o => GeneratorHarness.PaginatorSource(o, o + "Paginator", "Consumer.DataZone"));
        var run = GeneratorHarness.RunClean(sources, ModelFiles.Shared());

        foreach (var operation in operations)
        {
            Assert.Contains($"Consumer.DataZone.{operation}Paginator.g.cs", run.Sources.Keys);
        }
    }
}
