namespace DataZone.Gen.Generator.Botocore;

/// <summary>
/// Where in the model a value is read ("shape 'Foo'", "member 'bar' of shape 'Foo'"), for messages. Held as
/// its parts and written out only when a problem is reported: a clean model never builds the text.
/// </summary>
internal readonly struct ModelContext
{
    private readonly string _label;
    private readonly string? _name;
    private readonly string? _outerLabel;
    private readonly string? _outerName;

    private ModelContext(string label, string? name, string? outerLabel, string? outerName)
    {
        _label = label;
        _name = name;
        _outerLabel = outerLabel;
        _outerName = outerName;
    }

    /// <summary>A context that is fixed text, such as "the model".</summary>
    public static ModelContext Fixed(string text) => new(text, null, null, null);

    /// <summary>"{label} '{name}'", such as "shape 'Foo'".</summary>
    public static ModelContext Named(string label, string name) => new(label, name, null, null);

    /// <summary>"{label} '{name}' of {this}", or "'{name}' of {this}" when the label is empty; this must be a named context.</summary>
    public ModelContext Within(string label, string name) => new(label, name, _label, _name);

    public override string ToString()
    {
        if (_name is null)
        {
            return _label;
        }

        var inner = _label.Length == 0 ? $"'{_name}'" : $"{_label} '{_name}'";
        return _outerName is null ? inner : $"{inner} of {_outerLabel} '{_outerName}'";
    }
}
