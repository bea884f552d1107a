using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// Equality of the short UTF-8 values a reader compares with the row before, several times a row (a pupil number,
/// a school, a date, a code). Up to 16 bytes it is two overlapping loads per side, inlined where it is used;
/// <c>SequenceEqual</c> does the same work behind a call that costs as much as the comparing.
/// </summary>
internal static class ShortBytes
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length)
            return false;
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var last = a.Length - 1;
        return a.Length switch
        {
            0 => true,
            // The first, middle and last byte: every byte of one to three.
            < 4 => x == y && Unsafe.Add(ref x, last) == Unsafe.Add(ref y, last) && Unsafe.Add(ref x, last >> 1) == Unsafe.Add(ref y, last >> 1),
            // The first four and the last four bytes, overlapping when fewer than eight; likewise eight for up to 16.
            < 8 => Unsafe.ReadUnaligned<uint>(ref x) == Unsafe.ReadUnaligned<uint>(ref y)
                && Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref x, a.Length - 4)) == Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref y, a.Length - 4)),
            <= 16 => Unsafe.ReadUnaligned<ulong>(ref x) == Unsafe.ReadUnaligned<ulong>(ref y)
                && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref x, a.Length - 8)) == Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref y, a.Length - 8)),
            _ => a.SequenceEqual(b),
        };
    }
}
