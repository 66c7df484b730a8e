using System;
using System.Collections.Generic;
using System.Text;
using DataZone.Gen.Auth;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Auth;

/// <summary>
/// Vectors from the AWS SigV4 test suite (credentials AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY,
/// 20150830T123600Z, us-east-1, service "service"), the IAM ListUsers example and the signing-key example of the
/// AWS General Reference, and botocore's double-encoded path (checked with botocore 1.43's SigV4Auth).
/// </summary>
public sealed class SigV4SignerTests
{
    private const string SuiteDate = "20150830T123600Z";
    private static readonly AwsCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    private static SigV4Request Request(string method, string path, params (string Name, string Value)[] query)
    {
        var request = new SigV4Request(method, path);
        request.Headers.Add(new("Host", "example.amazonaws.com"));
        foreach (var (name, value) in query)
        {
            request.Query.Add(new(name, value));
        }

        return request;
    }

    [Fact]
    public void Get_vanilla()
    {
        var result = SigV4Signer.Sign(Request("GET", "/"), Suite, "us-east-1", "service", SuiteTime);

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + SigV4Signer.EmptyPayloadHash,
            result.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            result.StringToSign);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Authorization);
        Assert.Equal(SuiteDate, result.AmzDate);
        Assert.Null(result.SecurityToken);
    }

    [Fact]
    public void Get_vanilla_query_order_key_case_sorts_by_encoded_name()
    {
        var result = SigV4Signer.Sign(Request("GET", "/", ("Param2", "value2"), ("Param1", "value1")), Suite, "us-east-1", "service", SuiteTime);

        Assert.Contains("\nParam1=value1&Param2=value2\n", result.CanonicalRequest);
        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", result.Signature);
    }

    [Fact]
    public void Get_vanilla_empty_query_key()
    {
        var result = SigV4Signer.Sign(Request("GET", "/", ("Param1", "value1")), Suite, "us-east-1", "service", SuiteTime);
        Assert.Equal("a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb", result.Signature);
    }

    [Fact]
    public void Get_vanilla_utf8_query_encodes_name_as_utf8()
    {
        var result = SigV4Signer.Sign(Request("GET", "/", ("ሴ", "bar")), Suite, "us-east-1", "service", SuiteTime);
        Assert.Contains("\n%E1%88%B4=bar\n", result.CanonicalRequest);
        Assert.Equal("2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04", result.Signature);
    }

    [Fact]
    public void Get_utf8_suite_path_is_unencoded_so_one_encoding_is_applied()
    {
        var result = SigV4Signer.Sign(Request("GET", "/ሴ"), Suite, "us-east-1", "service", SuiteTime);
        Assert.StartsWith("GET\n/%E1%88%B4\n", result.CanonicalRequest);
        Assert.Equal("8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85", result.Signature);
    }

    [Fact]
    public void Encoded_wire_path_is_encoded_again_like_botocore()
    {
        // The wire path /%E1%88%B4 becomes /%25E1%2588%25B4: non-S3 services double-encode.
        var result = SigV4Signer.Sign(Request("GET", "/%E1%88%B4"), Suite, "us-east-1", "service", SuiteTime);
        Assert.StartsWith("GET\n/%25E1%2588%25B4\n", result.CanonicalRequest);
        Assert.Equal("697b34846207a3f72246f99d74ae1ee4fe54f44bb06730c58a0d339eb079596d", result.Signature);
    }

    [Fact]
    public void Post_vanilla()
    {
        var result = SigV4Signer.Sign(Request("POST", "/"), Suite, "us-east-1", "service", SuiteTime);
        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", result.Signature);
    }

    [Fact]
    public void Post_x_www_form_urlencoded_signs_content_type_and_body_hash()
    {
        var request = Request("POST", "/");
        request.Headers.Add(new("Content-Type", "application/x-www-form-urlencoded"));
        request.PayloadHash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes("Param1=value1"));

        var result = SigV4Signer.Sign(request, Suite, "us-east-1", "service", SuiteTime);

        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", request.PayloadHash);
        Assert.Equal("content-type;host;x-amz-date", result.SignedHeaders);
        Assert.Equal("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", result.Signature);
    }

    [Fact]
    public void Iam_list_users_example_from_the_general_reference()
    {
        var request = new SigV4Request("GET", "/");
        request.Query.Add(new("Action", "ListUsers"));
        request.Query.Add(new("Version", "2010-05-08"));
        request.Headers.Add(new("Host", "iam.amazonaws.com"));
        request.Headers.Add(new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"));

        var result = SigV4Signer.Sign(request, Suite, "us-east-1", "iam", SuiteTime);

        Assert.EndsWith("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59", result.StringToSign);
        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", result.Signature);
        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
            Convert.ToHexString(SigV4Signer.DeriveSigningKey(Suite.SecretAccessKey, "20150830", "us-east-1", "iam")).ToLowerInvariant());
    }

    [Fact]
    public void Derive_signing_key_general_reference_example()
    {
        var key = SigV4Signer.DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexString(key).ToLowerInvariant());
    }

    [Fact]
    public void Session_token_is_added_and_signed()
    {
        var credentials = Suite with { SessionToken = "FQoGZXIvYXdzE+/token==" };
        var result = SigV4Signer.Sign(Request("GET", "/"), credentials, "us-east-1", "service", SuiteTime);

        Assert.Equal("host;x-amz-date;x-amz-security-token", result.SignedHeaders);
        Assert.Contains("\nx-amz-security-token:FQoGZXIvYXdzE+/token==\n", result.CanonicalRequest);
        Assert.Contains(result.Headers, h => h.Key == "X-Amz-Security-Token" && h.Value == "FQoGZXIvYXdzE+/token==");
        Assert.Equal(3, result.Headers.Count);
    }

    [Theory]
    [InlineData("", "/")]
    [InlineData("//", "/")]
    [InlineData("//example//", "/example/")]
    [InlineData("/example1/example2/../..", "/")]
    [InlineData("/example/./", "/example/")]
    [InlineData("/example space/", "/example%20space/")]
    [InlineData("/v2/domains/a%2Fb", "/v2/domains/a%252Fb")]
    [InlineData("/-._~", "/-._~")]
    [InlineData("/", "/")]
    [InlineData("/a/b/", "/a/b/")]
    [InlineData("a/b", "a/b")]
    [InlineData("/a/.b/..c/", "/a/.b/..c/")]
    [InlineData("/example/.", "/example")]
    [InlineData("/example/..", "/")]
    public void CanonicalUri_NormalizesAndEncodesLikeBotocore(string path, string expected) =>
        Assert.Equal(expected, SigV4Signer.CanonicalUri(path));

    [Fact]
    public void Canonical_uri_S3_style_keeps_path_as_given() =>
        Assert.Equal("/a%2Fb//c", SigV4Signer.CanonicalUri("/a%2Fb//c", escapePath: false));

    [Fact]
    public void Canonical_query_encodes_token_characters_and_sorts_repeated_names_by_value()
    {
        var query = new List<KeyValuePair<string, string>>
        {
            new("nextToken", "ab+c/d=="), new("b", "2"), new("b", "1"), new("a b", "x y"), new("empty", ""),
        };
        Assert.Equal("a%20b=x%20y&b=1&b=2&empty=&nextToken=ab%2Bc%2Fd%3D%3D", SigV4Signer.CanonicalQueryString(query));
    }

    [Fact]
    public void Canonical_headers_trims_collapses_and_joins_repeated_values()
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("My-Header1", "  value1  "), new("My-Header2", "\"a   b   c\""), new("my-header1", "value2"), new("Unsigned", "x"),
        };
        Assert.Equal("my-header1:value1,value2\nmy-header2:\"a b c\"\n",
            SigV4Signer.CanonicalHeaders(headers, new[] { "My-Header2", "my-header1" }));
    }

    [Fact]
    public void Sign_excludes_hop_by_hop_headers()
    {
        var request = Request("GET", "/");
        request.Headers.Add(new("User-Agent", "x"));
        request.Headers.Add(new("X-Amzn-Trace-Id", "Root=1"));
        request.Headers.Add(new("X-Amz-Date", "19990101T000000Z"));
        var result = SigV4Signer.Sign(request, Suite, "us-east-1", "service", SuiteTime);
        Assert.Equal("host;x-amz-date", result.SignedHeaders);
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Signature);
    }

    [Fact]
    public void Sign_without_host_is_rejected() =>
        Assert.Throws<ArgumentException>(() => SigV4Signer.Sign(new SigV4Request("GET", "/"), Suite, "us-east-1", "service", SuiteTime));

    [Fact]
    public void Sign_derives_a_new_signing_key_when_secret_day_region_or_service_change()
    {
        // Sign keeps the last signing key; each change below must be signed with a key derived afresh.
        var other = new AwsCredentials("AKIDOTHER", "other/K7MDENG+bPxRfiCYEXAMPLEKEY");
        var cases = new[]
        {
            (Suite, "us-east-1", "service", SuiteTime),
            (other, "us-east-1", "service", SuiteTime),
            (Suite, "us-east-1", "service", SuiteTime.AddDays(1)),
            (Suite, "eu-west-1", "service", SuiteTime),
            (Suite, "eu-west-1", "datazone", SuiteTime),
            (Suite, "us-east-1", "service", SuiteTime),
        };
        foreach (var (credentials, region, service, time) in cases)
        {
            var signed = SigV4Signer.Sign(Request("GET", "/"), credentials, region, service, time);
            var key = SigV4Signer.DeriveSigningKey(credentials.SecretAccessKey, signed.AmzDate.Substring(0, 8), region, service);
            Assert.Equal(SigV4Signer.ComputeSignature(key, signed.StringToSign), signed.Signature);
        }
    }

    [Fact]
    public void Verifier_round_trip_parse_authorization_and_recompute_signature()
    {
        var request = Request("GET", "/v2/domains/d%2F1", ("nextToken", "a+b"));
        var signed = SigV4Signer.Sign(request, Suite, "eu-west-1", "datazone", SuiteTime);

        Assert.True(SigV4Signer.TryParseAuthorization(signed.Authorization, out var authorization));
        Assert.Equal("AKIDEXAMPLE", authorization.AccessKeyId);
        Assert.Equal("20150830/eu-west-1/datazone/aws4_request", authorization.CredentialScope);
        Assert.Equal(new[] { "host", "x-amz-date" }, authorization.SignedHeaders);

        // The server sees the raw query and the headers as sent.
        var received = new SigV4Request("GET", "/v2/domains/d%2F1");
        received.Query.AddRange(SigV4Signer.ParseQuery("nextToken=a%2Bb"));
        received.Headers.Add(new("host", "example.amazonaws.com"));
        received.Headers.Add(new("x-amz-date", signed.AmzDate));
        received.Headers.Add(new("Authorization", signed.Authorization));
        var expected = SigV4Signer.ComputeSignature(received, authorization.SignedHeaders, Suite.SecretAccessKey, signed.AmzDate, "eu-west-1", "datazone");

        Assert.True(SigV4Signer.SignaturesMatch(expected, authorization.Signature));
        Assert.False(SigV4Signer.SignaturesMatch(expected, authorization.Signature.Replace('a', 'b')));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service, SignedHeaders=host, Signature=ab")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=ab, Extra=1")]
    public void TryParseAuthorization_RejectsMalformedHeaders(string? header) =>
        Assert.False(SigV4Signer.TryParseAuthorization(header, out _));

    [Fact]
    public void Parse_query_decodes_percent_keeps_plus_and_handles_bare_names()
    {
        var pairs = SigV4Signer.ParseQuery("a=1%2B2&b&c=x+y&d=%E1%88%B4&e=%zz");
        Assert.Equal(new KeyValuePair<string, string>[] { new("a", "1+2"), new("b", ""), new("c", "x+y"), new("d", "ሴ"), new("e", "%zz") }, pairs);
    }
}
