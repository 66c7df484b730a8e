using System.Linq;
using DataZone.Gen.Generator.Botocore;

namespace DataZone.Gen.Generator.Specs;

/// <summary>The wire protocols that get client methods and paginators.</summary>
internal enum ServiceProtocol
{
    /// <summary>botocore's <c>rest-json</c> (Smithy restJson1): HTTP bindings per member, JSON body.</summary>
    RestJson,

    /// <summary>
    /// botocore's <c>json</c> (Smithy awsJson1_0 / awsJson1_1): every call is a POST of the whole input as JSON, named by
    /// <c>X-Amz-Target</c>; the whole output is the JSON body.
    /// </summary>
    Json,
}

/// <summary>Which protocol a client speaks, chosen as botocore chooses it.</summary>
internal static class ServiceProtocols
{
    // botocore's PRIORITY_ORDERED_SUPPORTED_PROTOCOLS (botocore/utils.py): with a `protocols` list, the first of these that the
    // list names wins, whatever order the list is in; without one, `protocol` alone decides.
    private static readonly string[] BotocorePriority = { "json", "rest-json", "rest-xml", "smithy-rpc-v2-cbor", "query", "ec2" };

    /// <summary>The protocol botocore would speak to this service, or the model's own text when botocore knows none of them.</summary>
    public static string Chosen(ServiceMetadataModel metadata)
    {
        if (metadata.Protocols.IsEmpty)
        {
            return metadata.Protocol;
        }

        return BotocorePriority.FirstOrDefault(p => metadata.Protocols.Contains(p)) ?? string.Join(", ", metadata.Protocols);
    }

    /// <summary>The supported protocol botocore would speak, or null when it would speak one this generator does not emit.</summary>
    public static ServiceProtocol? Supported(ServiceMetadataModel metadata) => Chosen(metadata) switch
    {
        "rest-json" => ServiceProtocol.RestJson,
        "json" => ServiceProtocol.Json,
        _ => null,
    };
}
