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

    /// <summary>A map of headers sharing a prefix (botocore's <c>headers</c>).</summary>
    Headers,

    /// <summary>The HTTP status code of a response (<c>statusCode</c>).</summary>
    StatusCode,
}

/// <summary>A member of a structure shape.</summary>
/// <param name="Name">The member name.</param>
/// <param name="Shape">The name of the member's shape.</param>
/// <param name="Location">Where the member travels.</param>
/// <param name="LocationName">The wire name (label, query parameter or header name).</param>
/// <param name="Required">Whether the structure lists the member as required.</param>
public sealed record MemberModel(string Name, string Shape, MemberLocation Location, string LocationName, bool Required)
{
    /// <summary>The member's own <c>timestampFormat</c>, which overrides the shape's, or null.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>The name on the JSON wire: <c>locationName</c> when the model gives one, else the member name.</summary>
    public string JsonName { get; init; } = Name;

    /// <summary>Whether the member is the operation's HTTP payload (the structure's <c>payload</c>).</summary>
    public bool IsPayload { get; init; }
}

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

    /// <summary>The member shape of a list, or null.</summary>
    public string? ListMember { get; init; }

    /// <summary>The key shape of a map, or null.</summary>
    public string? MapKey { get; init; }

    /// <summary>The value shape of a map, or null.</summary>
    public string? MapValue { get; init; }

    /// <summary>The shape's <c>timestampFormat</c> (<c>iso8601</c>, <c>unixTimestamp</c>, <c>rfc822</c>), or null for the protocol's default.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>Whether the structure is a tagged union (exactly one member set).</summary>
    public bool IsUnion { get; init; }

    /// <summary>Whether the structure is an event stream (not served: it needs HTTP/2 event framing).</summary>
    public bool IsEventStream { get; init; }

    /// <summary>The awsQuery error code of an error shape (<c>error.code</c>, e.g. <c>AWS.SimpleQueueService.NonExistentQueue</c>), or null.</summary>
    public string? QueryErrorCode { get; init; }

    /// <summary>Whether an error shape is the caller's fault (<c>error.senderFault</c>).</summary>
    public bool SenderFault { get; init; }

    /// <summary>Whether the shape is an error shape (<c>"exception": true</c> or an <c>error</c> trait).</summary>
    public bool IsError { get; init; }

    private bool _regexTried;

    /// <summary>
    /// The <see cref="Pattern"/> compiled to match a whole value (the model's patterns are unanchored), or null when
    /// .NET cannot read it. The models' patterns are Java's: escapes of any punctuation (<c>\_</c>) are made plain first.
    /// </summary>
    public Regex? PatternRegex
    {
        get
        {
            if (Pattern is null || _regexTried)
            {
                return _regex;
            }

            try
            {
                _regex = new Regex("^(?:" + Pattern.Replace("\\_", "_", StringComparison.Ordinal) + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                _regex = null;
            }

            _regexTried = true;
            return _regex;
        }
    }

    /// <summary>True for integer and long shapes.</summary>
    public bool IsInteger => Type is "integer" or "long" or "short" or "byte";

    /// <summary>True for float and double shapes.</summary>
    public bool IsFloat => Type is "float" or "double";

    /// <summary>The member named <paramref name="name"/>, or null.</summary>
    public MemberModel? FindMember(string name)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Name, name, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }
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
        IReadOnlyList<string> errors,
        string? inputShape = null,
        bool unsigned = false)
    {
        InputShape = inputShape;
        Unsigned = unsigned;
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

    /// <summary>The input shape name, or null.</summary>
    public string? InputShape { get; }

    /// <summary>
    /// Whether the operation is served without a signature: <c>"authtype": "none"</c> or <c>"auth": ["smithy.api#noAuth"]</c>
    /// (SSO's <c>ListAccounts</c>, the call that gets credentials, carries a bearer token header instead).
    /// </summary>
    public bool Unsigned { get; }

    /// <summary>The operation's paginator from <c>paginators-1.json</c>, or null.</summary>
    public PaginatorModel? Paginator { get; internal set; }

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
