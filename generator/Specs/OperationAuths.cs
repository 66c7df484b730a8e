using DataZone.Gen.Generator.Botocore;

namespace DataZone.Gen.Generator.Specs;

/// <summary>How one operation is authenticated (the runtime's <c>AwsOperationAuth</c>).</summary>
internal enum OperationAuth
{
    SigV4,
    SigV4UnsignedPayload,
    None,
}

/// <summary>An operation's authentication, resolved as botocore resolves it, or the scheme it names that no client here speaks.</summary>
internal sealed record ResolvedAuth(OperationAuth Auth, string? Unsupported);

/// <summary>
/// botocore's <c>OperationModel.resolved_auth_type</c> and <c>set_operation_specific_signer</c>: the Smithy <c>auth</c> list
/// wins over <c>authtype</c>; in the list the first scheme botocore can sign with is taken, <c>smithy.api#noAuth</c>
/// always can; <c>v4-unsigned-body</c> or <c>unsignedPayload</c> sign <c>UNSIGNED-PAYLOAD</c> instead of the body's hash.
/// </summary>
internal static class OperationAuths
{
    public static ResolvedAuth Resolve(OperationModel operation)
    {
        var resolved = operation.Auth.IsEmpty ? FromAuthType(operation.AuthType) : FromAuthList(operation);
        return resolved.Auth == OperationAuth.SigV4 && operation.UnsignedPayload
            ? resolved with { Auth = OperationAuth.SigV4UnsignedPayload }
            : resolved;
    }

    private static ResolvedAuth FromAuthList(OperationModel operation)
    {
        foreach (var scheme in operation.Auth)
        {
            switch (scheme)
            {
                case "smithy.api#noAuth":
                    return new ResolvedAuth(OperationAuth.None, null);
                case "aws.auth#sigv4":
                    return new ResolvedAuth(OperationAuth.SigV4, null);
            }

            // Anything else (sigv4a, bearer) is skipped for the next entry, as botocore skips what it cannot sign with.
        }

        return new ResolvedAuth(OperationAuth.SigV4, string.Join(", ", operation.Auth));
    }

    private static ResolvedAuth FromAuthType(string? authType) => authType switch
    {
        null or "v4" => new ResolvedAuth(OperationAuth.SigV4, null),
        "none" => new ResolvedAuth(OperationAuth.None, null),
        "v4-unsigned-body" => new ResolvedAuth(OperationAuth.SigV4UnsignedPayload, null),
        _ => new ResolvedAuth(OperationAuth.SigV4, authType),
    };
}
