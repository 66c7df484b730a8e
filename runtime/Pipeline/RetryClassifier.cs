using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;

namespace DataZone.Gen.Pipeline;

/// <summary>Why a failed attempt may be retried (the kind decides the retry-quota cost).</summary>
internal enum RetryKind
{
    None,
    Throttling,
    Transient,
    Timeout,
}

/// <summary>The standard-mode retry conditions of botocore's <c>retries/standard.py</c> and the AWS SDKs' shared spec.</summary>
internal static class RetryClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    };

    public static RetryKind Classify(Exception exception, CancellationToken callerToken)
    {
        switch (exception)
        {
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return RetryKind.None; // the caller gave up: never retry that
            case TimeoutException:
            case OperationCanceledException: // HttpClient.Timeout or the per-attempt timeout, not the caller
                return RetryKind.Timeout;
            case HttpRequestException:
            case IOException:
                return RetryKind.Transient;
            case AwsServiceException service:
                return ClassifyServiceError(service);
            default:
                return RetryKind.None;
        }
    }

    private static RetryKind ClassifyServiceError(AwsServiceException error)
    {
        if (error.IsThrottling || ThrottlingCodes.Contains(error.ErrorCode))
        {
            return RetryKind.Throttling;
        }

        if (error.IsRetryable || TransientCodes.Contains(error.ErrorCode) || error.StatusCode is 500 or 502 or 503 or 504)
        {
            return RetryKind.Transient;
        }

        return RetryKind.None;
    }
}
