using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Auth;

/// <summary>A client with no credentials option runs the default chain with its own region and clock.</summary>
public sealed class ClientCredentialsTests : IDisposable
{
    private readonly FakeEnvironment _environment = new();
    private readonly FakeHttpHandler _service = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public async Task A_role_profile_is_assumed_in_the_client_region_and_its_keys_sign_the_request()
    {
        await using var sts = LoopbackServer.Start(_ => AuthFakes.StsCredentials("AssumeRole", "ASIAROLE", TestClients.Now.AddHours(1)));
        _environment.Set("AWS_ENDPOINT_URL_STS", sts.Uri.ToString()).Set("AWS_PROFILE", "admin");
        _environment.WriteFile(".aws/config", "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n"
            + "[profile admin]\nrole_arn = arn:aws:iam::1:role/Admin\nsource_profile = base\nregion = ap-southeast-2\n");
        _service.Reply(HttpStatusCode.OK, "{}").Reply(HttpStatusCode.OK, "{}");
        using var client = new AwsServiceClient(TestClients.DataZone, new AwsClientOptions
        {
            Environment = _environment,
            HttpMessageHandler = _service,
            Dependencies = new ClientDependencies { Environment = _environment, UtcNow = () => TestClients.Now },
        });

        await client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None);
        await client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None);

        var assume = Assert.Single(sts.Requests);
        Assert.True(AuthFakes.SignedBy(assume, "AKIDBASE", "base-secret"));
        Assert.Contains("/ap-southeast-2/sts/", assume.Header("authorization"));
        Assert.Equal("botocore-session-" + TestClients.Now.ToUnixTimeSeconds(), assume.Form()["RoleSessionName"]);
        Assert.All(_service.Requests, request =>
        {
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAROLE/", request.Header("Authorization"));
            Assert.Equal("sts-token", request.Header("X-Amz-Security-Token"));
        });
    }
}
