using System;
using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Emulator.Model;
using Microsoft.AspNetCore.Http;

namespace DataZone.Gen.Emulator.Protocol;

/// <summary>What a request addresses: the operation (or null), its URI labels, and whether any route matched the path.</summary>
internal readonly record struct Route(OperationModel? Operation, IReadOnlyDictionary<string, string> Labels, bool PathMatched, string Problem);

/// <summary>
/// Finds the operation a request addresses, as the service's front end does: rest-json by method and
/// <c>requestUri</c> (the route with the most literal segments and query parameters wins), json by <c>X-Amz-Target: {targetPrefix}.{Operation}</c>
/// on <c>POST /</c>.
/// </summary>
internal sealed class OperationRouter
{
    private static readonly Dictionary<string, string> NoLabels = new(StringComparer.Ordinal);

    private readonly ServiceModel _model;
    private readonly OperationModel[] _routes;

    public OperationRouter(ServiceModel model)
    {
        _model = model;
        _routes = model.Operations.Values
            .OrderByDescending(o => o.Route.LiteralCount)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public Route Find(string method, string rawPath, IQueryCollection query, IHeaderDictionary headers)
    {
        return _model.IsJsonProtocol ? FindTarget(method, rawPath, headers) : FindRoute(method, rawPath, query);
    }

    private Route FindRoute(string method, string rawPath, IQueryCollection query)
    {
        var pathMatched = false;
        foreach (var operation in _routes)
        {
            if (!operation.Route.TryMatch(rawPath, out var labels) || !operation.Route.MatchesQuery(query))
            {
                continue;
            }

            pathMatched = true;
            if (string.Equals(operation.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new Route(operation, labels, true, "");
            }
        }

        return new Route(null, NoLabels, pathMatched, pathMatched
            ? $"No operation is bound to {method} {rawPath}."
            : $"No operation matches the path {rawPath}.");
    }

    private Route FindTarget(string method, string rawPath, IHeaderDictionary headers)
    {
        var target = headers["X-Amz-Target"].ToString();
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase) || rawPath != "/")
        {
            return new Route(null, NoLabels, false, $"A json-protocol service is called with POST /, not {method} {rawPath}.");
        }

        var prefix = _model.TargetPrefix + ".";
        if (target.StartsWith(prefix, StringComparison.Ordinal)
            && _model.Operations.TryGetValue(target[prefix.Length..], out var operation))
        {
            return new Route(operation, NoLabels, true, "");
        }

        return new Route(null, NoLabels, true, target.Length == 0
            ? "The request has no X-Amz-Target header."
            : $"No operation is named by X-Amz-Target '{target}' (expected {prefix}<Operation>).");
    }
}
