using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

// Also compiled into the CLI tests (linked), where its namespace cannot match the folder.
#pragma warning disable IDE0130
namespace DataZone.Gen.EndToEnd.Tests.Hostile;
#pragma warning restore IDE0130

/// <summary>One request as the hostile server saw it, and the raw connection to answer on.</summary>
internal sealed class HostileExchange
{
    public HostileExchange(int index, string head, NetworkStream stream, CancellationToken stopping)
    {
        Index = index;
        Head = head;
        Stream = stream;
        Stopping = stopping;
    }

    /// <summary>0 for the first request the server received.</summary>
    public int Index { get; }

    /// <summary>The request line and headers, as sent.</summary>
    public string Head { get; }

    public NetworkStream Stream { get; }

    /// <summary>Cancelled when the server is disposed: a handler that hangs waits on this.</summary>
    public CancellationToken Stopping { get; }

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await Stream.WriteAsync(bytes, Stopping);
        await Stream.FlushAsync(Stopping);
    }

    /// <summary>A complete response with a JSON body and its real length.</summary>
    public Task RespondAsync(int status, string body, string? errorType = null) => RespondAsync(status, Encoding.UTF8.GetBytes(body), errorType);

    public async Task RespondAsync(int status, byte[] body, string? errorType = null)
    {
        await WriteAsync(HeadOf(status, body.Length, errorType));
        await WriteAsync(body);
    }

    public static string HeadOf(int status, long? contentLength, string? errorType = null) =>
        $"HTTP/1.1 {status} Hostile\r\nContent-Type: application/json\r\nConnection: close\r\nx-amzn-RequestId: hostile-req\r\n"
        + (errorType is null ? "" : $"X-Amzn-ErrorType: {errorType}\r\n")
        + (contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n")
        + "\r\n";

    /// <summary>Waits until the server stops: a server that never answers.</summary>
    public async Task HangAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, Stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>
/// A raw HTTP/1.1 server on loopback whose every answer is written by the test, byte by byte: hangs, stalls, lies about
/// lengths, oversized bodies. One request per connection. Raw TCP rather than Kestrel, because Kestrel refuses to send
/// most of what a hostile server sends.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<HostileExchange, Task> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private readonly Task _accepting;
    private int _requests;

    public HostileServer(Func<HostileExchange, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>How many requests arrived (each attempt of the client is one).</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The request heads, in order of arrival.</summary>
    public ConcurrentQueue<string> Heads { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            _connections.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                if (head is null)
                {
                    return;
                }

                Heads.Enqueue(head);
                var index = Interlocked.Increment(ref _requests) - 1;
                await _handler(new HostileExchange(index, head, stream, _stopping.Token));
            }
            catch (Exception)
            {
                // The client hung up on a hostile answer: that is the point of most tests.
            }
        }
    }

    // Reads up to the blank line; the client's requests here are GETs without a body.
    private async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var bytes = new System.Collections.Generic.List<byte>();
        var one = new byte[1];
        while (bytes.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, _stopping.Token) == 0)
            {
                return null;
            }

            bytes.Add(one[0]);
            if (bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray());
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_connections);
        _stopping.Dispose();
    }
}
