using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// botocore's CredentialResolver: the first source that finds credentials wins and answers every later call (refreshing
/// on its own); a source that is configured but fails stops the chain. When none is configured the failure lists each
/// source and why.
/// </summary>
internal sealed class CredentialsChainSource : ICredentialsSource
{
    private readonly IReadOnlyList<ICredentialsSource> _sources;
    private readonly System.Func<IEnumerable<string>>? _preamble;
    private readonly CredentialsContext? _context;
    private volatile ICredentialsSource? _winner;
    private volatile AwsCredentials? _longTerm;

    /// <summary>Creates the chain.</summary>
    /// <param name="sources">The sources in order.</param>
    /// <param name="preamble">Lines that open a failure's list (sources skipped, a profile that does not exist).</param>
    /// <param name="context">When given, one pass over the sources reads the shared files once (see <see cref="CredentialsContext.ShareFilesForOnePass"/>).</param>
    public CredentialsChainSource(IReadOnlyList<ICredentialsSource> sources, System.Func<IEnumerable<string>>? preamble = null,
        CredentialsContext? context = null)
    {
        _sources = sources;
        _preamble = preamble;
        _context = context;
    }

    public string Name => "credential chain";

    /// <summary>The source that found credentials, once one has.</summary>
    public ICredentialsSource? Winner => _winner;

    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        _longTerm is { } longTerm ? new(longTerm)
        : _winner is { } winner ? winner.GetCredentialsAsync(cancellationToken)
        : CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    public async ValueTask<CredentialsLookup> LookupAsync(CancellationToken cancellationToken)
    {
        if (_longTerm is { } longTerm)
        {
            return CredentialsLookup.Found(longTerm);
        }

        if (_winner is { } winner)
        {
            return CredentialsLookup.Found(await winner.GetCredentialsAsync(cancellationToken).ConfigureAwait(false));
        }

        using var pass = _context?.ShareFilesForOnePass();
        var failures = new List<string>(_preamble?.Invoke() ?? System.Array.Empty<string>());
        foreach (var source in _sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lookup = await source.LookupAsync(cancellationToken).ConfigureAwait(false);
            if (lookup.Credentials is { } found)
            {
                // Keys without an expiration are kept as found, like botocore's Credentials object: no file or
                // variable is read again on the next request.
                _longTerm = found.Expiration is null ? found : null;
                _winner = source;
                return lookup;
            }

            if (lookup.IsMisconfigured)
            {
                throw new AwsCredentialsException($"AWS credentials are misconfigured in {source.Name}: {lookup.Reason}.");
            }

            failures.Add($"{source.Name}: {lookup.Reason}");
        }

        return CredentialsLookup.NotFound("Tried:\n- " + string.Join("\n- ", failures));
    }
}

/// <summary>A source that must find credentials (a role's source): not configured is an error naming what required it.</summary>
internal sealed class RequiredSource : ICredentialsSource
{
    private readonly ICredentialsSource _inner;
    private readonly string _purpose;

    public RequiredSource(ICredentialsSource inner, string purpose)
    {
        _inner = inner;
        _purpose = purpose;
    }

    public string Name => _purpose;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var lookup = await _inner.LookupAsync(cancellationToken).ConfigureAwait(false);
        return lookup.Credentials ?? throw new AwsCredentialsException($"{_purpose} gave no credentials: {lookup.Reason}.");
    }

    public async ValueTask<CredentialsLookup> LookupAsync(CancellationToken cancellationToken) =>
        CredentialsLookup.Found(await GetCredentialsAsync(cancellationToken).ConfigureAwait(false));
}
