using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DataZone.Gen.Auth;

/// <summary>
/// A profile's <c>credential_process</c>: the command is split like a POSIX shell would split it (quotes and
/// backslashes, no shell is started), run, and its standard output read as version 1 JSON (<c>Version</c>,
/// <c>AccessKeyId</c>, <c>SecretAccessKey</c>, optional <c>SessionToken</c> and <c>Expiration</c>). With an expiration
/// the command runs again before it. A non-zero exit, bad JSON or running past
/// <see cref="CredentialProviderOptions.CredentialProcessTimeout"/> fails with a message naming the profile.
/// </summary>
public sealed class ProcessCredentialsProvider : ICredentialsSource
{
    private readonly CredentialsContext _context;
    private readonly string? _profile;
    private readonly RefreshingCredentials _cache;

    /// <summary>Creates the provider.</summary>
    /// <param name="profileName">The profile; <see langword="null"/> means <c>AWS_PROFILE</c>, else <c>default</c>.</param>
    /// <param name="options">Environment, timeout, where stderr goes; <see langword="null"/> means the process and defaults.</param>
    public ProcessCredentialsProvider(string? profileName = null, CredentialProviderOptions? options = null)
        : this(new CredentialsContext(options), profileName)
    {
    }

    internal ProcessCredentialsProvider(CredentialsContext context, string? profile)
    {
        _context = context;
        _profile = profile;
        _cache = new RefreshingCredentials(Name, FetchAsync, context.UtcNow);
    }

    /// <summary>The provider's name in messages (and <see cref="DefaultCredentialsChain.Source"/>); never holds a secret.</summary>
    public string Name => $"credential_process (profile '{ProfileName}')";

    private string ProfileName => _profile ?? _context.Settings().ProfileName;

    /// <inheritdoc />
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => CredentialsSource.GetOrThrowAsync(this, cancellationToken);

    async ValueTask<CredentialsLookup> ICredentialsSource.LookupAsync(CancellationToken cancellationToken)
    {
        if (_cache.Current is null && Command() is null)
        {
            return CredentialsLookup.NotFound($"profile '{ProfileName}' has no credential_process");
        }

        return CredentialsLookup.Found(await _cache.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    private string? Command() =>
        _context.Settings().Files.GetProfile(ProfileName) is { } profile && profile.TryGetValue("credential_process", out var command) && command.Length > 0
            ? command
            : null;

    private async Task<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var command = Command() ?? throw new AwsCredentialsException($"{Name}: the profile no longer has credential_process.");
        var arguments = ShellSplit(command);
        if (arguments.Count == 0)
        {
            throw new AwsCredentialsException($"{Name}: credential_process is empty.");
        }

        var start = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        for (var i = 1; i < arguments.Count; i++)
        {
            start.ArgumentList.Add(arguments[i]);
        }

        using var process = new Process { StartInfo = start };
        var stderr = new StringBuilder();
        var passThrough = _context.Options.CredentialProcessErrorOutput;
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            if (passThrough is not null)
            {
                lock (passThrough)
                {
                    passThrough.WriteLine(line.Data);
                }
            }
            else
            {
                lock (stderr)
                {
                    stderr.AppendLine(line.Data);
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new AwsCredentialsException($"{Name}: could not start '{arguments[0]}': {exception.Message}.", exception);
        }

        process.BeginErrorReadLine();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_context.Options.CredentialProcessTimeout);
        string stdout;
        try
        {
            stdout = await process.StandardOutput.ReadToEndAsync(limit.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it exited meanwhile
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new AwsCredentialsException(
                $"{Name}: '{arguments[0]}' did not finish within {_context.Options.CredentialProcessTimeout.TotalSeconds:0.#} s and was stopped.");
        }

        if (process.ExitCode != 0)
        {
            string errors;
            lock (stderr)
            {
                errors = stderr.ToString().Trim();
            }

            throw new AwsCredentialsException(
                $"{Name}: '{arguments[0]}' exited with code {process.ExitCode}" + (errors.Length > 0 ? ": " + errors : ".")
                + " Fix the command or sign in with the tool it runs.");
        }

        return Parse(stdout);
    }

    private AwsCredentials Parse(string stdout)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stdout);
        }
        catch (JsonException)
        {
            // The output is not quoted: it may hold a secret that merely failed to parse.
            throw new AwsCredentialsException($"{Name}: the command's output is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AwsCredentialsException($"{Name}: the command's output is not a JSON object.");
            }

            if (!root.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
            {
                throw new AwsCredentialsException($"{Name}: unsupported or missing Version in the command's output; supported versions: 1.");
            }

            string? Field(string name, bool required)
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                {
                    return text;
                }

                return required ? throw new AwsCredentialsException($"{Name}: the command's output is missing {name}.") : null;
            }

            return new AwsCredentials(Field("AccessKeyId", true)!, Field("SecretAccessKey", true)!, Field("SessionToken", false))
            {
                Expiration = Field("Expiration", false) is { } expiration ? StsClient.ParseTime(expiration, $"{Name}: Expiration") : null,
            };
        }
    }

    /// <summary>Python's shlex.split (POSIX mode), which botocore uses: quotes group, backslash escapes outside single quotes.</summary>
    internal static List<string> ShellSplit(string command)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
                {
                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\' && i + 1 < command.Length)
                {
                    current.Append(command[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
        }

        if (quote != '\0')
        {
            throw new AwsCredentialsException("credential_process: the command has an unclosed quote.");
        }

        if (inWord)
        {
            result.Add(current.ToString());
        }

        return result;
    }
}
