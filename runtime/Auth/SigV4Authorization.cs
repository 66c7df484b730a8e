using System.Collections.Generic;

namespace DataZone.Gen.Auth;

/// <summary>The parts of a SigV4 <c>Authorization</c> header, as parsed by <see cref="SigV4Signer.TryParseAuthorization"/>.</summary>
/// <param name="AccessKeyId">The access key id from the credential.</param>
/// <param name="Date">The scope date, <c>yyyyMMdd</c>.</param>
/// <param name="Region">The scope region.</param>
/// <param name="Service">The scope service (signing name).</param>
/// <param name="SignedHeaders">The signed header names, lower case, in header order.</param>
/// <param name="Signature">The hex signature.</param>
public sealed record SigV4Authorization(
    string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    /// <summary>The credential scope: <c>date/region/service/aws4_request</c>.</summary>
    public string CredentialScope => SigV4Signer.CredentialScope(Date, Region, Service);
}
