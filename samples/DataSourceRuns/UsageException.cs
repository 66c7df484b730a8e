using System;

namespace DataSourceRuns;

/// <summary>The command line (or a setting standing in for it) is wrong: exit code 2, the message names the argument.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
