using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Client;

/// <summary>
/// Auth per operation and the json protocol's errors through the client. The signatures are what botocore 1.43's
/// SigV4Auth computes for the same request, credentials and time.
/// </summary>
public sealed class OperationAuthTests : IDisposable
{
    private readonly FakeHttpHandler _handler = new();
    private readonly FakeEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    private static AwsOperation<TestClients.RunsRequest, string> Post(AwsOperationAuth auth, string? signingName = null)
    {
        var post = TestClients.PostOperation("application/json");
        return new(post.Name, post.Marshal, post.ReadResponse, post.MapError) { Auth = auth, SigningName = signingName };
    }

    [Fact]
    public async Task An_unsigned_operation_asks_for_no_credentials_and_sends_no_signature()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        var asked = 0;
        using var client = TestClients.Create(_handler, out _, o => o.Credentials = new DelegateCredentialsProvider(_ =>
        {
            asked++;
            throw new InvalidOperationException("an unsigned call must not ask for credentials");
        }));

        Assert.Equal("{}", await client.InvokeAsync(Post(AwsOperationAuth.None), TestClients.SampleRequest, CancellationToken.None));

        Assert.Equal(0, asked);
        var request = Assert.Single(_handler.Requests);
        Assert.Null(request.Header("Authorization"));
        Assert.Null(request.Header("X-Amz-Date"));
        Assert.Null(request.Header("X-Amz-Security-Token"));
        Assert.Null(request.Header("X-Amz-Content-SHA256"));
        Assert.Equal("tok-1", request.Header("x-amz-client-token"));
    }

    [Fact]
    public async Task An_unsigned_operation_works_where_no_credentials_are_configured_and_a_signed_one_does_not()
    {
        // Nothing set and no files: the default chain finds nothing (instance metadata is off, so it fails at once).
        _environment.Set("AWS_EC2_METADATA_DISABLED", "true");
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = new AwsServiceClient(TestClients.DataZone, new AwsClientOptions
        {
            Region = "us-east-1",
            Environment = _environment,
            HttpMessageHandler = _handler,
            Dependencies = new ClientDependencies { Environment = _environment, UtcNow = () => TestClients.Now },
        });

        Assert.Equal("{}", await client.InvokeAsync(Post(AwsOperationAuth.None), TestClients.SampleRequest, CancellationToken.None));
        await Assert.ThrowsAsync<AwsCredentialsException>(() => client.InvokeAsync(Post(AwsOperationAuth.SigV4), TestClients.SampleRequest, CancellationToken.None));

        var request = Assert.Single(_handler.Requests);
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task An_unsigned_payload_is_sent_as_a_signed_header_and_signed_in_place_of_the_body_hash()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _);

        await client.InvokeAsync(Post(AwsOperationAuth.SigV4UnsignedPayload), TestClients.SampleRequest, CancellationToken.None);

        var request = Assert.Single(_handler.Requests);
        Assert.Equal("UNSIGNED-PAYLOAD", request.Header("X-Amz-Content-SHA256"));
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/datazone/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-client-token;x-amz-content-sha256;x-amz-date, "
            + "Signature=015f3853506716e52b5cbe0b8a2ef5742d5ba78bf870dfe65061e03e91101f74",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task Every_attempt_of_an_unsigned_payload_call_carries_the_header_once()
    {
        _handler.Reply(HttpStatusCode.ServiceUnavailable, "{}").Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _);

        await client.InvokeAsync(Post(AwsOperationAuth.SigV4UnsignedPayload), TestClients.SampleRequest, CancellationToken.None);

        Assert.Equal(2, _handler.Requests.Count);
        Assert.All(_handler.Requests, request => Assert.Equal("UNSIGNED-PAYLOAD", request.Header("X-Amz-Content-SHA256")));
    }

    [Fact]
    public async Task An_unsigned_operations_error_reaches_the_caller_with_its_code()
    {
        _handler.Reply(HttpStatusCode.Unauthorized, "{\"message\":\"Session token not found or invalid\"}", ("X-Amzn-ErrorType", "UnauthorizedException"));
        using var client = TestClients.Create(_handler, out _, o => o.Credentials = new DelegateCredentialsProvider(
            _ => throw new InvalidOperationException("an unsigned call must not ask for credentials")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => client.InvokeAsync(Post(AwsOperationAuth.None), TestClients.SampleRequest, CancellationToken.None));

        Assert.Equal(("UnauthorizedException", 401), (error.ErrorCode, error.StatusCode));
        Assert.Equal("Session token not found or invalid", error.Details.Message);
    }

    [Fact]
    public async Task An_operations_signing_name_replaces_the_services_in_the_scope()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _);

        await client.InvokeAsync(Post(AwsOperationAuth.SigV4, "things-data"), TestClients.SampleRequest, CancellationToken.None);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/things-data/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-client-token;x-amz-date, "
            + "Signature=e6ffbc23a0ec3a82180055ca50708c4dcf9434ea3e69f945e56387f38f722760",
            Assert.Single(_handler.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_json_service_reads_its_errors_from_the_type_field()
    {
        _handler.Reply(HttpStatusCode.BadRequest, "{\"__type\":\"com.amazonaws.datazone#ThrottlingException\",\"code\":\"Other\",\"message\":\"slow\"}");
        var json = TestClients.DataZone with { Protocol = AwsProtocol.Json };
        using var client = new AwsServiceClient(json, new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(TestClients.Credentials),
            HttpMessageHandler = _handler,
            Retry = new AwsRetryOptions { MaxAttempts = 1 },
            Dependencies = new ClientDependencies { Environment = _environment, UtcNow = () => TestClients.Now },
        });

        var error = await Assert.ThrowsAsync<TestClients.ModeledThrottlingException>(
            () => client.InvokeAsync(TestClients.ListRuns, TestClients.SampleRequest, CancellationToken.None));

        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Equal("slow", error.Details.Message);
    }
}
