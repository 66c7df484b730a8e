using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>A source of AWS credentials. The client asks for credentials before signing every attempt.</summary>
public interface IAwsCredentialsProvider
{
    /// <summary>Returns the credentials to sign with.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="AwsCredentialsException">No credentials could be found; the message says where the provider looked.</exception>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
