using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DataZone.Gen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Each ID has a page in docs/diagnostics/&lt;ID&gt;.md, its help link.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where the pages live; an ID's page is this plus <c>ID.md</c> (docs/diagnostics/README.md says so too).</summary>
    public const string HelpLinkBase = "https://github.com/datazone-gen/datazone-gen/blob/main/docs/diagnostics/";

    private const string Category = "DataZone.Gen";

    public static readonly DiagnosticDescriptor MalformedModel = Error(
        "DZGEN001",
        "Malformed service model",
        "The service model file '{0}' is not valid JSON: {1}");

    public static readonly DiagnosticDescriptor NoModel = Error(
        "DZGEN002",
        "No service model",
        "No service model was found among AdditionalFiles; add the model's service-2.json and paginators-1.json as <AdditionalFiles> items");

    public static readonly DiagnosticDescriptor UnknownOperation = Error(
        "DZGEN003",
        "Unknown operation",
        "The service model has no operation named '{0}'{1}");

    public static readonly DiagnosticDescriptor NotPaginated = Error(
        "DZGEN004",
        "Operation is not paginated",
        "The operation '{0}' has no entry in {1}, so there is nothing to paginate");

    public static readonly DiagnosticDescriptor PaginatorKeyMissing = Error(
        "DZGEN005",
        "Paginator key names a missing member",
        "The paginator of '{0}' names '{1}' as its {2}, but the shape '{3}' has no such member");

    public static readonly DiagnosticDescriptor DanglingShapeReference = Error(
        "DZGEN006",
        "Dangling shape reference",
        "The shape '{0}' referenced here is not defined in the model");

    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "DZGEN007",
        "Paginator class must be partial",
        "The class '{0}' is marked [DataZonePaginator] and must be declared partial so the generator can complete it");

    public static readonly DiagnosticDescriptor ClassIsGeneric = Error(
        "DZGEN008",
        "Paginator class must not be generic",
        "The class '{0}' is marked [DataZonePaginator] and must not be generic");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "DZGEN009",
        "Containing type must be partial",
        "The class '{0}' is nested in '{1}', which must be declared partial so the generator can add to it");

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Error(
        "DZGEN010",
        "C# language version too old",
        "The generated code needs C# {0} or later (required members, UTF-8 string literals); this project uses C# {1}. Set <LangVersion> to {0} or later");

    public static readonly DiagnosticDescriptor UnsupportedFeature = Warning(
        "DZGEN011",
        "Unsupported model feature",
        "{0} is not supported yet: {1}; the rest of the model is still generated");

    public static readonly DiagnosticDescriptor InvalidModel = Error(
        "DZGEN012",
        "Invalid service model",
        "The service model is not a valid botocore model: {0}");

    public static readonly DiagnosticDescriptor InvalidOperationArgument = Error(
        "DZGEN013",
        "Missing operation name",
        "{0} needs the operation's name as a non-empty string, for example {1}");

    public static readonly DiagnosticDescriptor ClassNameTaken = Error(
        "DZGEN014",
        "Annotated class name is taken by a generated type",
        "The class '{0}' has the name of the type generated for {1} in the same namespace; rename the class or move it to another namespace");

    public static readonly DiagnosticDescriptor FileNameCollision = Error(
        "DZGEN015",
        "Paginator class collides with a generated file",
        "The class '{0}' would be generated into '{1}', which differs only in case (or not at all) from the model's generated file '{2}'; file names are compared without case, so rename the class or move it to another namespace");

    public static readonly DiagnosticDescriptor NoEndpointRules = Warning(
        "DZGEN020",
        "No endpoint rule set",
        "No endpoint-rule-set-1.json was found beside '{0}'; the client {1} resolves no endpoint by itself and needs one configured (AwsClientOptions.Endpoint, AWS_ENDPOINT_URL_*, or a profile's endpoint_url). Add the model's endpoint-rule-set-1.json to AdditionalFiles");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "DZGEN999",
        "Internal generator error",
        "DataZone.Gen failed unexpectedly while {0}: {1}. Please report this with the model file.");

    public static IEnumerable<DiagnosticDescriptor> All => ByIdTable.Values;

    public static DiagnosticDescriptor ById(string id) =>
        ByIdTable.TryGetValue(id, out var descriptor) ? descriptor : InternalError;

    private static readonly Dictionary<string, DiagnosticDescriptor> ByIdTable = new DiagnosticDescriptor[]
    {
        MalformedModel, NoModel, UnknownOperation, NotPaginated, PaginatorKeyMissing, DanglingShapeReference,
        ClassNotPartial, ClassIsGeneric, ContainingTypeNotPartial, LanguageVersionTooOld, UnsupportedFeature,
        InvalidModel, InvalidOperationArgument, ClassNameTaken, FileNameCollision, NoEndpointRules, InternalError,
    }.ToDictionary(d => d.Id, StringComparer.Ordinal);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
