using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen.Auth;

/// <summary>
/// One resolution's view of <see cref="CredentialProviderOptions"/>: the settings, the shared files (read once per
/// lookup), the clock and the HTTP clients every provider uses.
/// </summary>
internal sealed class CredentialsContext
{
    // Link-local metadata endpoints are never reached through a proxy; botocore's fetchers do the same.
    private static readonly HttpClient MetadataClient = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private static readonly HttpClient ServiceClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly HttpClient? _ownServiceClient;

    public CredentialsContext(CredentialProviderOptions? options)
    {
        Options = options?.Clone() ?? new CredentialProviderOptions();
        Environment = Options.Environment ?? AwsEnvironment.Process;
        UtcNow = Options.UtcNow ?? (static () => DateTimeOffset.UtcNow);
        Delay = Options.Delay ?? (static (delay, token) => Task.Delay(delay, token));
        if (Options.HttpMessageHandler is { } handler)
        {
            _ownServiceClient = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };
        }
    }

    public CredentialProviderOptions Options { get; }

    public IAwsEnvironment Environment { get; }

    public Func<DateTimeOffset> UtcNow { get; }

    public Func<TimeSpan, CancellationToken, Task> Delay { get; }

    public HttpClient Services => _ownServiceClient ?? ServiceClient;

    public static HttpClient Metadata => MetadataClient;

    // botocore's session loads the shared files once for all the providers it resolves with. Here one pass over a chain
    // (its sources, a role's source profile, their settings) shares one reading; the next pass reads afresh, so a
    // profile added after a failed lookup is found.
    private static readonly AsyncLocal<FilesPass?> CurrentPass = new();

    /// <summary>The settings of the chosen profile: the files as the current chain pass read them, else read fresh.</summary>
    public SettingSources Settings() =>
        CurrentPass.Value is { } pass && ReferenceEquals(pass.Environment, Environment)
            ? new(Environment, Options.Profile, pass.Files)
            : new(Environment, Options.Profile);

    /// <summary>
    /// Opens a pass in which every <see cref="Settings"/> over this environment shares one reading of the shared files
    /// (read when first needed); disposing it closes the pass. Inside a pass already open, it returns
    /// <see langword="null"/> and the open pass goes on.
    /// </summary>
    public IDisposable? ShareFilesForOnePass()
    {
        var previous = CurrentPass.Value;
        if (previous is not null && ReferenceEquals(previous.Environment, Environment))
        {
            return null;
        }

        var pass = new FilesPass(Environment, previous);
        CurrentPass.Value = pass;
        return pass;
    }

    private sealed class FilesPass : IDisposable
    {
        private readonly FilesPass? _previous;
        private SharedConfigFiles? _files;

        public FilesPass(IAwsEnvironment environment, FilesPass? previous)
        {
            Environment = environment;
            _previous = previous;
        }

        public IAwsEnvironment Environment { get; }

        public SharedConfigFiles Files() => _files ??= SharedConfigFiles.Load(Environment);

        public void Dispose() => CurrentPass.Value = _previous;
    }

    /// <summary>A copy of this context reading <paramref name="profile"/> (for a source_profile link).</summary>
    public CredentialsContext ForProfile(string profile)
    {
        var options = Options.Clone();
        options.Profile = profile;
        options.Environment = Environment;
        options.UtcNow = UtcNow;
        options.Delay = Delay;
        return new CredentialsContext(options);
    }

    /// <summary>The region for STS: the option, then the region chain of the chosen profile, else null (global endpoint).</summary>
    public string? StsRegion()
    {
        if (!string.IsNullOrWhiteSpace(Options.Region))
        {
            return Options.Region.Trim();
        }

        return RegionResolver.Find(null, Settings(), new List<string>(), out _);
    }

    /// <summary>
    /// A configured endpoint for <paramref name="service"/> (its variable such as <c>AWS_ENDPOINT_URL_STS</c>, the
    /// services section, <c>AWS_ENDPOINT_URL</c>, the profile's <c>endpoint_url</c>) as botocore gives it to the
    /// clients its providers create, else <paramref name="fallback"/>.
    /// </summary>
    public Uri Endpoint(AwsServiceMetadata service, Func<Uri> fallback, out string source)
    {
        if (EndpointResolver.FindConfigured(service, null, Settings(), out source) is { } configured)
        {
            if (!configured.IsAbsoluteUri || (configured.Scheme != Uri.UriSchemeHttp && configured.Scheme != Uri.UriSchemeHttps))
            {
                throw new AwsCredentialsException($"The endpoint from {source} must be an absolute http or https URL.");
            }

            return configured;
        }

        source = "default";
        return fallback();
    }

    public static Uri RegionalEndpoint(string prefix, string region)
    {
        if (region.Length == 0 || !region.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new AwsCredentialsException($"The region '{region}' is not a valid region name (letters, digits and '-' only).");
        }

        return new Uri($"https://{prefix}.{region}.{Partitions.For(region).DnsSuffix}/");
    }

    /// <summary>
    /// The AppContext switch that keeps a process (a test run, a sandbox) from ever contacting the default EC2 and
    /// container metadata addresses, whatever its environment says: a forgotten setting then fails fast instead of
    /// reaching 169.254.169.254 or 169.254.170.2.
    /// </summary>
    public const string BlockDefaultMetadataSwitch = "DataZone.Gen.Auth.BlockDefaultMetadataEndpoints";

    private static readonly string[] DefaultMetadataHosts = { "169.254.169.254", "169.254.170.2", "169.254.170.23", "[fd00:ec2::254]", "[fd00:ec2::23]" };

    /// <summary>Why <paramref name="uri"/> may not be contacted, or <see langword="null"/> when it may.</summary>
    public static string? BlockedReason(Uri uri) =>
        AppContext.TryGetSwitch(BlockDefaultMetadataSwitch, out var on) && on && Array.IndexOf(DefaultMetadataHosts, uri.Host.ToLowerInvariant()) >= 0
            ? $"{uri.Host} is blocked by the AppContext switch {BlockDefaultMetadataSwitch}"
            : null;

    /// <summary>Sends with a time limit, turning transport failures into a credentials error that names the provider.</summary>
    public static async Task<(int Status, string Body)> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout,
        string provider, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && BlockedReason(uri) is { } blocked)
        {
            throw new AwsCredentialsException($"{provider}: {blocked}.");
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AwsCredentialsException($"{provider}: {request.RequestUri?.GetLeftPart(UriPartial.Path)} did not answer within {timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException exception)
        {
            throw new AwsCredentialsException($"{provider}: could not reach {request.RequestUri?.GetLeftPart(UriPartial.Path)}: {exception.Message}", exception);
        }
    }
}
