using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using DataZone.Gen.Http;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Errors;

public sealed class ErrorParsingTests
{
    private static AwsErrorDetails Parse(int status, string body, params (string, string)[] headers) =>
        AwsErrorDetails.FromRestJson(new AwsHttpResponse(status, Encoding.UTF8.GetBytes(body),
            headers.Select(h => new System.Collections.Generic.KeyValuePair<string, string>(h.Item1, h.Item2))));

    [Fact]
    public void Code_from_header_text_before_colon()
    {
        var details = Parse(400, "{\"message\":\"bad input\"}",
            ("X-Amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/"), ("x-amzn-RequestId", "req-1"));
        Assert.Equal("ValidationException", details.ErrorCode);
        Assert.Equal("bad input", details.Message);
        Assert.Equal("req-1", details.RequestId);
        Assert.Equal(400, details.StatusCode);
    }

    [Fact]
    public void Header_wins_over_body() =>
        Assert.Equal("FromHeader", Parse(400, "{\"__type\":\"FromType\",\"code\":\"FromCode\"}", ("x-amzn-errortype", "FromHeader")).ErrorCode);

    [Fact]
    public void Body_code_wins_over_type() =>
        Assert.Equal("FromCode", Parse(400, "{\"__type\":\"FromType\",\"code\":\"FromCode\"}").ErrorCode);

    [Theory]
    [InlineData("{\"__type\":\"com.amazon.coral.validate#ValidationException\"}", "ValidationException")]
    [InlineData("{\"code\":\"aws.protocoltests.restjson#FooError:http://internal.amazon.com/\"}", "FooError")]
    [InlineData("{\"Code\":\"ConflictException\"}", "ConflictException")]
    [InlineData("{\"__type\":\"a#b#AccessDeniedException\"}", "AccessDeniedException")]
    public void CodeFromBody_TextAfterHash(string body, string expected) => Assert.Equal(expected, Parse(400, body).ErrorCode);

    [Theory]
    [InlineData("{\"message\":\"lower\",\"Message\":\"upper\"}", "lower")]
    [InlineData("{\"Message\":\"upper\",\"errorMessage\":\"other\"}", "upper")]
    [InlineData("{\"errorMessage\":\"other\"}", "other")]
    public void Message_variants(string body, string expected) => Assert.Equal(expected, Parse(400, body).Message);

    [Fact]
    public void Request_id_from_S3_style_header() => Assert.Equal("r-2", Parse(500, "", ("x-amz-request-id", "r-2")).RequestId);

    [Fact]
    public void Empty_body_gives_status_and_reason()
    {
        var error = new AwsServiceException(Parse(503, ""));
        Assert.Equal("HTTP 503 ServiceUnavailable (no error body)", error.Message);
        Assert.Equal("", error.ErrorCode);
    }

    [Fact]
    public void Non_json_body_gives_status_and_a_printable_excerpt()
    {
        var error = new AwsServiceException(Parse(502, "<html>\n<body>Bad Gateway</body></html>", ("x-amzn-RequestId", "r-3")));
        Assert.Equal("HTTP 502 BadGateway (error body: <html> <body>Bad Gateway</body></html>), request id r-3", error.Message);
    }

    [Fact]
    public void Code_without_message_is_named_in_the_fallback() =>
        Assert.Equal("HTTP 400 BadRequest ValidationException (error body: {\"__type\":\"ValidationException\"})",
            new AwsServiceException(Parse(400, "{\"__type\":\"ValidationException\"}")).Message);

    [Fact]
    public void Unknown_status_still_described() =>
        Assert.Equal("HTTP 599 (no error body)", new AwsServiceException(Parse(599, "")).Message);

    [Theory]
    [InlineData("{\"message\": 42, \"code\": {\"nested\": true}, \"__type\": \"Real\"}", "Real", null)]
    [InlineData("[\"__type\", \"x\"]", "", null)]
    [InlineData("{\"message\":\"kept\", \"code\":\"Trunc", "", "kept")]
    [InlineData("{{{{", "", null)]
    [InlineData("null", "", null)]
    public void HostileBodies_AreToleratedAndKeepWhatWasReadable(string body, string code, string? message)
    {
        var details = Parse(400, body);
        Assert.Equal(code, details.ErrorCode);
        Assert.Equal(message, details.Message);
    }

    [Fact]
    public void Deeply_nested_body_does_not_crash()
    {
        var body = "{\"message\":\"deep\",\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.Equal("deep", Parse(400, body).Message);
    }

    [Fact]
    public void Random_bytes_never_crash_the_parser_or_the_message()
    {
        CsCheck.Gen.Byte.Array[0, 300].Sample(bytes =>
        {
            var details = AwsErrorDetails.FromRestJson(new AwsHttpResponse(500, bytes));
            var error = new AwsServiceException(details);
            Assert.False(string.IsNullOrEmpty(error.Message));
        });
    }

    [Fact]
    public void Random_jsonish_text_never_crashes()
    {
        CsCheck.Gen.Char["{}[]\":,#abc \\u0 1"].Array[0, 80].Select(chars => new string(chars)).Sample(text =>
        {
            var details = Parse(400, text);
            Assert.NotNull(details.ErrorCode);
        });
    }

    [Fact]
    public async Task Client_maps_modeled_errors_and_falls_back_when_the_mapper_throws()
    {
        var handler = new FakeHttpHandler()
            .Reply(HttpStatusCode.NotFound, "{\"message\":\"no such run\"}", ("X-Amzn-ErrorType", "ResourceNotFoundException"), ("x-amzn-RequestId", "r-4"))
            .Reply(HttpStatusCode.Conflict, "{\"message\":\"busy\"}", ("X-Amzn-ErrorType", "ConflictException"));
        var operation = new AwsOperation<TestClients.RunsRequest, string>("Op", TestClients.ListRuns.Marshal, _ => "ok",
            details => details.ErrorCode == "ConflictException" ? throw new FormatException("generated reader choked") : null);
        using var client = TestClients.Create(handler, out _);

        var notFound = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync(operation, TestClients.SampleRequest, CancellationToken.None));
        var conflict = await Assert.ThrowsAsync<AwsServiceException>(() => client.InvokeAsync(operation, TestClients.SampleRequest, CancellationToken.None));

        Assert.Equal(("ResourceNotFoundException", "no such run", "r-4", 404), (notFound.ErrorCode, notFound.Message, notFound.RequestId, notFound.StatusCode));
        Assert.Equal("ConflictException", conflict.ErrorCode);
        Assert.Equal("busy", conflict.Message);
    }

    [Fact]
    public void Request_validation_exception_lists_every_problem()
    {
        var error = new RequestValidationException("ListDataSourceRuns", new[] { "a is required.", "b is too long." });
        Assert.Equal($"Invalid ListDataSourceRuns request (2 problems):{Environment.NewLine}- a is required.{Environment.NewLine}- b is too long.", error.Message);
        Assert.IsAssignableFrom<ArgumentException>(error);
    }
}
