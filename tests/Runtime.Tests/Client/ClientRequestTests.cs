using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Client;

public sealed class ClientRequestTests
{
    private readonly FakeHttpHandler _handler = new();

    private static Task<string> Call(AwsServiceClient client, TestClients.RunsRequest? request = null, CancellationToken token = default) =>
        client.InvokeAsync(TestClients.ListRuns, request ?? TestClients.SampleRequest, token);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(32 * 1024)]
    [InlineData(200_003)]
    public async Task ChunkedBodiesOfAnySize_ArriveWhole(int size)
    {
        // The transport reads into pooled buffers that grow as a body without Content-Length streams in.
        var body = new string('x', size);
        _handler.ReplyChunked(HttpStatusCode.OK, Encoding.UTF8.GetBytes(body)).ReplyChunked(HttpStatusCode.OK, Encoding.UTF8.GetBytes("second"));
        using var client = TestClients.Create(_handler, out _);

        Assert.Equal(body, await Call(client));
        Assert.Equal("second", await Call(client));
    }

    [Fact]
    public async Task Request_line_query_and_signed_headers_are_exact()
    {
        _handler.Reply(HttpStatusCode.OK, "{\"items\":[]}");
        using var client = TestClients.Create(_handler, out _);

        var body = await Call(client);

        Assert.Equal("{\"items\":[]}", body);
        var request = Assert.Single(_handler.Requests);
        Assert.Equal("GET /v2/domains/dzd_1/data-sources/ds%201/runs?maxResults=25&nextToken=a%2Bb%2Fc%3D&status=RUNNING", request.RequestLine);
        Assert.Equal("datazone.us-east-1.api.aws", request.Header("Host"));
        Assert.Equal("20240501T123045Z", request.Header("X-Amz-Date"));
        // The signature botocore 1.43's SigV4Auth computes for the same request and time.
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/datazone/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=c6ac42365fa04f287c6c8fb0d4cafe803e70b0456d7021b1f2adb9a120fe7bbb", request.Header("Authorization"));
        Assert.Null(request.Header("X-Amz-Security-Token"));
        Assert.Null(request.Header("x-amz-content-sha256"));
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task Encoded_slash_in_a_label_stays_encoded_on_the_wire_and_is_encoded_again_for_signing()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _);

        await Call(client, new("a/b", "s"));

        var request = _handler.Requests.Single();
        Assert.Equal("GET /v2/domains/a%2Fb/data-sources/s/runs", request.RequestLine);
        var description = new SigV4Request("GET", request.Uri.AbsolutePath);
        description.Headers.Add(new("host", request.Header("Host")!));
        description.Headers.Add(new("x-amz-date", request.Header("X-Amz-Date")!));
        Assert.StartsWith("GET\n/v2/domains/a%252Fb/data-sources/s/runs\n", SigV4Signer.CanonicalRequest(description, new[] { "host", "x-amz-date" }));
        var signature = SigV4Signer.ComputeSignature(description, new[] { "host", "x-amz-date" }, TestClients.Credentials.SecretAccessKey,
            request.Header("X-Amz-Date")!, "us-east-1", "datazone");
        Assert.EndsWith("Signature=" + signature, request.Header("Authorization"));
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _, o => o.Credentials = new StaticCredentialsProvider("AKIDEXAMPLE", TestClients.Credentials.SecretAccessKey, "tok/en+=="));

        await Call(client);

        var request = _handler.Requests.Single();
        Assert.Equal("tok/en+==", request.Header("X-Amz-Security-Token"));
        Assert.EndsWith("SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=191543eb21513875c32c6a104d15177144b43799f84f132a2c88c038f4a33c0e",
            request.Header("Authorization"));
    }

    [Fact]
    public async Task Sdk_headers_user_agent_invocation_id_and_attempt()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _, o => o.UserAgentSuffix = "myapp/1.2");

        await Call(client);

        var request = _handler.Requests.Single();
        var userAgent = request.Header("User-Agent")!;
        Assert.StartsWith("datazone-gen/", userAgent);
        Assert.Contains(" lang/dotnet#", userAgent);
        Assert.Contains(" api/datazone#2018-05-10", userAgent);
        Assert.EndsWith(" myapp/1.2", userAgent);
        Assert.True(Guid.TryParse(request.Header("amz-sdk-invocation-id"), out _));
        Assert.Equal("attempt=1; max=3", request.Header("amz-sdk-request"));
    }

    [Fact]
    public async Task Every_attempt_is_signed_afresh_with_the_same_invocation_id()
    {
        _handler.Reply(HttpStatusCode.ServiceUnavailable).Reply(HttpStatusCode.OK, "{}");
        var times = new[] { TestClients.Now, TestClients.Now.AddSeconds(7) };
        var tick = 0;
        using var client = TestClients.Create(_handler, out _, clock: () => times[tick++]);

        await Call(client);

        var (first, second) = (_handler.Requests[0], _handler.Requests[1]);
        Assert.Equal("20240501T123045Z", first.Header("X-Amz-Date"));
        Assert.Equal("20240501T123052Z", second.Header("X-Amz-Date"));
        Assert.NotEqual(first.Header("Authorization"), second.Header("Authorization"));
        Assert.Equal(first.Header("amz-sdk-invocation-id"), second.Header("amz-sdk-invocation-id"));
        Assert.Equal("attempt=1; max=3", first.Header("amz-sdk-request"));
        Assert.Equal("attempt=2; max=3", second.Header("amz-sdk-request"));
    }

    [Fact]
    public async Task Credentials_are_asked_for_on_every_attempt()
    {
        _handler.Reply(HttpStatusCode.InternalServerError).Reply(HttpStatusCode.OK, "{}");
        var calls = 0;
        using var client = TestClients.Create(_handler, out _, o => o.Credentials = new DelegateCredentialsProvider(_ =>
        {
            calls++;
            return new(new AwsCredentials("AKID" + calls, "secret"));
        }));

        await Call(client);

        Assert.Equal(2, calls);
        Assert.Contains("Credential=AKID2/", _handler.Requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task Post_body_content_type_and_modeled_headers_are_sent_and_signed()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _);

        await client.InvokeAsync(TestClients.PostOperation("application/json"), TestClients.SampleRequest, CancellationToken.None);

        var request = _handler.Requests.Single();
        Assert.Equal("POST /v2/things", request.RequestLine);
        Assert.Equal("{\"name\":\"a b\"}", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("tok-1", request.Header("x-amz-client-token"));
        Assert.Contains("SignedHeaders=content-type;host;x-amz-client-token;x-amz-date,", request.Header("Authorization"));
    }

    [Fact]
    public async Task Endpoint_with_port_and_base_path()
    {
        _handler.Reply(HttpStatusCode.OK, "{}");
        using var client = TestClients.Create(_handler, out _, o => o.Endpoint = new Uri("http://localhost:4566/emulator/"));

        await Call(client, new("d", "s"));

        var request = _handler.Requests.Single();
        Assert.Equal("http://localhost:4566/emulator/v2/domains/d/data-sources/s/runs", request.Uri.ToString());
        Assert.Equal("localhost:4566", request.Header("Host"));
    }

    [Fact]
    public async Task Validation_failure_sends_nothing_and_lists_every_problem()
    {
        using var client = TestClients.Create(_handler, out _);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => Call(client, new("", "s", MaxResults: 0)));

        Assert.Empty(_handler.Requests);
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("domainIdentifier is required.", error.Message);
        Assert.Contains("maxResults must be between 1 and 50; got 0.", error.Message);
    }

    [Fact]
    public async Task Injected_http_client_is_used_and_never_disposed()
    {
        _handler.Reply(HttpStatusCode.OK, "{}").Reply(HttpStatusCode.OK, "{}");
        var httpClient = new HttpClient(_handler);
        using (var client = TestClients.Create(new FakeHttpHandler(), out _, o => { o.HttpMessageHandler = null; o.HttpClient = httpClient; }))
        {
            await Call(client);
        }

        // Still usable after the AWS client is gone: it belongs to the caller (IHttpClientFactory).
        await httpClient.GetAsync("http://localhost/after");
        Assert.Equal(2, _handler.Requests.Count);
        Assert.False(_handler.Disposed);
    }

    [Fact]
    public void Injected_handler_is_not_disposed_with_the_client()
    {
        var client = TestClients.Create(_handler, out _);
        client.Dispose();
        Assert.False(_handler.Disposed);
    }

    [Fact]
    public void Http_client_and_handler_together_are_rejected() =>
        Assert.Throws<ArgumentException>(() => TestClients.Create(_handler, out _, o => o.HttpClient = new HttpClient()));

    [Fact]
    public async Task Disposed_client_throws()
    {
        var client = TestClients.Create(_handler, out _);
        client.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Call(client));
    }

    [Fact]
    public async Task Missing_credentials_fail_before_sending_with_the_chains_message()
    {
        using var environment = new FakeEnvironment();
        using var client = TestClients.Create(_handler, out _, o => o.Credentials = null, environment);

        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => Call(client));

        Assert.Empty(_handler.Requests);
        Assert.Contains("No AWS credentials found", error.Message);
    }

    [Fact]
    public async Task Unreadable_success_body_is_a_typed_client_error()
    {
        _handler.Reply(HttpStatusCode.OK, "{}", ("x-amzn-RequestId", "req-9"));
        var operation = new AwsOperation<TestClients.RunsRequest, string>("ListDataSourceRuns", TestClients.ListRuns.Marshal,
            _ => throw new System.Text.Json.JsonException("bad"), _ => null);
        using var client = TestClients.Create(_handler, out _);

        var error = await Assert.ThrowsAsync<AwsClientException>(() => client.InvokeAsync(operation, TestClients.SampleRequest, CancellationToken.None));

        Assert.Contains("req-9", error.Message);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData("a/b c", "a%2Fb%20c")]
    [InlineData("ሴ+=", "%E1%88%B4%2B%3D")]
    [InlineData("-_.~", "-_.~")]
    public void Uri_encoding_labels_and_query(string raw, string expected)
    {
        Assert.Equal(expected, DataZone.Gen.Http.AwsUriEncoding.EscapeLabel(raw));
        Assert.Equal(expected, DataZone.Gen.Http.AwsUriEncoding.EscapeQueryComponent(raw));
    }

    [Fact]
    public void Uri_encoding_greedy_label_keeps_slash() =>
        Assert.Equal("a/b%20c/d", DataZone.Gen.Http.AwsUriEncoding.EscapeGreedyLabel("a/b c/d"));
}
