using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

internal sealed class ClientView : FileView
{
    public ClientView(ClientSpec spec)
        : base(spec.Namespace)
    {
        TypeName = spec.TypeName;
        Documentation = DocParagraph.Of(spec.Documentation);
        ServiceIdLiteral = MemberView.Literal(spec.ServiceId);
        EndpointPrefixLiteral = MemberView.Literal(spec.EndpointPrefix);
        SigningNameLiteral = MemberView.Literal(spec.SigningName);
        ApiVersionLiteral = MemberView.Literal(spec.ApiVersion);
        Protocol = RuntimeApi.AwsProtocol + "." + spec.Protocol;
        EndpointRulesLiteral = spec.EndpointRulesJson is { } lines ? Naming.RawStringLiteral.Of(lines, indent: string.Empty) : null;
    }

    public string TypeName { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    public string ServiceIdLiteral { get; }

    public string EndpointPrefixLiteral { get; }

    public string SigningNameLiteral { get; }

    public string ApiVersionLiteral { get; }

    /// <summary>The runtime's <c>AwsProtocol</c> member the client speaks, for example <c>global::DataZone.Gen.AwsProtocol.Json</c>.</summary>
    public string Protocol { get; }

    /// <summary>
    /// The rule set as a raw string literal (without <c>u8</c>), or null when the model has none. Its lines are not
    /// indented here: Scriban indents every line of a multi-line value like the line that prints it.
    /// </summary>
    public string? EndpointRulesLiteral { get; }
}

internal sealed class PaginatorView : FileView
{
    public PaginatorView(PaginatorSpec spec)
        : base(spec.Namespace)
    {
        ClassName = spec.ClassName;
        ClientType = QualifiedIn(spec.Namespace, spec.ClientTypeName);
        OperationName = Naming.DocText.Escape(spec.OperationName);
        OperationMethod = spec.OperationMethodName;
        RequestType = spec.RequestTypeName;
        ResponseType = spec.ResponseTypeName;
        ItemType = spec.ItemTypeName;
        InputToken = spec.InputTokenProperty;
        InputTokenWireLiteral = MemberView.Literal(spec.InputTokenWireName);
        OutputToken = spec.OutputTokenProperty;
        Limit = spec.LimitProperty;
        LimitWireLiteral = spec.LimitWireName is null ? null : MemberView.Literal(spec.LimitWireName);
        LimitMin = spec.LimitMin;
        LimitMax = spec.LimitMax;
        Result = spec.ResultProperty;
        ResultRequired = spec.ResultIsRequired;
        LimitIsRequired = spec.LimitIsRequired;
        MoreResults = spec.MoreResultsProperty;
        Documentation = DocParagraph.Of(spec.Documentation);
        // The class may sit inside other partial types: one indentation level per containing type, outermost first.
        ContainingTypes = spec.ContainingTypes.Select((t, depth) => new ContainingTypeView(t.Keyword, t.Name, new string(' ', depth * 4))).ToList();
        ClosingTypes = ContainingTypes.Reverse().ToList();
        BodyIndent = new string(' ', ContainingTypes.Count * 4);
    }

    public string ClassName { get; }

    public string ClientType { get; }

    public string OperationName { get; }

    public string OperationMethod { get; }

    public string RequestType { get; }

    public string ResponseType { get; }

    public string ItemType { get; }

    public string InputToken { get; }

    public string InputTokenWireLiteral { get; }

    public string OutputToken { get; }

    public string? Limit { get; }

    public string? LimitWireLiteral { get; }

    public string? LimitMin { get; }

    public string? LimitMax { get; }

    public string Result { get; }

    public bool ResultRequired { get; }

    /// <summary>A required limit keeps the request's value when the paging options give none.</summary>
    public bool LimitIsRequired { get; }

    public string? MoreResults { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    public IReadOnlyList<ContainingTypeView> ContainingTypes { get; }

    /// <summary><see cref="ContainingTypes"/> innermost first, for the closing braces.</summary>
    public IReadOnlyList<ContainingTypeView> ClosingTypes { get; }

    /// <summary>The indentation of the paginator class inside its containing types.</summary>
    public string BodyIndent { get; }
}

/// <summary>A type the paginator class is nested in, with the indentation of its declaration.</summary>
internal sealed record ContainingTypeView(string Keyword, string Name, string Indent);
