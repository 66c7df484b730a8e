using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Naming;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>One operation's client method and its HTTP marshalling, as statements ready to place.</summary>
internal sealed class OperationView : FileView
{
    public OperationView(OperationSpec spec)
        : base(spec.Namespace)
    {
        JsonTypeName = QualifiedIn(spec.Namespace, spec.JsonTypeName);
        ClientTypeName = spec.ClientTypeName;
        OperationName = Identifiers.Pascal(spec.OperationName);
        OperationLiteral = MemberView.Literal(spec.OperationName);
        MethodName = spec.MethodName;
        FieldName = Identifiers.OperationField(spec.OperationName);
        RequestType = spec.RequestTypeName;
        ResponseType = spec.ResponseTypeName;
        HttpMethodLiteral = MemberView.Literal(spec.HttpMethod);
        SuccessCode = spec.SuccessCode;
        Documentation = DocParagraph.Of(spec.Documentation);
        ObsoleteMessageLiteral = spec.IsDeprecated ? MemberView.Literal(spec.DeprecatedMessage ?? "This operation is deprecated.") : null;
        EndpointBindings = EndpointBindingView.Of(spec.EndpointBindings);

        var request = spec.RequestMembers.Select(m => new MemberView(m, JsonTypeName)).ToList();
        IdempotencyMembers = request.Where(m => m.Spec.IsIdempotencyToken).ToList();
        PathParts = spec.PathParts
            .Select(p => p.Label is null
                ? new PathPartView(MemberView.Literal(p.Text), null)
                : new PathPartView(null, request.First(m => m.Spec == p.Label)))
            .ToList();
        HostPrefixParts = spec.HostPrefix
            .Select(p => p.Label is null
                ? new PathPartView(MemberView.Literal(p.Text), null)
                : new PathPartView(null, request.First(m => m.Spec == p.Label)))
            .ToList();
        HostLabels = HostPrefixParts.Where(p => p.Label is not null).Select(p => p.Label!).ToList();
        StaticQuery = spec.StaticQuery.Select(StaticQueryPart).ToList();
        QueryMembers = request.Where(m => m.Spec.Location == MemberLocation.Query).ToList();
        HeaderMembers = request.Where(m => m.Spec.Location is MemberLocation.Header or MemberLocation.Headers).ToList();
        Payload = request.FirstOrDefault(m => m.Spec.IsPayload);
        SerializesRequest = Payload is null && spec.RequestHasBody;

        var response = spec.ResponseMembers.Select(m => new MemberView(m, JsonTypeName)).ToList();
        ResponsePayload = response.FirstOrDefault(m => m.Spec.IsPayload);
        ResponseHeaderMembers = response.Where(m => m.Spec.Location is MemberLocation.Header or MemberLocation.StatusCode).ToList();
        ResponseRequiredBesidesPayload = ResponsePayload is null
            ? new List<MemberView>()
            : response.Where(m => m.IsRequired && !m.Spec.IsPayload).ToList();
        Errors = spec.Errors.Select(e => new ErrorCase(MemberView.Literal(e.ErrorCode), e.ExceptionTypeName)).ToList();
        JsonRpc = spec.JsonRpc is { } rpc
            ? new JsonRpcView(MemberView.Literal(rpc.Target), MemberView.Literal(rpc.ContentType), MemberView.Literal(spec.PathParts.FirstOrDefault()?.Text ?? "/"))
            : null;
        Auth = spec.Auth == OperationAuth.SigV4 ? null : RuntimeApi.AwsOperationAuth + "." + spec.Auth;
        SigningNameLiteral = spec.SigningName is null ? null : MemberView.Literal(spec.SigningName);
    }

    public string ClientTypeName { get; }

    public string OperationName { get; }

    public string OperationLiteral { get; }

    public string MethodName { get; }

    public string FieldName { get; }

    public string RequestType { get; }

    public string ResponseType { get; }

    public string HttpMethodLiteral { get; }

    public int SuccessCode { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    /// <summary>The deprecation message as a C# literal, or null when the operation is not deprecated.</summary>
    /// <summary>The statements that bind the operation's endpoint parameters; empty for most operations.</summary>
    public IReadOnlyList<EndpointBindingView> EndpointBindings { get; }

    public bool HasEndpointBindings => EndpointBindings.Count > 0;

    public string? ObsoleteMessageLiteral { get; }

    /// <summary>Members the client fills with a fresh token when the caller leaves them empty.</summary>
    public IReadOnlyList<MemberView> IdempotencyMembers { get; }

    /// <summary>The request path: literal pieces and labels, in order.</summary>
    public IReadOnlyList<PathPartView> PathParts { get; }

    /// <summary>The operation's host prefix: literal pieces and host labels, in order; empty when it has none.</summary>
    public IReadOnlyList<PathPartView> HostPrefixParts { get; }

    public bool HasHostPrefix => HostPrefixParts.Count > 0;

    /// <summary>The members whose values become part of the host name, checked before anything is sent.</summary>
    public IReadOnlyList<MemberView> HostLabels { get; }

    /// <summary>Query parameters the request URI fixes ("/path?list-type=2"); they are sent on every call.</summary>
    public IReadOnlyList<StaticQueryView> StaticQuery { get; }

    public IReadOnlyList<MemberView> QueryMembers { get; }

    public IReadOnlyList<MemberView> HeaderMembers { get; }

    /// <summary>The member that is the whole request body, if the input names one.</summary>
    public MemberView? Payload { get; }

    /// <summary>Whether the request's body members are sent as one JSON object.</summary>
    public bool SerializesRequest { get; }

    /// <summary>The member that is the whole response body, if the output names one.</summary>
    public MemberView? ResponsePayload { get; }

    /// <summary>Response members read from headers or the status code, in model order.</summary>
    public IReadOnlyList<MemberView> ResponseHeaderMembers { get; }

    /// <summary>With a payload member: the other required members, which the reader sets after the payload (headers, status).</summary>
    public IReadOnlyList<MemberView> ResponseRequiredBesidesPayload { get; }

    public IReadOnlyList<ErrorCase> Errors { get; }

    /// <summary>The json protocol's target, content type and path (the request is the whole body); null for rest-json.</summary>
    public JsonRpcView? JsonRpc { get; }

    /// <summary>The runtime's <c>AwsOperationAuth</c> member when the operation is not plainly SigV4-signed, else null.</summary>
    public string? Auth { get; }

    /// <summary>The operation's own signing name as a C# literal, or null.</summary>
    public string? SigningNameLiteral { get; }

    /// <summary>Whether the operation description sets anything beyond its four delegates.</summary>
    public bool HasSettings => Auth is not null || SigningNameLiteral is not null || HasEndpointBindings;

    private static StaticQueryView StaticQueryPart(UriPart part)
    {
        var equals = part.Text.IndexOf('=');
        var name = equals < 0 ? part.Text : part.Text.Substring(0, equals);
        var value = equals < 0 ? string.Empty : part.Text.Substring(equals + 1);
        return new StaticQueryView(MemberView.Literal(name), MemberView.Literal(value));
    }
}

/// <summary>A piece of the request path: a literal (as a C# literal) or a member's label.</summary>
internal sealed record PathPartView(string? Literal, MemberView? Label);

/// <summary>A fixed query parameter of the request URI, as C# literals.</summary>
internal sealed record StaticQueryView(string NameLiteral, string ValueLiteral);

internal sealed record ErrorCase(string CodeLiteral, string ExceptionType);

/// <summary>A json-protocol call's <c>X-Amz-Target</c>, content type and path, as C# literals.</summary>
internal sealed record JsonRpcView(string TargetLiteral, string ContentTypeLiteral, string PathLiteral);
