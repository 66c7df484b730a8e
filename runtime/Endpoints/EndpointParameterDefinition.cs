namespace DataZone.Gen.Endpoints;

/// <summary>The type a rule-set parameter declares.</summary>
public enum EndpointParameterType
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>boolean</c>.</summary>
    Boolean,

    /// <summary><c>stringArray</c>: a list of strings.</summary>
    StringArray,
}

/// <summary>One parameter a rule set declares.</summary>
/// <param name="Name">The name rules refer to, for example <c>UseFIPS</c>.</param>
/// <param name="Type">The declared type.</param>
/// <param name="BuiltIn">The built-in the SDK binds it to, for example <c>AWS::UseFIPS</c>; <see langword="null"/> when none.</param>
/// <param name="Required">Whether resolution fails when it has neither a value nor a default.</param>
/// <param name="Default">The value used when it is not set, or <see langword="null"/>.</param>
/// <param name="Documentation">The model's description.</param>
public sealed record EndpointParameterDefinition(string Name, EndpointParameterType Type, string? BuiltIn, bool Required,
    EndpointValue? Default, string? Documentation);
