using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// A provider as a link of a chain (botocore's CredentialProvider.load): <see cref="CredentialsLookup.NotFound"/> when
/// its source is not configured (the chain moves on), credentials when it is, an exception when it is configured but
/// fails (the chain stops, as botocore's does). Later calls go to <see cref="IAwsCredentialsProvider.GetCredentialsAsync"/>
/// of the winner, which refreshes on its own.
/// </summary>
internal interface ICredentialsSource : IAwsCredentialsProvider
{
    /// <summary>The provider's name in messages, for example <c>assume role (profile 'dev')</c>.</summary>
    string Name { get; }

    ValueTask<CredentialsLookup> LookupAsync(CancellationToken cancellationToken);
}

internal static class CredentialsSource
{
    /// <summary>A provider used alone: not configured is an error that names the provider and why.</summary>
    public static async ValueTask<AwsCredentials> GetOrThrowAsync(ICredentialsSource source, CancellationToken cancellationToken)
    {
        var lookup = await source.LookupAsync(cancellationToken).ConfigureAwait(false);
        return lookup.Credentials ?? throw new AwsCredentialsException($"{source.Name}: {lookup.Reason}.");
    }
}
