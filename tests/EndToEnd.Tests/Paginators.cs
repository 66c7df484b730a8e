namespace DataZone.Gen.EndToEnd.Tests;

[DataZonePaginator("ListDataSourceRuns")]
public partial class DataSourceRunsPaginator;
