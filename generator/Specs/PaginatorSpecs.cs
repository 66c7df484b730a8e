using System;
using System.Globalization;
using System.Linq;
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

        if (paginator.InputTokens.Count != 1 || paginator.OutputTokens.Count != 1 || paginator.ResultKeys.IsEmpty
            || paginator.OutputTokens[0].Value.Contains(".") || paginator.ResultKeys[0].Value.Contains("."))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, paginatorsFile, paginator.Span,
                "A paginator with several tokens, nested token paths or no result key",
                $"the paginator of '{paginator.OperationName}' is skipped; its types and operation are still generated"));
            return null;
        }

        var inputToken = Find(context, paginatorsFile, input, paginator.InputTokens[0], "input_token");
        var outputToken = Find(context, paginatorsFile, output, paginator.OutputTokens[0], "output_token");
        var limit = paginator.LimitKey is { } limitKey ? Find(context, paginatorsFile, input, limitKey, "limit_key") : null;
        var result = Find(context, paginatorsFile, output, paginator.ResultKeys[0], "result_key");
        var moreResults = paginator.MoreResults is { } more ? Find(context, paginatorsFile, output, more, "more_results") : null;
        if (inputToken is null || outputToken is null || result is null || (paginator.LimitKey is not null && limit is null)
            || (paginator.MoreResults is not null && moreResults is null))
        {
            return null;
        }

        // The paging engine passes tokens as strings, page sizes as ints and more_results as a flag; other member types
        // would give generated code that does not compile.
        if (!IsTokenType(context, inputToken.Value.Member) || !IsTokenType(context, outputToken.Value.Member))
        {
            var (key, member) = !IsTokenType(context, inputToken.Value.Member)
                ? (paginator.InputTokens[0], inputToken.Value.Member)
                : (paginator.OutputTokens[0], outputToken.Value.Member);
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, paginatorsFile, key.Span,
                $"A paginator token of type '{context.Shapes[member.Shape].Type}'",
                $"the paginator of '{paginator.OperationName}' is skipped; its types and operation are still generated"));
            return null;
        }

        if (input.Required.Contains(inputToken.Value.Member.Name))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, paginator.InputTokens[0].Span,
                $"the input_token '{paginator.InputTokens[0].Value}' of '{paginator.OperationName}' names a required member; "
                + "the first page is requested without a token"));
            return null;
        }

        if (limit is { } limitMember && context.Types.Map(limitMember.Member.Shape).Kind is not (ValueKind.Integer or ValueKind.Long))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, paginator.LimitKey!.Span,
                $"the limit_key '{paginator.LimitKey.Value}' of '{paginator.OperationName}' must name an integer member, "
                + $"not a {context.Shapes[limitMember.Member.Shape].Type}"));
            return null;
        }

        if (moreResults is { } moreMember && context.Types.Map(moreMember.Member.Shape).Kind != ValueKind.Boolean)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, paginator.MoreResults!.Span,
                $"the more_results '{paginator.MoreResults.Value}' of '{paginator.OperationName}' must name a boolean member, "
                + $"not a {context.Shapes[moreMember.Member.Shape].Type}"));
            return null;
        }

        if (paginator.ResultKeys.Count > 1)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, paginatorsFile, paginator.ResultKeys[1].Span,
                "A paginator with several result keys", $"items are enumerated from '{paginator.ResultKeys[0].Value}' only"));
        }

        var resultType = context.Types.Map(result.Value.Member.Shape);
        if (resultType.Kind != ValueKind.List)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, paginatorsFile, paginator.ResultKeys[0].Span,
                $"the result_key '{paginator.ResultKeys[0].Value}' of '{paginator.OperationName}' must name a list member"));
            return null;
        }

        var limitShape = limit is null ? null : context.Shapes[limit.Value.Member.Shape];
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
            resultType.Element!.TypeName,
            inputToken.Value.Property,
            inputToken.Value.Member.LocationName ?? inputToken.Value.Member.Name,
            outputToken.Value.Property,
            limit?.Property,
            limit is null ? null : limit.Value.Member.LocationName ?? limit.Value.Member.Name,
            PageSizeBound(limitShape?.Min, Math.Ceiling),
            PageSizeBound(limitShape?.Max, Math.Floor),
            limit is not null && input.Required.Contains(limit.Value.Member.Name),
            result.Value.Property,
            output.Required.Contains(result.Value.Member.Name),
            moreResults?.Property,
            ShapeSpecs.Docs(context.Operation.Documentation, $"Pages through <c>{DocText.Escape(context.Operation.Name)}</c>."));
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
