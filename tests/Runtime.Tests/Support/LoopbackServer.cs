using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace DataZone.Gen.Runtime.Tests.Support;

/// <summary>One request as a fake AWS endpoint saw it.</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, Dictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>The form fields of a query-protocol body.</summary>
    public Dictionary<string, string> Form() =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : ""));
}

/// <summary>The answer a fake gives.</summary>
internal sealed record FakeReply(int Status, string Body = "", string ContentType = "application/json");

/// <summary>
/// A fake endpoint on 127.0.0.1 (HttpListener) started by a test: STS, SSO portal, SSO-OIDC, container or IMDS stand-ins.
/// Every request is recorded; the handler decides the reply.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<SeenRequest, FakeReply> _handler;
    private readonly Task _loop;

    private LoopbackServer(HttpListener listener, Uri uri, Func<SeenRequest, FakeReply> handler)
    {
        _listener = listener;
        Uri = uri;
        _handler = handler;
        _loop = Task.Run(LoopAsync);
    }

    public Uri Uri { get; }

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static LoopbackServer Start(Func<SeenRequest, FakeReply> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            var uri = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(uri.ToString());
            try
            {
                listener.Start();
                return new LoopbackServer(listener, uri, handler);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = reader.ReadToEnd();
        }

        var headers = new Dictionary<string, string>();
        foreach (var name in request.Headers.AllKeys)
        {
            headers[name!.ToLowerInvariant()] = request.Headers[name]!;
        }

        var seen = new SeenRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Url.Query.TrimStart('?'), headers, body);
        Requests.Enqueue(seen);
        FakeReply reply;
        try
        {
            reply = _handler(seen);
        }
        catch (Exception exception)
        {
            reply = new FakeReply(599, "fake handler failed: " + exception.Message, "text/plain");
        }

        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
