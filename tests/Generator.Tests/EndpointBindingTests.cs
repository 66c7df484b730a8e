using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// An operation's endpoint parameters from its model (a member's <c>contextParam</c>, <c>staticContextParams</c>,
/// <c>operationContextParams</c> paths), observed where they matter: the URL a call through the generated client is
/// sent to. The fixture's rule set writes every bound value into that URL.
/// </summary>
public class EndpointBindingTests
{
    private const string Probe = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Consumer;
        using DataZone.Gen;
        using DataZone.Gen.Auth;

        namespace Probe;

        public sealed class Capture : HttpMessageHandler
        {
            public Uri? Last { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Last = request.RequestUri;
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
            }
        }

        public static class Calls
        {
            public static async Task<string[]> ListAsync(bool everything)
            {
                var capture = new Capture();
                using var client = new WidgetsClient(new AwsClientOptions
                {
                    Region = "us-west-2",
                    HttpMessageHandler = capture,
                    Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                    Environment = AwsEnvironment.FromVariables(new Dictionary<string, string?>()),
                });
                var request = new ListWidgetsRequest { Bucket = "bkt" };
                if (everything)
                {
                    request = request with
                    {
                        Mode = Mode.Fast,
                        Strict = false,
                        Creation = new Creation { TableName = "t0" },
                        Items = new[]
                        {
                            new Item { Get = new Target { TableName = "t1" }, Color = Mode.Slow },
                            new Item { Put = new Target { TableName = "t2" } },
                            new Item(),
                        },
                        Requests = new Dictionary<string, string> { ["k1"] = "v" },
                    };
                }

                await client.ListWidgetsAsync(request);
                return new[] { client.Endpoint.ToString(), capture.Last!.ToString() };
            }
        }
        """;

    private static readonly Lazy<(GeneratorRun Run, LoadedAssembly Loaded)> Generated = new(() =>
    {
        var run = GeneratorHarness.RunClean(
            new[] { GeneratorHarness.PaginatorSource("ListWidgets", "WidgetPaginator"), Probe },
            ModelFiles.FromFolder(Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "EndpointParams")));
        return (run, LoadedAssembly.From(run));
    });

    [Fact]
    public async Task Every_kind_of_binding_reaches_the_rules_and_the_static_values_win()
    {
        var (clientEndpoint, sentTo) = await ListAsync(everything: true);

        Assert.Equal("https://widgets.us-west-2.example.com/", clientEndpoint);
        // Bucket and Mode (contextParam), Flavor and IsListing (static), ResourceArn (a member chain), the table names of
        // a multi-select projection (nulls left out), the map's keys and a projection of enums.
        Assert.StartsWith("https://bkt.widgets.us-west-2.example.com/fast/static/t0/t1/t2/k1/slow/", sentTo);
    }

    [Fact]
    public async Task An_absent_member_leaves_the_parameter_to_the_rule_sets_default()
    {
        var (_, sentTo) = await ListAsync(everything: false);

        Assert.StartsWith("https://bkt.widgets.us-west-2.example.com/static/", sentTo);
    }

    [Fact]
    public void The_binder_is_generated_only_for_what_the_rule_set_declares()
    {
        var operation = Generated.Value.Run.Sources["Consumer.WidgetsClient.ListWidgets.g.cs"];

        Assert.Contains("EndpointParameters = BindListWidgetsEndpointParameters,", operation);
        Assert.Contains("parameters.Set(\"IsListing\", true);", operation);
        Assert.Contains("parameters.Set(\"Flavor\", \"static\");", operation);
        Assert.DoesNotContain("Undeclared", operation);
        // botocore's precedence: operationContextParams, then contextParam members, then static values, each set over the last.
        var order = new[] { "\"ResourceArn\"", "\"Bucket\"", "\"IsListing\"" }.Select(name => operation.IndexOf(name, StringComparison.Ordinal)).ToArray();
        Assert.Equal(order.OrderBy(i => i), order);
    }

    [Fact]
    public void The_binder_reads_as_written_by_hand()
    {
        var operation = Generated.Value.Run.Sources.Where(s => s.Key == "Consumer.WidgetsClient.ListWidgets.g.cs").ToDictionary(s => s.Key, s => s.Value);

        Snapshot.Verify($"{nameof(EndpointBindingTests)}.{nameof(The_binder_reads_as_written_by_hand)}", operation);
    }

    [Theory]
    [InlineData("\"Colors\": { \"path\": \"Items[*].Color\" }", "\"Colors\": { \"path\": \"Items[0].Color\" }", "\"Items[0].Color\"",
        "The operation context path 'Items[0].Color' is not supported yet: only member chains (a.b), keys(a.b), one projection (a[*].b, a[*].[b, c][], a[]) are compiled")]
    [InlineData("\"ResourceArn\": { \"path\": \"Creation.TableName\" }", "\"ResourceArn\": { \"path\": \"Creation.Missing\" }", "\"Creation.Missing\"",
        "The operation context path 'Creation.Missing' is not supported yet: it names a member the input does not have")]
    [InlineData("\"Flavor\": { \"value\": \"static\" }", "\"Flavor\": { \"value\": true }", "\"Flavor\"",
        "The static context parameter 'Flavor' is not supported yet: the rule set declares it a string, not a boolean")]
    [InlineData("\"Strict\": { \"shape\": \"Boolean\", \"contextParam\": { \"name\": \"Strict\" } }",
        "\"Strict\": { \"shape\": \"String\", \"contextParam\": { \"name\": \"Strict\" } }", "\"Strict\"",
        "The context parameter 'Strict' of member 'Strict' is not supported yet: the rule set declares it a boolean, and the member's shape 'String' is not one")]
    public void A_binding_that_cannot_be_compiled_is_a_located_warning_and_the_rest_still_binds(string original, string replacement, string marker, string message)
    {
        var (run, service) = RunEdited(original, replacement);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN011", diagnostic.Id);
        Assert.Equal(message + "; the endpoint parameter is left to the rule set's default; the rest of the model is still generated", diagnostic.GetMessage());
        Assert.Equal(service.IndexOf(marker, service.IndexOf(replacement, StringComparison.Ordinal), StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Id != "DZGEN011"));
        Assert.Contains("parameters.Set(\"IsListing\", true);", run.Sources["Consumer.WidgetsClient.ListWidgets.g.cs"]);
    }

    [Theory]
    [InlineData("\"contextParam\": { \"name\": \"Bucket\" }", "\"contextParam\": { }", "{ }",
        "'contextParam' of member 'Bucket' of shape 'ListWidgetsInput' needs a 'name'")]
    [InlineData("\"IsListing\": { \"value\": true }", "\"IsListing\": { \"value\": 1 }", "1",
        "the static context parameter 'IsListing' of operation 'ListWidgets' needs a 'value' that is a boolean, a string or an array of strings")]
    [InlineData("\"RequestKeys\": { \"path\": \"keys(Requests)\" }", "\"RequestKeys\": { \"route\": \"keys(Requests)\" }", "{ \"route\"",
        "the operation context parameter 'RequestKeys' of operation 'ListWidgets' needs a 'path' string")]
    public void A_malformed_binding_is_DZGEN012_on_its_spot(string original, string replacement, string marker, string message)
    {
        var (run, service) = RunEdited(original, replacement);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics.Where(d => d.Id == "DZGEN012"));
        Assert.Equal("The service model is not a valid botocore model: " + message, diagnostic.GetMessage());
        Assert.Equal(service.IndexOf(marker, service.IndexOf(replacement, StringComparison.Ordinal), StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    private static (GeneratorRun Run, string Service) RunEdited(string original, string replacement)
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "Generator.Tests", "Fixtures", "EndpointParams");
        var service = File.ReadAllText(Path.Combine(folder, "service-2.json")).Replace("\r\n", "\n");
        Assert.Equal(1, service.Split(original).Length - 1);
        service = service.Replace(original, replacement);
        var models = ModelFiles.FromFolder(folder).Where(f => !f.Path.EndsWith("service-2.json", StringComparison.Ordinal)).ToList();
        models.Add(new InMemoryAdditionalText(ModelFiles.VirtualFolder + "service-2.json", service));
        var compilation = GeneratorHarness.Compilation(new[] { GeneratorHarness.PaginatorSource("ListWidgets", "WidgetPaginator") });
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(Microsoft.CodeAnalysis.ReportDiagnostic.Default));
        return (GeneratorHarness.Run(GeneratorHarness.Driver(models), compilation), service);
    }

    private static async Task<(string ClientEndpoint, string SentTo)> ListAsync(bool everything)
    {
        var calls = Generated.Value.Loaded.Type("Probe.Calls");
        var task = (Task<string[]>)calls.GetMethod("ListAsync")!.Invoke(null, new object[] { everything })!;
        var result = await task;
        return (result[0], result[1]);
    }
}
