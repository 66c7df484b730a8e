using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace DataSourceRuns;

/// <summary>The output formats of <c>list-runs</c>.</summary>
internal enum OutputFormat
{
    /// <summary>A table for people, with a closing summary (runs by status).</summary>
    Table,

    /// <summary>One JSON object per run per line, with the API's wire field names.</summary>
    Json,

    /// <summary>A header and one RFC 4180 record per run.</summary>
    Csv,
}

/// <summary>The validated arguments of <c>list-runs</c>.</summary>
internal sealed record ListRunsSettings
{
    /// <summary>The service's page-size bounds (the model's <c>MaxResults</c> shape, sent as <c>maxResults</c>).</summary>
    public const int MinPageSize = 1, MaxPageSize = 50;

    public string? Domain { get; init; }
    public string? DataSource { get; init; }
    public DataSourceRunStatus? Status { get; init; }
    public int? MaxItems { get; init; }
    public int? PageSize { get; init; }
    public string? StartingToken { get; init; }
    public OutputFormat Output { get; init; } = OutputFormat.Table;
    public Uri? Endpoint { get; init; }
    public string? Region { get; init; }
    public string? Profile { get; init; }
    public TimeSpan? ConnectTimeout { get; init; }
    public TimeSpan? ReadTimeout { get; init; }

    /// <summary>The status values the model knows, as the help and errors list them.</summary>
    public static string KnownStatuses => string.Join(", ", DataSourceRunStatus.KnownValues.Select(s => s.Value));

    public static bool TryParseEndpoint(string text, out Uri endpoint)
    {
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https" && parsed.Host.Length > 0)
        {
            endpoint = parsed;
            return true;
        }

        endpoint = null!;
        return false;
    }

    // Custom parsers below put their own message, naming the option, on the parse result; the tool turns
    // every parse error into exit code 2.

    internal static string? ParseText(ArgumentResult result, string option)
    {
        var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (string.IsNullOrWhiteSpace(value))
        {
            result.AddError($"{option} must not be empty.");
            return null;
        }

        return value.Trim();
    }

    internal static int? ParsePageSize(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value is >= MinPageSize and <= MaxPageSize)
        {
            return value;
        }

        result.AddError($"--page-size must be between {MinPageSize} and {MaxPageSize}; got '{text}'.");
        return null;
    }

    /// <summary>Seconds, as the AWS CLI's <c>--cli-connect-timeout</c>/<c>--cli-read-timeout</c>: 0 means no limit.</summary>
    internal static TimeSpan? ParseTimeout(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 86_400)
        {
            return seconds == 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"{option} must be a number of seconds from 0 (no limit) to 86400; got '{text}'.");
        return null;
    }

    internal static int? ParseMaxItems(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        result.AddError($"--max-items must be a whole number of at least 1; got '{text}'.");
        return null;
    }

    internal static DataSourceRunStatus? ParseStatus(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        foreach (var known in DataSourceRunStatus.KnownValues)
        {
            if (string.Equals(known.Value, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        result.AddError($"--status must be one of {KnownStatuses}; got '{text}'.");
        return null;
    }

    internal static OutputFormat ParseOutput(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        switch (text.Trim().ToLowerInvariant())
        {
            case "table": return OutputFormat.Table;
            case "json": return OutputFormat.Json;
            case "csv": return OutputFormat.Csv;
            default:
                result.AddError($"--output must be one of table, json, csv; got '{text}'.");
                return OutputFormat.Table;
        }
    }

    internal static Uri? ParseEndpoint(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (TryParseEndpoint(text, out var endpoint))
        {
            return endpoint;
        }

        result.AddError($"--endpoint must be an absolute http or https URL, for example http://127.0.0.1:4566; got '{text}'.");
        return null;
    }

    internal static string? ParseRegion(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value.Trim() : "";
        // A region is a DNS label: it becomes part of the endpoint host and of the signature scope.
        if (text.Length is > 0 and <= 63 && text[0] != '-' && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return text;
        }

        result.AddError($"--region must be a region name such as us-east-1 (letters, digits and '-'); got '{text}'.");
        return null;
    }

    /// <summary>Collects the settings from a parse result without errors.</summary>
    internal static ListRunsSettings From(ParseResult parse, ListRunsCommand command) => new()
    {
        Domain = parse.GetValue(command.Domain),
        DataSource = parse.GetValue(command.DataSource),
        Status = parse.GetValue(command.Status),
        MaxItems = parse.GetValue(command.MaxItems),
        PageSize = parse.GetValue(command.PageSize),
        StartingToken = parse.GetValue(command.StartingToken),
        Output = parse.GetValue(command.Output),
        Endpoint = parse.GetValue(command.Endpoint),
        Region = parse.GetValue(command.Region),
        Profile = parse.GetValue(command.Profile),
        ConnectTimeout = parse.GetValue(command.ConnectTimeout),
        ReadTimeout = parse.GetValue(command.ReadTimeout),
    };
}
