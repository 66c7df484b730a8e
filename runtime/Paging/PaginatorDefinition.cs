using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace DataZone.Gen;

/// <summary>
/// The small accessors a generated paginator supplies so that the one paging engine (<see cref="AsyncPaginator{TRequest, TResponse, TItem}"/>)
/// can drive any operation: the model's <c>input_token</c>, <c>output_token</c>, <c>limit_key</c>, <c>result_key</c> and <c>more_results</c>.
/// Paths (<c>a.b</c>) and the kind of each result key are resolved by the generator; the engine sees only these accessors.
/// Requests and responses are treated as immutable: every <c>With…</c> returns a new value.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
/// <typeparam name="TItem">The result item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PaginatorDefinition<TRequest, TResponse, TItem>
{
    /// <summary>
    /// The input token's wire name, for example <c>nextToken</c>: the key inside botocore resume tokens. Set this, <see cref="WithInputToken"/>
    /// and <see cref="GetOutputToken"/> for a paginator with one token, or <see cref="InputTokenNames"/>, <see cref="WithInputTokens"/> and
    /// <see cref="GetOutputTokens"/> for one with several.
    /// </summary>
    public string? InputTokenName { get; init; }

    /// <summary>Returns the request with its input token set (<see langword="null"/> removes it).</summary>
    public Func<TRequest, string?, TRequest>? WithInputToken { get; init; }

    /// <summary>Reads the response's output token.</summary>
    public Func<TResponse, string?>? GetOutputToken { get; init; }

    /// <summary>
    /// The wire names of a paginator's several input tokens (botocore's composite tokens, for example <c>Marker</c> and
    /// <c>NextRecordName</c>), in the model's order: the keys inside its resume tokens.
    /// </summary>
    public IReadOnlyList<string>? InputTokenNames { get; init; }

    /// <summary>Returns the request with every input token set, in <see cref="InputTokenNames"/> order (<see langword="null"/> removes one).</summary>
    public Func<TRequest, IReadOnlyList<string?>, TRequest>? WithInputTokens { get; init; }

    /// <summary>Reads every output token of a response, in <see cref="InputTokenNames"/> order (output token <c>i</c> feeds input token <c>i</c>).</summary>
    public Func<TResponse, IReadOnlyList<string?>>? GetOutputTokens { get; init; }

    /// <summary>
    /// The input tokens whose values are JSON text rather than plain strings: a map or structure token such as DynamoDB's
    /// <c>ExclusiveStartKey</c>. Resume tokens hold them as JSON values, as botocore writes them; an empty one (<c>{}</c>)
    /// counts as none, as in botocore.
    /// </summary>
    public IReadOnlyList<string>? StructuredTokenNames { get; init; }

    /// <summary>
    /// Returns the response with its output token replaced by a resume token (used by build-full-result; with several output tokens the
    /// first carries the resume token and the others are cleared). Unset: the aggregated response keeps the first page's tokens.
    /// </summary>
    public Func<TResponse, string?, TResponse>? WithOutputToken { get; init; }

    /// <summary>Reads the response's result items (the model's first <c>result_key</c> that is a list or a map).</summary>
    public required Func<TResponse, IReadOnlyList<TItem>> GetItems { get; init; }

    /// <summary>Returns the response with its result items replaced (truncation and aggregation).</summary>
    public required Func<TResponse, IReadOnlyList<TItem>, TResponse> WithItems { get; init; }

    /// <summary>
    /// Adds a later page's other result keys (those besides the items) to the aggregate, as botocore's <c>build_full_result</c> does:
    /// lists are concatenated, numbers summed, strings joined, and other values keep the first one seen.
    /// </summary>
    public Func<TResponse, TResponse, TResponse>? AggregateOtherResults { get; init; }

    /// <summary>
    /// Empties the other result keys of a page a resume token fetches again after part of it was returned, since they were returned
    /// with that part (botocore's <c>_handle_first_request</c>): lists and strings become empty, numbers stay, other values are removed.
    /// </summary>
    public Func<TResponse, TResponse>? ClearOtherResults { get; init; }

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
