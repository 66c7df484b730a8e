using System.Collections.Generic;
using System.Linq;
using System.Text;
using DataZone.Gen.Http;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Errors;

/// <summary>
/// The json protocol's errors. Each row where botocore answers is checked against botocore 1.43's JSONParser given the
/// same status, headers and body; the rows marked "Smithy" are where it would report the bare status code instead.
/// </summary>
public sealed class JsonErrorParsingTests
{
    private static AwsErrorDetails Parse(int status, string body, params (string Name, string Value)[] headers) =>
        AwsErrorDetails.FromJson(new AwsHttpResponse(status, Encoding.UTF8.GetBytes(body), headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))));

    [Theory]
    [InlineData("{\"__type\":\"com.amazonaws.kms#NotFoundException\",\"message\":\"No such key\"}", "NotFoundException", "No such key")]
    [InlineData("{\"__type\":\"NotFoundException:http://internal.amazon.com/coral/com.amazon.coral.validate/\",\"Message\":\"m\"}", "NotFoundException", "m")]
    [InlineData("{\"__type\":\"aws.protocoltests.json10#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/\"}", "FooError", null)]
    [InlineData("{\"__type\":\"a#b#C\"}", "C", null)]
    [InlineData("{\"message\":\"lower\",\"Message\":\"upper\",\"__type\":\"NotFoundException\"}", "NotFoundException", "lower")]
    [InlineData("{\"__type\":\"TheType\",\"code\":\"TheCode\"}", "TheType", null)]
    public void The_code_comes_from_the_type_field_without_namespace_or_uri(string body, string code, string? message)
    {
        var details = Parse(400, body, ("x-amzn-RequestId", "req-7"));

        Assert.Equal(code, details.ErrorCode);
        Assert.Equal(message, details.Message);
        Assert.Equal("req-7", details.RequestId);
        Assert.Null(details.QueryCompatibleCode);
        Assert.Null(details.FaultType);
    }

    [Fact]
    public void The_type_field_wins_over_the_error_type_header() =>
        Assert.Equal("FromType", Parse(400, "{\"__type\":\"FromType\"}", ("X-Amzn-ErrorType", "FromHeader")).ErrorCode);

    [Theory]
    [InlineData("FooError")]
    [InlineData("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")]
    public void Smithy_a_header_only_error_is_named_by_its_error_type_header(string header) =>
        Assert.Equal("FooError", Parse(500, "", ("X-Amzn-ErrorType", header)).ErrorCode);

    [Fact]
    public void Smithy_a_body_with_only_a_code_field_is_named_by_it() =>
        Assert.Equal("FooError", Parse(400, "{\"code\":\"FooError\"}").ErrorCode);

    [Fact]
    public void A_query_compatible_error_takes_the_query_code_and_keeps_the_type_and_fault()
    {
        var details = Parse(
            400,
            "{\"__type\":\"com.amazonaws.sqs#QueueDoesNotExist\",\"message\":\"gone\"}",
            ("x-amzn-query-error", "AWS.SimpleQueueService.NonExistentQueue;Sender"));

        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", details.ErrorCode);
        Assert.Equal("QueueDoesNotExist", details.QueryCompatibleCode);
        Assert.Equal("Sender", details.FaultType);
        Assert.Equal("gone", details.Message);
    }

    [Theory]
    [InlineData(";Sender")]
    [InlineData("A;B;C")]
    [InlineData("NoFault")]
    public void A_query_error_header_that_is_not_code_and_fault_is_ignored(string header)
    {
        var details = Parse(400, "{\"__type\":\"QueueDoesNotExist\"}", ("x-amzn-query-error", header));

        Assert.Equal("QueueDoesNotExist", details.ErrorCode);
        Assert.Null(details.QueryCompatibleCode);
        Assert.Null(details.FaultType);
    }

    [Theory]
    [InlineData(503, "not json", "503", "not json")]
    [InlineData(400, "", "400", null)]
    [InlineData(400, "{}", "400", null)]
    [InlineData(500, "[1,2]", "500", null)]
    [InlineData(400, "{\"__type\":\"Trunc", "400", "{\"__type\":\"Trunc")]
    [InlineData(400, "{\"__type\":\"Kept\",\"message\":", "Kept", null)]
    public void A_body_that_names_no_code_gives_the_status_code(int status, string body, string code, string? message)
    {
        var details = Parse(status, body);

        Assert.Equal(code, details.ErrorCode);
        Assert.Equal(message, details.Message);
    }

    [Fact]
    public void The_protocol_chooses_the_parser()
    {
        var response = new AwsHttpResponse(400, Encoding.UTF8.GetBytes("{\"__type\":\"FromType\",\"code\":\"FromCode\"}"));

        Assert.Equal("FromType", AwsErrorDetails.From(response, AwsProtocol.Json).ErrorCode);
        Assert.Equal("FromCode", AwsErrorDetails.From(response, AwsProtocol.RestJson).ErrorCode);
    }
}
