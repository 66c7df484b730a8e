using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace DataZone.Gen;

/// <summary>
/// The small accessors a generated paginator supplies so that the one paging engine (<see cref="AsyncPaginator{TRequest, TResponse, TItem}"/>)
/// can drive any operation: the model's <c>input_token</c>, <c>output_token</c>, <c>limit_key</c>, <c>result_key</c> and <c>more_results</c>.
/// Requests and responses are treated as immutable: every <c>With…</c> returns a new value.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
/// <typeparam name="TItem">The result item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PaginatorDefinition<TRequest, TResponse, TItem>
{
    /// <summary>The input token's wire name, for example <c>nextToken</c>: the key inside botocore resume tokens.</summary>
    public required string InputTokenName { get; init; }

    /// <summary>Returns the request with its input token set (<see langword="null"/> removes it).</summary>
    public required Func<TRequest, string?, TRequest> WithInputToken { get; init; }

    /// <summary>Reads the response's output token.</summary>
    public required Func<TResponse, string?> GetOutputToken { get; init; }

    /// <summary>Returns the response with its output token replaced (used by build-full-result).</summary>
    public required Func<TResponse, string?, TResponse> WithOutputToken { get; init; }

    /// <summary>Reads the response's result items (the model's first <c>result_key</c>).</summary>
    public required Func<TResponse, IReadOnlyList<TItem>> GetItems { get; init; }

    /// <summary>Returns the response with its result items replaced (truncation and aggregation).</summary>
    public required Func<TResponse, IReadOnlyList<TItem>, TResponse> WithItems { get; init; }

    /// <summary>The limit member's wire name, for example <c>maxResults</c> (for messages).</summary>
    public string? LimitName { get; init; }

    /// <summary>Returns the request with its limit member set; <see langword="null"/> when the operation has no <c>limit_key</c>.</summary>
    public Func<TRequest, int?, TRequest>? WithLimit { get; init; }

    /// <summary>The limit member's modeled minimum.</summary>
    public int? LimitMin { get; init; }

    /// <summary>The limit member's modeled maximum.</summary>
    public int? LimitMax { get; init; }

    /// <summary>Reads the model's <c>more_results</c> flag; when it returns <see langword="false"/> paging stops whatever the token says.</summary>
    public Func<TResponse, bool>? GetMoreResults { get; init; }

    /// <summary>
    /// The client method's name (generated code passes <c>nameof</c> of it), naming the operation in validation errors;
    /// a trailing <c>Async</c> is dropped. Unset: the errors name the request type.
    /// </summary>
    public string? OperationMethodName { get; init; }

    /// <summary>
    /// Adds the request's own validation problems to a list, so that a bad page size or item cap is reported together
    /// with them in one <see cref="RequestValidationException"/>. Unset: only the paging options' problems are reported.
    /// </summary>
    public Action<TRequest, List<string>>? CollectRequestProblems { get; init; }
}
