using System;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Bench.Services.Kms;
using DataZone.Gen.Bench.Services.Sso;
using DataZone.Gen.Bench.Shared;

namespace DataZone.Gen.Bench.Services;

/// <summary>
/// bench/run.sh's DataZone.Gen client for the SSO and KMS workloads: one listing through the generated paginator,
/// items by <c>await foreach</c>, as a user writes it. Prints one JSON line (see <see cref="ListingMeter"/>).
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
            await Console.Error.WriteLineAsync($"services: {exception.Message}\n{ListingArguments.Usage}").ConfigureAwait(false);
            return 2;
        }

        // SSO's ListAccounts is unsigned (the call that gets credentials), so its client is given none; KMS signs.
        var options = new AwsClientOptions
        {
            Region = arguments.Region,
            Endpoint = arguments.Endpoint,
            Credentials = arguments.Service == "kms" ? new StaticCredentialsProvider(arguments.AccessKeyId, arguments.SecretAccessKey) : null,
        };
        for (var iteration = 0; iteration < arguments.Iterations; iteration++)
        {
            var line = arguments.Service == "sso"
                ? await ListAccountsAsync(options, arguments).ConfigureAwait(false)
                : await ListKeysAsync(options, arguments).ConfigureAwait(false);
            Console.Out.WriteLine(line);
        }
        return 0;
    }

    private static async Task<string> ListAccountsAsync(AwsClientOptions options, ListingArguments arguments)
    {
        using var client = new SSOClient(options);
        var paginator = new AccountsPaginator(client);
        var request = new ListAccountsRequest { AccessToken = arguments.AccessToken };
        using var meter = ListingMeter.Start("datazone-gen");
        await foreach (var account in paginator.Paginate(request, new PaginationOptions { PageSize = arguments.PageSize }).ConfigureAwait(false))
        {
            meter.Add(account.AccountId!);
        }
        return meter.Finish();
    }

    private static async Task<string> ListKeysAsync(AwsClientOptions options, ListingArguments arguments)
    {
        using var client = new KMSClient(options);
        var paginator = new KeysPaginator(client);
        using var meter = ListingMeter.Start("datazone-gen");
        await foreach (var key in paginator.Paginate(new ListKeysRequest(), new PaginationOptions { PageSize = arguments.PageSize }).ConfigureAwait(false))
        {
            meter.Add(key.KeyId!);
        }
        return meter.Finish();
    }
}
