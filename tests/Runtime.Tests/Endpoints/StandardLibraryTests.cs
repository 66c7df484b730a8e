using System.Collections.Generic;
using System.Linq;
using DataZone.Gen.Endpoints;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>Each function of the rules language's standard library; expected values are what botocore's RuleSetStandardLibrary returns.</summary>
public sealed class StandardLibraryTests
{
    private static EndpointValue S(string value) => EndpointValue.From(value);

    private static EndpointValue B(bool value) => EndpointValue.From(value);

    [Fact]
    public void IsSet_is_false_only_for_an_unset_value()
    {
        Assert.False(EndpointFunctions.IsSet(null));
        Assert.False(EndpointFunctions.IsSet(EndpointValue.Null));
        Assert.True(EndpointFunctions.IsSet(S("")));
        Assert.True(EndpointFunctions.IsSet(B(false)));
    }

    [Fact]
    public void Not_follows_python_truthiness()
    {
        Assert.True(EndpointFunctions.IsTruthy(B(true)));
        Assert.False(EndpointFunctions.IsTruthy(B(false)));
        Assert.False(EndpointFunctions.IsTruthy(null));
        Assert.False(EndpointFunctions.IsTruthy(S("")));
        Assert.True(EndpointFunctions.IsTruthy(S("x")));
        Assert.False(EndpointFunctions.IsTruthy(EndpointValue.FromArray([])));
        Assert.True(EndpointFunctions.IsTruthy(EndpointValue.FromStrings(["a"])));
    }

    [Fact]
    public void BooleanEquals_compares_booleans_and_refuses_anything_else()
    {
        Assert.True(EndpointFunctions.BooleanEquals(B(true), B(true)));
        Assert.False(EndpointFunctions.BooleanEquals(B(true), B(false)));
        var error = Assert.Throws<EndpointResolutionException>(() => EndpointFunctions.BooleanEquals(null, B(true)));
        Assert.Equal("Both arguments must be bools, not <class 'NoneType'> and <class 'bool'>.", error.Message);
    }

    [Fact]
    public void StringEquals_is_ordinal_and_refuses_non_strings()
    {
        Assert.True(EndpointFunctions.StringEquals(S("aws"), S("aws")));
        Assert.False(EndpointFunctions.StringEquals(S("aws"), S("AWS")));
        var error = Assert.Throws<EndpointResolutionException>(() => EndpointFunctions.StringEquals(S("a"), B(true)));
        Assert.Equal("Both values must be strings, not <class 'str'> and <class 'bool'>.", error.Message);
    }

    [Theory]
    [InlineData("a.b[1]", "\"y\"")]
    [InlineData("a.b", "[\"x\",\"y\"]")]
    [InlineData("list[0]", "{\"c\":\"z\"}")]
    [InlineData("list[0].c", "\"z\"")]
    [InlineData("a.b[2]", null)]
    [InlineData("missing", null)]
    [InlineData("a.missing.deeper", null)]
    public void GetAttr_follows_member_and_index_paths(string path, string? expectedJson)
    {
        var record = EndpointValue.FromObject(new Dictionary<string, EndpointValue>
        {
            ["a"] = EndpointValue.FromObject(new Dictionary<string, EndpointValue> { ["b"] = EndpointValue.FromStrings(["x", "y"]) }),
            ["list"] = EndpointValue.FromArray([EndpointValue.FromObject(new Dictionary<string, EndpointValue> { ["c"] = S("z") })]),
        });
        Assert.Equal(expectedJson, EndpointFunctions.GetAttr(record, path)?.ToJson());
    }

    [Fact]
    public void GetAttr_indexes_a_list_with_a_bare_index()
    {
        Assert.Equal("b", EndpointFunctions.GetAttr(EndpointValue.FromStrings(["a", "b"]), "[1]")!.AsString());
        Assert.Null(EndpointFunctions.GetAttr(S("not a list"), "[0]"));
    }

    [Theory]
    [InlineData("abcdefg", 0, 3, false, "abc")]
    [InlineData("abcdefg", 0, 3, true, "efg")]
    [InlineData("abcdefg", 1, 4, true, "def")]
    [InlineData("abc", 0, 3, false, "abc")]
    [InlineData("abc", 0, 4, false, null)]
    [InlineData("abc", 2, 2, false, null)]
    [InlineData("abc", 3, 1, false, null)]
    [InlineData("ab€cd", 0, 2, false, null)]
    [InlineData("abc", -1, 2, false, null)]
    public void Substring_counts_from_either_end_and_gives_nothing_out_of_range_or_for_non_ascii(string value, int start, int stop, bool reverse, string? expected) =>
        Assert.Equal(expected, EndpointFunctions.Substring(S(value), start, stop, reverse));

    [Fact]
    public void Substring_of_a_non_string_is_an_error()
    {
        var error = Assert.Throws<EndpointResolutionException>(() => EndpointFunctions.Substring(null, 0, 1, false));
        Assert.Equal("Input must be a string, not <class 'NoneType'>.", error.Message);
    }

    [Theory]
    [InlineData("a b/c?d=e&f+g~h_i.j-k", "a%20b%2Fc%3Fd%3De%26f%2Bg~h_i.j-k")]
    [InlineData(":/?#[]@!$&'()*+,;=%", "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25")]
    [InlineData("ü€", "%C3%BC%E2%82%AC")]
    [InlineData("", "")]
    public void UriEncode_keeps_only_unreserved_characters(string value, string expected) =>
        Assert.Equal(expected, EndpointFunctions.UriEncode(value));

    [Theory]
    [InlineData("https://example.com", "https", "example.com", "", "/", false)]
    [InlineData("https://example.com:8443/a/b", "https", "example.com:8443", "/a/b", "/a/b/", false)]
    [InlineData("http://localhost:4566/prefix/../a//b/./c/", "http", "localhost:4566", "/prefix/../a//b/./c/", "/a/b/c/", false)]
    [InlineData("http://a.com/with space/ü", "http", "a.com", "/with space/ü", "/with%20space/%C3%BC/", false)]
    [InlineData("HTTPS://Example.COM/A", "https", "Example.COM", "/A", "/A/", false)]
    [InlineData("https://user@host:1/p#frag", "https", "user@host:1", "/p", "/p/", false)]
    [InlineData("https://a.com/?", "https", "a.com", "/", "/", false)]
    [InlineData("https://a.com:", "https", "a.com:", "", "/", false)]
    [InlineData("https://127.0.0.1:8443", "https", "127.0.0.1:8443", "", "/", true)]
    [InlineData("https://300.1.1.1/", "https", "300.1.1.1", "/", "/", true)]
    [InlineData("https://[::1]:9000/x", "https", "[::1]:9000", "/x", "/x/", true)]
    [InlineData("https://[fe80::1%25en0]/", "https", "[fe80::1%25en0]", "/", "/", true)]
    public void ParseUrl_splits_like_python_urlparse_and_normalizes_the_path(string url, string scheme, string authority, string path, string normalizedPath, bool isIp)
    {
        var parsed = EndpointFunctions.ParseUrl(url)!;
        Assert.Equal(scheme, parsed.Member("scheme")!.AsString());
        Assert.Equal(authority, parsed.Member("authority")!.AsString());
        Assert.Equal(path, parsed.Member("path")!.AsString());
        Assert.Equal(normalizedPath, parsed.Member("normalizedPath")!.AsString());
        Assert.Equal(isIp, parsed.Member("isIp")!.AsBoolean());
    }

    [Theory]
    [InlineData("ftp://a.com")]
    [InlineData("https://a.com?x=1")]
    [InlineData("https://a.com:notaport")]
    [InlineData("https://a.com:70000")]
    [InlineData("https://[::1/x")]
    [InlineData("example.com")]
    public void ParseUrl_gives_nothing_for_other_schemes_queries_and_bad_ports(string url) =>
        Assert.Null(EndpointFunctions.ParseUrl(url));

    [Theory]
    [InlineData("abc", false, true)]
    [InlineData("a.b", false, false)]
    [InlineData("a.b", true, true)]
    [InlineData("-abc", false, false)]
    [InlineData("abc-", false, false)]
    [InlineData("ab_c", false, false)]
    [InlineData("", false, false)]
    [InlineData("a..b", true, false)]
    [InlineData(".a", true, false)]
    [InlineData("a.b-.c", true, false)]
    public void IsValidHostLabel_checks_each_label_only_when_subdomains_are_allowed(string value, bool allowSubDomains, bool expected) =>
        Assert.Equal(expected, EndpointFunctions.IsValidHostLabel(value, allowSubDomains));

    [Fact]
    public void IsValidHostLabel_allows_63_characters_not_64()
    {
        Assert.True(EndpointFunctions.IsValidHostLabel(new string('a', 63), false));
        Assert.False(EndpointFunctions.IsValidHostLabel(new string('a', 64), false));
        Assert.False(EndpointFunctions.IsValidHostLabel(null, true));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/key:with:colons", "aws", "s3", "", "", "bucket,key,with,colons")]
    [InlineData("arn:aws:iam::123:role/path/name", "aws", "iam", "", "123", "role,path,name")]
    [InlineData("arn:aws:kinesis:us-east-1:123:stream:my:stream", "aws", "kinesis", "us-east-1", "123", "stream,my,stream")]
    [InlineData("arn:aws-cn:sqs:cn-north-1:1:q", "aws-cn", "sqs", "cn-north-1", "1", "q")]
    public void ParseArn_keeps_colons_of_the_resource_as_separators(string arn, string partition, string service, string region, string account, string resource)
    {
        var parsed = EndpointFunctions.ParseArn(arn)!;
        Assert.Equal(partition, parsed.Member("partition")!.AsString());
        Assert.Equal(service, parsed.Member("service")!.AsString());
        Assert.Equal(region, parsed.Member("region")!.AsString());
        Assert.Equal(account, parsed.Member("accountId")!.AsString());
        Assert.Equal(resource.Split(','), EndpointFunctions.GetAttr(parsed, "resourceId")!.AsArray().Select(v => v.AsString()));
    }

    [Theory]
    [InlineData("arn:aws::us-east-1:1:r")]
    [InlineData("arn:aws:s3:us-east-1:1:")]
    [InlineData("arn:aws:s3")]
    [InlineData("not:an:arn:a:b:c")]
    public void ParseArn_gives_nothing_without_partition_service_or_resource(string value) =>
        Assert.Null(EndpointFunctions.ParseArn(value));

    [Theory]
    [InlineData("my-bucket", false, true)]
    [InlineData("my.bucket", false, false)]
    [InlineData("my.bucket", true, true)]
    [InlineData("ab", false, false)]
    [InlineData("MyBucket", false, false)]
    [InlineData("192.168.1.1", true, false)]
    [InlineData("my..bucket", true, false)]
    public void IsVirtualHostableS3Bucket_wants_lower_case_labels_and_no_ip_address(string value, bool allowSubDomains, bool expected) =>
        Assert.Equal(expected, EndpointFunctions.IsVirtualHostableS3Bucket(value, allowSubDomains));

    [Theory]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    [InlineData("aws-global", "aws")]
    [InlineData("aws-cn-global", "aws-cn")]
    [InlineData("us-isof-south-1", "aws-iso-f")]
    [InlineData("eu-isoe-west-1", "aws-iso-e")]
    [InlineData("mars-north-1", "aws")]
    [InlineData(null, "aws")]
    public void Partition_matches_listed_regions_then_regexes_then_defaults_to_aws(string? region, string expected) =>
        Assert.Equal(expected, Partitions.For(region).Output.Member("name")!.AsString());

    [Fact]
    public void Partition_output_has_the_fields_rules_read()
    {
        var output = Partitions.For("us-isof-south-1").Output;
        Assert.Equal("csp.hci.ic.gov", output.Member("dnsSuffix")!.AsString());
        Assert.Equal("api.aws.hci.ic.gov", output.Member("dualStackDnsSuffix")!.AsString());
        Assert.Equal("us-isof-south-1", output.Member("implicitGlobalRegion")!.AsString());
        Assert.True(output.Member("supportsFIPS")!.AsBoolean());
        Assert.True(output.Member("supportsDualStack")!.AsBoolean());
    }
}
