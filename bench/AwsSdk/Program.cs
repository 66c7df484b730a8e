using System;
using System.Threading.Tasks;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Amazon.SSO;
using Amazon.SSO.Model;
using DataZone.Gen.Bench.Shared;

namespace DataZone.Gen.Bench.AwsSdk;

/// <summary>
/// bench/run.sh's AWS SDK for .NET v4 client for the SSO and KMS workloads: one listing through the SDK's own
/// paginator (<c>client.Paginators.ListAccounts(...).AccountList</c>, <c>ListKeys(...).Keys</c>), items by
/// <c>await foreach</c>, static credentials, <c>ServiceURL</c> at the emulator. Prints one JSON line
/// (see <see cref="ListingMeter"/>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        ListingArguments arguments;
        try
        {
            arguments = ListingArguments.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync($"aws-sdk: {exception.Message}\n{ListingArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        var credentials = new BasicAWSCredentials(arguments.AccessKeyId, arguments.SecretAccessKey);
        for (var iteration = 0; iteration < arguments.Iterations; iteration++)
        {
            var line = arguments.Service == "sso"
                ? await ListAccountsAsync(credentials, arguments).ConfigureAwait(false)
                : await ListKeysAsync(credentials, arguments).ConfigureAwait(false);
            Console.Out.WriteLine(line);
        }
        return 0;
    }

    private static async Task<string> ListAccountsAsync(AWSCredentials credentials, ListingArguments arguments)
    {
        // ServiceURL replaces the endpoint; AuthenticationRegion is the region the SDK would sign for.
        var config = new AmazonSSOConfig { ServiceURL = arguments.Endpoint.ToString(), AuthenticationRegion = arguments.Region };
        using var client = new AmazonSSOClient(credentials, config);
        var request = new ListAccountsRequest { AccessToken = arguments.AccessToken, MaxResults = arguments.PageSize };
        using var meter = ListingMeter.Start("aws-sdk-net");
        await foreach (var account in client.Paginators.ListAccounts(request).AccountList.ConfigureAwait(false))
        {
            meter.Add(account.AccountId);
        }
        return meter.Finish();
    }

    private static async Task<string> ListKeysAsync(AWSCredentials credentials, ListingArguments arguments)
    {
        var config = new AmazonKeyManagementServiceConfig { ServiceURL = arguments.Endpoint.ToString(), AuthenticationRegion = arguments.Region };
        using var client = new AmazonKeyManagementServiceClient(credentials, config);
        var request = new ListKeysRequest { Limit = arguments.PageSize };
        using var meter = ListingMeter.Start("aws-sdk-net");
        await foreach (var key in client.Paginators.ListKeys(request).Keys.ConfigureAwait(false))
        {
            meter.Add(key.KeyId);
        }
        return meter.Finish();
    }
}
