using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace DataZone.Gen.Pipeline;

/// <summary>
/// Builds the <c>User-Agent</c> in the AWS SDKs' shape, for example
/// <c>datazone-gen/1.0.0 os/linux lang/dotnet#8.0.1 md/arch#x64 api/datazone#2018-05-10 myapp/1.2</c>.
/// </summary>
internal static class UserAgent
{
    public static readonly string Version = ReadVersion();

    public static string Build(AwsServiceMetadata service, string? suffix)
    {
        var text = new StringBuilder("datazone-gen/").Append(Version)
            .Append(" os/").Append(Token(OperatingSystemName()))
            .Append(" lang/dotnet#").Append(Token(Environment.Version.ToString()))
            .Append(" md/arch#").Append(Token(RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()))
            .Append(" api/").Append(Token(service.ServiceId.Replace(' ', '-').ToLowerInvariant()))
            .Append('#').Append(Token(service.ApiVersion));
        if (!string.IsNullOrWhiteSpace(suffix))
        {
            text.Append(' ').Append(Printable(suffix.Trim()));
        }

        return text.ToString();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "other";

    // The AWS user-agent grammar allows these characters in a token; others become '-'.
    private static string Token(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || "!$%&'*+-.^_`|~".IndexOf(c) >= 0 ? c : '-');
        }

        return builder.ToString();
    }

    // A header value cannot carry control or non-ASCII characters; the suffix is the caller's text.
    private static string Printable(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '-');
        }

        return builder.ToString();
    }

    private static string ReadVersion()
    {
        var assembly = typeof(UserAgent).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+'); // drop the source-revision metadata
        return Token(plus >= 0 ? version.Substring(0, plus) : version);
    }
}
