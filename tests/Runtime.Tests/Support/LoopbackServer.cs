using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
/// A fake endpoint on 127.0.0.1 (Kestrel on a free port) started by a test: STS, SSO portal, SSO-OIDC, container or
/// IMDS stand-ins. Every request is recorded; the handler decides the reply.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<SeenRequest, FakeReply> _handler;

    private LoopbackServer(Func<SeenRequest, FakeReply> handler)
    {
        _handler = handler;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "LoopbackServer" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        // The test host owns the process: no Ctrl+C handling here.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        _app = builder.Build();
        _app.Run(AnswerAsync);
    }

    public Uri Uri { get; private set; } = null!;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public static LoopbackServer Start(Func<SeenRequest, FakeReply> handler)
    {
        var server = new LoopbackServer(handler);
        server._app.StartAsync().GetAwaiter().GetResult();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri($"http://127.0.0.1:{new Uri(address).Port}/");
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var headers = new Dictionary<string, string>();
        foreach (var header in request.Headers)
        {
            headers[header.Key.ToLowerInvariant()] = header.Value.ToString();
        }

        var seen = new SeenRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value?.TrimStart('?') ?? "", headers, body);
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

        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
