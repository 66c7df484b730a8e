using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Runtime.Tests.Auth;
using DataZone.Gen.Runtime.Tests.Endpoints;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Config;

/// <summary>
/// The runtime against botocore resolving the same shared config files and environment: for each recorded scenario
/// (see Fixtures/make_botocore_config_cases.py) the region, the credential source that wins, the retry settings and the
/// endpoint must match what botocore resolved, or be an error where botocore raised one. A scenario's
/// <c>runtimeDiffers</c> holds a deliberate, documented difference and says why.
/// </summary>
public sealed class BotocoreConfigParityTests
{
    private static readonly AwsServiceMetadata DataZone = new("DataZone", "datazone", "datazone", "2018-05-10")
    {
        EndpointRules = SharedModels.RuleSet("datazone"),
    };

    public static TheoryData<string> Scenarios() => new(Cases().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_runtime_resolves_the_scenario_like_botocore(string name)
    {
        var scenario = Cases().Single(c => c.GetProperty("name").GetString() == name);
        var home = Path.Combine(Path.GetTempPath(), "dzgen-parity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var expected = Expected(scenario);
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var actual = await ResolveAsync(scenario, home, errors);
            var mismatches = expected.Where(e => !JsonNode.DeepEquals(e.Value, actual[e.Key]))
                .Select(e => $"{e.Key}: botocore {e.Value?.ToJsonString() ?? "null"}, runtime {actual[e.Key]?.ToJsonString() ?? "null"}")
                .ToList();

            // Where botocore says ProfileNotFound, the runtime's error must say the same thing about the same profile.
            foreach (var field in scenario.GetProperty("botocore").EnumerateObject().Where(f => f.Value.ValueKind == JsonValueKind.Object
                && f.Value.GetProperty("error").GetString() == "ProfileNotFound" && errors.ContainsKey(f.Name)))
            {
                var profile = field.Value.GetProperty("message").GetString()!.Split('(', ')')[1];
                if (!errors[field.Name].Contains($"The config profile '{profile}'", StringComparison.Ordinal)
                    || !errors[field.Name].Contains("could not be found", StringComparison.Ordinal))
                {
                    mismatches.Add($"{field.Name}: botocore ProfileNotFound for '{profile}', runtime: {errors[field.Name]}");
                }
            }

            Assert.True(mismatches.Count == 0, $"{name}\n  " + string.Join("\n  ", mismatches));
        }
        finally
        {
            if (Directory.Exists(home))
            {
                Directory.Delete(home, recursive: true);
            }
        }
    }

    // botocore's answers, with errors reduced to "error" (each side words its own) and the deliberate differences applied.
    private static JsonObject Expected(JsonElement scenario)
    {
        var expected = new JsonObject();
        foreach (var field in scenario.GetProperty("botocore").EnumerateObject())
        {
            expected[field.Name] = field.Value.ValueKind == JsonValueKind.Object ? "error" : JsonNode.Parse(field.Value.GetRawText());
        }

        if (scenario.TryGetProperty("runtimeDiffers", out var differs))
        {
            foreach (var field in differs.EnumerateObject().Where(f => f.Name != "why"))
            {
                expected[field.Name] = JsonNode.Parse(field.Value.GetRawText());
            }
        }

        // Unset retry settings: each side keeps its own default. botocore's is the legacy mode (5 attempts); this runtime
        // implements the standard mode only (3 attempts), as its README says.
        expected["maxAttempts"] ??= new AwsRetryOptions().MaxAttempts;
        expected["retryMode"] ??= "standard";

        // The runtime reads retry settings while creating a client, so where no client can be made there are none.
        if (expected["endpoint"]?.GetValue<string>() == "error")
        {
            expected["maxAttempts"] = "error";
            expected["retryMode"] = "error";
        }

        return expected;
    }

    private static async Task<JsonObject> ResolveAsync(JsonElement scenario, string home, Dictionary<string, string> errors)
    {
        string Home(string text) => text.Replace("{home}", home, StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(home, ".aws"));
        foreach (var file in new[] { "config", "credentials" })
        {
            if (scenario.GetProperty(file).GetString() is { } text)
            {
                File.WriteAllText(Path.Combine(home, ".aws", file), Home(text));
            }
        }

        foreach (var file in Fixture().GetProperty("files").EnumerateObject())
        {
            File.WriteAllText(Path.Combine(home, file.Name), file.Value.GetString());
        }

        WriteSsoTokens(home);

        var variables = new Dictionary<string, string?>(StringComparer.Ordinal) { ["AWS_EC2_METADATA_DISABLED"] = "true" };
        foreach (var variable in scenario.GetProperty("env").EnumerateObject())
        {
            variables[variable.Name] = Home(variable.Value.GetString()!);
        }

        var environment = AwsEnvironment.FromVariables(variables, home);
        var profile = scenario.GetProperty("profile").GetString();
        var options = new AwsClientOptions { Environment = environment, Profile = profile };
        var actual = new JsonObject();
        try
        {
            actual["region"] = AwsClientSettings.FindRegion(options, out _);
        }
        catch (AwsClientException error)
        {
            actual["region"] = "error";
            errors["region"] = error.Message;
        }

        actual["credentials"] = await CredentialMethodAsync(errors, new CredentialProviderOptions
        {
            Environment = environment,
            Profile = profile,
            Region = "us-east-1",
            HttpMessageHandler = new FakeSts(),
        });

        try
        {
            using var client = new AwsServiceClient(DataZone, new AwsClientOptions
            {
                Environment = environment,
                Profile = profile,
                Credentials = new StaticCredentialsProvider(new AwsCredentials("AKIDX", "x")),
            });
            actual["maxAttempts"] = client.MaxAttempts;
            actual["retryMode"] = "standard";
            actual["endpoint"] = client.Endpoint.ToString().TrimEnd('/');
        }
        catch (Exception error) when (error is AwsClientException or EndpointResolutionException)
        {
            foreach (var field in new[] { "maxAttempts", "retryMode", "endpoint" })
            {
                actual[field] = "error";
                errors[field] = error.Message;
            }
        }

        return actual;
    }

    // The winning source, by botocore's credentials.method names.
    private static async Task<JsonNode?> CredentialMethodAsync(Dictionary<string, string> errors, CredentialProviderOptions options)
    {
        DefaultCredentialsChain chain;
        try
        {
            chain = new DefaultCredentialsChain(options);
            await chain.GetCredentialsAsync(CancellationToken.None);
        }
        catch (AwsCredentialsException error) when (error.Message.StartsWith("No AWS credentials found.", StringComparison.Ordinal))
        {
            return null;
        }
        catch (AwsClientException error)
        {
            errors["credentials"] = error.Message;
            return "error";
        }

        var source = chain.Source!;
        return source switch
        {
            "environment variables" => "env",
            "shared credentials file" => "shared-credentials-file",
            "shared config file" => "config-file",
            "web identity" => "assume-role-with-web-identity",
            _ when source.StartsWith("assume role", StringComparison.Ordinal) => "assume-role",
            _ when source.StartsWith("SSO", StringComparison.Ordinal) => "sso",
            _ when source.StartsWith("credential_process", StringComparison.Ordinal) => "custom-process",
            _ => source,
        };
    }

    // botocore defers SSO without a token; the runtime fetches at once, so it gets a cached token (the scenarios'
    // session "corp" and start URL) and a fake portal.
    private static void WriteSsoTokens(string home)
    {
        var cache = Directory.CreateDirectory(Path.Combine(home, ".aws", "sso", "cache")).FullName;
        foreach (var key in new[] { "corp", "https://corp.awsapps.com/start" })
        {
            var file = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant() + ".json";
            File.WriteAllText(Path.Combine(cache, file),
                "{\"accessToken\":\"token\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"startUrl\":\"https://corp.awsapps.com/start\"}");
        }
    }

    private static IEnumerable<JsonElement> Cases() => Fixture().GetProperty("cases").EnumerateArray().ToArray();

    private static JsonElement Fixture()
    {
        using var stream = typeof(BotocoreConfigParityTests).Assembly.GetManifestResourceStream("botocore-config-cases.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    /// <summary>STS and the SSO portal for the deferred sources botocore does not call: role credentials for any request.</summary>
    private sealed class FakeSts : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var expiration = DateTimeOffset.UtcNow.AddHours(1);
            var form = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var reply = request.RequestUri!.AbsolutePath.Contains("/federation/credentials", StringComparison.Ordinal)
                ? AuthFakes.SsoRoleCredentials("ASIASSO", expiration)
                : form.Contains("Action=AssumeRoleWithWebIdentity", StringComparison.Ordinal)
                    ? AuthFakes.StsCredentials("AssumeRoleWithWebIdentity", "ASIAWEB", expiration)
                    : AuthFakes.StsCredentials("AssumeRole", "ASIAROLE", expiration);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(reply.Body, Encoding.UTF8, reply.ContentType) };
        }
    }
}
