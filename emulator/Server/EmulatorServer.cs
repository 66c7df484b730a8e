using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Auth;
using DataZone.Gen.Emulator.Model;
using DataZone.Gen.Emulator.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// The request pipeline: request id ▸ latency ▸ dropped connection ▸ route (rest-json <c>requestUri</c> or json
/// <c>X-Amz-Target</c>) ▸ SigV4 (unless the operation is unsigned) ▸ throttling ▸ 5xx ▸ bind and validate input
/// (model constraints) ▸ a curated handler or the model-driven one ▸ log.
/// </summary>
internal sealed class EmulatorServer
{
    private const int MaxBodyBytes = 1 << 20;

    private readonly EmulatorOptions _options;
    private readonly ServiceModel _model;
    private readonly SignatureVerifier? _verifier;
    private readonly RequestLog _log;
    private readonly Dictionary<string, IOperationHandler> _curated = new(StringComparer.Ordinal);
    private readonly ModelOperationHandler _synthesized;
    private readonly OperationRouter _router;
    private readonly RequestBinder _binder;
    private readonly object _randomLock = new();
    private Random _random;
    private int _randomSeed;
    private long _sequence;

    public EmulatorServer(EmulatorOptions options, ServiceModel model, RequestLog log, IEnumerable<IOperationHandler> handlers, ModelOperationHandler synthesized)
    {
        _synthesized = synthesized;
        _router = new OperationRouter(model);
        _binder = new RequestBinder(model);
        _options = options;
        _model = model;
        _log = log;
        _verifier = options.VerifySignatures
            ? new SignatureVerifier(options.Credentials, model.SigningName, options.MaxClockSkew, options.TimeProvider)
            : null;
        foreach (var handler in handlers)
        {
            _ = model.GetOperation(handler.OperationName);
            _curated[handler.OperationName] = handler;
        }

        _randomSeed = options.Faults.ServerErrorSeed;
        _random = new Random(_randomSeed);
    }

    public async Task HandleAsync(HttpContext http)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        (var rawPath, var rawQuery) = RawTarget(http);
        var context = new RequestContext(http, _model, sequence, requestId, rawPath, rawQuery, _options.ErrorTypeWithNamespace);
        var faults = _options.Faults;
        try
        {
            await ServeAsync(context, faults).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            http.Response.Clear();
            http.Response.Headers["x-amzn-RequestId"] = requestId;
            await context.WriteModeledErrorAsync("InternalServerException", "The emulator failed: " + ex.Message).ConfigureAwait(false);
        }
        finally
        {
            var entry = new RequestLogEntry(
                sequence,
                requestId,
                http.Request.Method,
                http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? rawPath,
                context.Operation,
                context.Fault == EmulatorFault.DroppedConnection ? 0 : http.Response.StatusCode,
                context.ErrorCode,
                context.ErrorMessage,
                context.Fault,
                context.AccessKeyId,
                context.ItemCount,
                context.NextToken);
            _log.Add(entry);
            _options.OnRequest?.Invoke(entry);

            // Dropped only once logged: a client that sees the reset and asks the log must find the request in it.
            if (context.Fault == EmulatorFault.DroppedConnection)
            {
                http.Abort();
            }
        }
    }

    private async Task ServeAsync(RequestContext context, FaultOptions faults)
    {
        var http = context.Http;
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, _options.TimeProvider, http.RequestAborted).ConfigureAwait(false);
        }

        if (faults.DropConnectionEvery > 0 && context.Sequence % faults.DropConnectionEvery == 0)
        {
            context.Fault = EmulatorFault.DroppedConnection; // HandleAsync aborts the connection after logging the request
            return;
        }

        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        var payloadHash = Convert.ToHexString(SHA256.HashData(body.Span)).ToLowerInvariant();
        if (string.Equals(http.Request.Headers["x-amz-content-sha256"].ToString(), "UNSIGNED-PAYLOAD", StringComparison.Ordinal))
        {
            payloadHash = "UNSIGNED-PAYLOAD";
        }

        // Routing comes first because the operation decides whether a signature is needed at all.
        var route = _router.Find(http.Request.Method, context.RawPath, http.Request.Query, http.Request.Headers);
        if (_verifier is not null && route.Operation is not { Unsigned: true })
        {
            var failure = _verifier.Verify(http.Request.Method, context.RawPath, context.RawQuery, http.Request.Headers, payloadHash, out var accessKeyId);
            context.AccessKeyId = accessKeyId;
            if (failure is not null)
            {
                await context.WriteErrorAsync(403, failure.Code, failure.Message).ConfigureAwait(false);
                return;
            }
        }

        if (faults.ThrottleEvery > 0 && context.Sequence % faults.ThrottleEvery == 0)
        {
            context.Fault = EmulatorFault.Throttled;
            await context.WriteModeledErrorAsync("ThrottlingException", "Rate exceeded").ConfigureAwait(false);
            return;
        }

        if (faults.ServerErrorRate > 0 && DrawServerError(faults, out var unavailable))
        {
            context.Fault = EmulatorFault.ServerError;
            await (unavailable
                ? context.WriteErrorAsync(503, "ServiceUnavailableException", "Service is unavailable. Please try again later.")
                : context.WriteModeledErrorAsync("InternalServerException", "An internal error occurred. Please try again later.")).ConfigureAwait(false);
            return;
        }

        if (route.Operation is not { } operation)
        {
            // rest-json front ends answer an unknown path with 404; json ones an unknown target with 400.
            await context.WriteErrorAsync(_model.IsJsonProtocol ? 400 : 404, "UnknownOperationException", route.Problem).ConfigureAwait(false);
            return;
        }

        context.Operation = operation.Name;
        if (_model.IsJsonProtocol && !http.Request.ContentType.AsSpan().StartsWith("application/x-amz-json-", StringComparison.OrdinalIgnoreCase))
        {
            await context.WriteErrorAsync(400, "SerializationException",
                $"A json-protocol request needs Content-Type application/x-amz-json-{_model.JsonVersion}, not '{http.Request.ContentType}'.").ConfigureAwait(false);
            return;
        }

        var request = _binder.Bind(operation, route.Labels, http.Request.Query, http.Request.Headers, body, out var errorCode, out var error);
        if (request is null)
        {
            await context.WriteModeledErrorAsync(errorCode!, error!).ConfigureAwait(false);
            return;
        }

        if (_curated.TryGetValue(operation.Name, out var handler))
        {
            await handler.HandleAsync(context, request).ConfigureAwait(false);
        }
        else
        {
            await _synthesized.HandleAsync(context, request).ConfigureAwait(false);
        }
    }

    private bool DrawServerError(FaultOptions faults, out bool unavailable)
    {
        lock (_randomLock)
        {
            if (faults.ServerErrorSeed != _randomSeed)
            {
                _randomSeed = faults.ServerErrorSeed;
                _random = new Random(_randomSeed);
            }

            var fail = _random.NextDouble() < faults.ServerErrorRate;
            unavailable = fail && _random.Next(3) == 0;
            return fail;
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && !http.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException("The request body is larger than the emulator accepts (1 MiB).");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (string Path, string Query) RawTarget(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target) || target[0] != '/')
        {
            // Absolute-form or missing: fall back to what Kestrel parsed.
            return (http.Request.PathBase.Add(http.Request.Path).ToUriComponent(), http.Request.QueryString.HasValue ? http.Request.QueryString.Value!.Substring(1) : "");
        }

        var q = target.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? (target, "") : (target.Substring(0, q), target.Substring(q + 1));
    }
}
