using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DataZone.Gen;

/// <summary>
/// A paginator's input and output tokens seen as one vector, whether the model names one token or several (botocore's
/// composite tokens), so the engine has one code path: a page's next token is the vector of its output tokens, and
/// paging ends when every one of them is empty.
/// </summary>
internal sealed class PageTokens<TRequest, TResponse>
{
    private readonly Func<TRequest, IReadOnlyList<string?>, TRequest> _withInputTokens;
    private readonly Func<TResponse, IReadOnlyList<string?>> _getOutputTokens;

    private PageTokens(string[] names, Func<TRequest, IReadOnlyList<string?>, TRequest> withInputTokens,
        Func<TResponse, IReadOnlyList<string?>> getOutputTokens, IReadOnlyList<string>? structuredNames)
    {
        Names = names;
        Structured = names.Select(n => structuredNames?.Contains(n) == true).ToArray();
        _withInputTokens = withInputTokens;
        _getOutputTokens = getOutputTokens;
    }

    /// <summary>The input tokens' wire names, the keys of a resume token.</summary>
    public string[] Names { get; }

    /// <summary>Which tokens are JSON text (maps, structures) rather than plain strings.</summary>
    public bool[] Structured { get; }

    /// <summary>No token at all: the first request, or a starting token that names none.</summary>
    public string?[] None => new string?[Names.Length];

    public static PageTokens<TRequest, TResponse> Of<TItem>(PaginatorDefinition<TRequest, TResponse, TItem> definition)
    {
        if (definition.InputTokenNames is { Count: > 0 } names)
        {
            if (definition.WithInputTokens is not { } withTokens || definition.GetOutputTokens is not { } getTokens)
            {
                throw new ArgumentException("A paginator definition with InputTokenNames needs WithInputTokens and GetOutputTokens.", nameof(definition));
            }

            foreach (var name in names)
            {
                ArgumentException.ThrowIfNullOrEmpty(name, nameof(definition));
            }

            var count = names.Count;
            return new PageTokens<TRequest, TResponse>(names.ToArray(), withTokens, response =>
            {
                var tokens = getTokens(response);
                return tokens.Count == count
                    ? tokens
                    : throw new InvalidOperationException($"GetOutputTokens returned {tokens.Count} tokens for {count} input tokens.");
            }, definition.StructuredTokenNames);
        }

        ArgumentException.ThrowIfNullOrEmpty(definition.InputTokenName, nameof(definition));
        if (definition.WithInputToken is not { } withToken || definition.GetOutputToken is not { } getToken)
        {
            throw new ArgumentException("A paginator definition with InputTokenName needs WithInputToken and GetOutputToken.", nameof(definition));
        }

        return new PageTokens<TRequest, TResponse>(new[] { definition.InputTokenName }, (request, tokens) => withToken(request, tokens[0]),
            response => new[] { getToken(response) }, definition.StructuredTokenNames);
    }

    public TRequest Apply(TRequest request, string?[] tokens) => _withInputTokens(request, tokens);

    /// <summary>
    /// botocore's <c>_get_next_token</c> without more_results: each output token, an empty one counted as none;
    /// <see langword="null"/> when all are none (the listing is exhausted).
    /// </summary>
    public string?[]? Next(TResponse page)
    {
        var read = _getOutputTokens(page);
        var tokens = new string?[Names.Length];
        var any = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            // botocore keeps a token only when it is truthy: not "", and for a structured one not {} or [].
            tokens[i] = string.IsNullOrEmpty(read[i]) || (Structured[i] && read[i] is "{}" or "[]") ? null : read[i];
            any |= tokens[i] is not null;
        }

        return any ? tokens : null;
    }

    public string Encode(string?[] tokens, int? truncateAmount) => ResumeTokenCodec.Encode(Names, tokens, truncateAmount, Structured);

    public CompositeResumePoint Decode(string startingToken) => ResumeTokenCodec.Decode(startingToken, Names, Structured);

    public static bool SameTokens(string?[] left, string?[] right) => left.AsSpan().SequenceEqual(right);

    /// <summary>The tokens as botocore prints its <c>next_token</c> dict in the repeated-token error.</summary>
    public string Describe(string?[] tokens)
    {
        var text = new StringBuilder("{");
        for (var i = 0; i < Names.Length; i++)
        {
            text.Append(i > 0 ? ", '" : "'").Append(Names[i]).Append("': ");
            text.Append(tokens[i] is { } token ? "'" + token + "'" : "None");
        }

        return text.Append('}').ToString();
    }
}
