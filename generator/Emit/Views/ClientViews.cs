using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Common;
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
    private const string Empty = "global::System.Array.Empty";

    public PaginatorView(PaginatorSpec spec)
        : base(spec.Namespace)
    {
        ClassName = spec.ClassName;
        ClassKeyword = spec.ClassKeyword;
        ClientType = QualifiedIn(spec.Namespace, spec.ClientTypeName);
        OperationName = Naming.DocText.Escape(spec.OperationName);
        OperationMethod = spec.OperationMethodName;
        RequestType = spec.RequestTypeName;
        ResponseType = spec.ResponseTypeName;
        var element = spec.Items.Type.Element;
        ItemType = spec.ItemsShape switch
        {
            ItemsShape.List => element!.TypeName,
            ItemsShape.Map => "global::System.Collections.Generic.KeyValuePair<string, " + element!.TypeName + ">",
            _ => spec.Items.Type.TypeName,
        };

        // Tokens: one token keeps the simple accessors; several are one vector, in the model's order.
        SingleToken = spec.InputTokens.Count == 1;
        InputTokenWireLiteral = MemberView.Literal(spec.InputTokens[0].TokenName);
        InputTokenWireLiterals = string.Join(", ", spec.InputTokens.Select(t => MemberView.Literal(t.TokenName)));
        // A structured token (a map such as DynamoDB's LastEvaluatedKey) travels as JSON text, through the type's own reader and writer.
        string InputValue(InputTokenSpec token, string value) => token.StructuredType is { } type
            ? $"{RuntimeApi.PagingValues}.FromTokenJson({value}, {JsonMethods.Reader(type, spec.JsonTypeName)})"
            : value;
        string OutputValue(int index) => spec.InputTokens[index].StructuredType is { } type
            ? $"{RuntimeApi.PagingValues}.ToTokenJson({Get(spec.OutputTokens[index], "response").Expression}, {JsonMethods.Writer(type, spec.JsonTypeName)})"
            : Get(spec.OutputTokens[index], "response").Expression;
        WithInputToken = "request with { " + spec.InputTokens[0].Property + " = " + InputValue(spec.InputTokens[0], "token") + " }";
        WithInputTokens = "request with { " + string.Join(", ", spec.InputTokens.Select((t, i) => $"{t.Property} = {InputValue(t, $"tokens[{i}]")}")) + " }";
        GetOutputToken = OutputValue(0);
        GetOutputTokens = "new[] { " + string.Join(", ", spec.OutputTokens.Select((_, i) => OutputValue(i))) + " }";
        var structuredNames = spec.InputTokens.Where(t => t.StructuredType is not null).Select(t => MemberView.Literal(t.TokenName)).ToList();
        StructuredTokenNames = structuredNames.Count == 0 ? null : string.Join(", ", structuredNames);
        WithOutputToken = OutputTokenSetter(spec.OutputTokens, spec.InputTokens);
        OutputTokenHoldsResumeToken = WithOutputToken is not null && spec.InputTokens[0].StructuredType is null;

        var items = Get(spec.Items, "response");
        GetItems = spec.ItemsShape switch
        {
            ItemsShape.List => items.Expression,
            ItemsShape.Map => $"{RuntimeApi.PagingValues}.Entries({items.Expression})",
            _ => $"{RuntimeApi.PagingValues}.One({items.Expression})",
        };
        GetItemsFallback = spec.ItemsShape == ItemsShape.List && items.Nullable ? $"{Empty}<{ItemType}>()" : null;
        WithItems = Set(spec.Items, "response", current => spec.ItemsShape switch
        {
            ItemsShape.List => "items",
            ItemsShape.Map => $"{RuntimeApi.PagingValues}.ToMap(items)",
            _ => $"{RuntimeApi.PagingValues}.FirstOr(items, {current})",
        });
        Aggregations = spec.OtherResults.Select(Aggregate).Where(s => s is not null).Select(s => s!).ToList();
        Clearings = spec.OtherResults.Select(Clear).Where(s => s is not null).Select(s => s!).ToList();

        Limit = spec.LimitProperty;
        LimitWireLiteral = spec.LimitWireName is null ? null : MemberView.Literal(spec.LimitWireName);
        LimitValue = spec.LimitIsString ? "limit?.ToString(global::System.Globalization.CultureInfo.InvariantCulture)" : "limit";
        LimitMin = spec.LimitMin;
        LimitMax = spec.LimitMax;
        LimitIsRequired = spec.LimitIsRequired;
        MoreResults = spec.MoreResults is null ? null : Get(spec.MoreResults, "response").Expression + " == true";
        NonAggregateKeys = spec.NonAggregateKeys.Select(k => Naming.DocText.Escape(k)).ToList();
        Documentation = DocParagraph.Of(spec.Documentation);
        // The class may sit inside other partial types: one indentation level per containing type, outermost first.
        ContainingTypes = spec.ContainingTypes.Select((t, depth) => new ContainingTypeView(t.Keyword, t.Name, new string(' ', depth * 4))).ToList();
        ClosingTypes = ContainingTypes.Reverse().ToList();
        BodyIndent = new string(' ', ContainingTypes.Count * 4);
    }

    public string ClassName { get; }

    /// <summary><c>class</c> or <c>record</c>, as the user declared the class.</summary>
    public string ClassKeyword { get; }

    public string ClientType { get; }

    public string OperationName { get; }

    public string OperationMethod { get; }

    public string RequestType { get; }

    public string ResponseType { get; }

    public string ItemType { get; }

    /// <summary>One input token (the simple accessors) or several (botocore's composite tokens).</summary>
    public bool SingleToken { get; }

    public string InputTokenWireLiteral { get; }

    public string InputTokenWireLiterals { get; }

    public string WithInputToken { get; }

    public string WithInputTokens { get; }

    /// <summary>Whether build-full-result puts the resume token in the (first) output token; a structured or indexed one cannot hold it.</summary>
    public bool OutputTokenHoldsResumeToken { get; }

    /// <summary>The literals of the tokens carried as JSON text, or <see langword="null"/> when every token is a string.</summary>
    public string? StructuredTokenNames { get; }

    public string GetOutputToken { get; }

    public string GetOutputTokens { get; }

    /// <summary>Sets the first output token to a resume token (clearing the others); <see langword="null"/> when a path cannot be set.</summary>
    public string? WithOutputToken { get; }

    public string GetItems { get; }

    /// <summary>What an absent item list reads as (a list member that may be absent), else <see langword="null"/>.</summary>
    public string? GetItemsFallback { get; }

    public string WithItems { get; }

    /// <summary>One statement's value per other result key that build-full-result aggregates.</summary>
    public IReadOnlyList<string> Aggregations { get; }

    /// <summary>One statement's value per other result key that a re-fetched page empties.</summary>
    public IReadOnlyList<string> Clearings { get; }

    public string? Limit { get; }

    public string? LimitWireLiteral { get; }

    /// <summary>The page size as the limit member holds it (botocore turns it into a string for a string limit).</summary>
    public string LimitValue { get; }

    public string? LimitMin { get; }

    public string? LimitMax { get; }

    /// <summary>A required limit keeps the request's value when the paging options give none.</summary>
    public bool LimitIsRequired { get; }

    public string? MoreResults { get; }

    public IReadOnlyList<string> NonAggregateKeys { get; }

    public bool HasNonAggregateKeys => NonAggregateKeys.Count > 0;

    public bool HasAggregations => Aggregations.Count > 0;

    public bool HasClearings => Clearings.Count > 0;

    public IReadOnlyList<DocParagraph> Documentation { get; }

    public IReadOnlyList<ContainingTypeView> ContainingTypes { get; }

    /// <summary><see cref="ContainingTypes"/> innermost first, for the closing braces.</summary>
    public IReadOnlyList<ContainingTypeView> ClosingTypes { get; }

    /// <summary>The indentation of the paginator class inside its containing types.</summary>
    public string BodyIndent { get; }

    /// <summary>Reads a path from <paramref name="root"/>, null-conditional after the first member that may be absent.</summary>
    private static (string Expression, bool Nullable) Get(PagePathSpec path, string root)
    {
        var expression = root;
        var nullable = false;
        foreach (var step in path.Steps)
        {
            if (step.Property is { } property)
            {
                expression += (nullable ? "?." : ".") + property;
                nullable |= step.IsOptional;
            }
            else
            {
                expression = $"{RuntimeApi.PagingValues}.At({expression}, {step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
                nullable = true;
            }
        }

        return (expression, nullable);
    }

    /// <summary>
    /// <paramref name="root"/> with the value at a settable path replaced by <paramref name="value"/> (given the current
    /// value's expression); a parent that is absent stays absent, since a record cannot be made up around the value.
    /// </summary>
    private static string Set(PagePathSpec path, string root, System.Func<string, string> value)
    {
        string At(string parent, int index)
        {
            var step = path.Steps[index];
            var child = parent + "." + step.Property;
            if (index == path.Steps.Count - 1)
            {
                return $"{parent} with {{ {step.Property} = {value(child)} }}";
            }

            var inner = At(child, index + 1);
            return step.IsOptional
                ? $"{parent} with {{ {step.Property} = {child} is null ? null : {inner} }}"
                : $"{parent} with {{ {step.Property} = {inner} }}";
        }

        return At(root, 0);
    }

    // The first output token holds the resume token and the others are cleared; a structured token cannot hold it and is
    // cleared (the listing's ResumeToken has it), a required one cannot be cleared and is left as it is.
    private static string? OutputTokenSetter(EquatableArray<PagePathSpec> tokens, EquatableArray<InputTokenSpec> inputs)
    {
        if (!tokens.AsImmutableArray().All(t => t.IsSettable) || (tokens.Count > 1 && tokens.AsImmutableArray().Any(t => t.Steps.Count > 1)))
        {
            return null;
        }

        string Value(int index) => inputs[index].StructuredType is null
            ? (index == 0 ? "token" : "null") + (tokens[index].IsRequired ? " ?? string.Empty" : string.Empty)
            : "null";
        var settable = Enumerable.Range(0, tokens.Count).Where(i => inputs[i].StructuredType is null || !tokens[i].IsRequired).ToList();
        if (settable.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            return Set(tokens[0], "response", _ => Value(0));
        }

        var assignments = settable.Select(i => $"{tokens[i].Steps[0].Property} = {Value(i)}");
        return "response with { " + string.Join(", ", assignments) + " }";
    }

    // botocore's build_full_result: lists are extended, numbers summed, strings joined; anything else keeps the first value.
    private static string? Aggregate(PagePathSpec path)
    {
        var page = Get(path, "page");
        var currentNullable = !path.IsRequired;
        return path.Type.Kind switch
        {
            ValueKind.List => Set(path, "aggregate", current => $"{RuntimeApi.PagingValues}.Concat({current}, {page.Expression})"),
            ValueKind.Integer or ValueKind.Long or ValueKind.Float or ValueKind.Double => Set(path, "aggregate", current =>
                currentNullable ? $"{RuntimeApi.PagingValues}.Sum({current}, {page.Expression})"
                : page.Nullable ? $"{current} + {page.Expression}.GetValueOrDefault()"
                : $"{current} + {page.Expression}"),
            ValueKind.String => Set(path, "aggregate", current => $"{RuntimeApi.PagingValues}.Join({current}, {page.Expression})"),
            _ when currentNullable => Set(path, "aggregate", current => $"{current} ?? {page.Expression}"),
            _ => null,
        };
    }

    // botocore's _handle_first_request: lists and strings emptied, numbers kept, anything else removed.
    private static string? Clear(PagePathSpec path) => path.Type.Kind switch
    {
        ValueKind.List => Set(path, "response", _ => $"{Empty}<{path.Type.Element!.TypeName}>()"),
        ValueKind.String => Set(path, "response", _ => "string.Empty"),
        ValueKind.Integer or ValueKind.Long or ValueKind.Float or ValueKind.Double or ValueKind.Boolean => null,
        _ when !path.IsRequired => Set(path, "response", _ => "null"),
        _ => null,
    };
}

/// <summary>A type the paginator class is nested in, with the indentation of its declaration.</summary>
internal sealed record ContainingTypeView(string Keyword, string Name, string Indent);
