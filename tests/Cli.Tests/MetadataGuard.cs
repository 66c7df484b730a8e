using System;
using System.Runtime.CompilerServices;

namespace DataZone.Gen.Cli.Tests;

/// <summary>
/// Runs before any test: however a test builds the tool's environment, the runtime refuses the default EC2 and
/// container metadata addresses (169.254.169.254, 169.254.170.2), and the process's own variables cannot point there.
/// </summary>
internal static class MetadataGuard
{
    public const string Switch = "DataZone.Gen.Auth.BlockDefaultMetadataEndpoints";

    [ModuleInitializer]
    internal static void Install()
    {
        AppContext.SetSwitch(Switch, true);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var name in new[]
        {
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            "AWS_EC2_METADATA_SERVICE_ENDPOINT",
        })
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
