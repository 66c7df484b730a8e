using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// The SSO access token as botocore and the AWS CLI keep it: <c>~/.aws/sso/cache/&lt;sha1&gt;.json</c>, the SHA-1 of the
/// sso-session name (or, for a legacy profile, of the start URL). For an sso-session, a token within 15 minutes of expiry is
/// refreshed with SSO-OIDC CreateToken (refresh-token grant; <c>AWS_ENDPOINT_URL_SSO_OIDC</c> overrides the endpoint) and
/// written back as botocore writes it (botocore's SSOTokenProvider).
/// </summary>
internal sealed class SsoTokenCache
{
    private static readonly AwsServiceMetadata Oidc = new("SSO OIDC", "oidc", "sso-oauth", "2019-06-10");
    private readonly CredentialsContext _context;
    private readonly string _provider;
    private readonly string _profile;

    public SsoTokenCache(CredentialsContext context, string provider, string profile)
    {
        _context = context;
        _provider = provider;
        _profile = profile;
    }

    public static string CacheKey(string sessionNameOrStartUrl) =>
        Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(sessionNameOrStartUrl))).ToLowerInvariant();

    public string CachePath(string key)
    {
        var home = _context.Environment.HomeDirectory
            ?? throw new AwsCredentialsException($"{_provider}: there is no home directory, so no ~/.aws/sso/cache to read the SSO token from.");
        return Path.Combine(home, ".aws", "sso", "cache", CacheKey(key) + ".json");
    }

    /// <summary>The access token for the portal call; refreshed first when it is an sso-session token near expiry.</summary>
    public async Task<string> GetAccessTokenAsync(string startUrl, string? sessionName, string ssoRegion, CancellationToken cancellationToken)
    {
        var path = CachePath(sessionName ?? startUrl);
        var login = $"run 'aws sso login --profile {_profile}'";
        var text = _context.Environment.ReadFile(path)
            ?? throw new AwsCredentialsException($"{_provider}: no SSO token for {(sessionName is null ? startUrl : $"sso-session '{sessionName}'")} in {path}; {login}.");
        var token = Read(text, path);
        if (!token.TryGetValue("accessToken", out var accessToken) || !token.TryGetValue("expiresAt", out var expiresAtText))
        {
            throw new AwsCredentialsException($"{_provider}: the SSO token in {path} has no accessToken or expiresAt; {login}.");
        }

        if (sessionName is null)
        {
            // botocore's legacy flow neither checks nor refreshes: the portal says whether the token still works.
            return accessToken;
        }

        var expiresAt = StsClient.ParseTime(expiresAtText, $"{_provider}: expiresAt in {path}");
        var remaining = expiresAt - _context.UtcNow();
        if (remaining >= RefreshingCredentials.AdvisoryWindow)
        {
            return accessToken;
        }

        try
        {
            if (await RefreshAsync(token, startUrl, ssoRegion, path, cancellationToken).ConfigureAwait(false) is { } refreshed)
            {
                return refreshed;
            }
        }
        catch (AwsCredentialsException) when (remaining >= RefreshingCredentials.MandatoryWindow)
        {
            // Advisory window: the current token still has more than ten minutes.
        }

        if (remaining <= TimeSpan.Zero)
        {
            throw new AwsCredentialsException(
                $"{_provider}: the SSO token of sso-session '{sessionName}' ({path}) expired and could not be refreshed; {login}.");
        }

        return accessToken;
    }

    private async Task<string?> RefreshAsync(Dictionary<string, string> token, string startUrl, string region, string path, CancellationToken cancellationToken)
    {
        if (!token.TryGetValue("refreshToken", out var refreshToken) || !token.TryGetValue("clientId", out var clientId)
            || !token.TryGetValue("clientSecret", out var clientSecret) || !token.TryGetValue("registrationExpiresAt", out var registrationExpiresAt))
        {
            return null;
        }

        if (StsClient.ParseTime(registrationExpiresAt, $"{_provider}: registrationExpiresAt in {path}") <= _context.UtcNow())
        {
            return null;
        }

        var endpoint = _context.Endpoint(Oidc, () => CredentialsContext.RegionalEndpoint("oidc", region), out _);
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("clientId", clientId);
            writer.WriteString("clientSecret", clientSecret);
            writer.WriteString("grantType", "refresh_token");
            writer.WriteString("refreshToken", refreshToken);
            writer.WriteEndObject();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "token")) { Content = new ByteArrayContent(body.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var now = _context.UtcNow();
        var (status, text) = await CredentialsContext.SendAsync(_context.Services, request, TimeSpan.FromSeconds(30), _provider, cancellationToken)
            .ConfigureAwait(false);
        var response = Read(text, "the SSO-OIDC CreateToken response", quiet: true);
        if (status is < 200 or >= 300)
        {
            response.TryGetValue("error", out var error);
            if (string.Equals(error, "invalid_grant", StringComparison.Ordinal) || text.Contains("InvalidGrantException", StringComparison.Ordinal))
            {
                return null; // botocore: the refresh token was revoked or used up; only a new login helps.
            }

            throw new AwsCredentialsException(
                $"{_provider}: SSO-OIDC CreateToken at {endpoint} failed with HTTP {status}{(error is null ? "" : " " + error)}.");
        }

        if (!response.TryGetValue("accessToken", out var newAccessToken) || !response.TryGetValue("expiresIn", out var expiresIn)
            || !int.TryParse(expiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new AwsCredentialsException($"{_provider}: the SSO-OIDC CreateToken response has no accessToken or expiresIn.");
        }

        var updated = new Dictionary<string, string>
        {
            ["startUrl"] = startUrl,
            ["region"] = region,
            ["accessToken"] = newAccessToken,
            ["expiresAt"] = now.AddSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["clientId"] = clientId,
            ["clientSecret"] = clientSecret,
            ["registrationExpiresAt"] = registrationExpiresAt,
        };
        // botocore keeps a refresh token only when the response carries one.
        if (response.TryGetValue("refreshToken", out var newRefresh))
        {
            updated["refreshToken"] = newRefresh;
        }

        Write(path, updated);
        return newAccessToken;
    }

    // Written like botocore's JSONFileCache: the whole file, readable by the user only.
    private void Write(string path, Dictionary<string, string> token)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                foreach (var (key, value) in token)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(path, options);
            file.Write(stream.ToArray());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AwsCredentialsException($"{_provider}: could not write the refreshed SSO token to {path}: {exception.Message}", exception);
        }
    }

    // String and number members only; values are never quoted in messages (they are tokens).
    private Dictionary<string, string> Read(string text, string where, bool quiet = false)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException();
            }

            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.String)
                {
                    values[member.Name] = member.Value.GetString()!;
                }
                else if (member.Value.ValueKind == JsonValueKind.Number)
                {
                    values[member.Name] = member.Value.GetRawText();
                }
            }
        }
        catch (JsonException) when (quiet)
        {
        }
        catch (JsonException)
        {
            throw new AwsCredentialsException($"{_provider}: {where} is not a JSON object; run 'aws sso login --profile {_profile}'.");
        }

        return values;
    }
}
