namespace DataZone.Gen.Json;

/// <summary>The timestamp formats of botocore models (<c>timestampFormat</c>).</summary>
public enum TimestampFormat
{
    /// <summary>Seconds since the Unix epoch, possibly fractional (<c>unixTimestamp</c>); the rest-json body default.</summary>
    EpochSeconds,

    /// <summary>ISO 8601 in UTC, for example <c>2026-11-25T12:00:00Z</c>; the query-string default.</summary>
    Iso8601,

    /// <summary>RFC 822 / HTTP date, for example <c>Wed, 25 Nov 2026 12:00:00 GMT</c>; the header default.</summary>
    Rfc822,
}
