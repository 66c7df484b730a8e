using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Holds temporary credentials and refreshes them the way botocore's RefreshableCredentials does. Within 15 minutes of
/// expiry (advisory) one caller refreshes while the others keep signing with the still-valid credentials, and a failed
/// refresh keeps them; within 10 minutes (mandatory) every caller waits for the one refresh in flight, and a failure is
/// thrown. Credentials without an expiration are fetched once.
/// </summary>
internal sealed class RefreshingCredentials
{
    internal static readonly TimeSpan AdvisoryWindow = TimeSpan.FromMinutes(15);
    internal static readonly TimeSpan MandatoryWindow = TimeSpan.FromMinutes(10);

    private readonly Func<CancellationToken, Task<AwsCredentials>> _fetch;
    private readonly Func<DateTimeOffset> _utcNow;
    private readonly string _provider;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile AwsCredentials? _current;

    public RefreshingCredentials(string provider, Func<CancellationToken, Task<AwsCredentials>> fetch, Func<DateTimeOffset> utcNow)
    {
        _provider = provider;
        _fetch = fetch;
        _utcNow = utcNow;
    }

    /// <summary>The credentials held now, without refreshing (for tests and diagnostics).</summary>
    public AwsCredentials? Current => _current;

    public async ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && !NeedsRefresh(current, AdvisoryWindow))
        {
            return current;
        }

        if (current is not null && !NeedsRefresh(current, MandatoryWindow))
        {
            // Advisory: whoever gets the lock refreshes; everyone else signs with what is still valid.
            if (!await _refreshLock.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return current;
            }

            try
            {
                if (_current is { } latest && !NeedsRefresh(latest, AdvisoryWindow))
                {
                    return latest;
                }

                try
                {
                    return await RefreshAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // botocore logs and keeps the current credentials: they are valid for ten more minutes at least.
                    return current;
                }
            }
            finally
            {
                _refreshLock.Release();
            }
        }

        // Mandatory (or the first fetch): wait for the refresh in flight, or do it.
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } latest && !NeedsRefresh(latest, MandatoryWindow))
            {
                return latest;
            }

            return await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<AwsCredentials> RefreshAsync(CancellationToken cancellationToken)
    {
        var fresh = await _fetch(cancellationToken).ConfigureAwait(false);
        if (fresh.Expiration is { } expiration && expiration <= _utcNow())
        {
            throw new AwsCredentialsException(
                $"{_provider}: the refreshed credentials expired at {expiration:u} already; check the system clock and the credential source.");
        }

        _current = fresh;
        return fresh;
    }

    private bool NeedsRefresh(AwsCredentials credentials, TimeSpan window) =>
        credentials.Expiration is { } expiration && expiration - _utcNow() < window;
}
