using System.Xml;
using DataZone.Gen.Auth;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Auth;

public sealed class StsResponseTests
{
    private static readonly string[] Wanted = ["Error/Code", "Error/Message", "RequestId", "R/Credentials", "R/Credentials/AccessKeyId"];

    [Fact]
    public void Elements_are_found_by_local_name_whatever_their_namespace()
    {
        var response = StsResponse.Parse(
            "<x:Resp xmlns:x='urn:a' xmlns:y='urn:b'><x:R><y:Credentials><AccessKeyId>AKID</AccessKeyId></y:Credentials></x:R></x:Resp>", Wanted);

        Assert.True(response.Has("R/Credentials"));
        Assert.Equal("AKID", response.Value("R/Credentials/AccessKeyId"));
        Assert.Null(response.Value("RequestId"));
    }

    [Fact]
    public void The_first_error_is_read_and_a_later_errors_code_does_not_stand_in_for_a_missing_one()
    {
        var response = StsResponse.Parse(
            "<E><Error><Message>first</Message></Error><Error><Code>Second</Code><Message>second</Message></Error></E>", Wanted);

        Assert.Null(response.Value("Error/Code"));
        Assert.Equal("first", response.Value("Error/Message"));
    }

    [Fact]
    public void Values_join_text_cdata_and_entities_and_keep_their_inner_spaces()
    {
        var response = StsResponse.Parse(
            "<E>\n  <Error>\n    <Code> A&amp;B </Code>\n    <Message><![CDATA[x<y]]> z</Message>\n  </Error>\n  <RequestId/>\n</E>", Wanted);

        Assert.Equal(" A&B ", response.Value("Error/Code"));
        Assert.Equal("x<y z", response.Value("Error/Message"));
        Assert.Equal("", response.Value("RequestId"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml")]
    [InlineData("<E><Error></E>")]
    [InlineData("<E/><F/>")]
    [InlineData("<!DOCTYPE E [<!ENTITY x 'y'>]><E>&x;</E>")]
    public void A_body_that_is_not_well_formed_xml_fails_as_xml(string body) =>
        Assert.Throws<XmlException>(() => StsResponse.Parse(body, Wanted));
}
