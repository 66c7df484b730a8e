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

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
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
                response.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Headers.Host is { } host)
            headers["Host"] = host;
        byte[] body = Array.Empty<byte>();
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
                headers[header.Key] = string.Join(", ", header.Value);
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body));
        if (_replies.Count == 0)
            throw new InvalidOperationException($"No scripted reply for request #{Requests.Count}: {request.Method} {request.RequestUri}");
        return await _replies.Dequeue()(cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
