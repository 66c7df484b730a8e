using System;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Plugs in any other credential source, for example the AWS SDK for .NET's:
/// <code>
/// new DelegateCredentialsProvider(async ct =>
/// {
///     var sdk = await FallbackCredentialsFactory.GetCredentials().GetCredentialsAsync();
///     return new AwsCredentials(sdk.AccessKey, sdk.SecretKey, sdk.UseToken ? sdk.Token : null);
/// });
/// </code>
/// The delegate is called before every attempt, so it should cache and refresh on its own (the SDK's providers do).
/// </summary>
public sealed class DelegateCredentialsProvider : IAwsCredentialsProvider
{
    private readonly Func<CancellationToken, ValueTask<AwsCredentials>> _getCredentials;

    /// <summary>Creates the provider.</summary>
    /// <param name="getCredentials">Returns the credentials to sign with.</param>
    public DelegateCredentialsProvider(Func<CancellationToken, ValueTask<AwsCredentials>> getCredentials) =>
        _getCredentials = getCredentials ?? throw new ArgumentNullException(nameof(getCredentials));

    /// <inheritdoc />
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        AwsCredentials? credentials;
        try
        {
            credentials = await _getCredentials(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not AwsCredentialsException)
        {
            // The delegate's own message is not repeated: it is foreign text that might quote a secret.
            throw new AwsCredentialsException($"The credentials delegate failed with {exception.GetType().Name}; see the inner exception.", exception);
        }
        return credentials ?? throw new AwsCredentialsException("The credentials delegate returned null.");
    }
}
