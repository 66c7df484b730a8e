using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// What the credential providers share: where settings are read, which profile was chosen, the region for STS, how to
/// reach the network and how to ask for an MFA code. Every property is optional.
/// </summary>
public sealed class CredentialProviderOptions
{
    /// <summary>Where environment variables, the shared files and the home directory are read. Unset: the process.</summary>
    public IAwsEnvironment? Environment { get; set; }

    /// <summary>
    /// A profile chosen explicitly (<c>--profile</c>, <see cref="AwsClientOptions.Profile"/>). As in botocore, an explicit
    /// profile takes the environment-variable providers out of the default chain. Unset: <c>AWS_DEFAULT_PROFILE</c>, else <c>AWS_PROFILE</c>, else <c>default</c> (botocore's order).
    /// </summary>
    public string? Profile { get; set; }

    /// <summary>
    /// The region STS is called in (botocore uses the client's region). Unset: <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>,
    /// the profile's <c>region</c>, else the global endpoint in <c>us-east-1</c>.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>A handler for the STS, SSO and SSO-OIDC calls (the metadata endpoints always go direct, never through a proxy).</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>
    /// Asked for the one-time code when a role profile has <c>mfa_serial</c>; gets the prompt (which names the device) and
    /// returns the code. Unset: such profiles fail with a message saying so. The CLI prompts on its terminal.
    /// </summary>
    public Func<string, CancellationToken, ValueTask<string>>? MfaCodeProvider { get; set; }

    /// <summary>How long a <c>credential_process</c> command may run before it is stopped. Default: one minute.</summary>
    public TimeSpan CredentialProcessTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Where a <c>credential_process</c> command's standard error goes as it runs (for example a prompt it shows).
    /// Unset: it is collected, and a failing command's message quotes it.
    /// </summary>
    public System.IO.TextWriter? CredentialProcessErrorOutput { get; set; }

    /// <summary>The clock that decides expiry and refresh (tests replace it).</summary>
    internal Func<DateTimeOffset>? UtcNow { get; set; }

    /// <summary>Waiting between metadata retries (tests replace it).</summary>
    internal Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }

    internal CredentialProviderOptions Clone() => (CredentialProviderOptions)MemberwiseClone();
}
