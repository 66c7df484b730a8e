using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Naming;
using DataZone.Gen.Generator.Targets;

namespace DataZone.Gen.Generator.Specs;

/// <summary>Everything one [DataZonePaginator] class or one [DataZoneOperation] asks the generator to emit.</summary>
internal sealed record TargetOutput(EquatableArray<FileSpec> Files);

/// <summary>
/// Decides what to emit for one target: finds its operation, walks the shape closure, checks the paginator
/// entry, and describes each file to generate. Problems become located diagnostics, never exceptions.
/// </summary>
internal static class SpecBuilder
{
    // Required members and "u8" literals need C# 11.
    private const int MinimumLanguageVersion = 1100;

    public static Result<TargetOutput> Build(PaginatorTarget target, ModelSet models, CancellationToken cancellationToken)
    {
        try
        {
            return BuildCore(target, models, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Result<TargetOutput>.Failure(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError, target.AttributeLocation, "building " + target.DisplayName, ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static Result<TargetOutput> BuildCore(PaginatorTarget target, ModelSet models, CancellationToken cancellationToken)
    {
        var declarationProblems = CheckDeclaration(target).ToArray();
        if (declarationProblems.Length > 0)
        {
            return Result<TargetOutput>.Failure(declarationProblems);
        }

        var operationName = target.OperationName!;
        // A service file that is present but unreadable was reported as such; its absence is not a second problem.
        var serviceUnreadable = models.HasUnreadable(ModelFileKind.Service);
        if (models.Services.IsEmpty)
        {
            return serviceUnreadable
                ? Result<TargetOutput>.Failure()
                : Result<TargetOutput>.Failure(DiagnosticInfo.Create(DiagnosticDescriptors.NoModel, target.AttributeLocation));
        }

        var model = models.Services.FirstOrDefault(s => s.Operations.Any(o => o.Name == operationName));
        if (model is null)
        {
            if (serviceUnreadable || models.Services.Any(s => s.RejectedOperationNames.Contains(operationName)))
            {
                return Result<TargetOutput>.Failure();
            }

            var names = models.Services.SelectMany(s => s.Operations).Select(o => o.Name);
            return Result<TargetOutput>.Failure(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownOperation, target.AttributeLocation, operationName, Suggestions.DidYouMean(operationName, names)));
        }

        var operation = model.Operations.First(o => o.Name == operationName);
        // [DataZoneOperation] asks for the method only, so a paginator entry is neither needed nor used.
        var paginator = target.Kind == TargetKind.Paginator ? model.Paginators.FirstOrDefault(p => p.OperationName == operationName) : null;
        if (paginator is null && target.Kind == TargetKind.Paginator)
        {
            if (models.HasUnreadable(ModelFileKind.Paginators, ModelFiles.FolderOf(model.FilePath)))
            {
                return Result<TargetOutput>.Failure();
            }

            var where = model.PaginatorsFilePath is null
                ? "a paginators-1.json beside " + model.FilePath + " (there is none)"
                : System.IO.Path.GetFileName(model.PaginatorsFilePath);
            return Result<TargetOutput>.Failure(DiagnosticInfo.Create(DiagnosticDescriptors.NotPaginated, target.AttributeLocation, operationName, where));
        }

        if (paginator is not null && (operation.Input is null || operation.Output is null))
        {
            return Result<TargetOutput>.Failure(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidModel, model.FilePath, operation.Span,
                $"the paginated operation '{operation.Name}' needs both an 'input' and an 'output' shape"));
        }

        var index = ModelIndex.For(model);
        model = index.Model;
        operation = index.Operation(operationName);
        var allShapes = index.Shapes;
        var closure = ShapeClosure.Of(model, operation, allShapes);
        cancellationToken.ThrowIfCancellationRequested();
        var diagnostics = new List<DiagnosticInfo>(closure.Diagnostics);
        if (!closure.IsComplete)
        {
            return new Result<TargetOutput>(null, diagnostics.ToEquatableArray());
        }

        diagnostics.AddRange(NonStructureReferences(model, operation, allShapes));
        diagnostics.AddRange(ExceptionsUsedAsValues(model, closure));
        if (diagnostics.Count > 0)
        {
            return new Result<TargetOutput>(null, diagnostics.ToEquatableArray());
        }

        var naming = index.Naming;
        var types = new TypeMapper(allShapes, naming, target.Namespace);
        var protocol = ServiceProtocols.Supported(model.Metadata);
        var context = new BuildContext(target, model, operation, allShapes, naming, types, diagnostics)
        {
            Protocol = protocol ?? ServiceProtocol.RestJson,
            InputSide = ShapeClosure.ReachableFrom(new[] { operation.Input!.Shape }, allShapes),
            OutputSide = ShapeClosure.ReachableFrom(
                new[] { operation.Output!.Shape }.Concat(operation.Errors.Select(e => e.Shape)),
                allShapes),
        };
        var files = new List<FileSpec>();
        ReportUnsupported(context, closure, wireIsJson: protocol is not null);

        foreach (var shape in closure.Shapes.Values)
        {
            if (ShapeSpecs.For(context, shape) is { } spec)
            {
                files.Add(spec);
            }
        }

        // A class named like a generated type is reported as such (DZGEN014) before its file name is compared (DZGEN015).
        var nameTaken = ClassNameTaken(target, files, naming);
        if (nameTaken is not null)
        {
            diagnostics.Add(nameTaken);
        }

        if (protocol is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature,
                target.AttributeLocation,
                $"The protocol '{ServiceProtocols.Chosen(model.Metadata)}'",
                "only rest-json and json (awsJson1_0, awsJson1_1) operations get a client method and paginator; the types are generated"));
        }
        else
        {
            ReportMissingEndpointRules(context, models);
            files.Add(ClientSpecs.Client(context));
            files.Add(ClientSpecs.Operation(context));
            if (nameTaken is null && paginator is not null && PaginatorSpecs.For(context, paginator) is { } paginatorSpec)
            {
                files.Add(paginatorSpec);
            }
        }

        var hasErrors = diagnostics.Any(d => DiagnosticDescriptors.ById(d.DescriptorId).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return new Result<TargetOutput>(
            hasErrors ? null : new TargetOutput(files.OrderBy(f => f.HintName, StringComparer.Ordinal).ToEquatableArray()),
            diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// A client without its rule set still compiles, but resolves no endpoint by itself: every call needs a configured
    /// one. A rule set that is present but unreadable has been reported already.
    /// </summary>
    private static void ReportMissingEndpointRules(BuildContext context, ModelSet models)
    {
        var model = context.Model;
        if (model.EndpointRules is null && !models.HasUnreadable(ModelFileKind.EndpointRules, ModelFiles.FolderOf(model.FilePath)))
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.NoEndpointRules, model.FilePath, Json.SourceSpan.None, System.IO.Path.GetFileName(model.FilePath), context.Naming.ClientTypeName));
        }
    }

    /// <summary>A top-level annotated class named like a generated type of its namespace would be merged with it (CS0261).</summary>
    private static DiagnosticInfo? ClassNameTaken(PaginatorTarget target, List<FileSpec> files, ServiceNaming naming)
    {
        if (!target.ContainingTypes.IsEmpty)
        {
            return null; // a nested class lives in its containing type, not beside the generated types
        }

        var owner = target.ClassName == naming.JsonTypeName ? "the service's JSON helpers"
            : target.ClassName == naming.ClientTypeName ? "the service client"
            : files.Select(file => file switch
            {
                StructureSpec structure when structure.TypeName == target.ClassName => $"the shape '{structure.ShapeName}'",
                EnumSpec @enum when @enum.TypeName == target.ClassName => $"the shape '{@enum.ShapeName}'",
                ExceptionSpec exception when exception.TypeName == target.ClassName => $"the shape '{exception.ShapeName}'",
                _ => null,
            }).FirstOrDefault(found => found is not null);
        return owner is null
            ? null
            : DiagnosticInfo.Create(DiagnosticDescriptors.ClassNameTaken, target.ClassLocation, target.ClassName, owner);
    }

    /// <summary>An operation's input and output become records and its errors exceptions: structures, the errors marked as such.</summary>
    private static IEnumerable<DiagnosticInfo> NonStructureReferences(
        ServiceModel model, OperationModel operation, IReadOnlyDictionary<string, ShapeModel> shapes)
    {
        var references = new[] { ("input", operation.Input!), ("output", operation.Output!) }
            .Concat(operation.Errors.Select(error => ("error", error)));
        foreach (var (role, reference) in references)
        {
            var shape = shapes[reference.Shape];
            if (shape.Type != "structure" || shape.IsDocument)
            {
                yield return DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidModel, model.FilePath, reference.Span,
                    $"the {role} '{reference.Shape}' of operation '{operation.Name}' must be a structure, not a {(shape.IsDocument ? "document" : shape.Type)}");
            }
            else if (role == "error" && !shape.IsException)
            {
                yield return DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidModel, model.FilePath, reference.Span,
                    $"the error '{reference.Shape}' of operation '{operation.Name}' must be a structure marked \"exception\": true");
            }
        }
    }

    /// <summary>Exceptions are generated as errors only (no JSON reader or writer), so no member or item may hold one.</summary>
    private static IEnumerable<DiagnosticInfo> ExceptionsUsedAsValues(ServiceModel model, ShapeClosure closure)
    {
        foreach (var shape in closure.Shapes.Values)
        {
            foreach (var reference in ShapeClosure.ReferencesOf(shape))
            {
                // An event stream's exception members are its modeled error events, not values: they are left out of
                // its record (ShapeSpecs), since event streams are not read yet (DZGEN011 on the stream).
                if (closure.Shapes.TryGetValue(reference.Shape, out var target) && target.IsException && !shape.IsEventStream)
                {
                    yield return DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidModel, model.FilePath, reference.ShapeSpan,
                        $"'{reference.Name}' of shape '{shape.Name}' holds the exception '{target.Name}'; an exception is an error "
                        + "an operation returns, not a value");
                }
            }
        }
    }

    private static IEnumerable<DiagnosticInfo> CheckDeclaration(PaginatorTarget target)
    {
        if (string.IsNullOrWhiteSpace(target.OperationName))
        {
            yield return DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidOperationArgument,
                target.AttributeLocation,
                target.AttributeDisplay,
                target.Kind == TargetKind.Paginator ? "[DataZonePaginator(\"ListDataSourceRuns\")]" : "[DataZoneOperation(\"GetDataSourceRun\")]");
        }

        if (target.LanguageVersion < MinimumLanguageVersion)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooOld, target.ClassLocation, "11", target.LanguageVersionText);
        }

        // The generator adds nothing to a [DataZoneOperation] class: it only lends its namespace, whatever its shape.
        if (target.Kind == TargetKind.Operation)
        {
            yield break;
        }

        if (!target.IsPartial)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, target.ClassLocation, target.DisplayName);
        }

        if (target.IsGeneric)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.ClassIsGeneric, target.ClassLocation, target.DisplayName);
        }

        if (target.NonPartialContainer is { } container)
        {
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, target.ClassLocation, target.DisplayName, container);
        }
    }

    // XML-only traits mean nothing on a JSON wire: SQS's json model still marks its lists "flattened", and botocore's
    // JSON serializers never read it.
    private static readonly string[] XmlOnlyTraits = { "The trait 'xmlNamespace'", "The trait 'flattened'" };

    private static void ReportUnsupported(BuildContext context, ShapeClosure closure, bool wireIsJson)
    {
        foreach (var trait in context.Operation.UnsupportedTraits)
        {
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFeature, context.Model.FilePath, context.Operation.Span, $"The operation trait '{trait}'", "operation " + context.Operation.Name));
        }

        foreach (var shape in closure.Shapes.Values)
        {
            foreach (var trait in shape.UnsupportedTraits.Where(t => !(wireIsJson && XmlOnlyTraits.Contains(t))))
            {
                context.Diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedFeature, context.Model.FilePath, shape.Span, trait, "shape " + shape.Name));
            }
        }
    }

    internal static string FormatNumber(double? value) =>
        value is null ? string.Empty : value.Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What every spec factory needs while building one target.</summary>
internal sealed record BuildContext(
    PaginatorTarget Target,
    ServiceModel Model,
    OperationModel Operation,
    IReadOnlyDictionary<string, ShapeModel> Shapes,
    ServiceNaming Naming,
    TypeMapper Types,
    List<DiagnosticInfo> Diagnostics)
{
    /// <summary>The protocol the client speaks; rest-json when the service's is unsupported (types only, no client).</summary>
    public ServiceProtocol Protocol { get; init; } = ServiceProtocol.RestJson;

    /// <summary>Every shape the operation's input reaches.</summary>
    public ISet<string> InputSide { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every shape the operation's output or errors reach.</summary>
    public ISet<string> OutputSide { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Which way this operation moves <paramref name="shapeName"/>; other targets may add the other way.</summary>
    public ShapeUsage UsageOf(string shapeName) =>
        (InputSide.Contains(shapeName) ? ShapeUsage.Input : ShapeUsage.None)
        | (OutputSide.Contains(shapeName) ? ShapeUsage.Output : ShapeUsage.None);

    public string Namespace => Target.Namespace;

    public string HintName(params string[] parts) =>
        (Namespace.Length == 0 ? "global" : Namespace) + "." + string.Join(".", parts) + ".g.cs";
}
