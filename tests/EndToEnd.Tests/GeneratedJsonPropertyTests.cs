using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using DataZone.Gen.Json;
using Xunit;
using Any = CsCheck.Gen;

namespace DataZone.Gen.EndToEnd.Tests;

/// <summary>Written as the service would (<see cref="ResponseWriters"/>) then read by the generated reader gives back the same value, for any value of the shapes.</summary>
public sealed class GeneratedJsonPropertyTests
{
    private static readonly Gen<string> Text = Any.OneOf(
        Any.String[Any.Char.AlphaNumeric, 1, 20],
        Any.String[1, 40],
        Any.OneOfConst("Tab\tCR\rLF\n", "quote \" back \\ slash", "日本語テキスト", "🚀 emoji", "Größe café", "</script>&<>'"));

    private static readonly Gen<DateTimeOffset> Timestamp =
        Any.Long[DateTimeOffset.UnixEpoch.Ticks, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks]
            .Select(Any.Int[-14 * 60, 14 * 60], (ticks, offsetMinutes) => new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    private static Gen<T> Enum<T>(IReadOnlyList<T> known, Func<string, T> unknown) =>
        Any.Frequency((4, Any.OneOfConst(known.ToArray())), (1, Any.String[Any.Char.AlphaNumeric, 1, 12].Select(unknown)));

    private static readonly Gen<int?> Count = Any.Int.Select(Any.Bool, (i, present) => present ? (int?)i : null);

    private static readonly Gen<RunStatisticsForAssets> Statistics =
        Any.Select(Count, Count, Count, Count, Count, (a, u, n, s, f) => new RunStatisticsForAssets { Added = a, Updated = u, Unchanged = n, Skipped = s, Failed = f });

    private static readonly Gen<DataSourceErrorMessage> Error =
        Enum(DataSourceErrorType.KnownValues, v => new DataSourceErrorType(v))
            .Select(Text.Null(), (type, detail) => new DataSourceErrorMessage { ErrorType = type, ErrorDetail = detail });

    private static readonly Gen<DataSourceRunSummary> Run =
        Any.Select(Text, Text, Enum(DataSourceRunType.KnownValues, v => new DataSourceRunType(v)), Enum(DataSourceRunStatus.KnownValues, v => new DataSourceRunStatus(v)), Text, Statistics.Null(), Error.Null(),
            (id, ds, type, status, project, stats, error) => new DataSourceRunSummary
            {
                Id = id, DataSourceId = ds, Type = type, Status = status, ProjectId = project, RunStatisticsForAssets = stats, ErrorMessage = error,
                CreatedAt = default, UpdatedAt = default,
            })
        .Select(Timestamp, Timestamp, Timestamp.Nullable(), Timestamp.Nullable(), Enum(LineageImportStatus.KnownValues, v => new LineageImportStatus(v)).Nullable(), Any.Bool,
            (run, created, updated, started, stopped, lineage, hasLineage) => run with
            {
                CreatedAt = created, UpdatedAt = updated, StartedAt = started, StoppedAt = stopped,
                LineageSummary = hasLineage ? new DataSourceRunLineageSummary { ImportStatus = lineage } : null,
            });

    private static bool SameInstant(DateTimeOffset? a, DateTimeOffset? b) => a?.UtcTicks == b?.UtcTicks;

    [Fact]
    public void Run_summary_round_trips()
    {
        Run.Sample(run =>
        {
            var back = AwsJson.ReadBody(AwsJson.Serialize(run, ResponseWriters.WriteRun), DataSourceRunSummary.ReadJson);
            // DateTimeOffset equality is by instant, so the offset change to UTC is fine.
            return back == run
                && SameInstant(back.CreatedAt, run.CreatedAt) && SameInstant(back.StoppedAt, run.StoppedAt)
                && back.Status.IsKnown == run.Status.IsKnown;
        }, iter: 2_000);
    }

    [Fact]
    public void Response_page_round_trips()
    {
        Any.Select(Run.List[0, 8], Text.Null(), (items, token) => new ListDataSourceRunsResponse { Items = items, NextToken = token })
            .Sample(page =>
            {
                var back = AwsJson.ReadBody(AwsJson.Serialize(page, ResponseWriters.WritePage), ListDataSourceRunsResponse.ReadJson);
                return back.NextToken == page.NextToken && back.Items.SequenceEqual(page.Items);
            }, iter: 500);
    }

    [Fact]
    public void Arbitrary_bytes_never_throw_anything_but_json_exceptions()
    {
        var valid = Encoding.UTF8.GetString(AwsJson.Serialize(
            new ListDataSourceRunsResponse
            {
                Items = new[]
                {
                    new DataSourceRunSummary
                    {
                        Id = "r1", DataSourceId = "d", Type = DataSourceRunType.Scheduled, Status = DataSourceRunStatus.Failed, ProjectId = "p",
                        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
                        RunStatisticsForAssets = new RunStatisticsForAssets { Added = 1 },
                        ErrorMessage = new DataSourceErrorMessage { ErrorType = DataSourceErrorType.ConflictException, ErrorDetail = "x" },
                    },
                },
                NextToken = "t",
            }, ResponseWriters.WritePage));

        // Every prefix and every single-character corruption of a valid page either reads or fails with a located AwsJsonException.
        Any.Select(Any.Int[0, valid.Length - 1], Any.Char[' ', '~'], Any.Bool).Sample((position, replacement, truncate) =>
        {
            var text = truncate ? valid.Substring(0, position) : valid.Substring(0, position) + replacement + valid.Substring(position + 1);
            try
            {
                AwsJson.ReadBody(Encoding.UTF8.GetBytes(text), ListDataSourceRunsResponse.ReadJson);
                return true;
            }
            catch (AwsJsonException e)
            {
                return e.Path is { } path && path.StartsWith('$');
            }
        }, iter: 3_000);
    }
}
