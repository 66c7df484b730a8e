using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// The json protocol (awsJson1_0, awsJson1_1) and per-operation auth, from the botocore KMS and SSO models in
/// ../shared: the client, the operation and the paginator against reviewed golden files.
/// </summary>
public class JsonProtocolTests
{
    [Fact]
    public void Kms_ListKeys_posts_the_whole_request_named_by_its_target()
    {
        var run = GeneratorHarness.RunClean(
            new[] { GeneratorHarness.PaginatorSource("ListKeys", "KeysPaginator", "Contoso.Kms") },
            ModelFiles.FromFolder(RepoPaths.SharedModel("kms", "2014-11-01")));

        Snapshot.Verify(
            $"{nameof(JsonProtocolTests)}.{nameof(Kms_ListKeys_posts_the_whole_request_named_by_its_target)}",
            Pick(run, "Contoso.Kms.KMSClient.g.cs", "Contoso.Kms.KMSClient.ListKeys.g.cs", "Contoso.Kms.KeysPaginator.g.cs"));
    }

    [Fact]
    public void Sso_ListAccounts_is_unsigned_and_keeps_its_bearer_token_header_as_a_member()
    {
        var run = GeneratorHarness.RunClean(
            new[] { GeneratorHarness.PaginatorSource("ListAccounts", "AccountsPaginator", "Contoso.Sso") },
            ModelFiles.FromFolder(RepoPaths.SharedModel("sso", "2019-06-10")));

        Snapshot.Verify(
            $"{nameof(JsonProtocolTests)}.{nameof(Sso_ListAccounts_is_unsigned_and_keeps_its_bearer_token_header_as_a_member)}",
            Pick(run, "Contoso.Sso.SSOClient.ListAccounts.g.cs", "Contoso.Sso.ListAccountsRequest.g.cs"));
    }

    [Theory]
    [InlineData("[\"smithy-rpc-v2-cbor\", \"json\", \"query\"]", "Json")]
    [InlineData("[\"query\", \"json\"]", "Json")]
    [InlineData("[\"rest-json\"]", "RestJson")]
    public void A_protocols_list_is_read_in_botocores_order_of_preference(string protocols, string expected)
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(Service(protocols), Paginators));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains($"Protocol = global::DataZone.Gen.AwsProtocol.{expected},", run.Sources["Consumer.ThingsClient.g.cs"]);
    }

    [Theory]
    [InlineData("[\"smithy-rpc-v2-cbor\", \"query\"]", "smithy-rpc-v2-cbor")]
    [InlineData("[\"rest-xml\"]", "rest-xml")]
    [InlineData("[\"ec2\"]", "ec2")]
    public void A_protocols_list_without_json_or_rest_json_generates_the_types_only(string protocols, string chosen)
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(Service(protocols), Paginators));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN011", diagnostic.Id);
        Assert.StartsWith($"The protocol '{chosen}' is not supported yet", diagnostic.GetMessage());
        Assert.Contains("Consumer.ListThingsResponse.g.cs", run.Sources.Keys);
        Assert.DoesNotContain("Consumer.ThingsClient.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_json_service_without_a_target_prefix_is_an_invalid_model()
    {
        var service = Service("[\"json\"]").Replace("\"targetPrefix\": \"Things_2020\",", string.Empty);

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(service, Paginators));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN012", diagnostic.Id);
        Assert.Contains("the json-protocol operation 'ListThings' needs 'metadata.targetPrefix'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("\"authtype\": \"none\"", "Auth = global::DataZone.Gen.AwsOperationAuth.None,")]
    [InlineData("\"auth\": [\"smithy.api#noAuth\"]", "Auth = global::DataZone.Gen.AwsOperationAuth.None,")]
    [InlineData("\"auth\": [\"aws.auth#sigv4a\", \"smithy.api#noAuth\"]", "Auth = global::DataZone.Gen.AwsOperationAuth.None,")]
    [InlineData("\"authtype\": \"v4-unsigned-body\"", "Auth = global::DataZone.Gen.AwsOperationAuth.SigV4UnsignedPayload,")]
    [InlineData("\"unsignedPayload\": true", "Auth = global::DataZone.Gen.AwsOperationAuth.SigV4UnsignedPayload,")]
    [InlineData("\"auth\": [\"aws.auth#sigv4\"], \"authtype\": \"none\"", null)]
    [InlineData("\"signingName\": \"things-data\"", "SigningName = \"things-data\",")]
    public void An_operations_auth_reaches_its_operation_description(string trait, string? expected)
    {
        var service = Service("[\"json\"]").Replace("\"name\": \"ListThings\",", "\"name\": \"ListThings\", " + trait + ",");

        AssertOperationAuth(service, expected);
    }

    [Fact]
    public void An_auth_scheme_no_client_here_speaks_is_reported_and_the_operation_is_signed()
    {
        var service = Service("[\"json\"]").Replace("\"name\": \"ListThings\",", "\"name\": \"ListThings\", \"auth\": [\"smithy.api#httpBearerAuth\"],");

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(service, Paginators));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.StartsWith("The auth scheme 'smithy.api#httpBearerAuth' is not supported yet: operation ListThings is signed with SigV4", diagnostic.GetMessage());
        Assert.Contains("Consumer.Paginator.g.cs", run.Sources.Keys);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Theory]
    [InlineData("\"signatureVersion\": \"v4\"", "", null)]
    [InlineData("\"signatureVersion\": \"v4\", \"auth\": [\"smithy.api#noAuth\"]", "", "Auth = global::DataZone.Gen.AwsOperationAuth.None,")]
    [InlineData("\"signatureVersion\": \"bearer\"", "\"authtype\": \"none\",", "Auth = global::DataZone.Gen.AwsOperationAuth.None,")]
    [InlineData("\"signatureVersion\": \"bearer\"", "\"auth\": [\"aws.auth#sigv4\"],", null)]
    public void An_operation_without_auth_of_its_own_signs_as_its_service_does(string serviceAuth, string operationAuth, string? expected)
    {
        var service = Service("[\"json\"]")
            .Replace("\"signatureVersion\": \"v4\"", serviceAuth)
            .Replace("\"name\": \"ListThings\",", "\"name\": \"ListThings\", " + operationAuth);

        AssertOperationAuth(service, expected);
    }

    [Fact]
    public void An_xml_only_trait_in_a_json_model_is_ignored_as_botocore_ignores_it()
    {
        // SQS's json model keeps the "flattened" of its query days on list shapes.
        var service = Service("[\"json\"]").Replace("\"Names\": { \"type\": \"list\",", "\"Names\": { \"type\": \"list\", \"flattened\": true,");

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(service, Paginators));

        Assert.Contains("\"flattened\": true", service);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_bearer_service_is_reported_rather_than_signed_silently()
    {
        // CodeCatalyst's model states "signatureVersion": "bearer" once for the service, and no operation repeats it.
        var service = Service("[\"json\"]").Replace("\"signatureVersion\": \"v4\"", "\"signatureVersion\": \"bearer\"");

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(service, Paginators));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN011", diagnostic.Id);
        Assert.StartsWith("The auth scheme 'bearer' is not supported yet: operation ListThings is signed with SigV4", diagnostic.GetMessage());
        Assert.Empty(run.CompileDiagnostics);
    }

    [Fact]
    public void A_query_compatible_service_maps_its_errors_by_the_query_code_they_carry()
    {
        // A service that moved from awsQuery to json answers with x-amzn-query-error: {error.code};Sender, and the runtime
        // takes that code, so a modeled error is matched by its 'error.code', as botocore's error factory matches it.
        var service = Service("[\"json\"]")
            .Replace("\"uid\": \"things-2020-01-01\"", "\"uid\": \"things-2020-01-01\", \"awsQueryCompatible\": {}")
            .Replace("\"output\": { \"shape\": \"ListThingsOutput\" }", "\"output\": { \"shape\": \"ListThingsOutput\" }, \"errors\": [{ \"shape\": \"ThingGone\" }]")
            .Replace("\"Names\": {", "\"ThingGone\": { \"type\": \"structure\", \"members\": { \"message\": { \"shape\": \"String\" } }, "
                + "\"error\": { \"code\": \"AWS.Things.NonExistentThing\", \"httpStatusCode\": 400, \"senderFault\": true }, \"exception\": true },\n    \"Names\": {");

        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(service, Paginators));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        Assert.Contains("\"AWS.Things.NonExistentThing\" => new global::Consumer.ThingGoneException(details),", run.Sources["Consumer.ThingsClient.ListThings.g.cs"]);
    }

    private const string Paginators = """
        { "pagination": { "ListThings": { "input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults", "result_key": "Things" } } }
        """;

    /// <summary>The model compiles cleanly and its operation states <paramref name="expected"/>, or no auth setting at all (SigV4).</summary>
    private static void AssertOperationAuth(string service, string? expected)
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.PaginatorSource("ListThings") }, ModelFiles.Of(service, Paginators));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics);
        var operation = run.Sources["Consumer.ThingsClient.ListThings.g.cs"];
        if (expected is null)
        {
            Assert.DoesNotContain("Auth =", operation);
        }
        else
        {
            Assert.Contains(expected, operation);
        }
    }

    private static string Service(string protocols) => """
        {
          "metadata": {
            "apiVersion": "2020-01-01", "endpointPrefix": "things", "jsonVersion": "1.0", "protocol": "json",
            "protocols": PROTOCOLS, "serviceId": "Things", "signatureVersion": "v4", "targetPrefix": "Things_2020",
            "uid": "things-2020-01-01"
          },
          "operations": {
            "ListThings": {
              "name": "ListThings",
              "http": { "method": "POST", "requestUri": "/" },
              "input": { "shape": "ListThingsInput" },
              "output": { "shape": "ListThingsOutput" }
            }
          },
          "shapes": {
            "ListThingsInput": {
              "type": "structure",
              "members": { "NextToken": { "shape": "String" }, "MaxResults": { "shape": "Integer" } }
            },
            "ListThingsOutput": {
              "type": "structure",
              "members": { "Things": { "shape": "Names" }, "NextToken": { "shape": "String" } }
            },
            "Names": { "type": "list", "member": { "shape": "String" } },
            "Integer": { "type": "integer" },
            "String": { "type": "string" }
          }
        }
        """.Replace("PROTOCOLS", protocols);

    private static Dictionary<string, string> Pick(GeneratorRun run, params string[] hintNames) =>
        hintNames.ToDictionary(name => name, name => run.Sources[name]);
}
