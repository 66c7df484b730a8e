using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Cli.Tests;

/// <summary>Usage errors exit with 2 before anything is sent, and the message names the argument.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("--page-size must be between 1 and 50", "list-runs", "--page-size", "0")]
    [InlineData("--page-size must be between 1 and 50", "list-runs", "--page-size", "51")]
    [InlineData("--page-size must be between 1 and 50", "list-runs", "--page-size", "ten")]
    [InlineData("--max-items", "list-runs", "--max-items", "0")]
    [InlineData("--max-items", "list-runs", "--max-items", "-3")]
    [InlineData("'--bogus'", "list-runs", "--bogus")]
    [InlineData("'extra'", "list-runs", "extra")]
    [InlineData("--output must be one of table, json, csv; got 'xml'", "list-runs", "--output", "xml")]
    [InlineData("--status must be one of REQUESTED, RUNNING, FAILED, PARTIALLY_SUCCEEDED, SUCCESS; got 'DONE'", "list-runs", "--status", "DONE")]
    [InlineData("--endpoint must be an absolute http or https URL", "list-runs", "--endpoint", "localhost:4566")]
    [InlineData("--endpoint must be an absolute http or https URL", "list-runs", "--endpoint", "ftp://example.com")]
    [InlineData("--region must be a region name", "list-runs", "--region", "us east 1")]
    [InlineData("--domain must not be empty", "list-runs", "--domain", "")]
    [InlineData("--page-size", "list-runs", "--page-size")]
    [InlineData("list-runs", "list")]
    [InlineData("a command is required")]
    public async Task Usage_errors_exit_2_and_name_the_argument(string expectedMessage, params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expectedMessage, result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Help_lists_every_option_the_exit_codes_and_where_runs_come_from()
    {
        foreach (var args in new[] { new[] { "--help" }, new[] { "list-runs", "--help" }, new[] { "list-runs", "-h" } })
        {
            var result = await CliRunner.RunAsync(args);

            Assert.True(result.ExitCode == 0, result.ToString());
            foreach (var option in new[] { "--domain", "--data-source", "--status", "--max-items", "--page-size", "--starting-token", "--output", "--endpoint", "--region", "--profile" })
            {
                Assert.Contains(option, result.Stdout);
            }

            Assert.Contains("Exit codes", result.Stdout);
            Assert.Contains("embedded DataZone emulator", result.Stdout);
            Assert.Contains("PARTIALLY_SUCCEEDED", result.Stdout);
        }
    }

    [Fact]
    public async Task Help_wins_over_other_errors()
    {
        var result = await CliRunner.RunAsync("list-runs", "--page-size", "0", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--page-size", result.Stdout);
    }
}
