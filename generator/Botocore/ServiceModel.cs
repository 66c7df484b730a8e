
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

// The botocore model as parsed: plain equatable records, names kept exactly as the model spells them,
// each with the span it came from so later stages can point at the model file.

/// <summary>A model folder's service description with its paginators merged in.</summary>
internal sealed record ServiceModel(
    string FilePath,
    string? PaginatorsFilePath,
    ServiceMetadataModel Metadata,
    EquatableArray<ShapeModel> Shapes,
    EquatableArray<OperationModel> Operations,
    EquatableArray<PaginatorModel> Paginators,
    EquatableArray<string> RejectedShapeNames,
    EquatableArray<string> RejectedOperationNames)
{
    /// <summary>The folder's <c>endpoint-rule-set-1.json</c>; <see langword="null"/> when there is none (or it was unreadable).</summary>
    public EndpointRuleSetDocument? EndpointRules { get; init; }
}

internal sealed record ServiceMetadataModel(
    string ServiceId,
    string EndpointPrefix,
    string SigningName,
    string ApiVersion,
    string Protocol,
    string ServiceFullName,
    string? Documentation)
{
    /// <summary>The model's <c>metadata.protocols</c>, in the file's order; empty when the model has only <c>protocol</c>.</summary>
    public EquatableArray<string> Protocols { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The <c>X-Amz-Target</c> prefix of a json-protocol service (<c>metadata.targetPrefix</c>).</summary>
    public string? TargetPrefix { get; init; }

    /// <summary>The json protocol's version (<c>metadata.jsonVersion</c>, <c>1.0</c> or <c>1.1</c>).</summary>
    public string? JsonVersion { get; init; }
}

internal sealed record ShapeModel(
    string Name,
    string Type,
    SourceSpan Span,
    string? Documentation,
    EquatableArray<MemberModel> Members,
    EquatableArray<string> Required,
    MemberModel? ListMember,
    MemberModel? MapKey,
    MemberModel? MapValue,
    EquatableArray<string> EnumValues,
    double? Min,
    double? Max,
    string? TimestampFormat,
    bool Sensitive,
    bool IsUnion,
    bool IsException,
    bool IsFault,
    int? HttpStatusCode,
    string? ErrorCode,
    bool IsRetryable,
    bool IsThrottling,
    bool IsDocument,
    bool IsStreaming,
    bool IsEventStream,
    string? Payload,
    EquatableArray<string> UnsupportedTraits);

/// <summary>A structure member, or the member/key/value reference of a list or map.</summary>
internal sealed record MemberModel(
    string Name,
    SourceSpan Span,
    string Shape,
    SourceSpan ShapeSpan,
    string? Location,
    string? LocationName,
    string? Documentation,
    bool IdempotencyToken,
    bool Deprecated,
    string? DeprecatedMessage,
    string? TimestampFormat,
    bool JsonValue,
    bool HostLabel)
{
    /// <summary>The endpoint parameter this input member binds (<c>"contextParam": {"name": ...}</c>), or null.</summary>
    public string? ContextParam { get; init; }
}

internal sealed record OperationModel(
    string Name,
    SourceSpan Span,
    string HttpMethod,
    string RequestUri,
    int ResponseCode,
    ShapeReference? Input,
    ShapeReference? Output,
    EquatableArray<ShapeReference> Errors,
    string? Documentation,
    bool Deprecated,
    string? DeprecatedMessage,
    EquatableArray<string> UnsupportedTraits)
{
    /// <summary>The operation's Smithy <c>auth</c> list (<c>smithy.api#noAuth</c>, <c>aws.auth#sigv4</c>, ...), in order.</summary>
    public EquatableArray<string> Auth { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The older <c>authtype</c> (<c>none</c>, <c>v4</c>, <c>v4-unsigned-body</c>, <c>bearer</c>), or null.</summary>
    public string? AuthType { get; init; }

    /// <summary>Whether the operation sends <c>UNSIGNED-PAYLOAD</c> in place of the body's hash (<c>unsignedPayload</c>).</summary>
    public bool UnsignedPayload { get; init; }

    /// <summary>An operation-level <c>signingName</c> replacing the service's, or null.</summary>
    public string? SigningName { get; init; }

    /// <summary>The operation's <c>staticContextParams</c>: endpoint parameters with a fixed value.</summary>
    public EquatableArray<StaticContextParamModel> StaticContextParams { get; init; } = EquatableArray<StaticContextParamModel>.Empty;

    /// <summary>The operation's <c>operationContextParams</c>: endpoint parameters read from the input by a JMESPath path.</summary>
    public EquatableArray<OperationContextParamModel> OperationContextParams { get; init; } = EquatableArray<OperationContextParamModel>.Empty;
}

/// <summary>A fixed endpoint parameter value: a boolean, a string, or a list of strings (<see cref="Type"/> says which).</summary>
internal sealed record StaticContextParamModel(string Name, SourceSpan Span, string Type, bool Boolean, EquatableArray<string> Strings);

/// <summary>An endpoint parameter whose value is found in the input by <see cref="Path"/> (a JMESPath expression).</summary>
internal sealed record OperationContextParamModel(string Name, SourceSpan Span, string Path);

internal sealed record ShapeReference(string Shape, SourceSpan Span);

internal sealed record PaginatorModel(
    string OperationName,
    SourceSpan Span,
    EquatableArray<PaginatorKey> InputTokens,
    EquatableArray<PaginatorKey> OutputTokens,
    PaginatorKey? LimitKey,
    EquatableArray<PaginatorKey> ResultKeys,
    PaginatorKey? MoreResults,
    EquatableArray<PaginatorKey> NonAggregateKeys);

/// <summary>A member name a paginator entry refers to, with where it is written.</summary>
internal sealed record PaginatorKey(string Value, SourceSpan Span);
