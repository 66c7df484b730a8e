using System.Collections.Generic;

namespace DataZone.Gen.Generator.Specs;

/// <summary>
/// The part of JMESPath that <c>operationContextParams</c> paths use (Smithy restricts them to it): a member chain
/// (<c>a.b</c>), <c>keys(a.b)</c> of a map, and one projection of a list, <c>a[*]</c> or <c>a[]</c>, optionally
/// followed by a member chain (<c>a[*].b.c</c>) or a multi-select list of chains (<c>a[*].[b.c, d.e]</c>) and a
/// flatten (<c>[]</c>). The projection gives a flat list of strings, nulls left out.
/// </summary>
internal sealed class OperationContextPath
{
    private OperationContextPath(EndpointBindingKind kind, IReadOnlyList<string> prefix, IReadOnlyList<IReadOnlyList<string>> itemPaths)
    {
        Kind = kind;
        Prefix = prefix;
        ItemPaths = itemPaths;
    }

    /// <summary><see cref="EndpointBindingKind.Value"/>, <see cref="EndpointBindingKind.Keys"/> or <see cref="EndpointBindingKind.Projection"/>.</summary>
    public EndpointBindingKind Kind { get; }

    /// <summary>The member names from the input to the value, the map or the projected list.</summary>
    public IReadOnlyList<string> Prefix { get; }

    /// <summary>For a projection, the member chains applied to each item; one empty chain means the item itself.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ItemPaths { get; }

    /// <summary>The path, or null when it uses anything outside the subset above.</summary>
    public static OperationContextPath? Parse(string text)
    {
        var reader = new Reader(text);
        var result = reader.ReadPath();
        return reader.AtEnd ? result : null;
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _position;

        public Reader(string text) => _text = text;

        public bool AtEnd
        {
            get
            {
                SkipSpaces();
                return _position == _text.Length;
            }
        }

        public OperationContextPath? ReadPath()
        {
            SkipSpaces();
            if (Take("keys("))
            {
                var map = ReadChain();
                return map is not null && Take(")") ? new OperationContextPath(EndpointBindingKind.Keys, map, new List<IReadOnlyList<string>>()) : null;
            }

            var prefix = ReadChain();
            if (prefix is null)
            {
                return null;
            }

            if (!Take("[*]") && !Take("[]"))
            {
                return new OperationContextPath(EndpointBindingKind.Value, prefix, new List<IReadOnlyList<string>>());
            }

            var items = new List<IReadOnlyList<string>>();
            if (Take(".["))
            {
                do
                {
                    var chain = ReadChain();
                    if (chain is null)
                    {
                        return null;
                    }

                    items.Add(chain);
                }
                while (Take(","));

                if (!Take("]"))
                {
                    return null;
                }
            }
            else if (Take("."))
            {
                var chain = ReadChain();
                if (chain is null)
                {
                    return null;
                }

                items.Add(chain);
            }
            else
            {
                items.Add(new List<string>());
            }

            Take("[]"); // the results are a flat list already
            return new OperationContextPath(EndpointBindingKind.Projection, prefix, items);
        }

        /// <summary>One or more identifiers joined by dots; stops before anything else.</summary>
        private List<string>? ReadChain()
        {
            var names = new List<string>();
            do
            {
                SkipSpaces();
                var start = _position;
                while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
                {
                    _position++;
                }

                if (_position == start || char.IsDigit(_text[start]))
                {
                    return null;
                }

                names.Add(_text.Substring(start, _position - start));
            }
            while (Peek('.') && !Peek(".[") && Take("."));

            return names;
        }

        private bool Peek(char c)
        {
            SkipSpaces();
            return _position < _text.Length && _text[_position] == c;
        }

        private bool Peek(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

        private bool Take(string token)
        {
            SkipSpaces();
            if (!Peek(token))
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private void SkipSpaces()
        {
            while (_position < _text.Length && _text[_position] == ' ')
            {
                _position++;
            }
        }
    }
}
