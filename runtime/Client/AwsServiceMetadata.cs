using System;
using DataZone.Gen.Endpoints;

namespace DataZone.Gen;

/// <summary>The identity of a service as its model states it; generated clients pass one to <see cref="AwsServiceClient"/>.</summary>
/// <param name="ServiceId">The model's <c>serviceId</c>, for example <c>DataZone</c>.</param>
/// <param name="EndpointPrefix">The model's <c>endpointPrefix</c>: the first host label, for example <c>datazone</c>.</param>
/// <param name="SigningName">The model's <c>signingName</c>: the service in the SigV4 credential scope.</param>
/// <param name="ApiVersion">The model's <c>apiVersion</c>, for example <c>2018-05-10</c>.</param>
public sealed record AwsServiceMetadata(string ServiceId, string EndpointPrefix, string SigningName, string ApiVersion)
{
    /// <summary>
    /// The service's endpoint rules (its <c>endpoint-rule-set-1.json</c>), parsed once and kept in a static field by the
    /// generated client. <see langword="null"/> when the model came without them: a client then cannot derive an
    /// endpoint from the region and needs a configured one (<see cref="AwsClientOptions.Endpoint"/>,
    /// <c>AWS_ENDPOINT_URL_*</c>, a profile's <c>endpoint_url</c>).
    /// </summary>
    public EndpointRuleSet? EndpointRules { get; init; }

    /// <summary>The service's wire protocol, which decides how its error responses are read; <see cref="AwsProtocol.RestJson"/> unless set.</summary>
    public AwsProtocol Protocol { get; init; } = AwsProtocol.RestJson;

    /// <summary>
    /// The service-specific endpoint variable, botocore's rule: <c>AWS_ENDPOINT_URL_</c> + service id
    /// with spaces replaced by <c>_</c>, upper-cased (for example <c>AWS_ENDPOINT_URL_DATAZONE</c>).
    /// </summary>
    public string EndpointUrlVariable => "AWS_ENDPOINT_URL_" + ServiceId.Replace(' ', '_').ToUpperInvariant();

    /// <summary>The service's key in a shared config <c>services</c> section, for example <c>datazone</c> (botocore's snake-case service id).</summary>
    internal string ConfigKey => ServiceId.Replace(' ', '_').ToLowerInvariant();

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(ServiceId);
        ArgumentException.ThrowIfNullOrEmpty(EndpointPrefix);
        ArgumentException.ThrowIfNullOrEmpty(SigningName);
        ArgumentNullException.ThrowIfNull(ApiVersion);
    }
}
