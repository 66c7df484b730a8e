using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using DataZone.Gen.Generator.Botocore;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Emit;
using DataZone.Gen.Generator.Specs;
using DataZone.Gen.Generator.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DataZone.Gen.Generator;

/// <summary>
/// Generates typed request/response records, enums, JSON readers and writers, HTTP marshalling and a paginator
/// for every <c>partial</c> class marked <c>[DataZonePaginator("Operation")]</c>, and the same without the paginator
/// for every <c>[DataZoneOperation("Operation")]</c>, from the botocore model among the project's AdditionalFiles.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DataZoneGenerator : IIncrementalGenerator
{
    private const string AttributeName = "DataZone.Gen.DataZonePaginatorAttribute";
    private const string OperationAttributeName = "DataZone.Gen.DataZoneOperationAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Only botocore model files matter; every other AdditionalFile is filtered out before any work.
        var modelTexts = context.AdditionalTextsProvider
            .Where(static text => ModelFiles.KindOf(text.Path) != ModelFileKind.None)
            .WithTrackingName(TrackingNames.ModelFiles);

        // Parse each file once per content. Past this step the pipeline holds only equatable records.
        var parsedFiles = modelTexts
            .Select(static (text, cancellationToken) =>
                ParsedModelFile.Parse(text.Path, text.GetText(cancellationToken)?.ToString(), cancellationToken))
            .WithTrackingName(TrackingNames.ParsedModelFiles);

        // Pair each service-2.json with the paginator files of its folder.
        var models = parsedFiles
            .Collect()
            .Select(static (files, _) => ModelSet.Assemble(files))
            .WithTrackingName(TrackingNames.Models);

        // The attribute lookup is syntax-driven, so an unrelated edit does not reach the steps below.
        var targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                // A record is a class too (AttributeTargets.Class); its generated part is declared a record.
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributeContext, cancellationToken) => TargetReader.Read(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Targets);

        // [DataZoneOperation] repeats on a class: one target per attribute, so each operation is built and cached alone.
        var operationTargets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                OperationAttributeName,
                // A record is a class too (AttributeTargets.Class), and this attribute adds nothing to its class.
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributeContext, cancellationToken) => TargetReader.ReadOperations(attributeContext, cancellationToken))
            .SelectMany(static (operations, _) => operations)
            .WithTrackingName(TrackingNames.OperationTargets);

        // One result per annotated class: its files and its diagnostics.
        var results = targets
            .Combine(models)
            .Select(static (pair, cancellationToken) => SpecBuilder.Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.TargetResults);

        // One result per [DataZoneOperation]; its files meet the paginators' below, so a shared one is emitted once.
        var operationResults = operationTargets
            .Combine(models)
            .Select(static (pair, cancellationToken) => SpecBuilder.Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.OperationResults);

        // Both kinds of target in one list, so a file a paginator and an operation share is emitted once.
        var allResults = results
            .Collect()
            .Combine(operationResults.Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right))
            .WithTrackingName(TrackingNames.AllResults);

        // Fan out to one item per file, shared shapes once per namespace, so a model edit re-emits only what changed.
        var files = allResults
            .SelectMany(static (all, _) => DistinctFiles(all))
            .WithTrackingName(TrackingNames.Files);

        // Model problems are reported only when some class uses the generator; a stray model stays silent.
        var diagnostics = allResults
            .Combine(models)
            .Select(static (pair, _) => CollectDiagnostics(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Diagnostics);

        // Source and diagnostics are separate outputs, so a changed message does not re-add unchanged files.
        context.RegisterSourceOutput(files, static (output, file) => AddSource(output, file));
        context.RegisterSourceOutput(diagnostics, static (output, all) =>
        {
            foreach (var diagnostic in all)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });
    }

    private static ImmutableArray<FileSpec> DistinctFiles(ImmutableArray<Result<TargetOutput>> results)
    {
        // A shape shared by several classes of one namespace is emitted once, serving every direction they use it in.
        return results
            .Where(r => r.Value is not null)
            .SelectMany(r => r.Value!.Files)
            .GroupBy(f => f.HintName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(SharedFiles.Merge)
            .ToImmutableArray();
    }

    private static EquatableArray<DiagnosticInfo> CollectDiagnostics(ImmutableArray<Result<TargetOutput>> results, ModelSet models)
    {
        if (results.IsEmpty)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        return models.Diagnostics
            .Concat(results.SelectMany(r => r.Diagnostics))
            .Distinct()
            .ToEquatableArray();
    }

    private static void AddSource(SourceProductionContext output, FileSpec file)
    {
        try
        {
            foreach (var generated in SourceEmitter.Emit(file))
            {
                output.AddSource(generated.HintName, SourceText.From(generated.Text, Encoding.UTF8));
            }
        }
        catch (Exception ex)
        {
            output.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InternalError, Location.None, "emitting " + file.HintName, ex.GetType().Name + ": " + ex.Message));
        }
    }
}
