using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DataZone.Gen.Endpoints;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Endpoints;

/// <summary>
/// The hand-written checks against the .NET regexes they replace, on chosen edge cases and on every UTF-16 code unit
/// placed where the regex's character classes (<c>\w</c>, <c>\d</c>, ASCII ranges) decide.
/// </summary>
public sealed class TextPatternsTests
{
    private static readonly string[] Edges =
    [
        "", "\n", "a", "-", "a-", "-a", "a\n", "a\n\n", "\na", "us-east-1", "us-east-1\n", "us-east-1\n\n", "us-east-1 ", "US-EAST-1",
        "us-east-", "us--1", "us-east-1-", "us-ea_st-12", "us-east-01", "us-east1", "us-iso-east-1", "us-isob-east-1", "us-gov-west-1",
        "us-gov-west-1a", "cn-north-1", "eusc-de-east-1", "eusc-fr-east-1", "eu-isoe-west-1", "us-isof-south-1", "il-central-1",
        "aws-global", "xx-east-1", "us-é-1", "us-east-١", "us-east-1\r", "a.b", "1.2.3.4", "1.2.3.4\n", "1.2.3", "1.2.3.4.5",
        "01.002.255.999", "1234.1.1.1", "1..2.3", ".1.2.3", "1.2.3.", "[1]", "a[0]", "a_b[12]", "a[]", "a[x]", "a[1]]", "a[1][2]",
        "é[٣]", "a[1]\n", "[", "]", "a]", new string('a', 62), new string('a', 63), new string('a', 64), new string('a', 63) + "\n",
        "a" + new string('-', 61) + "a", "a" + new string('-', 62) + "a",
    ];

    public static IEnumerable<object[]> RegionRegexes => Partitions.All.Select(p => new object[] { p.RegionRegex });

    [Theory]
    [MemberData(nameof(RegionRegexes))]
    public void Every_partition_region_pattern_matches_exactly_what_its_regex_matches(string regionRegex)
    {
        var pattern = RegionPattern.Parse(regionRegex);
        var regex = new Regex(regionRegex, RegexOptions.CultureInvariant);
        var samples = Edges.Concat(Partitions.All.SelectMany(p => p.Regions))
            .Concat(Partitions.All.SelectMany(p => p.Regions).Select(r => r + "0"))
            .Concat(EveryCodeUnitIn(["us-{0}ast-1", "cn-east-{0}", "us-iso{0}east-1", "eusc-de-{0}-1", "eu{0}east-1", "us-gov-{0}"]));

        Assert.All(samples, s => Assert.True(regex.IsMatch(s) == pattern.IsMatch(s), $"'{Escape(s)}' against {regionRegex}"));
    }

    [Theory]
    [InlineData(@"^(us|eu)\-\w+$")]
    [InlineData(@"^us\-\w+\-\d+")]
    [InlineData(@"^us.\-\w+\-\d+$")]
    [InlineData(@"^(us|eu)(de)\-\w+\-\d+$")]
    [InlineData(@"^(u-s)\-\w+\-\d+$")]
    public void A_region_regex_of_another_shape_is_refused(string regionRegex) =>
        Assert.Throws<NotSupportedException>(() => RegionPattern.Parse(regionRegex));

    [Fact]
    public void Region_names_are_checked_as_botocore_checks_them() =>
        AssertSame(@"^[a-zA-Z0-9](?:[a-zA-Z0-9\-]{0,61}[a-zA-Z0-9])?$", TextPatterns.IsValidRegion, ["a{0}b", "{0}", "{0}-1"]);

    [Fact]
    public void Host_labels_are_checked_as_rfc_1123_labels() =>
        AssertSame(@"^(?!-)[a-zA-Z\d-]{1,63}(?<!-)$", TextPatterns.IsHostLabel, ["a{0}b", "{0}", "{0}-", "-{0}"]);

    [Fact]
    public void Ipv4_addresses_are_four_runs_of_one_to_three_ascii_digits() =>
        AssertSame(@"^(?:[0-9]{1,3}\.){3}[0-9]{1,3}$", TextPatterns.IsIpv4, ["1.2.3.{0}", "{0}.2.3.4", "1.2{0}3.4"]);

    [Fact]
    public void Indexed_member_paths_split_into_name_and_index_as_the_regex_groups_did()
    {
        var regex = new Regex(@"^(\w*)\[(\d+)\]$");
        Assert.All(Edges.Concat(EveryCodeUnitIn(["a{0}[1]", "{0}[2]", "a[{0}]", "a[1{0}]"])), s =>
        {
            var match = regex.Match(s);
            var parsed = TextPatterns.TryParseIndexedPart(s, out var name, out var index);
            Assert.True(match.Success == parsed, $"'{Escape(s)}'");
            if (parsed)
            {
                Assert.Equal(match.Groups[1].Value, name);
                Assert.Equal(match.Groups[2].Value, index.ToString());
            }
        });
    }

    private static void AssertSame(string pattern, Func<string, bool> check, string[] templates)
    {
        var regex = new Regex(pattern);
        Assert.All(Edges.Concat(EveryCodeUnitIn(templates)), s => Assert.True(regex.IsMatch(s) == check(s), $"'{Escape(s)}' against {pattern}"));
    }

    private static IEnumerable<string> EveryCodeUnitIn(string[] templates) =>
        Enumerable.Range(0, char.MaxValue + 1).SelectMany(c => templates.Select(t => t.Replace("{0}", ((char)c).ToString())));

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
