using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Http;

namespace DataZone.Gen.Pipeline;

/// <summary>Sends one attempt and reads the whole response, enforcing the per-attempt timeout.</summary>
internal sealed class HttpTransport : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsClient;
    private readonly TimeSpan? _timeout;

    public HttpTransport(AwsClientOptions options)
    {
        if (options.HttpClient is not null && options.HttpMessageHandler is not null)
        {
            throw new ArgumentException("Set either AwsClientOptions.HttpClient or AwsClientOptions.HttpMessageHandler, not both.", nameof(options));
        }

        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "AwsClientOptions.Timeout must be positive.");
        }

        _timeout = options.Timeout == Timeout.InfiniteTimeSpan ? null : options.Timeout;
        if (options.HttpClient is not null)
        {
            _httpClient = options.HttpClient; // the caller's (e.g. IHttpClientFactory's): never disposed, never reconfigured
        }
        else
        {
            // Our own client: per-attempt timeouts replace HttpClient.Timeout; pooled connections are recycled
            // so DNS changes are picked up. A handler given by the caller stays the caller's to dispose.
            var handler = options.HttpMessageHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
            _httpClient = new HttpClient(handler, disposeHandler: options.HttpMessageHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsClient = true;
        }
    }

    public async Task<AwsHttpResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = _timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout?.CancelAfter(_timeout!.Value);
        var token = attemptTimeout?.Token ?? cancellationToken;
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            // Read into a pooled array: ReadAsByteArrayAsync buffers a chunked body into a growing stream and then
            // copies it into a new array, about 2.3x the body in garbage per page.
            var contentLength = response.Content.Headers.ContentLength;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < 16 * 1024 * 1024 ? (int)contentLength.Value : 32 * 1024);
            var length = 0;
            using (var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length == buffer.Length)
                    {
                        var larger = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(larger);
                        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in response.Headers)
            {
                headers.Add(new(header.Key, string.Join(", ", header.Value)));
            }

            foreach (var header in response.Content.Headers)
            {
                headers.Add(new(header.Key, string.Join(", ", header.Value)));
            }

            return new AwsHttpResponse((int)response.StatusCode, new ReadOnlyMemory<byte>(buffer, 0, length), headers) { PooledBuffer = buffer };
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && attemptTimeout is not null && attemptTimeout.IsCancellationRequested)
        {
            throw new TimeoutException($"The attempt did not complete within {_timeout!.Value.TotalSeconds:0.###} s.", exception);
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _httpClient.Dispose();
        }
    }
}
