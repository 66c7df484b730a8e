using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace DataZone.Gen.Emulator.Data;

/// <summary>
/// Deterministic, seeded runs computed from their index: run <c>i</c> is the <c>i</c>-th newest.
/// Nothing is stored, so the list costs the same for 50 runs and for 1,000,000.
/// </summary>
/// <remarks>
/// Layout: run <c>i</c> was created <c>i * gap + jitter(i)</c> milliseconds before <see cref="EmulatorOptions.NewestRunAt"/>,
/// with <c>jitter &lt; gap - 1000</c>, so creation times strictly decrease even after a third of them are
/// rounded down to whole seconds. About one pair in twelve (runs <c>2p</c>, <c>2p+1</c>) shares a creation
/// time; the pair's two ids are sorted so the listing order (ties by id) is still the index order.
/// </remarks>
internal sealed class GeneratedRunList : RunList
{
    private const long MinGapMs = 2_000;
    private static readonly long SpanMs = (long)TimeSpan.FromDays(180).TotalMilliseconds;
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ulong _key;
    private readonly long _gapMs;
    private readonly DateTimeOffset _newest;
    private readonly RunVocabulary _vocabulary;
    private readonly byte[] _fingerprint;

    public GeneratedRunList(int seed, int count, string domainId, string dataSourceId, DateTimeOffset newestRunAt, RunVocabulary vocabulary)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The run count cannot be negative.");
        }

        Count = count;
        DataSourceId = dataSourceId;
        _vocabulary = vocabulary;
        _key = Mix((ulong)(uint)seed ^ Fnv(dataSourceId));
        _gapMs = count == 0 ? MinGapMs : Math.Max(MinGapMs, SpanMs / count);
        // Whole seconds, so that runs rounded to whole seconds stay in order.
        _newest = new DateTimeOffset(newestRunAt.UtcTicks - (newestRunAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        ProjectId = MakeId(Mix(_key ^ 0x5052_4F4A_4543_5400UL), Mix(_key ^ 0x7072_6F6A_6563_7400UL));

        var identity = string.Join('\n', "generated/v1", seed, count, domainId, dataSourceId, _newest.UtcTicks, ProjectId);
        _fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(identity));
    }

    public override int Count { get; }

    public string DataSourceId { get; }

    public string ProjectId { get; }

    public override ReadOnlySpan<byte> Fingerprint => _fingerprint;

    public override string StatusAt(int index)
    {
        CheckIndex(index);
        return StatusOf(index);
    }

    public override EmulatedRun this[int index]
    {
        get
        {
            CheckIndex(index);
            return Build(index);
        }
    }

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The data source has {Count} runs.");
        }
    }

    private string StatusOf(int index)
    {
        // The two newest runs are still in flight, as on a busy data source.
        if (index == 0)
        {
            return _vocabulary.Requested;
        }

        if (index == 1)
        {
            return _vocabulary.Running;
        }

        var r = Hash(index, 6) % 100;
        return r switch
        {
            < 62 => _vocabulary.Success,
            < 80 => _vocabulary.Failed,
            < 93 => _vocabulary.PartiallySucceeded,
            < 97 => _vocabulary.Running,
            _ => _vocabulary.Requested,
        };
    }

    private EmulatedRun Build(int index)
    {
        var status = StatusOf(index);
        var created = CreatedAt(index);
        var type = Hash(index, 7) % 4 == 0 ? _vocabulary.Prioritized : _vocabulary.Scheduled;

        DateTimeOffset? started = null;
        DateTimeOffset? stopped = null;
        EmulatedRunStatistics? statistics = null;
        EmulatedErrorMessage? error = null;
        EmulatedLineageSummary? lineage = null;
        var shape = Hash(index, 8);

        if (status == _vocabulary.Requested)
        {
            // Not started: no start, stop, statistics or lineage.
        }
        else if (status == _vocabulary.Running)
        {
            started = After(created, index, 9, 1_000, 30_000);
            if (shape % 2 == 0)
            {
                statistics = new EmulatedRunStatistics { Added = (int)(Hash(index, 10) % 200), Updated = (int)(Hash(index, 11) % 500) };
            }

            if (shape % 3 == 0)
            {
                lineage = new EmulatedLineageSummary { ImportStatus = _vocabulary.LineageInProgress };
            }
        }
        else
        {
            var failedBeforeStart = status == _vocabulary.Failed && shape % 5 == 0;
            if (!failedBeforeStart)
            {
                started = After(created, index, 9, 1_000, 30_000);
            }

            stopped = After(started ?? created, index, 12, 5_000, 2 * 3_600_000);
            if (status == _vocabulary.Success)
            {
                statistics = FullStatistics(index, failed: 0, omitSkipped: shape % 7 == 0);
                lineage = (shape >> 8) % 5 < 3 ? new EmulatedLineageSummary { ImportStatus = _vocabulary.LineageSuccess } : null;
            }
            else if (status == _vocabulary.PartiallySucceeded)
            {
                statistics = FullStatistics(index, failed: 1 + (int)(Hash(index, 13) % 40), omitSkipped: false);
                error = shape % 2 == 0 ? ErrorFor(index) : null;
                lineage = (shape >> 8) % 2 == 0 ? new EmulatedLineageSummary { ImportStatus = _vocabulary.LineagePartiallySucceeded } : null;
            }
            else
            {
                // FAILED: always an error message; statistics only when it got going.
                error = ErrorFor(index);
                statistics = !failedBeforeStart && shape % 2 == 0 ? FullStatistics(index, failed: 1 + (int)(Hash(index, 13) % 400), omitSkipped: false) : null;
                var l = (shape >> 8) % 10;
                lineage = l < 3 ? new EmulatedLineageSummary { ImportStatus = _vocabulary.LineageFailed }
                    : l == 3 ? new EmulatedLineageSummary()
                    : null;
            }
        }

        var updated = stopped ?? (started is { } s ? After(s, index, 14, 1_000, 600_000) : created);
        return new EmulatedRun
        {
            Id = IdOf(index),
            DataSourceId = DataSourceId,
            Type = type,
            Status = status,
            ProjectId = ProjectId,
            RunStatisticsForAssets = statistics,
            ErrorMessage = error,
            CreatedAt = created,
            UpdatedAt = updated,
            StartedAt = started,
            StoppedAt = stopped,
            LineageSummary = lineage,
        };
    }

    private EmulatedRunStatistics FullStatistics(int index, int failed, bool omitSkipped) => new()
    {
        Added = (int)(Hash(index, 15) % 500),
        Updated = (int)(Hash(index, 16) % 2_000),
        Unchanged = (int)(Hash(index, 17) % 50_000),
        Skipped = omitSkipped ? null : (int)(Hash(index, 18) % 20),
        Failed = failed,
    };

    private EmulatedErrorMessage ErrorFor(int index)
    {
        var types = _vocabulary.ErrorTypes;
        var errorType = types[(int)(Hash(index, 19) % (ulong)types.Count)];
        var pick = Hash(index, 20) % (ulong)(ErrorDetails.Length + 2);
        // Two slots in (length + 2) leave the detail out, as the model allows.
        var detail = pick < (ulong)ErrorDetails.Length ? ErrorDetails[pick] : null;
        return new EmulatedErrorMessage { ErrorType = errorType, ErrorDetail = detail };
    }

    private DateTimeOffset CreatedAt(int index) => _newest.AddMilliseconds(-OffsetMs(index));

    private long OffsetMs(int index)
    {
        if ((index & 1) == 1 && IsTiedPair(index >> 1))
        {
            return OffsetMs(index - 1);
        }

        var offset = (index * _gapMs) + (long)(Hash(index, 1) % (ulong)(_gapMs - 1_000));
        if (Hash(index, 2) % 3 == 0)
        {
            // No fractional seconds on this one: round the offset up, the time down.
            offset = (offset + 999) / 1_000 * 1_000;
        }

        return offset;
    }

    private bool IsTiedPair(int pair) => (2 * pair) + 1 < Count && Hash(pair, 3) % 12 == 0;

    private string IdOf(int index)
    {
        var pair = index >> 1;
        if (IsTiedPair(pair))
        {
            var a = RawId(2 * pair);
            var b = RawId((2 * pair) + 1);
            var aFirst = string.CompareOrdinal(a, b) <= 0;
            return (index & 1) == 0 ? (aFirst ? a : b) : (aFirst ? b : a);
        }

        return RawId(index);
    }

    private string RawId(int index) => MakeId(Hash(index, 4), Hash(index, 5));

    private static string MakeId(ulong a, ulong b) => string.Create(14, (a, b), static (span, state) =>
    {
        var x = state.a;
        for (var i = 0; i < 7; i++)
        {
            span[i] = IdAlphabet[(int)(x % 36)];
            x /= 36;
        }

        x = state.b;
        for (var i = 7; i < 14; i++)
        {
            span[i] = IdAlphabet[(int)(x % 36)];
            x /= 36;
        }
    });

    /// <summary>A time <paramref name="minMs"/>..<paramref name="maxMs"/> after <paramref name="start"/>; a third without fractional seconds.</summary>
    private DateTimeOffset After(DateTimeOffset start, int index, int salt, long minMs, long maxMs)
    {
        var delta = minMs + (long)(Hash(index, salt) % (ulong)(maxMs - minMs));
        var t = start.AddMilliseconds(delta);
        if (Hash(index, salt + 100) % 3 == 0)
        {
            t = new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }

        return t;
    }

    private ulong Hash(long index, int salt) => Mix(_key ^ Mix(((ulong)index << 8) ^ (ulong)(uint)salt));

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>
    /// Error details as a failing crawler reports them: quotes, backslashes, tabs, CR/LF, German, French,
    /// Japanese, an emoji (a surrogate pair), markup, and one long text that crosses buffer boundaries.
    /// </summary>
    internal static readonly string[] ErrorDetails =
    [
        "Zugriff verweigert: „Tabelle\" \"umsatz_2026\"\nDie Rolle hat keine Berechtigung für glue:GetTable…",
        "Table \"orders\" not found in database 'analytics'.\r\n\tCheck the AWS Glue Data Catalog.",
        "接続に失敗しました: \"redshift-cluster-1\" — タイムアウト\n再試行してください。",
        "Rate exceeded while crawling s3://bucket/path with spaces/ and C:\\temp\\back\\slashes 🚦",
        "Échec de l'importation : 3 ressources ignorées\n• « clients »\n• « commandes »\n• « factures »",
        "Column \"naïve_ts\" has unsupported type <timestamp with time zone> & was skipped </script>",
        "Schema drift detected:\n" + string.Join('\n', LongDetailLines()),
    ];

    private static IEnumerable<string> LongDetailLines()
    {
        for (var i = 1; i <= 40; i++)
        {
            yield return $"  - column \"col_{i:D2}\": expected 'varchar(256)', found 'super' ({i}/40) — übersprungen";
        }
    }
}
