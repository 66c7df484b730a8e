namespace DataZone.Gen.Bench.Services.Kms;

/// <summary>The generated paginator over KMS's ListKeys (json protocol; <c>Truncated</c>/<c>NextMarker</c>).</summary>
[DataZonePaginator("ListKeys")]
internal partial class KeysPaginator;
