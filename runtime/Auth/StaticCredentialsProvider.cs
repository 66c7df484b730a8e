using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>Always returns the same credentials.</summary>
public sealed class StaticCredentialsProvider : IAwsCredentialsProvider
{
    private readonly AwsCredentials _credentials;

    /// <summary>Creates the provider.</summary>
    /// <param name="credentials">The credentials to return.</param>
    public StaticCredentialsProvider(AwsCredentials credentials) =>
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));

    /// <summary>Creates the provider from key, secret and optional session token.</summary>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials.</param>
    public StaticCredentialsProvider(string accessKeyId, string secretAccessKey, string? sessionToken = null)
        : this(new AwsCredentials(accessKeyId, secretAccessKey, sessionToken)) { }

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => new(_credentials);

    /// <summary>Names the provider and the access key id only.</summary>
    public override string ToString() => $"StaticCredentialsProvider({_credentials.AccessKeyId})";
}
