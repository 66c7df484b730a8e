using System;
using System.Runtime.CompilerServices;

namespace DataZone.Gen.Runtime.Tests.Support;

/// <summary>
/// Runs before any test: no test may reach the EC2 or container metadata addresses (169.254.169.254, 169.254.170.2),
/// however its environment is built. The AppContext switch makes the runtime refuse those addresses; the process
/// variables cover code that reads the real environment. Cli.Tests and EndToEnd.Tests link this file, so every test
/// assembly that can build a client installs the same guard.
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
