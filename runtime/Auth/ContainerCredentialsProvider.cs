using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// Container credentials (ECS task roles, EKS Pod Identity): <c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c> (appended to
/// <c>http://169.254.170.2</c>) or <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>, with the <c>Authorization</c> header from
/// <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> (read on every fetch) or <c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c>.
/// As in botocore, a full URI must name a loopback address or one of the container hosts (169.254.170.2,
/// 169.254.170.23, fd00:ec2::23, localhost); each fetch has 2 seconds and 3 attempts, one second apart.
/// </summary>
public sealed class ContainerCredentialsProvider : ICredentialsSource
{
    internal const string RelativeUriVariable = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    internal const string FullUriVariable = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    private const string BaseHost = "http://169.254.170.2";
    private static readonly string[] AllowedHosts = { "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost" };
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private const int Attempts = 3;

    private readonly CredentialsContext _context;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="options">Where the variables are read; <see langword="null"/> means the process.</param>
    public ContainerCredentialsProvider(CredentialProviderOptions? options = null) : this(new CredentialsContext(options)) { }

    internal ContainerCredentialsProvider(CredentialsContext context)
    {
        _context = context;
        _cache = new RefreshingCredentials(Name, FetchAsync, context.UtcNow);
    }

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => "container credentials";

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    async ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        if (_cache.Current is null && _context.Environment.GetVariable(RelativeUriVariable) is null && _context.Environment.GetVariable(FullUriVariable) is null)
        {
            return CredentialsLookup.NotFound($"{RelativeUriVariable} and {FullUriVariable} are not set");
        }

        return CredentialsLookup.Found(await _cache.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var uri = ResolveUri();
        if (CredentialsContext.BlockedReason(uri) is { } blocked)
        {
            throw new AwsCredentialsException($"{Name}: {blocked}.");
        }

        string? lastError = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await _context.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.ParseAdd("application/json");
            if (AuthorizationToken() is { } token)
            {
                request.Headers.TryAddWithoutValidation("Authorization", token);
            }

            try
            {
                var (status, body) = await CredentialsContext.SendAsync(CredentialsContext.Metadata, request, Timeout, Name, cancellationToken).ConfigureAwait(false);
                if (status == 200)
                {
                    return Parse(body, uri);
                }

                lastError = $"HTTP {status} from {uri.GetLeftPart(UriPartial.Path)}";
            }
            catch (AwsCredentialsException exception)
            {
                lastError = exception.Message;
            }
        }

        throw new AwsCredentialsException($"{Name}: no credentials after {Attempts} attempts; the last failure: {lastError}.");
    }

    private Uri ResolveUri()
    {
        var environment = _context.Environment;
        if (environment.GetVariable(RelativeUriVariable) is { } relative)
        {
            return new Uri(BaseHost + (relative.StartsWith('/') ? relative : "/" + relative));
        }

        var full = environment.GetVariable(FullUriVariable)!;
        if (!Uri.TryCreate(full, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new AwsCredentialsException($"{Name}: {FullUriVariable} is not an absolute http or https URL.");
        }

        var host = uri.Host.Trim('[', ']').ToLowerInvariant();
        var isLoopback = IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
        if (!isLoopback && Array.IndexOf(AllowedHosts, host) < 0)
        {
            throw new AwsCredentialsException(
                $"{Name}: {FullUriVariable} names host '{host}', which is not allowed: it must be a loopback address or one of {string.Join(", ", AllowedHosts)}.");
        }

        return uri;
    }

    private string? AuthorizationToken()
    {
        var environment = _context.Environment;
        string? token;
        if (environment.GetVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") is { } path)
        {
            // EKS rotates the file: it is read on every fetch.
            token = environment.ReadFile(path)
                ?? throw new AwsCredentialsException($"{Name}: AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE names {path}, which does not exist.");
            token = token.Trim();
        }
        else
        {
            token = environment.GetVariable("AWS_CONTAINER_AUTHORIZATION_TOKEN");
        }

        if (token is not null && (token.Contains('\r') || token.Contains('\n')))
        {
            throw new AwsCredentialsException($"{Name}: the authorization token contains a line break, which a header cannot carry.");
        }

        return token;
    }

    private AwsCredentials Parse(string body, Uri uri)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AwsCredentialsException($"{Name}: the response of {uri.GetLeftPart(UriPartial.Path)} is not a JSON object.");
            }

            string Field(string name) =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                    ? text
                    : throw new AwsCredentialsException($"{Name}: the response of {uri.GetLeftPart(UriPartial.Path)} has no {name}.");
            return new AwsCredentials(Field("AccessKeyId"), Field("SecretAccessKey"), Field("Token"))
            {
                Expiration = StsClient.ParseTime(Field("Expiration"), $"{Name}: Expiration"),
            };
        }
        catch (JsonException)
        {
            throw new AwsCredentialsException($"{Name}: the response of {uri.GetLeftPart(UriPartial.Path)} is not JSON.");
        }
    }
}
