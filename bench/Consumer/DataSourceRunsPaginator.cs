namespace DataZone.Gen.Bench.Consumer;

/// <summary>The generated paginator over ListDataSourceRuns (the DataZone.Gen generator fills this class in).</summary>
[DataZonePaginator("ListDataSourceRuns")]
internal partial class DataSourceRunsPaginator;
