using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Http;

namespace DataZone.Gen.Pipeline;

/// <summary>
/// Sends one attempt and reads the whole response under botocore's timeouts (connect, and read: no bytes for that long
/// fails the attempt), the optional whole-attempt timeout, and the response size cap.
/// </summary>
internal sealed class HttpTransport : IDisposable
{
    private readonly HttpClient _httpClient;
    private readonly bool _ownsClient;
    private readonly TimeSpan? _timeout;
    private readonly TimeSpan? _readTimeout;

    // The request's read timer, for the connect callback: opening a connection is the connect timeout's business.
    private static readonly HttpRequestOptionsKey<CancellationTokenSource> ReadTimerKey = new("DataZone.Gen.ReadTimer");
    private readonly long _maxResponseBytes;

    public HttpTransport(AwsClientOptions options)
    {
        if (options.HttpClient is not null && options.HttpMessageHandler is not null)
        {
            throw new ArgumentException("Set either AwsClientOptions.HttpClient or AwsClientOptions.HttpMessageHandler, not both.", nameof(options));
        }

        _timeout = Limit(options.Timeout, null, nameof(AwsClientOptions.Timeout));
        var connectTimeout = Limit(options.ConnectTimeout, AwsClientOptions.DefaultTimeout, nameof(AwsClientOptions.ConnectTimeout));
        _readTimeout = Limit(options.ReadTimeout, AwsClientOptions.DefaultTimeout, nameof(AwsClientOptions.ReadTimeout));
        _maxResponseBytes = options.MaxResponseBytes ?? AwsClientOptions.DefaultMaxResponseBytes;
        if (_maxResponseBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _maxResponseBytes, "AwsClientOptions.MaxResponseBytes must be at least 1.");
        }

        if (options.HttpClient is not null)
        {
            _httpClient = options.HttpClient; // the caller's (e.g. IHttpClientFactory's): never disposed, never reconfigured
        }
        else
        {
            // Our own client: per-attempt timeouts replace HttpClient.Timeout; pooled connections are recycled
            // so DNS changes are picked up. A handler given by the caller stays the caller's to dispose.
            var handler = options.HttpMessageHandler ?? new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = connectTimeout ?? Timeout.InfiniteTimeSpan,
                ConnectCallback = ConnectAsync,
                MaxResponseHeadersLength = 64, // KiB, .NET's default, stated: headers are bounded like the body
            };
            _httpClient = new HttpClient(handler, disposeHandler: options.HttpMessageHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsClient = true;
        }
    }

    public async Task<AwsHttpResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var attemptTimeout = _timeout is null ? null : new CancellationTokenSource(_timeout.Value);
        using var stall = new CancellationTokenSource();
        using var linked = attemptTimeout is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token, attemptTimeout.Token);
        var token = linked.Token;
        byte[]? buffer = null;
        try
        {
            // Waiting for the headers is a read like any other; a new connection pauses the timer while it opens.
            Arm(stall, _readTimeout);
            if (_readTimeout is not null)
            {
                request.Options.Set(ReadTimerKey, stall);
            }

            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var contentLength = response.Content.Headers.ContentLength;
            if (contentLength > _maxResponseBytes)
            {
                throw new AwsResponseTooLargeException(_maxResponseBytes, contentLength);
            }

            // Read into a pooled array: ReadAsByteArrayAsync buffers a chunked body into a growing stream and then
            // copies it into a new array, about 2.3x the body in garbage per page.
            buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and < 16 * 1024 * 1024 ? (int)contentLength.Value : 32 * 1024);
            var length = 0;
            using (var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false))
            {
                while (true)
                {
                    Arm(stall, _readTimeout); // botocore's read timeout is per read: a slow but moving body is fine
                    var read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > _maxResponseBytes)
                    {
                        throw new AwsResponseTooLargeException(_maxResponseBytes, contentLength);
                    }

                    if (length == buffer.Length)
                    {
                        // One byte past the cap is enough to tell an oversized body.
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Min((long)buffer.Length * 2, _maxResponseBytes + 1), Array.MaxLength));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }
            }

            // The headers as received (NonValidated): enumerating the typed collections would parse every value and
            // join it into a new string on every response; a value sent once is handed over as the string it is.
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var header in response.Headers.NonValidated)
            {
                headers.Add(new(header.Key, Joined(header.Value)));
            }

            foreach (var header in response.Content.Headers.NonValidated)
            {
                headers.Add(new(header.Key, Joined(header.Value)));
            }

            var result = new AwsHttpResponse((int)response.StatusCode, new ReadOnlyMemory<byte>(buffer, 0, length), headers) { PooledBuffer = buffer };
            buffer = null;
            return result;
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && stall.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The service sent nothing for {Seconds(_readTimeout)} s (the read timeout, AwsClientOptions.ReadTimeout).", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && attemptTimeout is { IsCancellationRequested: true })
        {
            throw new TimeoutException($"The attempt did not complete within {Seconds(_timeout)} s.", exception);
        }
        catch (IOException exception) when (!cancellationToken.IsCancellationRequested && stall.IsCancellationRequested)
        {
            // Some streams surface a cancelled read as an IOException.
            throw new TimeoutException(
                $"The service sent nothing for {Seconds(_readTimeout)} s (the read timeout, AwsClientOptions.ReadTimeout).", exception);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _httpClient.Dispose();
        }
    }

    // SocketsHttpHandler's own connect, with the read timer of the request that asked for the connection paused while
    // it opens and restarted once it is open, so that connect and read timeouts each measure their own wait.
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        context.InitialRequestMessage.Options.TryGetValue(ReadTimerKey, out var readTimer);
        Pause(readTimer);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        if (readTimer is not null)
        {
            Arm(readTimer, _readTimeout);
        }

        return new NetworkStream(socket, ownsSocket: true);
    }

    private static void Pause(CancellationTokenSource? timer)
    {
        try
        {
            timer?.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The attempt already ended; the connection may still serve the next one.
        }
    }

    private static void Arm(CancellationTokenSource stall, TimeSpan? limit)
    {
        if (limit is { } value)
        {
            try
            {
                stall.CancelAfter(value);
            }
            catch (ObjectDisposedException)
            {
                // Only the connect callback can come late, after its attempt ended.
            }
        }
    }

    private static string Seconds(TimeSpan? value) =>
        (value ?? TimeSpan.Zero).TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    // Null means no limit. Infinite is the explicit "no limit"; anything else must be positive.
    private static TimeSpan? Limit(TimeSpan? configured, TimeSpan? fallback, string name)
    {
        var value = configured ?? fallback;
        if (value is not { } limit || limit == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

        if (limit <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, limit, $"AwsClientOptions.{name} must be positive, or Timeout.InfiniteTimeSpan for no limit.");
        }

        return limit;
    }

    // Repeated headers join with ", " (RFC 9110's list form), as before and as botocore's urllib3 does.
    private static string Joined(HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return string.Join(", ", values);
    }
}
