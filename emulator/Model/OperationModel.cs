using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace DataZone.Gen.Emulator.Model;

/// <summary>Where a request member travels (botocore's <c>location</c>).</summary>
public enum MemberLocation
{
    /// <summary>In the JSON body (no <c>location</c>).</summary>
    Body,

    /// <summary>A <c>{label}</c> of the request URI.</summary>
    Uri,

    /// <summary>A query string parameter.</summary>
    QueryString,

    /// <summary>An HTTP header.</summary>
    Header,
}

/// <summary>A member of a structure shape.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Shape">The name of the member's shape.</param>
/// <param name="Location">Where the member travels.</param>
/// <param name="LocationName">The wire name (label, query parameter or header name).</param>
/// <param name="Required">Whether the structure lists the member as required.</param>
public sealed record MemberModel(string Name, string Shape, MemberLocation Location, string LocationName, bool Required);

/// <summary>A shape's type and the constraints the emulator validates.</summary>
/// <param name="Type">botocore type: string, integer, structure, list, ...</param>
/// <param name="Enum">Allowed values of a string enum, or null.</param>
/// <param name="Pattern">The regular expression a string must match (as a whole), or null.</param>
/// <param name="Min">Minimum length (strings) or value (numbers), or null.</param>
/// <param name="Max">Maximum length (strings) or value (numbers), or null.</param>
/// <param name="Members">Members of a structure (empty otherwise).</param>
public sealed record ShapeModel(
    string Type,
    IReadOnlyList<string>? Enum,
    string? Pattern,
    long? Min,
    long? Max,
    IReadOnlyList<MemberModel> Members)
{
    private Regex? _regex;

    /// <summary>The <see cref="Pattern"/> compiled to match a whole value (the model's patterns are unanchored).</summary>
    public Regex? PatternRegex => Pattern is null
        ? null
        : _regex ??= new Regex("^(?:" + Pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>True for integer and long shapes.</summary>
    public bool IsInteger => Type is "integer" or "long";
}

/// <summary>An input member bound to the HTTP request, with its target shape resolved.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Location">Where the member travels.</param>
/// <param name="LocationName">The wire name.</param>
/// <param name="Required">Whether the input requires it.</param>
/// <param name="ShapeName">The target shape's name.</param>
/// <param name="Shape">The target shape.</param>
public sealed record InputMember(string Name, MemberLocation Location, string LocationName, bool Required, string ShapeName, ShapeModel Shape);

/// <summary>An operation: its HTTP binding and input members.</summary>
public sealed class OperationModel
{
    internal OperationModel(
        string name,
        string method,
        string requestUri,
        int responseCode,
        IReadOnlyList<InputMember> inputMembers,
        string? outputShape,
        IReadOnlyList<string> errors)
    {
        Name = name;
        Method = method;
        RequestUri = requestUri;
        ResponseCode = responseCode;
        InputMembers = inputMembers;
        OutputShape = outputShape;
        Errors = errors;
        Route = RouteTemplate.Parse(requestUri);
    }

    /// <summary>The operation name, e.g. <c>ListDataSourceRuns</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request URI template, e.g. <c>/v2/domains/{domainIdentifier}/data-sources/{dataSourceIdentifier}/runs</c>.</summary>
    public string RequestUri { get; }

    /// <summary>The success status code.</summary>
    public int ResponseCode { get; }

    /// <summary>The input members, in model order.</summary>
    public IReadOnlyList<InputMember> InputMembers { get; }

    /// <summary>The output shape name, or null.</summary>
    public string? OutputShape { get; }

    /// <summary>The error shapes the operation declares.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The parsed <see cref="RequestUri"/>.</summary>
    public RouteTemplate Route { get; }

    /// <summary>Finds the input member bound to a query parameter, URI label or header by wire name.</summary>
    public InputMember? FindInput(MemberLocation location, string locationName)
    {
        foreach (var member in InputMembers)
        {
            if (member.Location == location && string.Equals(member.LocationName, locationName, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Finds an input member by member name, or throws (the handler and model disagree).</summary>
    public InputMember GetInput(string memberName)
    {
        foreach (var member in InputMembers)
        {
            if (string.Equals(member.Name, memberName, StringComparison.Ordinal))
            {
                return member;
            }
        }

        throw new InvalidOperationException($"Operation {Name} has no input member '{memberName}' in the service model.");
    }
}
