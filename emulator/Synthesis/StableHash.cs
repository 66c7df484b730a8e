using System.Text;

namespace DataZone.Gen.Emulator.Synthesis;

/// <summary>
/// A hash that is the same in every process and on every platform (string.GetHashCode is randomized per process),
/// so synthesized data and the tokens bound to it survive a restart.
/// </summary>
internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-8 bytes of <paramref name="text"/>, mixed into <paramref name="seed"/>.</summary>
    public static ulong Of(string text, ulong seed = 0)
    {
        var hash = 14695981039346656037UL ^ Mix(seed);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>Combines a hash with a number (an item index, a member position).</summary>
    public static ulong Of(ulong hash, long value) => Mix(hash ^ Mix((ulong)value + 0x9E3779B97F4A7C15UL));

    /// <summary>SplitMix64's finalizer: every input bit moves about half the output bits.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
