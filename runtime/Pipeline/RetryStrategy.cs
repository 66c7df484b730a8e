using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Pipeline;

/// <summary>
/// AWS standard-mode retries around a per-attempt function. Hand-written rather than Polly: the retry quota must be
/// charged by error kind and refunded by outcome, and attempts must know their number for <c>amz-sdk-request</c>.
/// </summary>
internal sealed class RetryStrategy
{
    private readonly int _maxAttempts;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxBackoff;
    private readonly bool _useQuota;
    private readonly ClientDependencies _dependencies;

    public RetryStrategy(RetrySettings options, ClientDependencies dependencies)
    {
        _maxAttempts = options.MaxAttempts;
        _baseDelay = options.BaseDelay;
        _maxBackoff = options.MaxBackoff;
        _useQuota = options.UseRetryQuota;
        _dependencies = dependencies;
    }

    public int MaxAttempts => _maxAttempts;

    public RetryQuota Quota { get; } = new();

    /// <summary>Runs <paramref name="attempt"/> (given the 1-based attempt number) until it succeeds or may not be retried.</summary>
    public async Task<T> ExecuteAsync<T>(string operationName, Func<int, CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var lastRetryCost = 0;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            Exception failure;
            try
            {
                var result = await attempt(attemptNumber, cancellationToken).ConfigureAwait(false);
                if (_useQuota)
                {
                    Quota.ReleaseAfterSuccess(lastRetryCost);
                }

                return result;
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            var kind = RetryClassifier.Classify(failure, cancellationToken);
            if (kind == RetryKind.None)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            var outOfAttempts = attemptNumber >= _maxAttempts;
            var quotaEmpty = !outOfAttempts && _useQuota && !Quota.TryAcquire(kind == RetryKind.Timeout, out lastRetryCost);
            if (outOfAttempts || quotaEmpty)
            {
                // A service error keeps its own type: callers catch modeled exceptions, not wrappers.
                if (failure is AwsServiceException)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }

                throw GaveUp(operationName, failure, kind, attemptNumber, quotaEmpty);
            }

            // The caller's token cancels the wait at once; OperationCanceledException then reaches the caller.
            await _dependencies.Delay(Backoff(attemptNumber - 1), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Delay before retry <paramref name="retryIndex"/> (0-based): <c>random[0,1) × base × 2^i</c>, capped.</summary>
    public TimeSpan Backoff(int retryIndex)
    {
        var random = Math.Clamp(_dependencies.NextRandom(), 0.0, 1.0);
        var ticks = random * _baseDelay.Ticks * Math.Pow(2, Math.Min(retryIndex, 62));
        return ticks >= _maxBackoff.Ticks ? _maxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    private static AwsClientException GaveUp(string operationName, Exception failure, RetryKind kind, int attempts, bool quotaEmpty)
    {
        var why = quotaEmpty ? " (the client's retry quota is used up)" : "";
        var tries = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return kind == RetryKind.Timeout
            ? new AwsClientException($"{operationName} timed out ({tries}){why}.", failure)
            : new AwsClientException($"{operationName} failed to reach the service ({tries}){why}: {failure.Message}", failure);
    }
}
