using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Endpoint test suites in the format AWS publishes (<c>endpoint-tests-1.json</c>: params, then the expected URL,
/// properties and headers, or the error text), run through a client generated from the service's model:
/// <list type="bullet">
/// <item>this project's suites in <c>Fixtures/EndpointTests</c>, answers recorded from botocore's EndpointProvider by
/// <c>make_endpoint_tests.py</c>, for the reference models beside the repository and, with DataZone's suite, for the
/// project's own DataZone model, whose rule set is its own text;</item>
/// <item>every <c>endpoint-tests-1.json</c> beside a model in <c>../shared/models</c>;</item>
/// <item>those beside Debian's botocore models (<c>/usr/lib/python3/dist-packages/botocore/data</c>), when installed.</item>
/// </list>
/// Each case resolves twice: through a client made with the case's region, FIPS, dual-stack and endpoint
/// (<c>client.Endpoint</c>, or the error the client throws), whenever the case sets nothing else; and always through the
/// rule set the generated client embeds (<c>ServiceMetadata.EndpointRules</c>), which also gives properties and headers.
/// </summary>
public class EndpointTestSuiteTests
{
    private const string DebianModels = "/usr/lib/python3/dist-packages/botocore/data";
    private const string SuiteName = "endpoint-tests-1.json";
    private static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "EndpointTests");
    private static readonly string SharedModels = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "models"));

    // What a client's options can say; a case that sets any other parameter is run through the rule set only.
    private static readonly HashSet<string> ClientParameters = new(StringComparer.Ordinal) { "Region", "UseFIPS", "UseDualStack", "Endpoint" };

    /// <summary>Each suite as "where/service": fixtures/..., own/datazone, shared/..., debian/....</summary>
    public static TheoryData<string> Suites()
    {
        var suites = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Fixtures).Order(StringComparer.Ordinal))
        {
            suites.Add("fixtures/" + Path.GetFileName(folder));
        }

        suites.Add("own/datazone");
        foreach (var root in new[] { ("shared", SharedModels), ("debian", DebianModels) }.Where(r => Directory.Exists(r.Item2)))
        {
            foreach (var suite in Directory.GetFiles(root.Item2, SuiteName, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                suites.Add(root.Item1 + "/" + Path.GetRelativePath(root.Item2, Path.GetDirectoryName(suite)!).Replace('\\', '/'));
            }
        }

        return suites;
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void The_generated_client_passes_the_endpoint_test_suite(string suite)
    {
        var (suitePath, modelFolder) = Locate(suite);
        var client = GeneratedClient.For(modelFolder);
        using var document = JsonDocument.Parse(File.ReadAllBytes(suitePath));
        var failures = new List<string>();
        var throughClient = 0;
        var cases = document.RootElement.GetProperty("testCases").EnumerateArray().ToList();
        foreach (var testCase in cases)
        {
            var parameters = testCase.TryGetProperty("params", out var p) ? p : default;
            var expect = testCase.GetProperty("expect");
            var label = testCase.TryGetProperty("documentation", out var doc) ? doc.GetString() : parameters.GetRawText();
            if (Check(label, ThroughRules(client.Rules, parameters), expect) is { } rulesFailure)
            {
                failures.Add("rules:  " + rulesFailure);
            }

            if (parameters.ValueKind == JsonValueKind.Object && parameters.EnumerateObject().All(param => ClientParameters.Contains(param.Name)))
            {
                throughClient++;
                if (CheckClient(label, client, parameters, expect) is { } clientFailure)
                {
                    failures.Add("client: " + clientFailure);
                }
            }
        }

        Assert.NotEmpty(cases);
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(throughClient > 0, "no case of the suite could be run through the client");
    }

    private static (string Suite, string ModelFolder) Locate(string suite)
    {
        var (where, rest) = (suite.Substring(0, suite.IndexOf('/')), suite.Substring(suite.IndexOf('/') + 1));
        return where switch
        {
            "fixtures" => (Path.Combine(Fixtures, rest, SuiteName), Directory.GetDirectories(Path.Combine(SharedModels, rest)).Single()),
            "own" => (Path.Combine(Fixtures, rest, SuiteName), RepoPaths.OwnModelFolder),
            "shared" => (Path.Combine(SharedModels, rest, SuiteName), Path.Combine(SharedModels, rest)),
            _ => (Path.Combine(DebianModels, rest, SuiteName), Path.Combine(DebianModels, rest)),
        };
    }

    private static JsonObject ThroughRules(EndpointRuleSet rules, JsonElement parameters)
    {
        var values = new EndpointParameters();
        if (parameters.ValueKind == JsonValueKind.Object)
        {
            foreach (var parameter in parameters.EnumerateObject())
            {
                values.Set(parameter.Name, EndpointValue.FromJson(parameter.Value));
            }
        }

        try
        {
            var endpoint = rules.Resolve(values);
            var result = new JsonObject { ["url"] = endpoint.Url };
            if (endpoint.Properties.Count > 0)
            {
                result["properties"] = JsonNode.Parse(EndpointValue.FromObject(endpoint.Properties).ToJson());
            }

            if (endpoint.Headers.Count > 0)
            {
                result["headers"] = new JsonObject(endpoint.Headers.Select(h =>
                    new KeyValuePair<string, JsonNode?>(h.Key, new JsonArray(h.Value.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()))));
            }

            return new JsonObject { ["endpoint"] = result };
        }
        catch (EndpointResolutionException error)
        {
            return new JsonObject { ["error"] = error.Message };
        }
    }

    private static string? Check(string? label, JsonObject actual, JsonElement expect)
    {
        var wanted = JsonNode.Parse(expect.GetRawText())!.AsObject();
        if (wanted["endpoint"] is JsonObject endpoint)
        {
            // AWS's suites write empty properties and headers out; an empty one means none.
            foreach (var empty in new[] { "properties", "headers" }.Where(name => endpoint[name] is JsonObject { Count: 0 }))
            {
                endpoint.Remove(empty);
            }
        }

        return JsonNode.DeepEquals(wanted, actual) ? null : $"{label}\n    expected {wanted.ToJsonString()}\n    got      {actual.ToJsonString()}";
    }

    private static string? CheckClient(string? label, GeneratedClient client, JsonElement parameters, JsonElement expect)
    {
        string Value(string name) => parameters.TryGetProperty(name, out var value) ? value.ToString() : "(unset)";
        var options = new AwsClientOptions
        {
            Region = parameters.TryGetProperty("Region", out var region) ? region.GetString() : null,
            UseFips = parameters.TryGetProperty("UseFIPS", out var fips) ? fips.GetBoolean() : null,
            UseDualStack = parameters.TryGetProperty("UseDualStack", out var dualStack) ? dualStack.GetBoolean() : null,
            Endpoint = parameters.TryGetProperty("Endpoint", out var endpoint) ? new Uri(endpoint.GetString()!) : null,
            Credentials = new Auth.StaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            Environment = AwsEnvironment.FromVariables(new Dictionary<string, string?>()),
        };
        try
        {
            using var created = client.Create(options);
            var url = expect.TryGetProperty("endpoint", out var wanted) ? wanted.GetProperty("url").GetString() : null;
            return url is not null && new Uri(url) == created.Endpoint
                ? null
                : $"{label}: expected {(url ?? "the error " + expect.GetProperty("error"))}, the client has {created.Endpoint}";
        }
        catch (EndpointResolutionException error) when (expect.TryGetProperty("error", out var wanted))
        {
            return error.Message == wanted.GetString() ? null : $"{label}: expected the error {wanted}, the client threw {error.Message}";
        }
        catch (AwsClientException error) when (options.Region is null && expect.TryGetProperty("error", out _))
        {
            // As botocore's client, this one refuses to start without a region, before the rules could say so.
            return error.Message.StartsWith("No AWS region configured.", StringComparison.Ordinal)
                ? null
                : $"{label}: without a region the client threw {error.Message}";
        }
        catch (Exception error) when (error is AwsClientException or EndpointResolutionException)
        {
            return $"{label} (Region {Value("Region")}): expected {expect.GetRawText()}, the client threw {error.GetType().Name}: {error.Message}";
        }
    }
}
