using System;

namespace DataZone.Gen.Pipeline;

/// <summary>
/// The standard-mode retry quota (botocore's <c>RetryQuotaChecker</c>): a token bucket shared by all calls of one
/// client, so a service that keeps failing is not hammered by every caller's retries at once.
/// </summary>
internal sealed class RetryQuota
{
    public const int InitialCapacity = 500;
    public const int RetryCost = 5;
    public const int TimeoutRetryCost = 10;
    public const int NoRetryIncrement = 1;

    private readonly object _gate = new();
    private int _available = InitialCapacity;

    public int Available
    {
        get { lock (_gate)
            {
                return _available;
            }
        }
    }

    /// <summary>Takes the cost of one retry; <see langword="false"/> when the bucket cannot pay it.</summary>
    public bool TryAcquire(bool afterTimeout, out int cost)
    {
        cost = afterTimeout ? TimeoutRetryCost : RetryCost;
        lock (_gate)
        {
            if (_available < cost)
            {
                return false;
            }

            _available -= cost;
            return true;
        }
    }

    /// <summary>A call succeeded: return what its last retry cost, or <see cref="NoRetryIncrement"/> when it never retried.</summary>
    public void ReleaseAfterSuccess(int lastRetryCost)
    {
        var amount = lastRetryCost > 0 ? lastRetryCost : NoRetryIncrement;
        lock (_gate)
        {
            _available = Math.Min(InitialCapacity, _available + amount);
        }
    }
}
