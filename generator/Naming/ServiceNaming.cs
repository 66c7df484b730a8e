using System;
using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Botocore;

namespace DataZone.Gen.Generator.Naming;

/// <summary>
/// The one place that decides the C# names of a service's types and members. Names are decided over the
/// whole model, not the operations a project picks, so adding an operation never renames an existing type.
/// </summary>
internal sealed class ServiceNaming
{
    // Types a consumer's code names without qualification; a generated type of the same name would shadow them.
    private static readonly string[] SystemTypeNames =
    {
        "Action", "Activator", "Array", "Attribute", "Boolean", "Buffer", "Byte", "Char", "Console", "Convert", "DateTime",
        "DateTimeOffset", "Decimal", "Delegate", "Dictionary", "Double", "Enum", "Environment", "EventArgs", "Exception",
        "Func", "GC", "Guid", "IDisposable", "Index", "Int16", "Int32", "Int64", "Lazy", "List", "Math", "Memory",
        "Nullable", "Object", "Random", "Range", "Single", "Span", "String", "Task", "TimeSpan", "Tuple", "Type", "Uri",
        "ValueTask", "ValueType", "Version", "Void",
    };

    // Members every record, exception or enum struct already has, plus the generated helpers.
    private static readonly string[] RecordMemberNames =
    {
        "EqualityContract", "Equals", "GetHashCode", "GetType", "ToString", "PrintMembers", "Deconstruct", "Clone",
        "MemberwiseClone", "Finalize", "ReadJson", "WriteJson", "CollectValidationProblems", "UnknownMember",
    };

    private static readonly string[] ExceptionMemberNames = RecordMemberNames.Concat(new[]
    {
        "Message", "Data", "Source", "StackTrace", "InnerException", "HelpLink", "HResult", "TargetSite", "GetBaseException",
        "GetObjectData", "Code", "StatusCode", "ErrorCode", "RequestId", "Details", "IsRetryable", "IsThrottling",
    }).ToArray();

    private static readonly string[] EnumStructMemberNames = RecordMemberNames.Concat(new[] { "Value", "IsKnown", "Values", "KnownValues" }).ToArray();

    private readonly Dictionary<string, string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _collectionMethods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _typeFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _collectionFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _operationFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _allFiles = new(StringComparer.OrdinalIgnoreCase);

    private ServiceNaming(ServiceModel model)
    {
        var baseName = Identifiers.Pascal(model.Metadata.ServiceId);
        var types = new NameScope(SystemTypeNames);
        ClientTypeName = types.Claim(baseName + "Client");
        JsonTypeName = types.Claim(baseName + "Json");

        // Operation inputs and outputs read as Request/Response, like every AWS SDK names them.
        var wanted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var operation in model.Operations)
        {
            if (operation.Input is { } input && !wanted.ContainsKey(input.Shape))
            {
                wanted[input.Shape] = Identifiers.Pascal(operation.Name) + "Request";
            }

            if (operation.Output is { } output && !wanted.ContainsKey(output.Shape))
            {
                wanted[output.Shape] = Identifiers.Pascal(operation.Name) + "Response";
            }
        }

        var methods = new NameScope();
        foreach (var shape in model.Shapes)
        {
            if (shape.Type is "list" or "map")
            {
                _collectionMethods[shape.Name] = methods.Claim(Identifiers.Pascal(shape.Name));
            }
            else if (IsNamedType(shape) && !wanted.ContainsKey(shape.Name))
            {
                var name = Identifiers.Pascal(shape.Name);
                wanted[shape.Name] = shape.IsException && !name.EndsWith("Exception", StringComparison.Ordinal) ? name + "Exception" : name;
            }
        }

        // Requests and responses claim first so a shape that happens to be called "FooRequest" yields to them.
        var operationShapes = new HashSet<string>(
            model.Operations.SelectMany(o => new[] { o.Input?.Shape, o.Output?.Shape }).OfType<string>(), StringComparer.Ordinal);
        foreach (var pair in wanted.OrderBy(p => operationShapes.Contains(p.Key) ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var name = pair.Value;
            _typeNames[pair.Key] = types.Claim(types.IsTaken(name) && SystemTypeNames.Contains(name) ? name + "Model" : name);
        }

        DecideFileNames(model);
    }

    public string ClientTypeName { get; }

    /// <summary>The internal static class that holds the JSON helpers of lists and maps.</summary>
    public string JsonTypeName { get; }

    public static ServiceNaming For(ServiceModel model) => new(model);

    public static bool IsNamedType(ShapeModel shape) =>
        shape.Type == "structure" || (shape.Type == "string" && !shape.EnumValues.IsEmpty);

    public string TypeName(string shapeName) => _typeNames[shapeName];

    public string CollectionMethod(string shapeName) => _collectionMethods[shapeName];

    /// <summary>The hint-name stem of a generated type's files (<see cref="TypeName"/>, <see cref="ClientTypeName"/>, <see cref="JsonTypeName"/>).</summary>
    public string TypeFile(string typeName) => _typeFiles[typeName];

    /// <summary>The hint-name stem of a list's or map's JSON helpers, beneath <see cref="JsonTypeName"/>'s.</summary>
    public string CollectionFile(string shapeName) => _collectionFiles[shapeName];

    /// <summary>The hint-name stem of an operation's file, beneath <see cref="ClientTypeName"/>'s.</summary>
    public string OperationFile(string operationName) => _operationFiles[operationName];

    /// <summary>
    /// The stem of a file the model may generate that <paramref name="stem"/> (a paginator class's) would collide
    /// with, compared without case, or <see langword="null"/>.
    /// </summary>
    public string? FileCollidingWith(string stem) => _allFiles.TryGetValue(stem, out var taken) ? taken : null;

    // Hint names become file names, which Roslyn (CS8785) and case-insensitive file systems compare without case:
    // "Widget" and "WIDGET" stay two C# types but get two distinct files, the later one in ordinal order suffixed.
    // Every room is claimed in ordinal order over the whole model, so the same model always yields the same files.
    private void DecideFileNames(ServiceModel model)
    {
        var typeFiles = new NameScope(comparer: StringComparer.OrdinalIgnoreCase);
        foreach (var typeName in new[] { ClientTypeName, JsonTypeName }.Concat(_typeNames.Values.OrderBy(n => n, StringComparer.Ordinal)))
        {
            _typeFiles[typeName] = typeFiles.Claim(typeName);
        }

        var collectionFiles = new NameScope(comparer: StringComparer.OrdinalIgnoreCase);
        foreach (var pair in _collectionMethods.OrderBy(p => p.Value, StringComparer.Ordinal))
        {
            _collectionFiles[pair.Key] = collectionFiles.Claim(pair.Value);
        }

        // An operation's name is model text: only its identifier form is fit for a file name.
        var operationFiles = new NameScope(comparer: StringComparer.OrdinalIgnoreCase);
        foreach (var name in model.Operations.Select(o => o.Name).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
        {
            _operationFiles[name] = operationFiles.Claim(Identifiers.Pascal(name).TrimStart('@'));
        }

        // A stem plus ".Json" is a structure's or enum's wire file; listing it for every type costs nothing.
        foreach (var stem in _typeFiles.Values.SelectMany(t => new[] { t, t + ".Json" })
            .Concat(_collectionFiles.Values.Select(c => _typeFiles[JsonTypeName] + "." + c))
            .Concat(_operationFiles.Values.Select(o => _typeFiles[ClientTypeName] + "." + o)))
        {
            _allFiles[stem] = stem;
        }
    }

    /// <summary>Property names for a structure's members, in member order.</summary>
    public static IReadOnlyList<string> MemberNames(IEnumerable<MemberModel> members, string typeName, bool isException)
    {
        var scope = new NameScope((isException ? ExceptionMemberNames : RecordMemberNames).Append(typeName));
        return members.Select(m => Claim(scope, Identifiers.Pascal(m.Name))).ToList();
    }

    /// <summary>Static member names for an enum's wire values, in model order.</summary>
    public static IReadOnlyList<string> EnumMemberNames(IEnumerable<string> values, string typeName)
    {
        var scope = new NameScope(EnumStructMemberNames.Append(typeName));
        return values.Select(v => Claim(scope, Identifiers.EnumMember(v))).ToList();
    }

    // A name already taken by an inherited member or the type itself gets "Value" appended (Foo.Foo → Foo.FooValue).
    private static string Claim(NameScope scope, string wanted) =>
        scope.Claim(scope.IsTaken(wanted) ? wanted + "Value" : wanted);
}
