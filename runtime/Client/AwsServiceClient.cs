using System;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Http;
using DataZone.Gen.Pipeline;

namespace DataZone.Gen;

/// <summary>
/// The base of generated service clients: resolves region, endpoint and credentials once, then sends each call
/// through the pipeline: per call (user agent, invocation id) ▸ retries ▸ per attempt (fresh SigV4 signature) ▸ transport.
/// Thread-safe; create one per service and reuse it.
/// </summary>
public class AwsServiceClient : IDisposable
{
    private readonly IAwsCredentialsProvider _credentials;
    private readonly ClientDependencies _dependencies;
    private readonly EndpointParameters? _endpointParameters;
    private readonly EndpointTarget _endpoint;
    private readonly RetryStrategy _retry;
    private readonly HttpTransport _transport;
    private readonly string _userAgent;
    private bool _disposed;

    /// <summary>Creates a client.</summary>
    /// <param name="service">The service's identity from its model.</param>
    /// <param name="options">
    /// Settings; <see langword="null"/> takes everything from the environment and shared config
    /// (<see cref="AwsClientSettings"/> tells beforehand what region and endpoint that gives).
    /// </param>
    /// <exception cref="AwsClientException">
    /// No region could be found, the region is not a valid region name, or the endpoint or retry configuration
    /// (<c>AWS_MAX_ATTEMPTS</c>, <c>AWS_RETRY_MODE</c>) is invalid.
    /// </exception>
    /// <exception cref="EndpointResolutionException">The service's endpoint rules refuse the configuration (the rule's message, for example a FIPS endpoint in a partition without one).</exception>
    public AwsServiceClient(AwsServiceMetadata service, AwsClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        service.Validate();
        options ??= new AwsClientOptions();
        _dependencies = options.Dependencies ?? ClientDependencies.Default;

        var config = new SettingSources(options.Environment ?? _dependencies.Environment, options.Profile);

        Service = service;
        Region = RegionResolver.Resolve(options.Region, config);
        EndpointResolver.ValidateRegion(Region);
        var configured = EndpointResolver.FindConfigured(service, options.Endpoint, config, out var endpointSource);
        if (service.EndpointRules is { } rules)
        {
            _endpointParameters = EndpointBuiltIns.Bind(rules, Region, configured, options, config);
            _endpoint = EndpointTarget.From(rules.Resolve(_endpointParameters), Region, service.SigningName);
        }
        else
        {
            var custom = EndpointResolver.RequireConfigured(service, configured, endpointSource, options, config);
            _endpoint = EndpointTarget.Plain(custom, Region, service.SigningName);
        }

        _credentials = options.Credentials ?? new DefaultCredentialsChain(new CredentialProviderOptions
        {
            Profile = options.Profile,
            Environment = config.Environment,
            Region = Region, // botocore's STS client uses the client's region
            UtcNow = _dependencies.UtcNow,
        });
        _retry = new RetryStrategy(RetrySettings.Resolve(options.Retry, config), _dependencies);
        _userAgent = UserAgent.Build(service, options.UserAgentSuffix);
        _transport = new HttpTransport(options);
    }

    /// <summary>The service this client calls.</summary>
    public AwsServiceMetadata Service { get; }

    /// <summary>The resolved region (also the signing region, unless the endpoint's rules name another).</summary>
    public string Region { get; }

    /// <summary>
    /// The resolved endpoint: what the service's rules give for the region, FIPS and dual-stack settings, or the
    /// configured endpoint. An operation that binds endpoint parameters of its own may resolve another per call.
    /// </summary>
    public Uri Endpoint => _endpoint.Uri;

    /// <summary>The region in the SigV4 scope of calls to <see cref="Endpoint"/> (the auth scheme's <c>signingRegion</c>, else <see cref="Region"/>).</summary>
    internal string SigningRegion => _endpoint.SigningRegion;

    /// <summary>The service name in the SigV4 scope of calls to <see cref="Endpoint"/>.</summary>
    internal string SigningName => _endpoint.SigningName;

    /// <summary>The attempts per call, including the first (for tests).</summary>
    internal int MaxAttempts => _retry.MaxAttempts;

    /// <summary>The remaining retry-quota tokens (for diagnostics).</summary>
    internal int RetryQuotaAvailable => _retry.Quota.Available;

    /// <summary>Calls an operation: marshal, then per attempt build, sign, send; read the response or throw the mapped error.</summary>
    /// <typeparam name="TRequest">The request type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="operation">The generated operation description.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <exception cref="RequestValidationException">The request is invalid; nothing was sent.</exception>
    /// <exception cref="AwsServiceException">The service returned an error (a generated subclass when modeled).</exception>
    /// <exception cref="AwsClientException">The service could not be reached, or credentials are missing.</exception>
    /// <exception cref="EndpointResolutionException">The operation's endpoint parameters make the service's rules refuse the call.</exception>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public Task<TResponse> InvokeAsync<TRequest, TResponse>(AwsOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var httpRequest = operation.Marshal(request); // validation errors surface before anything is sent
        var endpoint = EndpointFor(operation, request);
        foreach (var (name, values) in endpoint.Headers)
        {
            foreach (var value in values)
            {
                httpRequest.AddHeader(name, value); // before signing: botocore signs the endpoint's headers too
            }
        }

        if (operation.Auth == AwsOperationAuth.SigV4UnsignedPayload)
        {
            // botocore sends and signs the header, and signs its value in place of the body's hash.
            httpRequest.AddHeader("X-Amz-Content-SHA256", SigV4Signer.UnsignedPayload);
        }

        var uri = HttpRequestFactory.BuildUri(endpoint.Uri, httpRequest);
        var invocationId = Guid.NewGuid().ToString();
        return _retry.ExecuteAsync(
            operation.Name,
            (attempt, token) => SendAttemptAsync(operation, httpRequest, uri, endpoint, invocationId, attempt, token),
            cancellationToken);
    }

    private EndpointTarget EndpointFor<TRequest, TResponse>(AwsOperation<TRequest, TResponse> operation, TRequest request)
    {
        if (operation.EndpointParameters is not { } bind || Service.EndpointRules is not { } rules || _endpointParameters is null)
        {
            return _endpoint;
        }

        var parameters = _endpointParameters.Copy();
        bind(request, parameters);
        return EndpointTarget.From(rules.Resolve(parameters), Region, Service.SigningName);
    }

    private async Task<TResponse> SendAttemptAsync<TRequest, TResponse>(AwsOperation<TRequest, TResponse> operation,
        AwsHttpRequest httpRequest, Uri uri, EndpointTarget endpoint, string invocationId, int attempt, CancellationToken cancellationToken)
    {
        // An unsigned operation never asks for credentials: with none configured anywhere it still works.
        var credentials = operation.Auth == AwsOperationAuth.None
            ? null
            : await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        using var message = HttpRequestFactory.Create(uri, httpRequest);
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        message.Headers.TryAddWithoutValidation("amz-sdk-invocation-id", invocationId);
        message.Headers.TryAddWithoutValidation("amz-sdk-request", $"attempt={attempt}; max={_retry.MaxAttempts}");

        if (credentials is not null)
        {
            // Signed per attempt: a retry after a long backoff needs a fresh X-Amz-Date.
            var description = HttpRequestFactory.Describe(uri, httpRequest);
            if (operation.Auth == AwsOperationAuth.SigV4UnsignedPayload)
            {
                description.PayloadHash = SigV4Signer.UnsignedPayload;
            }

            var signature = SigV4Signer.Sign(description, credentials, endpoint.SigningRegion, SigningNameFor(operation, endpoint), _dependencies.UtcNow());
            HttpRequestFactory.AddHeaders(message, signature);
        }

        var response = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is >= 200 and < 300)
        {
            try
            {
                return ReadResponse(operation, response, credentials);
            }
            finally
            {
                response.ReturnPooledBuffer(); // generated readers copy what they keep: nothing points into the body
            }
        }
        response.PooledBuffer = null; // an error keeps its body (AwsErrorDetails.Body): leave that array to the GC
        // A signature mismatch echoes the canonical request, session token included: redact before anything reads it.
        throw MapError(operation, AwsErrorDetails.From(SecretRedactor.Redact(response, credentials), Service.Protocol));
    }

    // The endpoint's auth scheme names the signing service when it names one (botocore's signing context); otherwise an
    // operation-level signingName replaces the service's.
    private static string SigningNameFor<TRequest, TResponse>(AwsOperation<TRequest, TResponse> operation, EndpointTarget endpoint) =>
        endpoint.HasSchemeSigningName || operation.SigningName is null ? endpoint.SigningName : operation.SigningName;

    private static TResponse ReadResponse<TRequest, TResponse>(AwsOperation<TRequest, TResponse> operation, AwsHttpResponse response, AwsCredentials? credentials)
    {
        try
        {
            return operation.ReadResponse(response);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not AwsServiceException and not AwsClientException)
        {
            var requestId = response.GetHeader("x-amzn-RequestId") ?? response.GetHeader("x-amz-request-id");
            throw new AwsClientException(
                SecretRedactor.Redact(
                    $"Could not read the {operation.Name} response (HTTP {response.StatusCode}{(requestId is null ? "" : ", request id " + requestId)}): {exception.Message}",
                    credentials),
                SecretRedactor.RedactCause(exception, credentials));
        }
    }

    private static AwsServiceException MapError<TRequest, TResponse>(AwsOperation<TRequest, TResponse> operation, AwsErrorDetails details)
    {
        try
        {
            return operation.MapError(details) ?? new AwsServiceException(details);
        }
        catch (Exception)
        {
            // A modeled error whose body does not match its shape still reaches the caller as a typed service error.
            return new AwsServiceException(details);
        }
    }

    /// <summary>Releases the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            _transport.Dispose();
        }
    }
}
