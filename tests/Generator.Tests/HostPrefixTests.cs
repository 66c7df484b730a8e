using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// An operation's <c>endpoint.hostPrefix</c> (Location's <c>tracking.</c>, Omics' <c>analytics-</c>, an account id
/// label): the host a call through the generated client goes to, as botocore's <c>_expand_host_prefix</c> makes it.
/// </summary>
public class HostPrefixTests
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
            public string? Last { get; private set; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                // The signer describes the request from the same URI, so the signed host is the one sent.
                Last = request.RequestUri + " Host=" + request.Headers.Host + " Signed=" + (request.Headers.Contains("Authorization") ? "yes" : "no");
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") });
            }
        }

        public static class Calls
        {
            public static async Task<string?> ListAsync(string? accountId, bool inject)
            {
                var capture = new Capture();
                using var client = new ThingsClient(new AwsClientOptions
                {
                    Region = "us-west-2",
                    Endpoint = new Uri("https://things.example.com:8443"),
                    InjectHostPrefix = inject,
                    HttpMessageHandler = capture,
                    Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                    Environment = AwsEnvironment.FromVariables(new Dictionary<string, string?>()),
                });
                await client.ListThingsAsync(new ListThingsRequest { AccountId = accountId });
                return capture.Last;
            }
        }
        """;

    private const string Paginators = """
        { "pagination": { "ListThings": { "input_token": "NextToken", "output_token": "NextToken", "result_key": "Things" } } }
        """;

    private static readonly Lazy<LoadedAssembly> Generated = new(() =>
        LoadedAssembly.From(GeneratorHarness.RunClean(
            new[] { GeneratorHarness.PaginatorSource("ListThings"), Probe }, ModelFiles.Of(Service("\"hostLabel\": true"), Paginators))));

    [Fact]
    public async Task The_prefix_and_its_label_go_before_the_host_of_a_configured_endpoint_too()
    {
        var sent = await ListAsync("123456789012", inject: true);

        Assert.Equal("https://data-123456789012.things.example.com:8443/ Host=data-123456789012.things.example.com:8443 Signed=yes", sent);
    }

    [Fact]
    public async Task InjectHostPrefix_off_sends_to_the_endpoint_as_configured()
    {
        var sent = await ListAsync("123456789012", inject: false);

        Assert.StartsWith("https://things.example.com:8443/ Host=things.example.com:8443", sent);
    }

    [Theory]
    [InlineData("bad/account", "AccountId: must contain only alphanumeric characters, hyphen, or period (it is part of the host name)")]
    [InlineData("", "AccountId: must contain only alphanumeric characters, hyphen, or period (it is part of the host name)")]
    [InlineData(null, "AccountId: a value is needed, it is part of the host name")]
    public async Task A_label_that_cannot_be_part_of_a_host_name_fails_before_sending(string? accountId, string problem)
    {
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => ListAsync(accountId, inject: true));

        Assert.Contains(problem, error.Problems);
    }

    [Fact]
    public void A_label_without_a_host_label_member_is_an_invalid_model()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(Service("\"hostLabel\": false"), Paginators));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN012", diagnostic.Id);
        Assert.Contains("the hostPrefix 'data-{AccountId}.' of 'ListThings' has the label '{AccountId}'", diagnostic.GetMessage());
    }

    private static async Task<string?> ListAsync(string? accountId, bool inject)
    {
        var calls = Generated.Value.Type("Probe.Calls");
        try
        {
            return await (Task<string?>)calls.GetMethod("ListAsync")!.Invoke(null, new object?[] { accountId, inject })!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }

    private static string Service(string hostLabel) => """
        {
          "metadata": {
            "apiVersion": "2020-01-01", "endpointPrefix": "things", "jsonVersion": "1.0", "protocol": "json",
            "serviceId": "Things", "signatureVersion": "v4", "targetPrefix": "Things_2020", "uid": "things-2020-01-01"
          },
          "operations": {
            "ListThings": {
              "name": "ListThings",
              "http": { "method": "POST", "requestUri": "/" },
              "endpoint": { "hostPrefix": "data-{AccountId}." },
              "input": { "shape": "ListThingsInput" },
              "output": { "shape": "ListThingsOutput" }
            }
          },
          "shapes": {
            "ListThingsInput": {
              "type": "structure",
              "members": { "AccountId": { "shape": "String", HOSTLABEL }, "NextToken": { "shape": "String" } }
            },
            "ListThingsOutput": {
              "type": "structure",
              "members": { "Things": { "shape": "Names" }, "NextToken": { "shape": "String" } }
            },
            "Names": { "type": "list", "member": { "shape": "String" } },
            "String": { "type": "string" }
          }
        }
        """.Replace("HOSTLABEL", hostLabel);
}
