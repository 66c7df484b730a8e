using System;
using System.Net.Http;
using DataZone.Gen.Auth;

namespace DataZone.Gen;

/// <summary>How a client connects: region, endpoint, credentials, HTTP stack, retries, timeouts, size cap and user agent.</summary>
public sealed class AwsClientOptions
{
    /// <summary>The region, for example <c>us-east-1</c>. Unset: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the profile's <c>region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// An endpoint override, for example a local emulator. Unset: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>,
    /// <c>AWS_ENDPOINT_URL</c>, then the service's endpoint rules for the region.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Where credentials come from. Unset: <see cref="DefaultCredentialsChain"/> (botocore's chain: environment variables, role, web identity, SSO, profile keys, process, container, instance metadata) over <see cref="Environment"/>.</summary>
    public IAwsCredentialsProvider? Credentials { get; set; }

    /// <summary>The shared-config profile for region, retry settings and credentials. Unset: <c>AWS_DEFAULT_PROFILE</c>, else <c>AWS_PROFILE</c>, else <c>default</c> (botocore's order).</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// An <see cref="System.Net.Http.HttpClient"/> to send with, for example from <c>IHttpClientFactory</c>.
    /// The client never disposes it and never changes its settings.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler to send with (the client wraps it in its own <see cref="System.Net.Http.HttpClient"/> and does not dispose it).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// Where environment variables, the shared config and credentials files and the home directory are read from:
    /// region, endpoint, retry settings and the default credential chain all read through it. Unset: the process
    /// (<see cref="AwsEnvironment.Process"/>). <see cref="AwsEnvironment.FromVariables"/> gives a client its own variables.
    /// </summary>
    public IAwsEnvironment? Environment { get; set; }

    /// <summary>Retry settings. An unset <see cref="AwsRetryOptions.MaxAttempts"/> comes from <c>AWS_MAX_ATTEMPTS</c> or the profile's <c>max_attempts</c>.</summary>
    public AwsRetryOptions Retry { get; set; } = new();

    /// <summary>The time limit of one attempt (a timed-out attempt is retried). Unset: no limit beyond the <see cref="System.Net.Http.HttpClient"/>'s own.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// How long to wait for a connection to open, botocore's <c>connect_timeout</c>. Unset: 60 s, as botocore.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits without limit. Applies to the client's own
    /// handler only: with <see cref="HttpClient"/> or <see cref="HttpMessageHandler"/> set, that handler's settings rule.
    /// Like botocore, no environment variable or profile key sets it.
    /// </summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>
    /// The longest wait for the next bytes of a response, botocore's <c>read_timeout</c>: a server that stalls that long
    /// fails the attempt, which is retried like a dropped connection. The wait for the response headers counts too
    /// (opening a connection does not, with the client's own handler: that is <see cref="ConnectTimeout"/>). Unset: 60 s, as botocore;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits without limit. Like botocore, no environment
    /// variable or profile key sets it.
    /// </summary>
    public TimeSpan? ReadTimeout { get; set; }

    /// <summary>
    /// The largest response body the client reads, in bytes (errors included). A larger body fails the call with
    /// <see cref="AwsResponseTooLargeException"/> before more of it is read. Unset: 64 MiB (<see cref="DefaultMaxResponseBytes"/>).
    /// </summary>
    public long? MaxResponseBytes { get; set; }

    /// <summary>The default of <see cref="ConnectTimeout"/> and <see cref="ReadTimeout"/>: 60 s, botocore's <c>DEFAULT_TIMEOUT</c>.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 64 MiB, over a thousand times a full 50-item page.</summary>
    public const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>Text appended to the <c>User-Agent</c> header, for example <c>myapp/1.2</c>.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>
    /// Use the service's FIPS endpoint. Cannot be combined with an endpoint override (the service's rules refuse it).
    /// <see langword="null"/> (the default) reads <c>AWS_USE_FIPS_ENDPOINT</c>, else <c>use_fips_endpoint</c> of the profile, as botocore does:
    /// only <c>true</c> (any case) turns it on.
    /// </summary>
    public bool? UseFips { get; set; }

    /// <summary>
    /// Use the service's dual-stack (IPv4 and IPv6) endpoint, where its rules have one. <see langword="null"/> (the
    /// default) reads <c>AWS_USE_DUALSTACK_ENDPOINT</c>, else <c>use_dualstack_endpoint</c> of the profile: only
    /// <c>true</c> (any case) turns it on. Like <see cref="UseFips"/>, the rules refuse it with an endpoint override.
    /// </summary>
    public bool? UseDualStack { get; set; }

    /// <summary>
    /// Put an operation's modeled host prefix (its <c>endpoint.hostPrefix</c>, such as <c>data.</c> or
    /// <c>{AccountId}.</c>) before the endpoint's host, as botocore's <c>inject_host_prefix</c> does; on by default, and
    /// applied to a configured endpoint too. Turn it off for a local server or proxy that answers on one host name only.
    /// </summary>
    public bool InjectHostPrefix { get; set; } = true;

    /// <summary>Test seams: clock, delay, randomness and (unless <see cref="Environment"/> is set) environment. Production code leaves this unset.</summary>
    internal ClientDependencies? Dependencies { get; set; }
}
