namespace DataZone.Gen.Bench.Generated;

/// <summary>
/// Makes the generator (referenced as an analyzer) write the ListDataSourceRuns records and their
/// <c>Utf8JsonReader</c> code into this assembly, from the project's own model in models/datazone/2018-05-10.
/// </summary>
[DataZonePaginator("ListDataSourceRuns")]
public partial class DataSourceRunsPaginator;
