using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace DataZone.Gen.Package.Tests;

/// <summary>Runs the <c>dotnet</c> command line as a child process, isolated from the build that started the tests.</summary>
internal static class DotNet
{
    /// <summary>The host that runs these tests; falls back to <c>dotnet</c> on the PATH.</summary>
    private static readonly string Host = ResolveHost();

    // Variables that the test host (started by `dotnet test`) inherits from MSBuild and that would point a child
    // build at the outer build's MSBuild or SDK instead of letting it resolve its own.
    private static readonly string[] InheritedBuildVariables =
    [
        "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED", "VSTEST_HOST_DEBUG", "VSTEST_RUNNER_DEBUG",
    ];

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await ChildProcess.RunAsync(Host, arguments, workingDirectory, timeout, startInfo =>
        {
            foreach (var name in InheritedBuildVariables)
            {
                startInfo.Environment.Remove(name);
            }

            startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
            startInfo.Environment["DOTNET_NOLOGO"] = "1";
            startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            // Worker nodes that outlive the command would keep its output pipes open.
            startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            if (environment is not null)
            {
                foreach (var (name, value) in environment)
                {
                    if (value is null)
                    {
                        startInfo.Environment.Remove(name);
                    }
                    else
                    {
                        startInfo.Environment[name] = value;
                    }
                }
            }
        });
        // Reported as the user would type it, whichever dotnet executable ran.
        return result with { CommandLine = "dotnet " + string.Join(' ', arguments) };
    }

    private static string ResolveHost()
    {
        // `dotnet test` sets DOTNET_HOST_PATH for the processes it starts; the test host itself runs under it too.
        var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return processPath;
        }

        return "dotnet";
    }
}
