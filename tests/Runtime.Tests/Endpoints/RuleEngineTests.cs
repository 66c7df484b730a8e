using System;
using System.Linq;
using DataZone.Gen.Auth;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>The rules language itself, on small purpose-built rule sets.</summary>
public sealed class RuleEngineTests
{
    private const string Parameters = """
        "parameters": {
          "Region": { "type": "string", "builtIn": "AWS::Region" },
          "UseFIPS": { "type": "boolean", "required": true, "default": false },
          "Stage": { "type": "string", "required": true, "default": "prod" },
          "Tags": { "type": "stringArray", "default": ["first", "second"] },
          "Bucket": { "type": "String" }
        }
        """;

    private static EndpointRuleSet Rules(string rules) => EndpointRuleSet.Parse($$"""{ "version": "1.0", {{Parameters}}, "rules": {{rules}} }""");

    private static EndpointParameters Region(string region) => new EndpointParameters().Set("Region", region);

    private const string PartitionTree = """
        [
          { "type": "tree",
            "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Region" } ] },
                            { "fn": "aws.partition", "argv": [ { "ref": "Region" } ], "assign": "P" } ],
            "rules": [
              { "type": "endpoint",
                "conditions": [ { "fn": "booleanEquals", "argv": [ { "fn": "getAttr", "argv": [ { "ref": "P" }, "supportsFIPS" ] }, { "ref": "UseFIPS" } ] } ],
                "endpoint": { "url": "https://svc-fips.{Region}.{P#dnsSuffix}" } },
              { "type": "endpoint", "conditions": [],
                "endpoint": { "url": "https://svc.{Region}.{P#dnsSuffix}/{Stage}",
                              "headers": { "x-stage": [ "{Stage}", { "fn": "getAttr", "argv": [ { "ref": "Tags" }, "[1]" ] } ] },
                              "properties": { "authSchemes": [ { "name": "sigv4", "signingName": "svc", "signingRegion": "{Region}", "disableDoubleEncoding": true } ],
                                              "partition": "{P#name}", "literal": 3 } } }
            ] },
          { "type": "error", "conditions": [], "error": "Invalid Configuration: Missing Region" }
        ]
        """;

    [Fact]
    public void Conditions_assign_variables_that_nested_rules_read_in_templates()
    {
        var endpoint = Rules(PartitionTree).Resolve(Region("cn-north-1"));

        Assert.Equal("https://svc.cn-north-1.amazonaws.com.cn/prod", endpoint.Url);
        Assert.Equal(new Uri("https://svc.cn-north-1.amazonaws.com.cn/prod"), endpoint.Uri);
        Assert.Equal(["prod", "second"], endpoint.Headers["x-stage"]);
        Assert.Equal("aws-cn", endpoint.Properties["partition"].AsString());
        Assert.Equal(3, endpoint.Properties["literal"].AsInteger());
        var scheme = Assert.Single(endpoint.AuthSchemes);
        Assert.Equal(new EndpointAuthScheme("sigv4", "svc", "cn-north-1", [], true), scheme with { SigningRegionSet = [] });
    }

    [Fact]
    public void The_first_rule_whose_conditions_hold_wins()
    {
        var endpoint = Rules(PartitionTree).Resolve(Region("us-east-1").Set("UseFIPS", true));
        Assert.Equal("https://svc-fips.us-east-1.amazonaws.com", endpoint.Url);
        Assert.Empty(endpoint.AuthSchemes);
    }

    [Fact]
    public void An_error_rule_gives_its_text_exactly()
    {
        var error = Assert.Throws<EndpointResolutionException>(() => Rules(PartitionTree).Resolve(new EndpointParameters()));
        Assert.Equal("Invalid Configuration: Missing Region", error.Message);
    }

    [Fact]
    public void An_error_text_can_be_a_template()
    {
        var rules = Rules("""[ { "type": "error", "conditions": [], "error": "Region {Region} is not served in stage {Stage}" } ]""");
        Assert.Equal("Region mars-1 is not served in stage prod", Assert.Throws<EndpointResolutionException>(() => rules.Resolve(Region("mars-1"))).Message);
    }

    [Fact]
    public void A_tree_whose_rules_all_fail_to_apply_falls_through_to_the_next_rule()
    {
        // botocore moves on; its scope copies mean the tree's assignment is gone for the next rule.
        var rules = Rules("""
            [
              { "type": "tree", "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Region" } ], "assign": "HadRegion" } ],
                "rules": [ { "type": "endpoint", "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Bucket" } ] } ], "endpoint": { "url": "https://{Bucket}.example.com" } } ] },
              { "type": "endpoint", "conditions": [ { "fn": "not", "argv": [ { "fn": "isSet", "argv": [ { "ref": "HadRegion" } ] } ] } ],
                "endpoint": { "url": "https://fallback.example.com" } }
            ]
            """);
        Assert.Equal("https://fallback.example.com", rules.Resolve(Region("us-east-1")).Url);
        Assert.Equal("https://b1.example.com", rules.Resolve(Region("us-east-1").Set("Bucket", "b1")).Url);
    }

    [Fact]
    public void A_condition_fails_only_on_false_or_nothing()
    {
        // An empty string passes (botocore checks `is False or is None`), a missing member does not.
        var rules = Rules("""
            [
              { "type": "endpoint", "conditions": [ { "fn": "getAttr", "argv": [ { "fn": "aws.partition", "argv": [ "us-east-1" ] }, "nope" ] } ],
                "endpoint": { "url": "https://missing.example.com" } },
              { "type": "endpoint", "conditions": [ { "fn": "uriEncode", "argv": [ "" ] } ], "endpoint": { "url": "https://empty.example.com" } }
            ]
            """);
        Assert.Equal("https://empty.example.com", rules.Resolve(new EndpointParameters()).Url);
    }

    [Fact]
    public void Assigning_a_name_twice_is_an_error()
    {
        var rules = Rules("""
            [ { "type": "endpoint", "conditions": [ { "fn": "aws.partition", "argv": [ "us-east-1" ], "assign": "Region" } ], "endpoint": { "url": "https://x" } } ]
            """);
        var error = Assert.Throws<EndpointResolutionException>(() => rules.Resolve(Region("us-east-1")));
        Assert.Equal("Assignment Region already exists in scoped variables and cannot be overwritten", error.Message);
    }

    [Fact]
    public void No_matching_rule_lists_the_parameters()
    {
        var rules = Rules("""[ { "type": "endpoint", "conditions": [ { "fn": "isSet", "argv": [ { "ref": "Bucket" } ] } ], "endpoint": { "url": "https://x" } } ]""");
        var error = Assert.Throws<EndpointResolutionException>(() => rules.Resolve(Region("us-east-1").Set("UseFIPS", true)));
        Assert.Equal("No endpoint found for parameters:\nRegion: us-east-1\nUseFIPS: True", error.Message);
    }

    [Fact]
    public void Defaults_fill_unset_parameters_including_string_lists()
    {
        var rules = Rules("""[ { "type": "endpoint", "conditions": [ { "fn": "getAttr", "argv": [ { "ref": "Tags" }, "[0]" ], "assign": "First" } ], "endpoint": { "url": "https://{First}.{Stage}.example.com" } } ]""");
        Assert.Equal("https://first.prod.example.com", rules.Resolve(new EndpointParameters()).Url);
        Assert.Equal("https://x.dev.example.com", rules.Resolve(new EndpointParameters().Set("Tags", ["x"]).Set("Stage", "dev")).Url);
    }

    [Fact]
    public void A_required_parameter_without_value_or_default_is_an_error()
    {
        var rules = EndpointRuleSet.Parse("""
            { "version": "1.0", "parameters": { "Region": { "type": "string", "required": true } },
              "rules": [ { "type": "endpoint", "conditions": [], "endpoint": { "url": "https://x" } } ] }
            """);
        var error = Assert.Throws<EndpointResolutionException>(() => rules.Resolve(new EndpointParameters()));
        Assert.Equal("Cannot find value for required parameter Region", error.Message);
    }

    [Theory]
    [InlineData("Region", "<class 'str'>")]
    [InlineData("UseFIPS", "<class 'bool'>")]
    public void A_value_of_the_wrong_type_is_an_error(string name, string type)
    {
        var value = name == "Region" ? EndpointValue.From(true) : EndpointValue.From("true");
        var error = Assert.Throws<EndpointResolutionException>(() => Rules(PartitionTree).Resolve(new EndpointParameters().Set(name, value)));
        Assert.Equal($"Value ({name}) is the wrong type. Must be {type}.", error.Message);
    }

    [Fact]
    public void A_string_list_parameter_must_hold_strings_only()
    {
        var value = EndpointValue.FromArray([EndpointValue.From("a"), EndpointValue.From(1)]);
        Assert.Throws<EndpointResolutionException>(() => Rules(PartitionTree).Resolve(Region("us-east-1").Set("Tags", value)));
    }

    [Fact]
    public void Templates_read_double_braces_as_literal_braces()
    {
        var rules = Rules("""[ { "type": "endpoint", "conditions": [], "endpoint": { "url": "https://x/{Region}", "properties": { "t": "{{Region}} is {Region}", "plain": "{not-a-template}" } } } ]""");
        var endpoint = rules.Resolve(Region("eu-west-1"));
        Assert.Equal("{Region} is eu-west-1", endpoint.Properties["t"].AsString());
        Assert.Equal("{not-a-template}", endpoint.Properties["plain"].AsString());
    }

    [Fact]
    public void A_url_from_parse_url_parts_rebuilds_the_endpoint()
    {
        var rules = Rules("""
            [ { "type": "endpoint", "conditions": [ { "fn": "parseURL", "argv": [ { "ref": "Bucket" } ], "assign": "url" } ],
                "endpoint": { "url": "{url#scheme}://{url#authority}{url#normalizedPath}svc" } } ]
            """);
        Assert.Equal("http://localhost:4566/a/b/svc", rules.Resolve(new EndpointParameters().Set("Bucket", "http://localhost:4566/x/../a//b")).Url);
    }

    [Fact]
    public void Parameters_are_listed_with_their_declarations()
    {
        var rules = Rules(PartitionTree);
        Assert.Equal(["Region", "UseFIPS", "Stage", "Tags", "Bucket"], rules.Parameters.Select(p => p.Name));
        Assert.Equal(new EndpointParameterDefinition("UseFIPS", EndpointParameterType.Boolean, null, true, EndpointValue.From(false), null), rules.FindParameter("UseFIPS"));
        Assert.Equal(EndpointParameterType.StringArray, rules.FindParameter("Tags")!.Type);
        Assert.Equal(EndpointParameterType.String, rules.FindParameter("Bucket")!.Type);
        Assert.Equal("AWS::Region", rules.FindParameter("Region")!.BuiltIn);
        Assert.Equal("1.0", rules.Version);
    }

    [Theory]
    [InlineData("""{ "version": "1.0", "rules": [ { "type": "endpoint", "conditions": [ { "fn": "isIpv6", "argv": [ "x" ] } ], "endpoint": { "url": "https://x" } } ] }""",
        "$.rules[0].conditions[0].fn: names 'isIpv6', which is not a function of the rules language")]
    [InlineData("""{ "version": "1.0", "rules": [ { "type": "endpoint", "conditions": [ { "fn": "isSet", "argv": [ "a", "b" ] } ], "endpoint": { "url": "https://x" } } ] }""",
        "$.rules[0].conditions[0].argv: has 2 arguments; isSet takes 1")]
    [InlineData("""{ "version": "1.0", "rules": [ { "type": "redirect", "conditions": [] } ] }""",
        "$.rules[0].type: Unknown rule type: redirect. A rule must be of type tree, endpoint or error.")]
    [InlineData("""{ "version": "2.0", "rules": [] }""", "$.version: is '2.0'; only version 1.x rule sets are understood")]
    [InlineData("""{ "version": "1.0", "parameters": { "P": { "type": "integer" } }, "rules": [] }""",
        "$.parameters.P.type: Unknown parameter type: integer. A parameter must be of type string, boolean or stringArray.")]
    [InlineData("""{ "version": "1.0", "rules": [ { "type": "endpoint", "conditions": [], "endpoint": { "url": "https://{Region}/}" } } ] }""",
        "$.rules[0].endpoint.url: The template 'https://{Region}/}' has a single '}'.")]
    [InlineData("""{ "version": "1.0", "rules": [ { "type": "tree", "conditions": [] } ] }""", "$.rules[0].rules: is missing")]
    public void A_malformed_rule_set_is_refused_when_parsed_with_the_json_path(string json, string problem)
    {
        var error = Assert.Throws<FormatException>(() => EndpointRuleSet.Parse(json));
        Assert.Equal("Endpoint rule set " + problem, error.Message);
    }

    [Fact]
    public void Invalid_json_is_a_format_error()
    {
        var error = Assert.Throws<FormatException>(() => EndpointRuleSet.Parse("{ \"version\": "));
        Assert.StartsWith("Endpoint rule set: not valid JSON", error.Message);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_client_sends_and_signs_the_endpoint_headers_with_the_auth_scheme_scope()
    {
        var rules = Rules("""
            [ { "type": "endpoint", "conditions": [],
                "endpoint": { "url": "https://{Region}.custom.example.com/base",
                              "headers": { "x-amz-route": [ "{Stage}" ] },
                              "properties": { "authSchemes": [ { "name": "sigv4a", "signingRegionSet": [ "*" ] },
                                                               { "name": "sigv4", "signingName": "custom", "signingRegion": "us-west-2" } ] } } } ]
            """);
        var handler = new FakeHttpHandler().Reply(System.Net.HttpStatusCode.OK, "{}");
        var service = new AwsServiceMetadata("Example", "example", "example", "2000-01-01") { EndpointRules = rules };
        using var client = new AwsServiceClient(service, new AwsClientOptions
        {
            Region = "eu-west-1",
            Credentials = new StaticCredentialsProvider(TestClients.Credentials),
            HttpMessageHandler = handler,
            Dependencies = new ClientDependencies { Environment = new FakeEnvironment(), UtcNow = () => TestClients.Now },
        });

        await client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, System.Threading.CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.StartsWith("https://eu-west-1.custom.example.com/base/v2/domains/", request.Uri.AbsoluteUri);
        Assert.Equal("prod", request.Header("x-amz-route"));
        var authorization = request.Header("Authorization")!;
        Assert.Contains("/20240501/us-west-2/custom/aws4_request", authorization);
        Assert.Contains("x-amz-route", authorization); // among the signed headers
    }

    [Fact]
    public void A_client_refuses_an_endpoint_it_cannot_sign_for()
    {
        var rules = Rules("""
            [ { "type": "endpoint", "conditions": [],
                "endpoint": { "url": "https://global.example.com", "properties": { "authSchemes": [ { "name": "sigv4a", "signingRegionSet": [ "*" ] } ] } } } ]
            """);
        var service = new AwsServiceMetadata("Example", "example", "example", "2000-01-01") { EndpointRules = rules };
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(TestClients.Credentials),
            Dependencies = new ClientDependencies { Environment = new FakeEnvironment() },
        };

        var error = Assert.Throws<AwsClientException>(() => new AwsServiceClient(service, options));
        Assert.Equal("The endpoint https://global.example.com must be signed with sigv4a; this client signs with sigv4 only (sigv4a is not supported).", error.Message);
        Assert.Equal(["*"], rules.Resolve(new EndpointParameters()).AuthSchemes[0].SigningRegionSet);
    }
}
