using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Runtime.Tests.Support;

/// <summary>A captured request: everything the handler saw, copied before the message is disposed.</summary>
internal sealed record CapturedRequest(string Method, Uri Uri, Dictionary<string, string> Headers, byte[] Body)
{
    public string RequestLine => $"{Method} {Uri.PathAndQuery}";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A scripted HTTP stack: each request takes the next scripted reply (a response or an exception). No sockets.</summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<CancellationToken, Task<HttpResponseMessage>>> _replies = new();

    public List<CapturedRequest> Requests { get; } = new();

    public bool Disposed { get; private set; }

    public FakeHttpHandler Reply(HttpStatusCode status, string body = "", params (string Name, string Value)[] headers)
    {
        _replies.Enqueue(_ => Task.FromResult(Response(status, body, headers)));
        return this;
    }

    /// <summary>A reply whose body has no Content-Length, as a chunked response arrives.</summary>
    public FakeHttpHandler ReplyChunked(HttpStatusCode status, byte[] body)
    {
        _replies.Enqueue(_ => Task.FromResult(new HttpResponseMessage(status) { Content = new StreamContent(new UnseekableStream(body)) }));
        return this;
    }

    public FakeHttpHandler Throw(Exception exception)
    {
        _replies.Enqueue(_ => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>A reply that never comes unless the request is cancelled (for timeouts).</summary>
    public FakeHttpHandler Hang()
    {
        _replies.Enqueue(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Headers.Host is { } host)
        {
            headers["Host"] = host;
        }

        var body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body));
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException($"No scripted reply for request #{Requests.Count}: {request.Method} {request.RequestUri}");
        }

        return await _replies.Dequeue()(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}

/// <summary>A stream that cannot tell its length and hands out at most 1,000 bytes a read, like a network stream.</summary>
internal sealed class UnseekableStream : System.IO.Stream
{
    private readonly System.IO.MemoryStream _inner;

    public UnseekableStream(byte[] bytes) => _inner = new System.IO.MemoryStream(bytes);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 1000));

    public override void Flush()
    {
    }

    public override long Seek(long offset, System.IO.SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
