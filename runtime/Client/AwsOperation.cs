using System;
using System.ComponentModel;
using DataZone.Gen.Endpoints;
using DataZone.Gen.Http;

namespace DataZone.Gen;

/// <summary>
/// How to call one operation: generated code supplies the marshaller, the response reader and the mapping
/// from an error response to a modeled exception. Create one per operation and keep it in a static field.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AwsOperation<TRequest, TResponse>
{
    /// <summary>Creates the operation description.</summary>
    /// <param name="name">The operation name, for example <c>ListDataSourceRuns</c> (used in messages).</param>
    /// <param name="marshal">Validates the request (throwing <see cref="RequestValidationException"/>) and builds the HTTP request.</param>
    /// <param name="readResponse">Reads a 2xx response.</param>
    /// <param name="mapError">Returns the modeled exception for an error, or <see langword="null"/> for the generic <see cref="AwsServiceException"/>.</param>
    public AwsOperation(string name, Func<TRequest, AwsHttpRequest> marshal, Func<AwsHttpResponse, TResponse> readResponse,
        Func<AwsErrorDetails, AwsServiceException?> mapError)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Marshal = marshal ?? throw new ArgumentNullException(nameof(marshal));
        ReadResponse = readResponse ?? throw new ArgumentNullException(nameof(readResponse));
        MapError = mapError ?? throw new ArgumentNullException(nameof(mapError));
    }

    /// <summary>The operation name.</summary>
    public string Name { get; }

    /// <summary>Validates the request and builds the HTTP request.</summary>
    public Func<TRequest, AwsHttpRequest> Marshal { get; }

    /// <summary>Reads a 2xx response.</summary>
    public Func<AwsHttpResponse, TResponse> ReadResponse { get; }

    /// <summary>Maps an error to a modeled exception, or returns <see langword="null"/>.</summary>
    public Func<AwsErrorDetails, AwsServiceException?> MapError { get; }

    /// <summary>
    /// Sets the endpoint parameters this operation binds, for an operation whose model has <c>contextParams</c> on
    /// input members, <c>operationContextParams</c> or <c>staticContextParams</c>. It receives a copy of the client's
    /// parameters (the built-ins) and sets the operation's on top: first each context value that is present, then each
    /// static value (a static value wins, as in botocore). The endpoint is then resolved for this call.
    /// <see langword="null"/> (most operations): the client's endpoint.
    /// </summary>
    public Action<TRequest, EndpointParameters>? EndpointParameters { get; init; }

    /// <summary>
    /// How the operation is authenticated. <see cref="AwsOperationAuth.None"/> sends it unsigned and looks up no
    /// credentials at all, so it works where none are configured.
    /// </summary>
    public AwsOperationAuth Auth { get; init; } = AwsOperationAuth.SigV4;

    /// <summary>
    /// The service name in this operation's SigV4 scope when the model gives the operation its own <c>signingName</c>;
    /// <see langword="null"/> (most operations): the service's. A signing name from the endpoint's auth scheme still wins.
    /// </summary>
    public string? SigningName { get; init; }
}
