namespace DataZone.Gen;

/// <summary>How one operation is authenticated, from its model's <c>auth</c> list or <c>authtype</c>.</summary>
public enum AwsOperationAuth
{
    /// <summary>Signed with SigV4, the body's SHA-256 in the signature (the default).</summary>
    SigV4,

    /// <summary>
    /// Signed with SigV4 over the constant <c>UNSIGNED-PAYLOAD</c> instead of the body's hash, which is also sent as
    /// <c>X-Amz-Content-SHA256</c> (<c>authtype: v4-unsigned-body</c> or <c>unsignedPayload</c>, as botocore signs them).
    /// </summary>
    SigV4UnsignedPayload,

    /// <summary>
    /// Not signed and no credentials are looked up (<c>smithy.api#noAuth</c> or <c>authtype: none</c>), for example SSO's
    /// <c>ListAccounts</c>, which callers make to get credentials in the first place.
    /// </summary>
    None,
}
