using System;
using System.Collections.Generic;
using System.Globalization;

namespace DataZone.Gen.Bench.Shared;

/// <summary>
/// The flags every listing program of bench/run.sh takes for the SSO and KMS workloads, with the same defaults in each
/// (the JavaScript and Python peers spell them the same way): which listing, where, how large a page, and as whom.
/// </summary>
internal sealed class ListingArguments
{
    public const string Usage =
        "usage: --service sso|kms --endpoint URL [--page-size N] [--region R] [--access-token T] [--access-key-id ID] [--secret-access-key KEY] [--iterations N]";

    /// <summary><c>sso</c> (ListAccounts, unsigned, bearer token) or <c>kms</c> (ListKeys, SigV4).</summary>
    public required string Service { get; init; }

    public required Uri Endpoint { get; init; }

    public required int PageSize { get; init; }

    public required string Region { get; init; }

    /// <summary>SSO's <c>x-amz-sso_bearer_token</c>; the emulator lists the same accounts for the same token.</summary>
    public required string AccessToken { get; init; }

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    /// <summary>Listings in one process (default 1): the later ones show the steady state once the JIT has warmed up.</summary>
    public required int Iterations { get; init; }

    /// <exception cref="ArgumentException">An unknown flag, a flag without its value, or no <c>--service</c>/<c>--endpoint</c>.</exception>
    public static ListingArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--page-size"] = "",
            ["--region"] = "us-east-1",
            ["--access-token"] = "bench-sso-access-token",
            ["--access-key-id"] = "AKIAEMULATOREXAMPLE",
            ["--secret-access-key"] = "emulator/secret/EXAMPLEKEY",
            ["--service"] = "",
            ["--endpoint"] = "",
            ["--iterations"] = "1",
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i]] = args[i + 1];
        }

        var service = values["--service"];
        if (service is not ("sso" or "kms"))
        {
            throw new ArgumentException("--service must be sso or kms");
        }
        if (values["--endpoint"].Length == 0)
        {
            throw new ArgumentException("--endpoint is required");
        }

        // The largest page each API allows: SSO's MaxResultType and KMS's LimitType.
        var pageSize = values["--page-size"].Length == 0
            ? (service == "sso" ? 100 : 1000)
            : int.Parse(values["--page-size"], CultureInfo.InvariantCulture);
        return new ListingArguments
        {
            Service = service,
            Endpoint = new Uri(values["--endpoint"], UriKind.Absolute),
            PageSize = pageSize,
            Region = values["--region"],
            AccessToken = values["--access-token"],
            AccessKeyId = values["--access-key-id"],
            SecretAccessKey = values["--secret-access-key"],
            Iterations = int.Parse(values["--iterations"], CultureInfo.InvariantCulture),
        };
    }
}
