using System.Runtime.CompilerServices;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// A policy's share as the decimal it was written as. "7 %" is 0.07 in the policy file, but 0.07 × 100 is
/// 7.000000000000001 in binary: a pupil absent exactly 7 of 100 minutes fell short of "at least 7 %". Minutes are whole
/// numbers, so the product is compared with a tolerance far below one minute and far above the binary error.
/// </summary>
internal static class Shares
{
    /// <summary>Whether <paramref name="part"/> is at least <paramref name="share"/> of <paramref name="whole"/> (whole numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AtLeast(long part, long whole, double share) => part >= (share * whole) - 1e-6;
}
