namespace DataZone.Gen.Bench.Services.Sso;

/// <summary>The generated paginator over SSO's ListAccounts.</summary>
[DataZonePaginator("ListAccounts")]
internal partial class AccountsPaginator;
