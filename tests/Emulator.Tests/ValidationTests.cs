using System;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

public sealed class ValidationTests : IAsyncLifetime
{
    private const string Domain = EmulatorOptions.DemoDomainId;
    private const string Source = EmulatorOptions.DemoDataSourceId;
    private DataZoneEmulator _emulator = null!;
    private SignedClient _client = null!;

    public async Task InitializeAsync()
    {
        _emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 40, AdditionalDataSourceIds = { "second-source" } });
        _client = new SignedClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public async Task MaxResults_within_the_model_bounds_is_accepted(int maxResults)
    {
        using var reply = await _client.ListRunsAsync(Domain, Source, maxResults: maxResults);

        Assert.Equal(200, reply.Status);
        Assert.Equal(Math.Min(maxResults, 40), reply.Items.Count);
    }

    [Theory]
    [InlineData("0", "Member must have value greater than or equal to 1")]
    [InlineData("51", "Member must have value less than or equal to 50")]
    [InlineData("-3", "Member must have value greater than or equal to 1")]
    [InlineData("ten", "Member must be a number")]
    public async Task MaxResults_outside_the_model_bounds_is_a_validation_error(string maxResults, string constraint)
    {
        using var reply = await _client.GetAsync(SignedClient.RunsPath(Domain, Source), [new("maxResults", maxResults)]);

        AssertValidation(reply, $"Value '{maxResults}' at 'maxResults' failed to satisfy constraint: {constraint}");
    }

    [Fact]
    public async Task An_unknown_status_is_a_validation_error_listing_the_model_enum()
    {
        using var reply = await _client.ListRunsAsync(Domain, Source, status: "DONE");

        AssertValidation(reply, "Value 'DONE' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [REQUESTED, RUNNING, FAILED, PARTIALLY_SUCCEEDED, SUCCESS]");
    }

    [Fact]
    public async Task Several_violations_are_reported_together()
    {
        using var reply = await _client.GetAsync(SignedClient.RunsPath(Domain, Source), [new("status", "x"), new("maxResults", "99")]);

        AssertValidation(reply, "2 validation errors detected: ");
    }

    [Theory]
    [InlineData("demo01", Source, "domainIdentifier", "dzd[-_][a-zA-Z0-9_-]{1,36}")]
    [InlineData("dzd_has space", Source, "domainIdentifier", "dzd[-_][a-zA-Z0-9_-]{1,36}")]
    [InlineData(Domain, "data.source", "dataSourceIdentifier", "[a-zA-Z0-9_-]{1,36}")]
    [InlineData(Domain, "a234567890123456789012345678901234567", "dataSourceIdentifier", "[a-zA-Z0-9_-]{1,36}")]
    public async Task Ids_not_matching_the_model_patterns_are_validation_errors(string domain, string source, string member, string pattern)
    {
        using var reply = await _client.ListRunsAsync(domain, source);

        AssertValidation(reply, $"at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");
    }

    [Fact]
    public async Task An_unknown_domain_is_not_found()
    {
        using var reply = await _client.ListRunsAsync("dzd_nosuchdomain", Source);

        Assert.Equal(404, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
        Assert.Contains("dzd_nosuchdomain", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_data_source_is_not_found()
    {
        using var reply = await _client.ListRunsAsync(Domain, "no-such-source");

        Assert.Equal(404, reply.Status);
        Assert.Equal("ResourceNotFoundException", reply.ErrorType);
        Assert.Contains("no-such-source", reply.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/domains/dzd_demo01/data-sources/demo-data-source/jobs")]
    [InlineData("/v2/domains/dzd_demo01/runs")]
    [InlineData("/")]
    public async Task A_path_no_operation_serves_is_unknown(string path)
    {
        using var reply = await _client.GetAsync(path, []);

        Assert.Equal(404, reply.Status);
        Assert.Equal("UnknownOperationException", reply.ErrorType);
    }

    [Fact]
    public async Task A_tampered_token_is_rejected()
    {
        var token = await FirstTokenAsync(Source, status: null);
        var chars = token.ToCharArray();
        var i = 20;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';

        using var reply = await _client.ListRunsAsync(Domain, Source, nextToken: new string(chars));

        AssertValidation(reply, "Invalid nextToken");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("+/v1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("bm90IGEgdG9rZW4=")]
    public async Task A_forged_token_is_rejected(string token)
    {
        using var reply = await _client.ListRunsAsync(Domain, Source, nextToken: token);

        AssertValidation(reply, "Invalid nextToken");
    }

    [Fact]
    public async Task An_empty_token_violates_the_model_length()
    {
        using var reply = await _client.GetAsync(SignedClient.RunsPath(Domain, Source), [new("nextToken", "")]);

        AssertValidation(reply, "Member must have length greater than or equal to 1");
    }

    [Fact]
    public async Task A_token_from_another_data_source_is_rejected()
    {
        var token = await FirstTokenAsync("second-source", status: null);

        using var reply = await _client.ListRunsAsync(Domain, Source, nextToken: token);

        AssertValidation(reply, "Invalid nextToken: it was issued for a different data source or status filter.");
    }

    [Fact]
    public async Task A_token_from_another_status_filter_is_rejected()
    {
        var token = await FirstTokenAsync(Source, status: "SUCCESS");

        using var unfiltered = await _client.ListRunsAsync(Domain, Source, nextToken: token);
        using var otherStatus = await _client.ListRunsAsync(Domain, Source, status: "FAILED", nextToken: token);
        using var same = await _client.ListRunsAsync(Domain, Source, status: "SUCCESS", nextToken: token);

        AssertValidation(unfiltered, "different data source or status filter");
        AssertValidation(otherStatus, "different data source or status filter");
        Assert.Equal(200, same.Status);
    }

    [Fact]
    public async Task A_token_from_an_emulator_with_other_data_is_rejected()
    {
        await using var other = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 40, Seed = 2 });
        using var otherClient = new SignedClient(other);
        using var page = await otherClient.ListRunsAsync(Domain, Source, maxResults: 3);

        using var reply = await _client.ListRunsAsync(Domain, Source, nextToken: page.NextToken);

        AssertValidation(reply, "Invalid nextToken");
    }

    [Fact]
    public async Task A_token_sent_without_percent_encoding_is_rejected()
    {
        // '+' unencoded in a query means a space; a client must send %2B.
        var token = await FirstTokenAsync(Source, status: null);

        using var reply = await _client.GetAsync(SignedClient.RunsPath(Domain, Source), [], rawQuery: "nextToken=" + token);

        AssertValidation(reply, "Invalid nextToken");
    }

    [Fact]
    public async Task Error_type_can_carry_the_service_namespace()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ErrorTypeWithNamespace = true });
        using var client = new SignedClient(emulator);

        using var reply = await client.ListRunsAsync(Domain, Source, maxResults: 0);

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("ValidationException:http://internal.amazon.com/", reply.ErrorType, StringComparison.Ordinal);
    }

    private async Task<string> FirstTokenAsync(string source, string? status)
    {
        using var page = await _client.ListRunsAsync(Domain, source, status, maxResults: 2);
        Assert.Equal(200, page.Status);
        return page.NextToken ?? throw new InvalidOperationException("expected a token");
    }

    private static void AssertValidation(Reply reply, string expectedFragment)
    {
        Assert.Equal(400, reply.Status);
        Assert.Equal("ValidationException", reply.ErrorType);
        Assert.Contains(expectedFragment, reply.Message, StringComparison.Ordinal);
        Assert.NotNull(reply.RequestId);
    }
}
