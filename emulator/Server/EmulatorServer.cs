using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Emulator.Auth;
using DataZone.Gen.Emulator.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// The request pipeline: request id ▸ latency ▸ dropped connection ▸ SigV4 ▸ throttling ▸ 5xx ▸
/// route (model <c>requestUri</c>) ▸ bind and validate input (model constraints) ▸ operation handler ▸ log.
/// </summary>
internal sealed class EmulatorServer
{
    private const int MaxBodyBytes = 1 << 20;

    private readonly EmulatorOptions _options;
    private readonly ServiceModel _model;
    private readonly SignatureVerifier? _verifier;
    private readonly RequestLog _log;
    private readonly List<(OperationModel Operation, IOperationHandler Handler)> _routes = new();
    private readonly object _randomLock = new();
    private Random _random;
    private int _randomSeed;
    private long _sequence;

    public EmulatorServer(EmulatorOptions options, ServiceModel model, RequestLog log, IEnumerable<IOperationHandler> handlers)
    {
        _options = options;
        _model = model;
        _log = log;
        _verifier = options.VerifySignatures
            ? new SignatureVerifier(options.Credentials, model.SigningName, options.MaxClockSkew, options.TimeProvider)
            : null;
        foreach (var handler in handlers)
        {
            _routes.Add((model.GetOperation(handler.OperationName), handler));
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
            context.Fault = EmulatorFault.DroppedConnection;
            http.Abort();
            return;
        }

        var payloadHash = await HashBodyAsync(http).ConfigureAwait(false);
        if (string.Equals(http.Request.Headers["x-amz-content-sha256"].ToString(), "UNSIGNED-PAYLOAD", StringComparison.Ordinal))
        {
            payloadHash = "UNSIGNED-PAYLOAD";
        }

        if (_verifier is not null)
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

        var pathMatched = false;
        foreach ((var operation, var handler) in _routes)
        {
            if (!operation.Route.TryMatch(context.RawPath, out var labels))
            {
                continue;
            }

            pathMatched = true;
            if (!string.Equals(operation.Method, http.Request.Method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            context.Operation = operation.Name;
            var request = RequestBinder.Bind(operation, labels, http.Request.Query, http.Request.Headers, out var error);
            if (request is null)
            {
                await context.WriteModeledErrorAsync("ValidationException", error!).ConfigureAwait(false);
                return;
            }

            await handler.HandleAsync(context, request).ConfigureAwait(false);
            return;
        }

        await context.WriteErrorAsync(
            404,
            "UnknownOperationException",
            pathMatched
                ? $"No operation is bound to {http.Request.Method} {context.RawPath}."
                : $"No operation matches the path {context.RawPath}.").ConfigureAwait(false);
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

    private static async Task<string> HashBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && !http.Request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            return SigV4Signer.EmptyPayloadHash;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            total += read;
            if (total > MaxBodyBytes)
            {
                throw new InvalidDataException("The request body is larger than the emulator accepts (1 MiB).");
            }

            hash.AppendData(buffer, 0, read);
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
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
