using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Naming;

namespace DataZone.Gen.Generator.Specs;

/// <summary>Checks a paginator entry against the operation's shapes and describes the paginator class.</summary>
internal static class PaginatorSpecs
{
    public static PaginatorSpec? For(BuildContext context, PaginatorModel paginator)
    {
        var input = context.Shapes[context.Operation.Input!.Shape];
        var output = context.Shapes[context.Operation.Output!.Shape];
        var paginatorsFile = context.Model.PaginatorsFilePath ?? context.Model.FilePath;

        if (paginator.ResultKeys.IsEmpty)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, paginatorsFile, paginator.Span,
                "A paginator without a result key",
                $"the paginator of '{paginator.OperationName}' is skipped; its types and operation are still generated"));
            return null;
        }

        // botocore pairs output token i with input token i (zip); a count that differs leaves a token that is never sent.
        if (paginator.InputTokens.Count != paginator.OutputTokens.Count)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, paginator.Span,
                $"the paginator of '{paginator.OperationName}' has {paginator.InputTokens.Count} input_token(s) "
                + $"but {paginator.OutputTokens.Count} output_token(s); each output token feeds the input token at its position"));
            return null;
        }

        var inputTokens = new List<InputTokenSpec>();
        foreach (var key in paginator.InputTokens)
        {
            if (InputToken(context, paginatorsFile, paginator, input, key) is not { } token)
            {
                return null;
            }

            inputTokens.Add(token);
        }

        var outputTokens = new List<PagePathSpec>();
        foreach (var key in paginator.OutputTokens)
        {
            if (Path(context, paginatorsFile, output, key, "output_token") is not { } path)
            {
                return null;
            }

            // A structured token (DynamoDB's LastEvaluatedKey) must be what its input token takes, so it can be passed on.
            var structured = inputTokens[outputTokens.Count].StructuredType;
            if (structured is null ? path.Type.Kind != ValueKind.String : !structured.Equals(path.Type))
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedFeature, paginatorsFile, key.Span,
                    structured is null
                        ? $"A paginator token of type '{path.Type.Kind.ToString().ToLowerInvariant()}'"
                        : $"A paginator output token whose type differs from its input token's",
                    $"the paginator of '{paginator.OperationName}' is skipped; its types and operation are still generated"));
                return null;
            }

            outputTokens.Add(path);
        }

        var limit = paginator.LimitKey is { } limitKey ? Find(context, paginatorsFile, input, limitKey, "limit_key") : null;
        if (paginator.LimitKey is not null && limit is null)
        {
            return null;
        }

        var limitKind = limit is { } found ? context.Types.Map(found.Member.Shape).Kind : ValueKind.Integer;
        if (limitKind is not (ValueKind.Integer or ValueKind.Long or ValueKind.String))
        {
            var limitShape = context.Shapes[limit!.Value.Member.Shape];
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, paginator.LimitKey!.Span,
                $"the limit_key '{paginator.LimitKey.Value}' of '{paginator.OperationName}' must name an integer or string member, "
                + (limitKind == ValueKind.Enum ? "not an enum" : $"not a {limitShape.Type}")));
            return null;
        }

        PagePathSpec? moreResults = null;
        if (paginator.MoreResults is { } more)
        {
            moreResults = Path(context, paginatorsFile, output, more, "more_results");
            if (moreResults is null)
            {
                return null;
            }

            if (moreResults.Type.Kind != ValueKind.Boolean)
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidModel, paginatorsFile, more.Span,
                    $"the more_results '{more.Value}' of '{paginator.OperationName}' must name a boolean member, "
                    + $"not a {KindName(moreResults.Type.Kind)}"));
                return null;
            }
        }

        var results = new List<PagePathSpec>();
        foreach (var key in paginator.ResultKeys)
        {
            if (Path(context, paginatorsFile, output, key, "result_key") is not { } path)
            {
                return null;
            }

            results.Add(path);
        }

        // The items come from the first list or map, else from the first structure (one per page). botocore counts the
        // first result key whatever it is (len() of a string counts its characters), which only lists make sensible.
        var itemsIndex = results.FindIndex(r => r.Type.Kind is ValueKind.List or ValueKind.Map);
        if (itemsIndex < 0)
        {
            itemsIndex = results.FindIndex(r => r.Type.Kind == ValueKind.Structure);
        }

        if (itemsIndex < 0 || !results[itemsIndex].IsSettable)
        {
            var key = paginator.ResultKeys[itemsIndex < 0 ? 0 : itemsIndex];
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, key.Span,
                $"the result_key '{key.Value}' of '{paginator.OperationName}' must name a list member "
                + "(or a map or structure member, when no result key is a list)"));
            return null;
        }

        var items = results[itemsIndex];
        var itemsShape = items.Type.Kind switch
        {
            ValueKind.List => ItemsShape.List,
            ValueKind.Map => ItemsShape.Map,
            _ => ItemsShape.Single,
        };
        var others = results.Where((r, i) => i != itemsIndex && r.IsSettable).ToEquatableArray();

        var limitModel = limit is null ? null : context.Shapes[limit.Value.Member.Shape];
        var numericLimit = limitKind != ValueKind.String;
        var target = context.Target;
        var fileParts = target.ContainingTypes.Select(t => t.Name.Replace('<', '{').Replace('>', '}')).Append(target.ClassName).ToArray();
        if (context.Naming.FileCollidingWith(string.Join(".", fileParts)) is { } taken)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.FileNameCollision, target.ClassLocation, target.DisplayName, context.HintName(fileParts), context.HintName(taken)));
            return null;
        }

        return new PaginatorSpec(
            target.Namespace,
            context.HintName(fileParts),
            target.ClassName,
            target.ContainingTypes,
            context.Naming.ClientTypeName,
            context.Operation.Name,
            Identifiers.OperationMethod(context.Operation.Name),
            context.Types.Qualified(context.Naming.TypeName(input.Name)),
            context.Types.Qualified(context.Naming.TypeName(output.Name)),
            context.Types.Qualified(context.Naming.JsonTypeName),
            inputTokens.ToEquatableArray(),
            outputTokens.ToEquatableArray(),
            limit?.Property,
            limit is null ? null : limit.Value.Member.LocationName ?? limit.Value.Member.Name,
            !numericLimit,
            numericLimit ? PageSizeBound(limitModel?.Min, Math.Ceiling) : null,
            numericLimit ? PageSizeBound(limitModel?.Max, Math.Floor) : null,
            limit is not null && input.Required.Contains(limit.Value.Member.Name),
            items,
            itemsShape,
            others,
            moreResults,
            paginator.NonAggregateKeys.Select(k => k.Value).ToEquatableArray(),
            ShapeSpecs.Docs(context.Operation.Documentation, $"Pages through <c>{DocText.Escape(context.Operation.Name)}</c>."))
        {
            ClassKeyword = target.ClassKeyword,
        };
    }

    private static InputTokenSpec? InputToken(BuildContext context, string file, PaginatorModel paginator, ShapeModel input, PaginatorKey key)
    {
        if (Find(context, file, input, key, "input_token") is not { } token)
        {
            return null;
        }

        // The paging engine passes tokens as strings, and maps, structures and lists as their JSON text (which needs the
        // type's reader and writer, so the type must be used both ways); numbers and other values are not tokens botocore
        // models use.
        var type = context.Types.Map(token.Member.Shape);
        var structured = type.Kind is ValueKind.Map or ValueKind.Structure or ValueKind.List
            && context.UsageOf(token.Member.Shape) == ShapeUsage.Both;
        if (!IsTokenType(context, token.Member) && !structured)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, file, key.Span,
                $"A paginator token of type '{context.Shapes[token.Member.Shape].Type}'",
                $"the paginator of '{paginator.OperationName}' is skipped; its types and operation are still generated"));
            return null;
        }

        if (input.Required.Contains(token.Member.Name))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, file, key.Span,
                $"the input_token '{key.Value}' of '{paginator.OperationName}' names a required member; "
                + "the first page is requested without a token"));
            return null;
        }

        // botocore keys its tokens by the paginator's input_token (the member name), not by the member's wire name.
        return new InputTokenSpec(token.Property, key.Value, structured ? type : null);
    }

    private static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Enum or ValueKind.String => "string",
        ValueKind.Document => "document",
        _ => kind.ToString().ToLowerInvariant(),
    };

    // One step of botocore's paginator expressions as the models write them: a member name, optionally followed by list
    // indexes (kinesis: StreamDescription.Shards[-1].ShardId). Other JMESPath (projections, filters, ||) is not used by
    // any rest-json or json model and is reported as unsupported.
    private static readonly Regex PathSegment = new(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)?(?:\[(?<index>-?[0-9]{1,9})\])*$", RegexOptions.CultureInvariant);

    /// <summary>Resolves a paginator expression (<c>a</c>, <c>a.b</c>, <c>a[-1].b</c>) against a response shape.</summary>
    private static PagePathSpec? Path(BuildContext context, string file, ShapeModel root, PaginatorKey key, string role)
    {
        var steps = new List<PageStepSpec>();
        var current = root;
        TypeRef? type = null;
        foreach (var segment in key.Value.Split('.'))
        {
            var match = PathSegment.Match(segment);
            if (!match.Success || (!match.Groups["name"].Success && match.Groups["index"].Captures.Count == 0))
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedFeature, file, key.Span,
                    $"The paginator expression '{key.Value}'",
                    $"the paginator of '{context.Operation.Name}' is skipped; its types and operation are still generated"));
                return null;
            }

            if (match.Groups["name"].Success)
            {
                if (current.Type != "structure" || current.IsDocument)
                {
                    context.Diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidModel, file, key.Span,
                        $"the {role} '{key.Value}' of '{context.Operation.Name}' reads '{segment}' from '{current.Name}', which is not a structure"));
                    return null;
                }

                var name = match.Groups["name"].Value;
                var found = Find(context, file, current, new PaginatorKey(name, key.Span), role);
                if (found is null)
                {
                    return null;
                }

                steps.Add(new PageStepSpec(found.Value.Property, current.IsUnion || !current.Required.Contains(name), 0));
                type = context.Types.Map(found.Value.Member.Shape, found.Value.Member.TimestampFormat);
                current = context.Shapes[found.Value.Member.Shape];
            }

            foreach (Capture index in match.Groups["index"].Captures)
            {
                if (current.Type != "list" || type is null)
                {
                    context.Diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidModel, file, key.Span,
                        $"the {role} '{key.Value}' of '{context.Operation.Name}' indexes '{current.Name}', which is not a list"));
                    return null;
                }

                if (type.Element!.IsValueType)
                {
                    context.Diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnsupportedFeature, file, key.Span,
                        $"The paginator expression '{key.Value}' (an index into a list of values)",
                        $"the paginator of '{context.Operation.Name}' is skipped; its types and operation are still generated"));
                    return null;
                }

                steps.Add(new PageStepSpec(null, true, int.Parse(index.Value, CultureInfo.InvariantCulture)));
                type = type.Element!;
                current = context.Shapes[current.ListMember!.Shape];
            }
        }

        return new PagePathSpec(key.Value, steps.ToEquatableArray(), type!);
    }

    private static bool IsTokenType(BuildContext context, MemberModel member) =>
        context.Types.Map(member.Shape).Kind == ValueKind.String;

    /// <summary>
    /// A modeled bound of the limit member as the paging engine's int page size: a fractional bound is rounded inwards
    /// (min 0.5 allows 1, max 50.5 allows 50) and a bound beyond an int is the int's own limit.
    /// </summary>
    private static string? PageSizeBound(double? bound, Func<double, double> inwards)
    {
        if (bound is not { } value)
        {
            return null;
        }

        var whole = Math.Max(int.MinValue, Math.Min(int.MaxValue, inwards(value)));
        return ((int)whole).ToString(CultureInfo.InvariantCulture);
    }

    private static (MemberModel Member, string Property)? Find(BuildContext context, string file, ShapeModel shape, PaginatorKey key, string role)
    {
        var index = shape.Members.AsImmutableArray().FindIndex(m => m.Name == key.Value);
        if (index < 0)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.PaginatorKeyMissing, file, key.Span, context.Operation.Name, key.Value, role, shape.Name));
            return null;
        }

        var names = ServiceNaming.MemberNames(shape.Members, context.Naming.TypeName(shape.Name), isException: false);
        return (shape.Members[index], names[index]);
    }
}

internal static class ImmutableArrayExtensions
{
    public static int FindIndex<T>(this System.Collections.Immutable.ImmutableArray<T> items, System.Func<T, bool> predicate)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (predicate(items[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
