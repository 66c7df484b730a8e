using System;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using DataZone.Gen.Generator.Common;

namespace DataZone.Gen.Generator.Json;

/// <summary>
/// Builds <see cref="PositionedNode"/>s from a <see cref="Utf8JsonReader"/> for one file: holds the file's map,
/// scratch stacks the contents of open containers pile up on, and the file's shared strings.
/// </summary>
/// <remarks>
/// <see cref="ReadTransient"/> reads a value whose nodes are needed only until the next transient read (one
/// shape or operation of a service-2.json): it reuses the nodes and lists of the previous one, so reading a
/// 1 MB model leaves only its strings and the models made from them, not a node per JSON value.
/// </remarks>
internal sealed class PositionedNodeBuilder
{
    private readonly Scratch<PositionedProperty> _properties = new();
    private readonly Scratch<PositionedNode> _items = new();
    private readonly SharedStrings _strings;

    private readonly Recycled<PositionedObject> _objects = new();
    private readonly Recycled<PositionedArray> _arrays = new();
    private readonly Recycled<PositionedString> _texts = new();
    private readonly Recycled<PositionedNumber> _numbers = new();
    private readonly Recycled<PositionedBoolean> _booleans = new();
    private readonly Recycled<PositionedNull> _nulls = new();
    private readonly TransientStore<PositionedProperty> _propertyStore = new(256);
    private readonly TransientStore<PositionedNode> _itemStore = new(64);
    private bool _transient;

    public PositionedNodeBuilder(SourceMap map, int byteCount)
    {
        Map = map;
        _strings = new SharedStrings(byteCount);
    }

    public SourceMap Map { get; }

    /// <summary>Gives the shared-string table's pooled arrays back; nodes already built keep their strings.</summary>
    public void Release() => _strings.Release();

    /// <summary>Reads the property name the reader is on; <paramref name="end"/> is where the name's token ends.</summary>
    [MethodImpl(JitHints.AggressiveOptimization)]
    public string ReadPropertyName(ref Utf8JsonReader reader, out int start, out int end)
    {
        start = (int)reader.TokenStartIndex;
        var name = ReadString(ref reader, start);
        end = (int)reader.BytesConsumed;
        return name;
    }

    /// <summary>An object node over properties the caller gathered itself.</summary>
    public PositionedObject Object(int start, int end, PositionedProperty[] properties) => new(Map, start, end, properties);

    /// <summary>
    /// Reads a value into nodes that are valid only until the next call: this reuses the nodes (and property
    /// and item lists) of the value read last time. Values read by <see cref="ReadValue"/> are never reused.
    /// </summary>
    public PositionedNode ReadTransient(ref Utf8JsonReader reader)
    {
        _objects.Rewind();
        _arrays.Rewind();
        _texts.Rewind();
        _numbers.Rewind();
        _booleans.Rewind();
        _nulls.Rewind();
        _propertyStore.Rewind();
        _itemStore.Rewind();
        _transient = true;
        try
        {
            return ReadValue(ref reader);
        }
        finally
        {
            _transient = false;
        }
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    public PositionedNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var firstProperty = _properties.Count;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = ReadPropertyName(ref reader, out var nameStart, out var nameEnd);
                    reader.Read();
                    var value = ReadValue(ref reader);
                    _properties.Push(new PositionedProperty(name, nameStart, nameEnd, value));
                }

                return NewObject(start, (int)reader.BytesConsumed, firstProperty);
            case JsonTokenType.StartArray:
                var firstItem = _items.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _items.Push(ReadValue(ref reader));
                }

                return NewArray(start, (int)reader.BytesConsumed, firstItem);
            case JsonTokenType.String:
                var text = ReadString(ref reader, start);
                var textEnd = (int)reader.BytesConsumed;
                if (!_transient)
                {
                    return new PositionedString(Map, start, textEnd, text);
                }

                if (_texts.Next() is { } reusedText)
                {
                    reusedText.Reuse(start, textEnd, text);
                    return reusedText;
                }

                return _texts.Add(new PositionedString(Map, start, textEnd, text));
            case JsonTokenType.Number:
                var number = reader.GetDouble();

                // The digits as written are only needed to say a number does not fit.
                var written = double.IsInfinity(number) || double.IsNaN(number) ? Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) : null;
                var numberEnd = (int)reader.BytesConsumed;
                if (!_transient)
                {
                    return new PositionedNumber(Map, start, numberEnd, number, written);
                }

                if (_numbers.Next() is { } reusedNumber)
                {
                    reusedNumber.Reuse(start, numberEnd, number, written);
                    return reusedNumber;
                }

                return _numbers.Add(new PositionedNumber(Map, start, numberEnd, number, written));
            case JsonTokenType.True:
            case JsonTokenType.False:
                var boolean = reader.GetBoolean();
                var booleanEnd = (int)reader.BytesConsumed;
                if (!_transient)
                {
                    return new PositionedBoolean(Map, start, booleanEnd, boolean);
                }

                if (_booleans.Next() is { } reusedBoolean)
                {
                    reusedBoolean.Reuse(start, booleanEnd, boolean);
                    return reusedBoolean;
                }

                return _booleans.Add(new PositionedBoolean(Map, start, booleanEnd, boolean));
            default:
                var nullEnd = (int)reader.BytesConsumed;
                if (!_transient)
                {
                    return new PositionedNull(Map, start, nullEnd);
                }

                if (_nulls.Next() is { } reusedNull)
                {
                    reusedNull.Reuse(start, nullEnd);
                    return reusedNull;
                }

                return _nulls.Add(new PositionedNull(Map, start, nullEnd));
        }
    }

    // Takes an object's properties off the scratch stack: into an exact-size array, or, for a transient value,
    // onto the end of a store that the next transient value overwrites.
    [MethodImpl(JitHints.AggressiveOptimization)]
    private PositionedObject NewObject(int start, int end, int firstProperty)
    {
        if (!_transient)
        {
            return new PositionedObject(Map, start, end, _properties.PopFrom(firstProperty));
        }

        var (store, offset, count) = _propertyStore.Take(_properties, firstProperty);
        if (_objects.Next() is { } reused)
        {
            reused.Reuse(start, end, store, offset, count);
            return reused;
        }

        return _objects.Add(new PositionedObject(Map, start, end, store, offset, count));
    }

    [MethodImpl(JitHints.AggressiveOptimization)]
    private PositionedArray NewArray(int start, int end, int firstItem)
    {
        if (!_transient)
        {
            return new PositionedArray(Map, start, end, _items.PopFrom(firstItem));
        }

        var (store, offset, count) = _itemStore.Take(_items, firstItem);
        if (_arrays.Next() is { } reused)
        {
            reused.Reuse(start, end, store, offset, count);
            return reused;
        }

        return _arrays.Add(new PositionedArray(Map, start, end, store, offset, count));
    }

    // GetString throws InvalidOperationException for text that is not valid UTF-16 (a lone escaped surrogate).
    [MethodImpl(JitHints.AggressiveOptimization)]
    private string ReadString(ref Utf8JsonReader reader, int start)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && _strings.TryGet(reader.ValueSpan) is { } shared)
        {
            return shared;
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new PositionedJsonParser.ParseException("a string is not valid text: " + ex.Message, Map.SpanOf(start, (int)reader.BytesConsumed));
        }
    }

    /// <summary>A stack the contents of open containers pile up on; each container takes its own items off as an exact-size array.</summary>
    private sealed class Scratch<T>
    {
        private T[] _items = new T[64];

        public int Count { get; private set; }

        public void Push(T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }

        /// <summary>Moves the items from <paramref name="first"/> on into <paramref name="destination"/> and takes them off.</summary>
        public void MoveTo(int first, T[] destination, int index)
        {
            Array.Copy(_items, first, destination, index, Count - first);
            Count = first;
        }

        public T[] PopFrom(int first)
        {
            var length = Count - first;
            if (length == 0)
            {
                return Array.Empty<T>();
            }

            var result = new T[length];
            Array.Copy(_items, first, result, 0, length);
            Count = first;
            return result;
        }
    }

    /// <summary>
    /// Where the containers of a transient value keep their contents, one after another in one array that the next
    /// transient value overwrites.
    /// </summary>
    private sealed class TransientStore<T>
    {
        private T[] _array;
        private int _used;

        public TransientStore(int capacity) => _array = new T[capacity];

        public void Rewind() => _used = 0;

        /// <summary>Moves the scratch items from <paramref name="first"/> on to the end of the store.</summary>
        [MethodImpl(JitHints.AggressiveOptimization)]
        public (T[] Array, int Offset, int Count) Take(Scratch<T> scratch, int first)
        {
            var count = scratch.Count - first;
            var offset = _used;
            if (offset + count > _array.Length)
            {
                // Containers read earlier in this value keep the old array; it is simply not reused.
                _array = new T[Math.Max(_array.Length * 2, offset + count)];
                offset = 0;
            }

            scratch.MoveTo(first, _array, offset);
            _used = offset + count;
            return (_array, offset, count);
        }
    }

    /// <summary>Nodes of one kind handed out again, in the same order, for each transient value.</summary>
    private sealed class Recycled<T>
        where T : PositionedNode
    {
        private readonly System.Collections.Generic.List<T> _nodes = new();
        private int _next;

        public void Rewind() => _next = 0;

        public T? Next() => _next < _nodes.Count ? _nodes[_next++] : null;

        public T Add(T node)
        {
            _nodes.Add(node);
            _next++;
            return node;
        }
    }
}
