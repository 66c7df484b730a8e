using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace DataZone.Gen.Bench.RawFloor;

/// <summary>
/// What every floor listing does with a page, whatever the service: read the body into one reused buffer, walk it once
/// for the next token while counting items and hashing their ids, and print the result line bench/run.sh reads.
/// </summary>
internal static class FloorPages
{
    /// <summary>Reads the whole body into <paramref name="buffer"/> (grown as needed); a status other than 200 is an error.</summary>
    public static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpResponseMessage response, byte[] buffer)
    {
        var length = 0;
        await using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
        }
        if ((int)response.StatusCode != 200)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(buffer, 0, length)}");
        }

        return (buffer, length);
    }

    /// <summary>
    /// One pass over the tokens: returns the top-level <paramref name="tokenName"/> (null when absent or empty), counts the
    /// objects of the <paramref name="listName"/> list and feeds each one's <paramref name="idName"/> to <paramref name="hash"/>
    /// (none when it is null).
    /// </summary>
    public static string? Scan(ReadOnlySpan<byte> body, ReadOnlySpan<byte> tokenName, ReadOnlySpan<byte> listName, ReadOnlySpan<byte> idName,
        IncrementalHash? hash, ref long items)
    {
        var reader = new Utf8JsonReader(body);
        string? nextToken = null;
        var inItems = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    if (reader.ValueTextEquals(tokenName))
                    {
                        reader.Read();
                        nextToken = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    }
                    else
                    {
                        inItems = reader.ValueTextEquals(listName);
                    }
                    break;
                case JsonTokenType.StartObject when inItems && reader.CurrentDepth == 2:
                    items++;
                    break;
                case JsonTokenType.PropertyName when inItems && hash is not null && reader.CurrentDepth == 3 && reader.ValueTextEquals(idName):
                    reader.Read();
                    if (items > 1)
                    {
                        hash.AppendData("\n"u8);
                    }

                    if (reader.ValueIsEscaped)
                    {
                        hash.AppendData(Encoding.UTF8.GetBytes(reader.GetString()!));
                    }
                    else
                    {
                        hash.AppendData(reader.ValueSpan);
                    }

                    break;
            }
        }
        return string.IsNullOrEmpty(nextToken) ? null : nextToken;
    }

    /// <summary>Prints the one JSON line every bench client prints; <paramref name="sha256"/> is empty when ids were not hashed.</summary>
    public static void PrintResult(long items, int pages, long bytes, string sha256, TimeSpan elapsed)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var output = new StringBuilder("{\"client\":\"raw-floor\"");
        output.Append(CultureInfo.InvariantCulture, $",\"items\":{items},\"pages\":{pages},\"responseBytes\":{bytes}");
        output.Append(",\"sha256\":\"").Append(sha256).Append('"');
        output.Append(CultureInfo.InvariantCulture, $",\"elapsedMs\":{Math.Round(elapsed.TotalMilliseconds, 3)},\"peakWorkingSetBytes\":{process.PeakWorkingSet64}}}");
        Console.Out.WriteLine(output.ToString());
    }
}
