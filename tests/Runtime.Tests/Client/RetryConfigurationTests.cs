using System;
using System.Collections.Generic;
using DataZone.Gen.Runtime.Tests.Support;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Client;

/// <summary><c>AWS_MAX_ATTEMPTS</c> / <c>max_attempts</c> and <c>AWS_RETRY_MODE</c> / <c>retry_mode</c>, read through the client's environment.</summary>
public sealed class RetryConfigurationTests : IDisposable
{
    private readonly FakeEnvironment _files = new();
    private readonly Dictionary<string, string?> _variables = new() { ["AWS_REGION"] = "us-east-1" };
    private readonly FakeHttpHandler _handler = new();

    public void Dispose() => _files.Dispose();

    private AwsServiceClient Client(Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions { Environment = AwsEnvironment.FromVariables(_variables), HttpMessageHandler = _handler };
        configure?.Invoke(options);
        return new AwsServiceClient(TestClients.DataZone, options);
    }

    [Fact]
    public void Default_is_three_attempts()
    {
        using var client = Client();
        Assert.Equal(3, client.MaxAttempts);
    }

    [Fact]
    public void Aws_max_attempts_sets_the_attempts()
    {
        _variables["AWS_MAX_ATTEMPTS"] = " 7 ";
        using var client = Client();
        Assert.Equal(7, client.MaxAttempts);
    }

    [Fact]
    public void Explicit_option_beats_the_environment_and_the_options_are_not_changed()
    {
        _variables["AWS_MAX_ATTEMPTS"] = "7";
        var shared = new AwsRetryOptions();
        using (var fromEnvironment = Client(o => o.Retry = shared))
        {
            Assert.Equal(7, fromEnvironment.MaxAttempts);
        }

        Assert.Equal(3, shared.MaxAttempts); // the caller's object still reads as unset

        shared.MaxAttempts = 2;
        using var explicitly = Client(o => o.Retry = shared);
        Assert.Equal(2, explicitly.MaxAttempts);
    }

    [Fact]
    public void Profile_max_attempts_after_the_variable()
    {
        _variables["HOME"] = _files.HomeDirectory;
        _files.WriteFile(".aws/config", "[default]\nmax_attempts = 4\nretry_mode = standard\n");
        using (var fromProfile = Client())
        {
            Assert.Equal(4, fromProfile.MaxAttempts);
        }

        _variables["AWS_MAX_ATTEMPTS"] = "6";
        using var fromVariable = Client();
        Assert.Equal(6, fromVariable.MaxAttempts);
    }

    [Theory]
    [InlineData("many")]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("2.5")]
    public void MalformedAwsMaxAttempts_IsAClearError(string value)
    {
        _variables["AWS_MAX_ATTEMPTS"] = value;
        var error = Assert.Throws<AwsClientException>(() => Client());
        Assert.Equal($"AWS_MAX_ATTEMPTS must be a positive integer (attempts including the first); got '{value}'.", error.Message);
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("STANDARD")]
    public void Retry_mode_standard_is_accepted(string mode)
    {
        _variables["AWS_RETRY_MODE"] = mode;
        using var client = Client();
        Assert.Equal(3, client.MaxAttempts);
    }

    [Theory]
    [InlineData("legacy")]
    [InlineData("adaptive")]
    [InlineData("standrad")]
    public void Other_retry_modes_are_a_clear_error(string mode)
    {
        _variables["AWS_RETRY_MODE"] = mode;
        var error = Assert.Throws<AwsClientException>(() => Client(o => o.Retry.MaxAttempts = 2));
        Assert.Contains($"AWS_RETRY_MODE is '{mode}'", error.Message);
        Assert.Contains("only the 'standard' retry mode", error.Message);
    }

    [Fact]
    public void Profile_retry_mode_is_checked_too()
    {
        _variables["HOME"] = _files.HomeDirectory;
        _files.WriteFile(".aws/config", "[default]\nretry_mode = adaptive\n");
        var error = Assert.Throws<AwsClientException>(() => Client());
        Assert.Contains("'retry_mode' of profile 'default'", error.Message);
        Assert.Contains("'adaptive'", error.Message);
    }
}
