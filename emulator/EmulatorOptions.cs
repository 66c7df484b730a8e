using System;
using System.Collections.Generic;

namespace DataZone.Gen.Emulator;

/// <summary>How to start a <see cref="DataZoneEmulator"/>. Read once at start, except <see cref="Faults"/>, which is read live.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The demo domain id.</summary>
    public const string DemoDomainId = "dzd_demo01";

    /// <summary>The demo data source id.</summary>
    public const string DemoDataSourceId = "demo-data-source";

    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one (see <see cref="DataZoneEmulator.Endpoint"/>).</summary>
    public int Port { get; set; }

    /// <summary>How many runs to generate per data source (default 50). A million is fine: runs are computed on demand.</summary>
    public int RunCount { get; set; } = 50;

    /// <summary>
    /// How many items each synthesized listing holds (default 25): every paginated operation other than
    /// <c>ListDataSourceRuns</c> serves this many deterministic items for each scope (path ids and filters).
    /// </summary>
    public int ItemCount { get; set; } = 25;

    /// <summary>Seed of the generated runs and of the synthesized data; the same seed and count give the same runs everywhere.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The domain served (default <c>dzd_demo01</c>); any other is a 404.</summary>
    public string DomainId { get; set; } = DemoDomainId;

    /// <summary>The data source served (default <c>demo-data-source</c>); any other is a 404.</summary>
    public string DataSourceId { get; set; } = DemoDataSourceId;

    /// <summary>More data sources in the same domain, each with <see cref="RunCount"/> generated runs of its own.</summary>
    public IList<string> AdditionalDataSourceIds { get; set; } = new List<string>();

    /// <summary>
    /// A JSON file of runs to serve instead of generated ones, for <see cref="DataSourceId"/> (or the file's own
    /// <c>domainId</c>/<c>dataSourceId</c>): an array of runs in the wire format, or <c>{domainId, dataSourceId, items}</c>.
    /// </summary>
    public string? DataFile { get; set; }

    /// <summary>The creation time of the newest generated run (default 2026-11-01T09:30:00Z); older ones go back about 180 days.</summary>
    public DateTimeOffset NewestRunAt { get; set; } = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// A botocore model to serve instead of the embedded DataZone one: a directory holding <c>service-2.json</c> and
    /// <c>paginators-1.json</c>, or a <c>service-2.json</c> file (paginators read from a <c>paginators-1.json</c> beside it).
    /// Any rest-json or json service.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>Whether every request must carry a valid SigV4 signature by <see cref="Credentials"/> (default true).</summary>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>The only credentials the emulator accepts (default <see cref="EmulatorCredentials.Default"/>).</summary>
    public EmulatorCredentials Credentials { get; set; } = EmulatorCredentials.Default;

    /// <summary>How far <c>X-Amz-Date</c> may be from the emulator's clock (default 15 minutes, as on AWS).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Append the service namespace to <c>x-amzn-ErrorType</c>, as some AWS front ends do
    /// (<c>ValidationException:http://internal.amazon.com/coral/com.amazon.datazone/</c>). Off by default.
    /// </summary>
    public bool ErrorTypeWithNamespace { get; set; }

    /// <summary>
    /// The secret <c>nextToken</c>s are authenticated with. Tokens stay valid across restarts with the same
    /// secret and data, so a resume token printed by one process works in the next.
    /// </summary>
    public string TokenSecret { get; set; } = "DataZone.Gen.Emulator/default-token-secret";

    /// <summary>Fault injection; may be changed while the emulator runs.</summary>
    public FaultOptions Faults { get; set; } = new();

    /// <summary>How many requests <see cref="DataZoneEmulator.Requests"/> keeps (oldest dropped first; default 10,000).</summary>
    public int RequestLogCapacity { get; set; } = 10_000;

    /// <summary>Called after each request with its log entry (from a server thread; keep it quick).</summary>
    public Action<RequestLogEntry>? OnRequest { get; set; }

    /// <summary>The clock for signature date checks (default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"Port must be 0..65535, not {Port}.", nameof(Port));
        }

        if (RunCount < 0)
        {
            throw new ArgumentException($"RunCount cannot be negative ({RunCount}).", nameof(RunCount));
        }

        if (ItemCount < 0)
        {
            throw new ArgumentException($"ItemCount cannot be negative ({ItemCount}).", nameof(ItemCount));
        }

        if (RequestLogCapacity < 0)
        {
            throw new ArgumentException("RequestLogCapacity cannot be negative.", nameof(RequestLogCapacity));
        }

        if (MaxClockSkew < TimeSpan.Zero)
        {
            throw new ArgumentException("MaxClockSkew cannot be negative.", nameof(MaxClockSkew));
        }

        ArgumentNullException.ThrowIfNull(Credentials);
        ArgumentNullException.ThrowIfNull(Faults);
        ArgumentException.ThrowIfNullOrEmpty(DomainId);
        ArgumentException.ThrowIfNullOrEmpty(DataSourceId);
        ArgumentException.ThrowIfNullOrEmpty(TokenSecret);
        Faults.Validate();
    }
}

/// <summary>
/// The test credentials the emulator accepts. Not secret: they work nowhere but here.
/// </summary>
/// <param name="AccessKeyId">The access key id.</param>
/// <param name="SecretAccessKey">The secret access key.</param>
/// <param name="SessionToken">A session token requests must carry in <c>X-Amz-Security-Token</c>, or null for none.</param>
public sealed record EmulatorCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>The well-known emulator credentials: <c>AKIAEMULATOREXAMPLE</c> / <c>emulator/secret/EXAMPLEKEY</c>, no session token.</summary>
    public static EmulatorCredentials Default { get; } = new("AKIAEMULATOREXAMPLE", "emulator/secret/EXAMPLEKEY");

    /// <summary>Keeps the secret out of logs.</summary>
    public override string ToString() => $"EmulatorCredentials {{ AccessKeyId = {AccessKeyId} }}";
}

/// <summary>
/// Faults to inject, counted over every request the emulator receives (1-based: "every 3rd" hits requests 3, 6, 9, ...).
/// All zero by default. Changes take effect on the next request.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Answer every k-th request with 429 ThrottlingException (0: never).</summary>
    public int ThrottleEvery { get; set; }

    /// <summary>The share of requests (0..1) answered with 500 InternalServerException or 503 ServiceUnavailableException, drawn from a seeded random sequence.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>The seed of the 5xx draw (default 1).</summary>
    public int ServerErrorSeed { get; set; } = 1;

    /// <summary>Delay added before every response.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every n-th page that would hold runs comes back empty, still carrying a token to the same place (0: never; at least 2).</summary>
    public int EmptyPageEvery { get; set; }

    /// <summary>Abort the connection without a response on every n-th request (0: never).</summary>
    public int DropConnectionEvery { get; set; }

    /// <summary>Checks the values; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (ThrottleEvery < 0)
        {
            throw new ArgumentException("ThrottleEvery cannot be negative.", nameof(ThrottleEvery));
        }

        if (ServerErrorRate is < 0 or > 1 || double.IsNaN(ServerErrorRate))
        {
            throw new ArgumentException($"ServerErrorRate must be between 0 and 1, not {ServerErrorRate}.", nameof(ServerErrorRate));
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("Latency cannot be negative.", nameof(Latency));
        }

        if (EmptyPageEvery is < 0 or 1)
        {
            throw new ArgumentException("EmptyPageEvery must be 0 (off) or at least 2: with 1 no listing could finish.", nameof(EmptyPageEvery));
        }

        if (DropConnectionEvery < 0)
        {
            throw new ArgumentException("DropConnectionEvery cannot be negative.", nameof(DropConnectionEvery));
        }
    }
}
