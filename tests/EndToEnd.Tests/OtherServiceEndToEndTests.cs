using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator;
using DataZone.Gen.EndToEnd.Tests.Kms;
using DataZone.Gen.EndToEnd.Tests.Sso;
using Xunit;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>
/// Generated clients of two other services against the emulator serving their botocore models: KMS (the json protocol,
/// <c>Truncated</c>/<c>NextMarker</c>) and SSO (rest-json, <c>ListAccounts</c> unsigned, with no credentials anywhere).
/// </summary>
public sealed class OtherServiceEndToEndTests
{
    private const int KeyCount = 250;
    private const int AccountCount = 23;

    private static Task<DataZoneEmulator> StartAsync(string model, int items) =>
        DataZoneEmulator.StartAsync(new EmulatorOptions { Port = 0, ModelPath = model, ItemCount = items });

    private static KMSClient Kms(DataZoneEmulator emulator) => new(new AwsClientOptions
    {
        Region = "us-east-1",
        Endpoint = emulator.Endpoint,
        Credentials = new StaticCredentialsProvider(emulator.Credentials.AccessKeyId, emulator.Credentials.SecretAccessKey, emulator.Credentials.SessionToken),
    });

    /// <summary>A client in an environment with no variables and no home directory: no credentials exist anywhere.</summary>
    private static SSOClient Sso(DataZoneEmulator emulator)
    {
        var nothing = AwsEnvironment.FromVariables(new Dictionary<string, string?>());
        return new(new AwsClientOptions
        {
            Region = "us-east-1",
            Endpoint = emulator.Endpoint,
            Environment = nothing,
        });
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(100)]
    [InlineData(7)]
    [InlineData(null)]
    public async Task Kms_ListKeys_lists_every_key_exactly_once_following_NextMarker_while_Truncated(int? pageSize)
    {
        await using var emulator = await StartAsync(SharedModels.Kms, KeyCount);
        using var client = Kms(emulator);
        var everyKey = (await client.ListKeysAsync(new ListKeysRequest { Limit = 1000 })).Keys!.Select(k => k.KeyId).ToList();
        emulator.ClearRequestLog();

        var keys = await ToListAsync(new KeysPaginator(client).GetItemsAsync(new ListKeysRequest(), new PaginationOptions { PageSize = pageSize }));

        Assert.Equal(KeyCount, everyKey.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(everyKey, keys.Select(k => k.KeyId));
        Assert.All(keys, k => Assert.StartsWith("arn:aws:kms:", k.KeyArn, StringComparison.Ordinal));
        // KMS's own default page is 100 keys.
        Assert.Equal((KeyCount + (pageSize ?? 100) - 1) / (pageSize ?? 100), emulator.Requests.Count);
        Assert.All(emulator.Requests, r =>
        {
            Assert.Equal(("POST", "/", "ListKeys", 200), (r.Method, r.Target, r.Operation, r.StatusCode));
            Assert.Equal(emulator.Credentials.AccessKeyId, r.AccessKeyId);
        });
    }

    [Theory]
    [InlineData(100, 1)]
    [InlineData(100, 99)]
    [InlineData(100, 100)]
    [InlineData(1000, 137)]
    [InlineData(30, 61)]
    public async Task Kms_ListKeys_stops_at_MaxItems_and_resumes_with_the_very_next_key(int pageSize, int maxItems)
    {
        await using var emulator = await StartAsync(SharedModels.Kms, KeyCount);
        using var client = Kms(emulator);
        var paginator = new KeysPaginator(client);
        var everyKey = (await ToListAsync(paginator.GetItemsAsync(new ListKeysRequest()))).Select(k => k.KeyId).ToList();

        var seen = new List<string?>();
        string? token = null;
        do
        {
            var listing = paginator.Paginate(new ListKeysRequest(), new PaginationOptions { PageSize = pageSize, MaxItems = maxItems, StartingToken = token });
            var part = await ToListAsync(listing);
            Assert.InRange(part.Count, 1, maxItems);
            seen.AddRange(part.Select(k => k.KeyId));
            token = listing.ResumeToken;
        }
        while (token is not null);

        Assert.Equal(everyKey, seen);
    }

    [Fact]
    public async Task A_modeled_Kms_error_arrives_as_its_typed_exception()
    {
        await using var emulator = await StartAsync(SharedModels.Kms, KeyCount);
        using var client = Kms(emulator);

        var error = await Assert.ThrowsAsync<InvalidMarkerException>(() => client.ListKeysAsync(new ListKeysRequest { Marker = "not-a-marker" }));

        Assert.Equal("InvalidMarkerException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.Details.Message));
    }

    [Fact]
    public async Task A_Kms_limit_below_the_model_minimum_is_refused_before_sending()
    {
        await using var emulator = await StartAsync(SharedModels.Kms, KeyCount);
        using var client = Kms(emulator);

        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.ListKeysAsync(new ListKeysRequest { Limit = 0 }));

        Assert.Contains("Limit", Assert.Single(error.Problems), StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(100)]
    [InlineData(null)]
    public async Task Sso_ListAccounts_lists_every_account_once_unsigned_with_no_credentials_anywhere(int? pageSize)
    {
        await using var emulator = await StartAsync(SharedModels.Sso, AccountCount);
        using var client = Sso(emulator);
        var request = new ListAccountsRequest { AccessToken = "token-from-sso-login" };

        var accounts = await ToListAsync(new AccountsPaginator(client).GetItemsAsync(request, new PaginationOptions { PageSize = pageSize }));

        Assert.Equal(AccountCount, accounts.Select(a => a.AccountId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AccountCount, accounts.Count);
        Assert.NotEmpty(emulator.Requests);
        Assert.All(emulator.Requests, r =>
        {
            Assert.Equal(("GET", "ListAccounts", 200), (r.Method, r.Operation, r.StatusCode));
            Assert.Null(r.AccessKeyId); // no Authorization header
            Assert.StartsWith("/assignment/accounts", r.Target, StringComparison.Ordinal);
        });
        if (pageSize is { } size)
        {
            Assert.Equal((AccountCount + size - 1) / size, emulator.Requests.Count);
            Assert.All(emulator.Requests, r => Assert.Contains("max_result=" + size, r.Target, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Sso_ListAccounts_resumes_after_MaxItems_with_every_account_once()
    {
        await using var emulator = await StartAsync(SharedModels.Sso, AccountCount);
        using var client = Sso(emulator);
        var paginator = new AccountsPaginator(client);
        var request = new ListAccountsRequest { AccessToken = "token-from-sso-login" };

        var first = paginator.Paginate(request, new PaginationOptions { PageSize = 4, MaxItems = 10 });
        var head = await ToListAsync(first);
        var rest = await ToListAsync(paginator.Paginate(request, new PaginationOptions { PageSize = 4, StartingToken = first.ResumeToken }));

        Assert.Equal(10, head.Count);
        var all = head.Concat(rest).Select(a => a.AccountId).ToList();
        Assert.Equal(AccountCount, all.Count);
        Assert.Equal(AccountCount, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Sso_ListAccounts_without_its_bearer_token_member_is_refused_before_sending()
    {
        await using var emulator = await StartAsync(SharedModels.Sso, AccountCount);
        using var client = Sso(emulator);

        // The bearer token is an ordinary member: left out, the request is refused before anything is sent.
        var error = await Assert.ThrowsAsync<RequestValidationException>(() => client.ListAccountsAsync(new ListAccountsRequest { AccessToken = null! }));

        Assert.Equal("AccessToken is required.", Assert.Single(error.Problems));
        Assert.Empty(emulator.Requests);
    }
}
