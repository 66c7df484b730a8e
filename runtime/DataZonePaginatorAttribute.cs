using System;

namespace DataZone.Gen;

/// <summary>
/// Marks a <c>partial</c> class as the paginator for one paginated operation of the service model
/// found among the project's <c>AdditionalFiles</c>. The DataZone.Gen source generator fills the class in
/// and emits the operation's request, response and shape types into the class's namespace.
/// </summary>
/// <example>
/// <code>
/// [DataZonePaginator("ListDataSourceRuns")]
/// public partial class DataSourceRunsPaginator;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DataZonePaginatorAttribute : Attribute
{
    /// <summary>Creates the attribute for the operation named <paramref name="operationName"/>.</summary>
    /// <param name="operationName">The operation's name as the service model spells it, for example <c>ListDataSourceRuns</c>.</param>
    public DataZonePaginatorAttribute(string operationName) => OperationName = operationName;

    /// <summary>The operation's name as the service model spells it.</summary>
    public string OperationName { get; }
}
