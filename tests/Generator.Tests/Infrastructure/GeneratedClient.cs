using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>A client class generated, compiled and loaded from a model folder, for its first paginated operation.</summary>
internal sealed class GeneratedClient
{
    private static readonly Dictionary<string, GeneratedClient> ByFolder = new(StringComparer.Ordinal);
    private readonly Type _type;

    private GeneratedClient(Type type)
    {
        _type = type;
        var metadata = (AwsServiceMetadata)type.GetProperty("ServiceMetadata")!.GetValue(null)!;
        Rules = metadata.EndpointRules ?? throw new InvalidOperationException($"{type.Name} carries no endpoint rules.");
    }

    public EndpointRuleSet Rules { get; }

    public static GeneratedClient For(string modelFolder)
    {
        lock (ByFolder)
        {
            if (!ByFolder.TryGetValue(modelFolder, out var client))
            {
                using var paginators = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(modelFolder, "paginators-1.json")));
                var operation = paginators.RootElement.GetProperty("pagination").EnumerateObject().First().Name;
                var run = GeneratorHarness.RunClean(
                    new[] { GeneratorHarness.PaginatorSource(operation, "SuitePaginator", "Suite") }, ModelFiles.FromFolder(modelFolder));
                var type = LoadedAssembly.From(run).Assembly.GetTypes().Single(t => t.IsSubclassOf(typeof(AwsServiceClient)));
                ByFolder[modelFolder] = client = new GeneratedClient(type);
            }

            return client;
        }
    }

    public AwsServiceClient Create(AwsClientOptions options)
    {
        try
        {
            return (AwsServiceClient)Activator.CreateInstance(_type, options)!;
        }
        catch (System.Reflection.TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
