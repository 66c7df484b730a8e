using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Runtime.Tests.Support;

namespace DataZone.Gen.Runtime.Tests.Auth;

/// <summary>A clock a test moves by hand.</summary>
internal sealed class FakeClock
{
    public DateTimeOffset Now { get; set; } = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>Replies of the fakes, written the way the real services write them.</summary>
internal static class AuthFakes
{
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A provider's credentials, as every credential test awaits them (imported with <c>using static</c>).</summary>
    public static Task<AwsCredentials> Get(IAwsCredentialsProvider provider) => provider.GetCredentialsAsync(CancellationToken.None).AsTask();

    public static CredentialProviderOptions Options(FakeEnvironment environment, FakeClock clock, string? profile = null) => new()
    {
        Environment = environment,
        Profile = profile,
        UtcNow = () => clock.Now,
        Delay = (_, _) => Task.CompletedTask,
    };

    public static FakeReply StsCredentials(string action, string accessKeyId, DateTimeOffset expiration, string secret = "sts-secret", string token = "sts-token") =>
        new(200, $"""
            <{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <{action}Result>
                <Credentials>
                  <AccessKeyId>{accessKeyId}</AccessKeyId>
                  <SecretAccessKey>{secret}</SecretAccessKey>
                  <SessionToken>{token}</SessionToken>
                  <Expiration>{Iso(expiration)}</Expiration>
                </Credentials>
                <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/R/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>
              </{action}Result>
              <ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>
            </{action}Response>
            """, "text/xml");

    public static FakeReply StsError(int status, string code, string message) =>
        new(status, $"""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>
              <RequestId>req-err</RequestId>
            </ErrorResponse>
            """, "text/xml");

    public static FakeReply ContainerCredentials(string accessKeyId, DateTimeOffset expiration, string secret = "container-secret", string token = "container-token") =>
        new(200, $$"""{"AccessKeyId":"{{accessKeyId}}","SecretAccessKey":"{{secret}}","Token":"{{token}}","Expiration":"{{Iso(expiration)}}","RoleArn":"arn:aws:iam::1:role/task"}""");

    public static FakeReply SsoRoleCredentials(string accessKeyId, DateTimeOffset expiration, string secret = "sso-secret", string token = "sso-token") =>
        new(200, $$$"""{"roleCredentials":{"accessKeyId":"{{{accessKeyId}}}","secretAccessKey":"{{{secret}}}","sessionToken":"{{{token}}}","expiration":{{{expiration.ToUnixTimeMilliseconds()}}}}}""");

    /// <summary>Recomputes the SigV4 signature of a request the fake received, as STS would.</summary>
    public static bool SignedBy(SeenRequest request, string accessKeyId, string secret, string service = "sts")
    {
        if (!SigV4Signer.TryParseAuthorization(request.Header("authorization"), out var authorization) || authorization.AccessKeyId != accessKeyId
            || authorization.Service != service)
        {
            return false;
        }

        var described = new SigV4Request(request.Method, request.Path) { PayloadHash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes(request.Body)) };
        described.Query.AddRange(SigV4Signer.ParseQuery(request.Query));
        foreach (var name in authorization.SignedHeaders)
        {
            described.Headers.Add(new(name, request.Header(name) ?? ""));
        }

        var expected = SigV4Signer.ComputeSignature(described, authorization.SignedHeaders, secret, request.Header("x-amz-date")!, authorization.Region, service);
        return SigV4Signer.SignaturesMatch(expected, authorization.Signature) && authorization.SignedHeaders.Contains("host");
    }
}
