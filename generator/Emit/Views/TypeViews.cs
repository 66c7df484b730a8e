using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>What every generated file's header needs.</summary>
internal abstract class FileView
{
    protected FileView(string @namespace)
    {
        Namespace = @namespace;
        GeneratorVersion = Version;
        JsonTypeName = string.Empty;
    }

    public string Namespace { get; }

    /// <summary>This generator's version (the package version), for the <c>[GeneratedCode]</c> attribute.</summary>
    public string GeneratorVersion { get; }

    public string JsonTypeName { get; protected set; }

    private static readonly string Version = typeof(FileView).Assembly.GetName().Version!.ToString(3);

    protected static string QualifiedIn(string @namespace, string typeName) =>
        (@namespace.Length == 0 ? "global::" : "global::" + @namespace + ".") + typeName;
}

internal sealed class StructureView : FileView
{
    public StructureView(StructureSpec spec)
        : base(spec.Namespace)
    {
        JsonTypeName = QualifiedIn(spec.Namespace, spec.JsonTypeName);
        TypeName = spec.TypeName;
        Documentation = DocParagraph.Of(spec.Documentation);
        IsUnion = spec.IsUnion;
        Members = spec.Members.Select(m => new MemberView(m, JsonTypeName)).ToList();
        BodyMembers = Members.Where(m => m.IsBody).ToList();
        RedactsMembers = spec.IsSensitive || Members.Any(m => m.IsSensitive);
        IsSensitive = spec.IsSensitive;
        HasReader = (spec.Usage & ShapeUsage.Output) != 0;
        HasWriter = (spec.Usage & ShapeUsage.Input) != 0;
        ValidatedMembers = Members.Where(m => m.HasChecks).ToList();

        // A union carries exactly one member on the wire; more than one set is a caller error.
        ChecksUnion = spec.IsUnion && Members.Count > 1;
    }

    /// <summary>The members with something to validate, in model order.</summary>
    public IReadOnlyList<MemberView> ValidatedMembers { get; }

    public bool HasValidatedMembers => ValidatedMembers.Count > 0;

    /// <summary>Whether validation checks that at most one member of the union is set.</summary>
    public bool ChecksUnion { get; }

    public string TypeName { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    public bool IsUnion { get; }

    public bool IsSensitive { get; }

    public bool RedactsMembers { get; }

    public IReadOnlyList<MemberView> Members { get; }

    public IReadOnlyList<MemberView> BodyMembers { get; }

    public bool HasBodyMembers => BodyMembers.Count > 0;

    public bool HasMembers => Members.Count > 0;

    /// <summary>Whether the type gets a JSON reader: the client receives it.</summary>
    public bool HasReader { get; }

    /// <summary>Whether the type gets validation and a JSON writer: the client sends it.</summary>
    public bool HasWriter { get; }
}

internal sealed class EnumView : FileView
{
    public EnumView(EnumSpec spec)
        : base(spec.Namespace)
    {
        TypeName = spec.TypeName;
        Documentation = DocParagraph.Of(spec.Documentation);
        Values = spec.Values.Select(v => new EnumValueView(v.MemberName, v.WireValue, MemberView.Literal(v.WireValue))).ToList();
        HasReader = (spec.Usage & ShapeUsage.Output) != 0;
        HasWriter = (spec.Usage & ShapeUsage.Input) != 0;
    }

    /// <summary>Whether the enum gets a JSON reader: the client receives it.</summary>
    public bool HasReader { get; }

    /// <summary>Whether the enum gets a JSON writer: the client sends it.</summary>
    public bool HasWriter { get; }

    public string TypeName { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    public IReadOnlyList<EnumValueView> Values { get; }
}

internal sealed record EnumValueView(string Name, string WireValue, string Literal)
{
    /// <summary>The wire value as XML-doc text.</summary>
    public string DocText => Naming.DocText.Escape(WireValue);
}

internal sealed class ExceptionView : FileView
{
    public ExceptionView(ExceptionSpec spec)
        : base(spec.Namespace)
    {
        JsonTypeName = QualifiedIn(spec.Namespace, spec.JsonTypeName);
        TypeName = spec.TypeName;
        Documentation = DocParagraph.Of(spec.Documentation);
        ErrorCodeLiteral = MemberView.Literal(spec.ErrorCode);
        ErrorCodeDoc = Naming.DocText.Escape(spec.ErrorCode);
        StatusCode = spec.StatusCode;
        IsRetryable = spec.IsRetryable;
        IsThrottling = spec.IsThrottling;
        IsFault = spec.IsFault;
        // An error body is the service's to shape: every modeled member may be missing, so all are optional here.
        Members = spec.Members.Where(m => m.Location == MemberLocation.Body).Select(m => new MemberView(m, JsonTypeName, forceOptional: true)).ToList();
    }

    public string TypeName { get; }

    public IReadOnlyList<DocParagraph> Documentation { get; }

    public string ErrorCodeLiteral { get; }

    public string ErrorCodeDoc { get; }

    public int StatusCode { get; }

    public bool IsRetryable { get; }

    public bool IsThrottling { get; }

    public bool IsFault { get; }

    public IReadOnlyList<MemberView> Members { get; }

    public bool HasMembers => Members.Count > 0;
}

internal sealed class CollectionView : FileView
{
    public CollectionView(CollectionSpec spec)
        : base(spec.Namespace)
    {
        JsonTypeName = QualifiedIn(spec.Namespace, spec.JsonTypeName);
        ClassName = spec.JsonTypeName;
        ShapeName = Naming.DocText.Escape(spec.ShapeName);
        Method = spec.Type.CollectionMethod!;
        IsMap = spec.Type.Kind == ValueKind.Map;
        TypeName = spec.Type.TypeName;
        ElementType = spec.Type.Element!.TypeName;
        ElementReader = JsonMethods.Reader(spec.Type.Element, JsonTypeName);
        ElementWriter = JsonMethods.Writer(spec.Type.Element, JsonTypeName);
        ElementIsValueType = spec.Type.Element.IsValueType;
        HasReader = (spec.Usage & ShapeUsage.Output) != 0;
        HasWriter = (spec.Usage & ShapeUsage.Input) != 0;
    }

    /// <summary>Whether the list or map gets a JSON reader: the client receives it.</summary>
    public bool HasReader { get; }

    /// <summary>Whether the list or map gets a JSON writer: the client sends it.</summary>
    public bool HasWriter { get; }

    public string ClassName { get; }

    public string ShapeName { get; }

    public string Method { get; }

    public bool IsMap { get; }

    public string TypeName { get; }

    public string ElementType { get; }

    public string ElementReader { get; }

    public string ElementWriter { get; }

    public bool ElementIsValueType { get; }
}
