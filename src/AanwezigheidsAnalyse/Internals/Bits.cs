using System.Numerics;
using System.Runtime.CompilerServices;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// Bitsets over school days, as spans of 64-bit words (bit <c>d &amp; 63</c> of word <c>d &gt;&gt; 6</c> is school day
/// <c>d</c>). A school year has about 190 school days, so a set is three or four words per pupil and the
/// criteria count and scan them with popcount and trailing-zero counts instead of loops over days.
/// Ranges are inclusive: <c>[from..to]</c>.
/// </summary>
internal static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(Span<ulong> bits, int day) => bits[day >> 6] |= 1UL << (day & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Test(ReadOnlySpan<ulong> bits, int day) => (bits[day >> 6] & (1UL << (day & 63))) != 0;

    /// <summary>The number of set bits in <c>[from..to]</c>; 0 when the range is empty.</summary>
    public static int Count(ReadOnlySpan<ulong> bits, int from, int to)
    {
        if (from < 0)
            from = 0;
        var last = (bits.Length << 6) - 1;
        if (to > last)
            to = last;
        if (from > to)
            return 0;
        int fw = from >> 6, tw = to >> 6;
        var lowMask = ulong.MaxValue << (from & 63);
        var highMask = ulong.MaxValue >> (63 - (to & 63));
        if (fw == tw)
            return BitOperations.PopCount(bits[fw] & lowMask & highMask);
        var count = BitOperations.PopCount(bits[fw] & lowMask) + BitOperations.PopCount(bits[tw] & highMask);
        for (var w = fw + 1; w < tw; w++)
            count += BitOperations.PopCount(bits[w]);
        return count;
    }

    /// <summary>The first set bit at or after <paramref name="from"/> and at most <paramref name="to"/>, or -1.</summary>
    public static int NextSet(ReadOnlySpan<ulong> bits, int from, int to)
    {
        if (from < 0)
            from = 0;
        var last = Math.Min(to, (bits.Length << 6) - 1);
        if (from > last)
            return -1;
        var w = from >> 6;
        var word = bits[w] & (ulong.MaxValue << (from & 63));
        while (true)
        {
            if (word != 0)
            {
                var day = (w << 6) + BitOperations.TrailingZeroCount(word);
                return day <= last ? day : -1;
            }
            if (++w > last >> 6)
                return -1;
            word = bits[w];
        }
    }

    /// <summary>The first clear bit at or after <paramref name="from"/>; <paramref name="limit"/> + 1 when all of <c>[from..limit]</c> are set.</summary>
    public static int NextClear(ReadOnlySpan<ulong> bits, int from, int limit)
    {
        for (var d = from; d <= limit; d++)
        {
            var w = d >> 6;
            var word = ~bits[w] & (ulong.MaxValue << (d & 63));
            if (word != 0)
            {
                var clear = (w << 6) + BitOperations.TrailingZeroCount(word);
                return Math.Min(clear, limit + 1);
            }
            d = (w << 6) + 63;
        }
        return limit + 1;
    }
}
