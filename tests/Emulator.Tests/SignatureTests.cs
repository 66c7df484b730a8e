using System;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

public sealed class SignatureTests : IAsyncLifetime
{
    private const string Domain = EmulatorOptions.DemoDomainId;
    private const string Source = EmulatorOptions.DemoDataSourceId;
    private DataZoneEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 5 });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public void The_default_credentials_are_the_documented_ones()
    {
        Assert.Equal("AKIAEMULATOREXAMPLE", EmulatorCredentials.Default.AccessKeyId);
        Assert.Equal("emulator/secret/EXAMPLEKEY", EmulatorCredentials.Default.SecretAccessKey);
        Assert.Null(EmulatorCredentials.Default.SessionToken);
        Assert.DoesNotContain("EXAMPLEKEY", EmulatorCredentials.Default.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-central-1")]
    [InlineData("ap-southeast-2")]
    public async Task A_request_signed_with_the_test_credentials_in_any_region_is_served(string region)
    {
        using var client = new SignedClient(_emulator) { Region = region };

        using var reply = await client.ListRunsAsync(Domain, Source);

        Assert.Equal(200, reply.Status);
        Assert.Equal("AKIAEMULATOREXAMPLE", _emulator.Requests[^1].AccessKeyId);
    }

    [Fact]
    public async Task A_missing_authorization_header_is_an_incomplete_signature()
    {
        using var client = new SignedClient(_emulator.Endpoint, credentials: null);

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "IncompleteSignatureException", "Authorization");
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIAEMULATOREXAMPLE/20261125/us-east-1/datazone/aws4_request")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00")]
    public async Task A_malformed_authorization_header_is_an_incomplete_signature(string header)
    {
        using var client = new SignedClient(_emulator)
        {
            AfterSigning = request =>
            {
                request.Headers.Remove("Authorization");
                request.Headers.TryAddWithoutValidation("Authorization", header);
            },
        };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "IncompleteSignatureException", "Authorization");
    }

    [Fact]
    public async Task A_missing_date_is_an_incomplete_signature()
    {
        using var client = new SignedClient(_emulator) { AfterSigning = request => request.Headers.Remove("X-Amz-Date") };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "IncompleteSignatureException", "X-Amz-Date");
    }

    [Fact]
    public async Task A_wrong_secret_is_an_invalid_signature()
    {
        using var client = new SignedClient(_emulator) { Credentials = new AwsCredentials("AKIAEMULATOREXAMPLE", "not/the/secret") };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        Assert.Contains("The Canonical String for this request should have been", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_changed_after_signing_is_an_invalid_signature()
    {
        using var client = new SignedClient(_emulator)
        {
            AfterSigning = request => request.RequestUri = new Uri(request.RequestUri!.ToString().Replace("maxResults=2", "maxResults=3", StringComparison.Ordinal)),
        };

        using var reply = await client.ListRunsAsync(Domain, Source, maxResults: 2);

        AssertForbidden(reply, "InvalidSignatureException", "does not match");
    }

    [Fact]
    public async Task A_signature_for_another_service_is_invalid()
    {
        using var client = new SignedClient(_emulator) { Service = "glue" };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "InvalidSignatureException", "Credential should be scoped to correct service: 'datazone'.");
    }

    [Fact]
    public async Task An_unknown_access_key_is_an_unrecognized_client()
    {
        using var client = new SignedClient(_emulator) { Credentials = new AwsCredentials("AKIAUNKNOWNKEY000000", "emulator/secret/EXAMPLEKEY") };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    [Fact]
    public async Task A_session_token_the_emulator_does_not_expect_is_an_unrecognized_client()
    {
        using var client = new SignedClient(_emulator) { Credentials = new AwsCredentials("AKIAEMULATOREXAMPLE", "emulator/secret/EXAMPLEKEY", "session") };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "UnrecognizedClientException", "The security token included in the request is invalid.");
    }

    [Fact]
    public async Task A_configured_session_token_is_required_and_accepted()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            Credentials = new EmulatorCredentials("AKIAEMULATORSESSION", "emulator/secret/SESSIONKEY", "token/with+odd=chars"),
        });
        using var good = new SignedClient(emulator);
        using var missing = new SignedClient(emulator) { Credentials = new AwsCredentials("AKIAEMULATORSESSION", "emulator/secret/SESSIONKEY") };

        using var served = await good.ListRunsAsync(Domain, Source);
        using var refused = await missing.ListRunsAsync(Domain, Source);

        Assert.Equal(200, served.Status);
        AssertForbidden(refused, "UnrecognizedClientException", "security token");
    }

    [Theory]
    [InlineData(-20, "Signature expired")]
    [InlineData(20, "Signature not yet current")]
    public async Task A_date_more_than_15_minutes_off_is_an_invalid_signature(int minutes, string message)
    {
        using var client = new SignedClient(_emulator) { SigningTime = DateTimeOffset.UtcNow.AddMinutes(minutes) };

        using var reply = await client.ListRunsAsync(Domain, Source);

        AssertForbidden(reply, "InvalidSignatureException", message);
    }

    [Fact]
    public async Task A_date_checked_against_the_emulator_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        using var client = new SignedClient(emulator) { SigningTime = clock.GetUtcNow().AddMinutes(-14) };
        using var late = new SignedClient(emulator) { SigningTime = clock.GetUtcNow().AddMinutes(-16) };

        using var served = await client.ListRunsAsync(Domain, Source);
        using var refused = await late.ListRunsAsync(Domain, Source);

        Assert.Equal(200, served.Status);
        AssertForbidden(refused, "InvalidSignatureException", "Signature expired: 20300102T024805Z is now earlier than 20300102T024905Z (20300102T030405Z - 15 min.)");
    }

    [Fact]
    public async Task Unsigned_requests_are_served_when_verification_is_off()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { VerifySignatures = false, RunCount = 3 });
        using var client = new SignedClient(emulator.Endpoint, credentials: null);

        using var reply = await client.ListRunsAsync(Domain, Source);

        Assert.Equal(200, reply.Status);
        Assert.Equal(3, reply.Items.Count);
    }

    private static void AssertForbidden(Reply reply, string code, string messageFragment)
    {
        Assert.Equal(403, reply.Status);
        Assert.Equal(code, reply.ErrorType);
        Assert.Contains(messageFragment, reply.Message, StringComparison.Ordinal);
        Assert.NotNull(reply.RequestId);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
