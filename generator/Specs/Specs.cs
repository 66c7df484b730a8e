using System.Linq;
using DataZone.Gen.Generator.Common;

namespace DataZone.Gen.Generator.Specs;

// What to emit, and nothing else: one spec per generated file, compared by value so that a model edit
// re-emits only the files whose spec changed.

/// <summary>One generated file. <see cref="HintName"/> is unique per generator run.</summary>
internal abstract record FileSpec(string Namespace, string HintName);

/// <summary>
/// Which way a shape travels, from the operation closure walks: what the client sends needs a writer and
/// validation, what it receives needs a reader, and a shape reached both ways gets both.
/// </summary>
[System.Flags]
internal enum ShapeUsage
{
    None = 0,

    /// <summary>Reached from an operation's input: written and validated.</summary>
    Input = 1,

    /// <summary>Reached from an operation's output or errors: read.</summary>
    Output = 2,

    Both = Input | Output,
}

internal enum MemberLocation
{
    Body,
    Uri,
    Query,
    Header,
    Headers,
    StatusCode,
}

internal sealed record MemberSpec(
    string PropertyName,
    string WireName,
    MemberLocation Location,
    TypeRef Type,
    bool IsRequired,
    bool IsSensitive,
    bool IsGreedyLabel,
    bool IsIdempotencyToken,
    bool IsPayload,
    EquatableArray<string> Documentation,
    string? DeprecatedMessage,
    bool IsDeprecated,
    double? Min,
    double? Max);

internal sealed record StructureSpec(
    string Namespace,
    string HintName,
    string TypeName,
    string ShapeName,
    string JsonTypeName,
    EquatableArray<string> Documentation,
    bool IsUnion,
    bool IsSensitive,
    EquatableArray<MemberSpec> Members,
    ShapeUsage Usage) : FileSpec(Namespace, HintName);

internal sealed record EnumValueSpec(string MemberName, string WireValue);

internal sealed record EnumSpec(
    string Namespace,
    string HintName,
    string TypeName,
    string ShapeName,
    EquatableArray<string> Documentation,
    EquatableArray<EnumValueSpec> Values,
    ShapeUsage Usage) : FileSpec(Namespace, HintName);

internal sealed record ExceptionSpec(
    string Namespace,
    string HintName,
    string TypeName,
    string ShapeName,
    string JsonTypeName,
    string ErrorCode,
    int StatusCode,
    bool IsRetryable,
    bool IsThrottling,
    bool IsFault,
    EquatableArray<string> Documentation,
    EquatableArray<MemberSpec> Members) : FileSpec(Namespace, HintName);

/// <summary>The JSON helpers of one list or map shape, a part of the service's internal JSON class.</summary>
internal sealed record CollectionSpec(
    string Namespace,
    string HintName,
    string JsonTypeName,
    string ShapeName,
    TypeRef Type,
    ShapeUsage Usage) : FileSpec(Namespace, HintName);

internal sealed record ClientSpec(
    string Namespace,
    string HintName,
    string TypeName,
    string ServiceId,
    string ServiceFullName,
    string EndpointPrefix,
    string SigningName,
    string ApiVersion,
    EquatableArray<string> Documentation,
    ServiceProtocol Protocol) : FileSpec(Namespace, HintName)
{
    /// <summary>The lines of the service's endpoint rule set, embedded in the client; <see langword="null"/> when the model has none.</summary>
    public EquatableArray<string>? EndpointRulesJson { get; init; }
}

/// <summary>A piece of the request URI: literal text, or a member's label.</summary>
internal sealed record UriPart(string Text, MemberSpec? Label);

internal sealed record ErrorBinding(string ErrorCode, string ExceptionTypeName);

internal sealed record OperationSpec(
    string Namespace,
    string HintName,
    string ClientTypeName,
    string JsonTypeName,
    string OperationName,
    string MethodName,
    string HttpMethod,
    int SuccessCode,
    EquatableArray<UriPart> PathParts,
    EquatableArray<UriPart> StaticQuery,
    string RequestTypeName,
    string ResponseTypeName,
    EquatableArray<MemberSpec> RequestMembers,
    EquatableArray<MemberSpec> ResponseMembers,
    bool RequestHasBody,
    bool ResponseHasBody,
    EquatableArray<ErrorBinding> Errors,
    EquatableArray<string> Documentation,
    string? DeprecatedMessage,
    bool IsDeprecated,
    ServiceProtocol Protocol,
    JsonRpcSpec? JsonRpc,
    OperationAuth Auth,
    string? SigningName) : FileSpec(Namespace, HintName)
{
    /// <summary>The endpoint parameters the operation binds from its request, weakest first (see <see cref="Specs.EndpointBindings"/>).</summary>
    public EquatableArray<EndpointBindingSpec> EndpointBindings { get; init; } = EquatableArray<EndpointBindingSpec>.Empty;

    /// <summary>The operation's host prefix, literal text and host-label members; empty when it has none.</summary>
    public EquatableArray<UriPart> HostPrefix { get; init; } = EquatableArray<UriPart>.Empty;
}

/// <summary>What names a json-protocol call on the wire: <c>X-Amz-Target</c> and the content type.</summary>
internal sealed record JsonRpcSpec(string Target, string ContentType);

/// <summary>A type the annotated class is nested in, outermost first.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

internal sealed record PaginatorSpec(
    string Namespace,
    string HintName,
    string ClassName,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClientTypeName,
    string OperationName,
    string OperationMethodName,
    string RequestTypeName,
    string ResponseTypeName,
    string JsonTypeName,
    EquatableArray<InputTokenSpec> InputTokens,
    EquatableArray<PagePathSpec> OutputTokens,
    string? LimitProperty,
    string? LimitWireName,
    bool LimitIsString,
    string? LimitMin,
    string? LimitMax,
    bool LimitIsRequired,
    PagePathSpec Items,
    ItemsShape ItemsShape,
    EquatableArray<PagePathSpec> OtherResults,
    PagePathSpec? MoreResults,
    EquatableArray<string> NonAggregateKeys,
    EquatableArray<string> Documentation) : FileSpec(Namespace, HintName)
{
    /// <summary>The keyword the annotated class is declared with (<c>class</c> or <c>record</c>).</summary>
    public string ClassKeyword { get; init; } = "class";
}

/// <summary>
/// An input token: the request member the paging engine sets, its model name (the key in botocore's resume tokens), and
/// for a map, structure or list token its type, carried as JSON text.
/// </summary>
internal sealed record InputTokenSpec(string Property, string TokenName, TypeRef? StructuredType);

/// <summary>
/// A value reached from a response through botocore's paginator path (<c>a.b</c>, <c>a[-1].b</c>): the members and list
/// indexes walked, and the type found at the end.
/// </summary>
internal sealed record PagePathSpec(string Expression, EquatableArray<PageStepSpec> Steps, TypeRef Type)
{
    /// <summary>Whether a <c>with</c> expression can set the value: a path through list indexes cannot.</summary>
    public bool IsSettable => Steps.AsImmutableArray().All(s => s.Property is not null);

    /// <summary>Whether the last member is required, so its C# type is not nullable once its parents are present.</summary>
    public bool IsRequired => Steps.Count > 0 && Steps[Steps.Count - 1] is { Property: not null, IsOptional: false };
}

/// <summary>One step of a <see cref="PagePathSpec"/>: a member (<see cref="Property"/>) or a list index (<see cref="Index"/>).</summary>
internal sealed record PageStepSpec(string? Property, bool IsOptional, int Index);

/// <summary>How the paginator's items are read from the result key chosen for them.</summary>
internal enum ItemsShape
{
    /// <summary>A list: its elements.</summary>
    List,

    /// <summary>A map: its entries, as key-value pairs.</summary>
    Map,

    /// <summary>Any other value: one item per page that has it.</summary>
    Single,
}
