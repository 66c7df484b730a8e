using System.Collections.Generic;

namespace DataZone.Gen.Endpoints;

/// <summary>One entry of a resolved endpoint's <c>authSchemes</c> property: how requests to that endpoint are signed.</summary>
/// <param name="Name">The scheme, for example <c>sigv4</c> or <c>sigv4a</c>.</param>
/// <param name="SigningName">The service name in the signature's scope, or <see langword="null"/> for the model's.</param>
/// <param name="SigningRegion">The region in the signature's scope, or <see langword="null"/> for the client's.</param>
/// <param name="SigningRegionSet">The regions a <c>sigv4a</c> signature is valid in (empty when not given).</param>
/// <param name="DisableDoubleEncoding">Whether the path is encoded once rather than twice when signing, when stated.</param>
public sealed record EndpointAuthScheme(string Name, string? SigningName, string? SigningRegion, IReadOnlyList<string> SigningRegionSet,
    bool? DisableDoubleEncoding);
