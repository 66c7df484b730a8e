using System;

namespace DataZone.Gen;

/// <summary>
/// Asks for one more operation of the service model found among the project's <c>AdditionalFiles</c>: the DataZone.Gen
/// source generator adds the operation's method to the service client (same marshalling, validation and typed errors as
/// a paginated operation) and emits its request, response and shape types, without a paginator class.
/// </summary>
/// <remarks>
/// The class the attribute is on only lends its namespace to the generated types; nothing is added to it, so it need not
/// be <c>partial</c>. The attribute can be repeated, placed beside <see cref="DataZonePaginatorAttribute"/> or on any
/// other class of the namespace; an operation asked for more than once is generated once. A paginated operation may be
/// asked for too: its method is generated, its paginator only where <see cref="DataZonePaginatorAttribute"/> asks.
/// </remarks>
/// <example>
/// <code>
/// [DataZonePaginator("ListDataSourceRuns")]
/// [DataZoneOperation("GetDataSourceRun")]
/// [DataZoneOperation("StartDataSourceRun")]
/// public partial class DataSourceRunsPaginator;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DataZoneOperationAttribute : Attribute
{
    /// <summary>Creates the attribute for the operation named <paramref name="operationName"/>.</summary>
    /// <param name="operationName">The operation's name as the service model spells it, for example <c>GetDataSourceRun</c>.</param>
    public DataZoneOperationAttribute(string operationName) => OperationName = operationName;

    /// <summary>The operation's name as the service model spells it.</summary>
    public string OperationName { get; }
}
