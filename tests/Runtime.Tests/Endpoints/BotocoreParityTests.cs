using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataZone.Gen.Endpoints;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>
/// The engine against botocore's EndpointProvider: for each recorded case, the same rule set (read from ../shared/models)
/// and parameters must give the same URL, properties and headers, or the same error text.
/// </summary>
public sealed class BotocoreParityTests
{
    public static TheoryData<string> Services() => new(Cases().Select(c => c.GetProperty("service").GetString()!).Distinct());

    [Theory]
    [MemberData(nameof(Services))]
    public void The_engine_resolves_like_botocore(string service)
    {
        var rules = SharedModels.RuleSet(service);
        var mismatches = new List<string>();
        foreach (var recorded in Cases().Where(c => c.GetProperty("service").GetString() == service))
        {
            var parameters = new EndpointParameters();
            foreach (var parameter in recorded.GetProperty("params").EnumerateObject())
            {
                parameters.Set(parameter.Name, EndpointValue.FromJson(parameter.Value));
            }

            var expected = recorded.GetProperty("expect").GetRawText();
            string actual;
            try
            {
                var endpoint = rules.Resolve(parameters);
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

                actual = result.ToJsonString();
            }
            catch (EndpointResolutionException error)
            {
                actual = new JsonObject { ["error"] = error.Message }.ToJsonString();
            }

            if (!JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)))
            {
                mismatches.Add($"{recorded.GetProperty("params").GetRawText()}\n  botocore: {expected}\n  engine:   {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static IEnumerable<JsonElement> Cases()
    {
        using var stream = typeof(BotocoreParityTests).Assembly.GetManifestResourceStream("botocore-endpoint-cases.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateArray().Select(c => c.Clone()).ToArray();
    }
}
