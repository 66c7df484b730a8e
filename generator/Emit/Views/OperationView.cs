using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Generator.Naming;
using DataZone.Gen.Generator.Specs;

namespace DataZone.Gen.Generator.Emit.Views;

/// <summary>One operation's client method and its HTTP marshalling, as statements ready to place.</summary>
internal sealed class OperationView : FileView
{
    public OperationView(OperationSpec spec)
        : base(spec.Namespace)
    {
        JsonTypeName = QualifiedIn(spec.Namespace, spec.JsonTypeName);
        ClientTypeName = spec.ClientTypeName;
        OperationName = Identifiers.Pascal(spec.OperationName);
        OperationLiteral = MemberView.Literal(spec.OperationName);
        MethodName = spec.MethodName;
        FieldName = Identifiers.Pascal(spec.OperationName) + "Operation";
        RequestType = spec.RequestTypeName;
        ResponseType = spec.ResponseTypeName;
        HttpMethodLiteral = MemberView.Literal(spec.HttpMethod);
        SuccessCode = spec.SuccessCode;
        Documentation = spec.Documentation.ToList();
        Obsolete = spec.IsDeprecated ? "[global::System.Obsolete(" + MemberView.Literal(spec.DeprecatedMessage ?? "This operation is deprecated.") + ")]" : null;

        var request = spec.RequestMembers.Select(m => new MemberView(m, JsonTypeName)).ToList();
        PathExpression = string.Join(" + ", spec.PathParts.Select(p => p.Label is null ? MemberView.Literal(p.Text) : LabelExpression(p.Label)));
        Prepare = request.Where(m => m.Spec.IsIdempotencyToken)
            .Select(m => $"request = request with {{ {m.Name} = request.{m.Name} ?? global::System.Guid.NewGuid().ToString() }};")
            .ToList();
        RequestStatements = spec.StaticQuery.Select(StaticQuery)
            .Concat(request.Where(m => m.Spec.Location == MemberLocation.Query).Select(QueryStatement))
            .Concat(request.Where(m => m.Spec.Location is MemberLocation.Header or MemberLocation.Headers).Select(HeaderStatement))
            .ToList();
        var payload = request.FirstOrDefault(m => m.Spec.IsPayload);
        var bodyStatement = payload is not null
            ? PayloadStatement(payload)
            : spec.RequestHasBody
                ? $"http.Body = {RuntimeApi.AwsJson}.Serialize(request, {RequestType}.WriteJson);\nhttp.ContentType = \"application/json\";"
                : null;
        BodyLines = bodyStatement?.Split('\n') ?? new string[0];

        var response = spec.ResponseMembers.Select(m => new MemberView(m, JsonTypeName)).ToList();
        var responsePayload = response.FirstOrDefault(m => m.Spec.IsPayload);
        ReadStatement = responsePayload is null
            ? $"var result = {RuntimeApi.AwsJson}.ReadBody(response.Body, {ResponseType}.ReadJson);"
            : $"var result = new {ResponseType} {{ {responsePayload.Name} = {PayloadRead(responsePayload)} }};";
        ResponseStatements = response.Where(m => m.Spec.Location is MemberLocation.Header or MemberLocation.StatusCode)
            .Select(ResponseHeaderStatement)
            .ToList();
        Errors = spec.Errors.Select(e => new ErrorCase(MemberView.Literal(e.ErrorCode), e.ExceptionTypeName)).ToList();
    }

    public string ClientTypeName { get; }

    public string OperationName { get; }

    public string OperationLiteral { get; }

    public string MethodName { get; }

    public string FieldName { get; }

    public string RequestType { get; }

    public string ResponseType { get; }

    public string HttpMethodLiteral { get; }

    public int SuccessCode { get; }

    public IReadOnlyList<string> Documentation { get; }

    public string? Obsolete { get; }

    public string PathExpression { get; }

    public IReadOnlyList<string> Prepare { get; }

    public IReadOnlyList<string> RequestStatements { get; }

    /// <summary>The lines of the statements that set the body; empty when the request has none.</summary>
    public IReadOnlyList<string> BodyLines { get; }

    public string ReadStatement { get; }

    public IReadOnlyList<string> ResponseStatements { get; }

    public IReadOnlyList<ErrorCase> Errors { get; }

    private static string LabelExpression(MemberSpec label)
    {
        var value = "request." + label.PropertyName + (label.Type.IsValueType && !label.IsRequired ? ".GetValueOrDefault()" : string.Empty);
        var text = CodeFragments.Text(label.Type, value, isHeader: false);
        if (!label.Type.IsValueType && !label.IsRequired)
        {
            text = "(" + text + " ?? string.Empty)";
        }

        return $"{RuntimeApi.AwsUriEncoding}.{(label.IsGreedyLabel ? "EscapeGreedyLabel" : "EscapeLabel")}({text})";
    }

    private static string StaticQuery(UriPart part)
    {
        var equals = part.Text.IndexOf('=');
        var name = equals < 0 ? part.Text : part.Text.Substring(0, equals);
        var value = equals < 0 ? string.Empty : part.Text.Substring(equals + 1);
        return $"http.AddQuery({MemberView.Literal(name)}, {MemberView.Literal(value)});";
    }

    private static string QueryStatement(MemberView member)
    {
        var type = member.Spec.Type;
        var name = MemberView.Literal(member.WireName);
        return type.Kind switch
        {
            ValueKind.List => $"if (request.{member.Name} is {{ }} {member.Local}) foreach (var item in {member.Local}) http.AddQuery({name}, {CodeFragments.Text(type.Element!, "item", isHeader: false)});",
            // A map bound to the query string spreads its entries as parameters of their own.
            ValueKind.Map => $"if (request.{member.Name} is {{ }} {member.Local}) foreach (var pair in {member.Local}) http.AddQuery(pair.Key, {MapValueText(type.Element!)});",
            _ => $"if (request.{member.Name} is {{ }} {member.Local}) http.AddQuery({name}, {CodeFragments.Text(type, member.Local, isHeader: false)});",
        };
    }

    private static string MapValueText(TypeRef value) =>
        value.Kind == ValueKind.List
            ? $"string.Join(\",\", global::System.Linq.Enumerable.Select(pair.Value, item => {CodeFragments.Text(value.Element!, "item", isHeader: false)}))"
            : CodeFragments.Text(value, "pair.Value", isHeader: false);

    private static string HeaderStatement(MemberView member)
    {
        var type = member.Spec.Type;
        var name = MemberView.Literal(member.WireName);
        return member.Spec.Location == MemberLocation.Headers
            ? $"if (request.{member.Name} is {{ }} {member.Local}) foreach (var pair in {member.Local}) http.AddHeader({name} + pair.Key, {CodeFragments.Text(type.Element!, "pair.Value", isHeader: true)});"
            : type.Kind == ValueKind.List
                ? $"if (request.{member.Name} is {{ }} {member.Local}) http.AddHeader({name}, string.Join(\",\", global::System.Linq.Enumerable.Select({member.Local}, item => {CodeFragments.Text(type.Element!, "item", isHeader: true)})));"
                : $"if (request.{member.Name} is {{ }} {member.Local}) http.AddHeader({name}, {CodeFragments.Text(type, member.Local, isHeader: true)});";
    }

    private static string PayloadStatement(MemberView payload) => payload.Spec.Type.Kind switch
    {
        ValueKind.Blob => $"if (request.{payload.Name} is {{ }} {payload.Local})\n{{\n    http.Body = {payload.Local};\n    http.ContentType = \"application/octet-stream\";\n}}",
        ValueKind.String => $"if (request.{payload.Name} is {{ }} {payload.Local})\n{{\n    http.Body = global::System.Text.Encoding.UTF8.GetBytes({payload.Local});\n    http.ContentType = \"text/plain\";\n}}",
        _ => $"if (request.{payload.Name} is {{ }} {payload.Local})\n{{\n    http.Body = {RuntimeApi.AwsJson}.Serialize({payload.Local}, {payload.WriteMethod});\n    http.ContentType = \"application/json\";\n}}",
    };

    private static string PayloadRead(MemberView payload) => payload.Spec.Type.Kind switch
    {
        ValueKind.Blob => "response.Body.ToArray()",
        ValueKind.String => "global::System.Text.Encoding.UTF8.GetString(response.Body.Span)",
        _ => $"response.Body.IsEmpty ? null : {RuntimeApi.AwsJson}.ReadBody(response.Body, {payload.ReadMethod})",
    };

    private static string ResponseHeaderStatement(MemberView member)
    {
        if (member.Spec.Location == MemberLocation.StatusCode)
        {
            return $"result = result with {{ {member.Name} = response.StatusCode }};";
        }

        var text = member.Local + "Text";
        return $"if (response.GetHeader({MemberView.Literal(member.WireName)}) is {{ }} {text}) result = result with {{ {member.Name} = {CodeFragments.ParseHeader(member.Spec.Type, text)} }};";
    }
}

internal sealed record ErrorCase(string CodeLiteral, string ExceptionType);
