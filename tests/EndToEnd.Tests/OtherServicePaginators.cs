namespace DataZone.Gen.EndToEnd.Tests.Kms
{
    /// <summary>KMS <c>ListKeys</c>: json 1.1, <c>Marker</c>/<c>NextMarker</c> while <c>Truncated</c>.</summary>
    [DataZonePaginator("ListKeys")]
    public partial class KeysPaginator;
}

namespace DataZone.Gen.EndToEnd.Tests.Sso
{
    /// <summary>SSO <c>ListAccounts</c>: rest-json, unsigned, the bearer token in a header member.</summary>
    [DataZonePaginator("ListAccounts")]
    public partial class AccountsPaginator;
}
