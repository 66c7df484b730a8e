using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// The EC2 instance role from instance metadata (IMDS), as botocore's InstanceMetadataFetcher fetches it: an IMDSv2
/// token (<c>PUT /latest/api/token</c>), then the role name and its credentials. A token request answered 403, 404 or
/// 405, or not answered in time, falls back to IMDSv1 unless <c>AWS_EC2_METADATA_V1_DISABLED</c> is true.
/// Settings: <c>AWS_EC2_METADATA_DISABLED=true</c> turns it off; <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> (or the profile's
/// <c>ec2_metadata_service_endpoint</c>) and <c>AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE</c> choose the endpoint;
/// <c>AWS_METADATA_SERVICE_TIMEOUT</c> (1 second) and <c>AWS_METADATA_SERVICE_NUM_ATTEMPTS</c> (1) keep a laptop from waiting.
/// When nothing answers, the provider has no credentials (the chain ends) rather than an error.
/// </summary>
public sealed class InstanceMetadataCredentialsProvider : ICredentialsSource
{
    private const string CredentialsPath = "latest/meta-data/iam/security-credentials/";
    private readonly CredentialsContext _context;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Where the settings are read; <see langword="null"/> means the process.</param>
    public InstanceMetadataCredentialsProvider(CredentialProviderOptions? options = null) : this(new CredentialsContext(options)) { }

    internal InstanceMetadataCredentialsProvider(CredentialsContext context)
    {
        _context = context;
        _cache = new RefreshingCredentials(Name, FetchRequiredAsync, context.UtcNow);
    }

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => "EC2 instance metadata";

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    async ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        if (_cache.Current is null)
        {
            // botocore reads this one from the environment only.
            if (string.Equals(_context.Environment.GetVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return CredentialsLookup.NotFound("AWS_EC2_METADATA_DISABLED is true");
            }

            // One reading of the settings serves the check and the fetch: the files are read once per lookup.
            var settings = _context.Settings();
            if (CredentialsContext.BlockedReason(Endpoint(settings)) is { } blocked)
            {
                return CredentialsLookup.NotFound(blocked);
            }

            // The first fetch decides whether this machine has a role at all: no answer means "not here".
            var first = await FetchAsync(settings, cancellationToken).ConfigureAwait(false);
            if (first.Credentials is null)
            {
                return first.Lookup;
            }
        }

        return CredentialsLookup.Found(await _cache.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    private AwsCredentials? _prefetched;

    private async Task<AwsCredentials> FetchRequiredAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _prefetched, null) is { } prefetched)
        {
            return prefetched;
        }

        var result = await FetchAsync(_context.Settings(), cancellationToken).ConfigureAwait(false);
        return result.Credentials ?? throw new AwsCredentialsException($"{Name}: {result.Lookup.Reason}.");
    }

    private async Task<(AwsCredentials? Credentials, CredentialsLookup Lookup)> FetchAsync(SettingSources settings, CancellationToken cancellationToken)
    {
        var baseUri = Endpoint(settings);
        var timeout = TimeSpan.FromSeconds(Number(settings, "AWS_METADATA_SERVICE_TIMEOUT", "metadata_service_timeout", 1));
        var attempts = Math.Max(1, (int)Number(settings, "AWS_METADATA_SERVICE_NUM_ATTEMPTS", "metadata_service_num_attempts", 1));
        var v1Disabled = string.Equals(Setting(settings, "AWS_EC2_METADATA_V1_DISABLED", "ec2_metadata_v1_disabled"), "true", StringComparison.OrdinalIgnoreCase);

        var token = await TokenAsync(baseUri, timeout, attempts, cancellationToken).ConfigureAwait(false);
        if (token is null && v1Disabled)
        {
            throw new AwsCredentialsException($"{Name}: no IMDSv2 token from {baseUri} and AWS_EC2_METADATA_V1_DISABLED is true, so IMDSv1 is not tried.");
        }

        var roleName = (await GetAsync(new Uri(baseUri, CredentialsPath), token, timeout, attempts, cancellationToken).ConfigureAwait(false))?.Trim();
        if (string.IsNullOrEmpty(roleName))
        {
            return (null, CredentialsLookup.NotFound($"no role name from {baseUri} (not an EC2 instance, or no instance role)"));
        }

        var body = await GetAsync(new Uri(baseUri, CredentialsPath + Uri.EscapeDataString(roleName)), token, timeout, attempts, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            return (null, CredentialsLookup.NotFound($"no credentials for role '{roleName}' from {baseUri}"));
        }

        var credentials = Parse(body, roleName);
        _prefetched = credentials;
        return (credentials, CredentialsLookup.Found(credentials));
    }

    // botocore's _fetch_metadata_token: 400 is an error, 403/404/405 and timeouts fall back to IMDSv1.
    private async Task<string?> TokenAsync(Uri baseUri, TimeSpan timeout, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(baseUri, "latest/api/token"));
            request.Headers.TryAddWithoutValidation("x-aws-ec2-metadata-token-ttl-seconds", "21600");
            try
            {
                var (status, body) = await CredentialsContext.SendAsync(CredentialsContext.Metadata, request, timeout, Name, cancellationToken).ConfigureAwait(false);
                if (status == 200)
                {
                    return body;
                }

                if (status == 400)
                {
                    throw new AwsCredentialsException($"{Name}: the token request to {baseUri} was rejected as bad (HTTP 400).");
                }

                if (status is 403 or 404 or 405)
                {
                    return null;
                }
            }
            catch (AwsCredentialsException) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt == attempts - 1)
                {
                    return null;
                }
            }
        }

        return null;
    }

    // botocore retries a metadata GET that fails or answers anything but 200 with a body, and gives up quietly.
    private static async Task<string?> GetAsync(Uri uri, string? token, TimeSpan timeout, int attempts, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("x-aws-ec2-metadata-token", token);
            }

            try
            {
                var (status, body) = await CredentialsContext.SendAsync(CredentialsContext.Metadata, request, timeout, "EC2 instance metadata", cancellationToken)
                    .ConfigureAwait(false);
                if (status == 200 && body.Length > 0)
                {
                    return body;
                }
            }
            catch (AwsCredentialsException) when (!cancellationToken.IsCancellationRequested)
            {
                // next attempt
            }
        }

        return null;
    }

    private AwsCredentials Parse(string body, string roleName)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            string? Field(string name) =>
                root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (Field("AccessKeyId") is not { Length: > 0 } accessKey || Field("SecretAccessKey") is not { Length: > 0 } secret
                || Field("Token") is not { Length: > 0 } token || Field("Expiration") is not { Length: > 0 } expiration)
            {
                throw new AwsCredentialsException($"{Name}: the credentials of role '{roleName}' lack AccessKeyId, SecretAccessKey, Token or Expiration (Code: {Field("Code") ?? "none"}).");
            }

            return new AwsCredentials(accessKey, secret, token) { Expiration = StsClient.ParseTime(expiration, $"{Name}: Expiration") };
        }
        catch (JsonException)
        {
            throw new AwsCredentialsException($"{Name}: the credentials of role '{roleName}' are not JSON.");
        }
    }

    private static Uri Endpoint(SettingSources settings)
    {
        var configured = Setting(settings, "AWS_EC2_METADATA_SERVICE_ENDPOINT", "ec2_metadata_service_endpoint");
        if (configured is not null)
        {
            if (!Uri.TryCreate(configured.EndsWith('/') ? configured : configured + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                throw new AwsCredentialsException($"EC2 instance metadata: the endpoint '{configured}' (AWS_EC2_METADATA_SERVICE_ENDPOINT or ec2_metadata_service_endpoint) is not an absolute http URL.");
            }

            return uri;
        }

        var mode = Setting(settings, "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "ec2_metadata_service_endpoint_mode");
        return string.Equals(mode, "ipv6", StringComparison.OrdinalIgnoreCase) ? new Uri("http://[fd00:ec2::254]/") : new Uri("http://169.254.169.254/");
    }

    private static string? Setting(SettingSources settings, string variable, string profileKey) =>
        settings.Find(profileKey, new List<string>(), out _, variable);

    private static double Number(SettingSources settings, string variable, string profileKey, double fallback) =>
        Setting(settings, variable, profileKey) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
