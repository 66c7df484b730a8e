using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using DataZone.Gen.Bench.Config;
using DataZone.Gen.Bench.Generator;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen.Bench;

/// <summary>
/// What an embedded endpoint rule set costs: the one parse a generated client's static initializer does (DataZone's
/// small rule set and DynamoDB's, the largest of the reference models), and the resolve each client does once.
/// </summary>
[MemoryDiagnoser]
[ShortJob]
public class EndpointRuleSetBenchmarks
{
    private byte[] _dataZone = null!;
    private byte[] _dynamoDb = null!;
    private EndpointRuleSet _dataZoneRules = null!;
    private EndpointParameters _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dataZone = File.ReadAllBytes(RuleSetOf("datazone"));
        _dynamoDb = File.ReadAllBytes(RuleSetOf("dynamodb"));
        _dataZoneRules = EndpointRuleSet.Parse(_dataZone);
        _parameters = new EndpointParameters().Set("Region", "us-east-1").Set("UseFIPS", false);
    }

    [Benchmark(Description = "EndpointRuleSet.Parse (DataZone, 11 KB)")]
    public EndpointRuleSet ParseDataZone() => EndpointRuleSet.Parse(_dataZone);

    [Benchmark(Description = "EndpointRuleSet.Parse (DynamoDB, 106 KB)")]
    public EndpointRuleSet ParseDynamoDb() => EndpointRuleSet.Parse(_dynamoDb);

    [Benchmark(Description = "EndpointRuleSet.Resolve (DataZone, us-east-1)")]
    public ResolvedEndpoint ResolveDataZone() => _dataZoneRules.Resolve(_parameters);

    private static string RuleSetOf(string service) =>
        Directory.GetDirectories(Path.Combine(GeneratorInputs.RepoRoot, "..", "shared", "models", service))
            .Select(version => Path.Combine(version, "endpoint-rule-set-1.json"))
            .Single(File.Exists);
}
