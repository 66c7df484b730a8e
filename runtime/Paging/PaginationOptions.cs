namespace DataZone.Gen;

/// <summary>
/// How to page, with the AWS CLI's meaning (<c>--page-size</c>, <c>--max-items</c>, <c>--starting-token</c>).
/// </summary>
public sealed class PaginationOptions
{
    /// <summary>Items per service call, sent as the operation's limit member (for example <c>maxResults</c>) and checked against its bounds.</summary>
    public int? PageSize { get; set; }

    /// <summary>The most items to return in total, across pages. When reached mid-page the paginator exposes a resume token.</summary>
    public int? MaxItems { get; set; }

    /// <summary>
    /// A resume token from an earlier enumeration, the AWS CLI (<c>NextToken</c> of <c>--max-items</c> output) or boto3:
    /// paging continues with the very next item.
    /// </summary>
    public string? StartingToken { get; set; }

    /// <summary>Throw <see cref="PaginationException"/> when the service returns the same next token twice in a row (default on).</summary>
    public bool StopOnRepeatedToken { get; set; } = true;
}
