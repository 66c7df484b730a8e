using System;
using System.Threading;
using DataZone.Gen.Generator.Common;
using DataZone.Gen.Generator.Diagnostics;
using DataZone.Gen.Generator.Json;

namespace DataZone.Gen.Generator.Botocore;

/// <summary>One model file parsed once per content: either document, and the problems found in it.</summary>
internal sealed record ParsedModelFile(
    string Path,
    ModelFileKind Kind,
    ServiceDocument? Service,
    PaginatorDocument? Paginators,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string Folder => ModelFiles.FolderOf(Path);

    /// <summary>The endpoint rule set, when this file is a readable <c>endpoint-rule-set-1.json</c>.</summary>
    public EndpointRuleSetDocument? EndpointRules { get; init; }

    /// <summary>Whether the file's document was read; an unreadable one has been reported already.</summary>
    public bool IsReadable => Service is not null || Paginators is not null || EndpointRules is not null;

    public static ParsedModelFile Parse(string path, string? text, CancellationToken cancellationToken)
    {
        var kind = ModelFiles.KindOf(path);
        var reader = new ModelReader(path);
        if (text is null)
        {
            reader.Report(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedModel, path, SourceSpan.None, path, "the file could not be read"));
            return new ParsedModelFile(path, kind, null, null, reader.Diagnostics);
        }

        try
        {
            if (kind == ModelFileKind.Service)
            {
                return new ParsedModelFile(path, kind, ServiceDocumentParser.Parse(text, reader, cancellationToken), null, reader.Diagnostics);
            }

            var root = PositionedJsonParser.Parse(text);
            cancellationToken.ThrowIfCancellationRequested();
            if (kind == ModelFileKind.EndpointRules)
            {
                var rules = EndpointRuleSetParser.Parse(path, root, reader);
                return new ParsedModelFile(path, kind, null, null, reader.Diagnostics) { EndpointRules = rules };
            }

            return new ParsedModelFile(path, kind, null, PaginatorDocumentParser.Parse(root, reader, kind == ModelFileKind.PaginatorExtras), reader.Diagnostics);
        }
        catch (PositionedJsonParser.ParseException ex)
        {
            reader.Report(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedModel, path, ex.Span, System.IO.Path.GetFileName(path), ex.Message));
            return new ParsedModelFile(path, kind, null, null, reader.Diagnostics);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            reader.Report(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, path, SourceSpan.None, "reading " + System.IO.Path.GetFileName(path), ex.Message));
            return new ParsedModelFile(path, kind, null, null, reader.Diagnostics);
        }
    }
}
