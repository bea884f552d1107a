using System.Text;
using AanwezigheidsAnalyse.Internals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// The readers compare every row's pupil number, school, date and code with the row before's, and intern them, by
/// the bytes packed into integers (<see cref="ShortBytes"/>, <see cref="Utf8Interner"/>): checked here against the
/// plain byte comparison and a dictionary of strings, with values of every length around the 4-, 8- and 16-byte
/// loads and few distinct bytes, so that neighbours are often equal or differ in one byte.
/// </summary>
public class ShortValuesPropertyTest
{
    private static readonly Gen<byte[]> Value =
        from length in Gen.Choose(0, 20)
        from bytes in Gen.ArrayOf(Gen.Elements((byte)'0', (byte)'1', (byte)'A', (byte)' ', (byte)0, (byte)0xC3, (byte)0xA9), length)
        select bytes;

    /// <summary>A value and another that is equal, one byte off, one byte longer or shorter, or anything.</summary>
    private static readonly Gen<(byte[], byte[])> Pair =
        from a in Value
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, 19)
        from other in Value
        select (a, kind switch
        {
            0 => [.. a],
            1 when a.Length > 0 => [.. a[..(at % a.Length)], (byte)(a[at % a.Length] ^ 1), .. a[(at % a.Length + 1)..]],
            2 => [.. a, (byte)'0'],
            _ => other,
        });

    [Property(MaxTest = 2000)]
    public Property SameIsSequenceEqual() => Prop.ForAll(Pair.ToArbitrary(), pair =>
        ShortBytes.Same(pair.Item1, pair.Item2) == pair.Item1.AsSpan().SequenceEqual(pair.Item2));

    [Property(MaxTest = 500)]
    public Property InternerIdsFollowTheText() => Prop.ForAll(Gen.ListOf(Pair).ToArbitrary(), pairs =>
    {
        // The values in an order where a value often follows itself or a near miss, as rows do.
        var values = pairs.SelectMany(p => new[] { p.Item1, p.Item2, p.Item2 }).ToList();
        var interner = new Utf8Interner();
        var reference = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var text = Encoding.UTF8.GetString(value);
            var expected = reference.TryGetValue(text, out var seen) ? seen : reference[text] = reference.Count;
            var id = interner.GetOrAdd(value);
            if (id != expected || interner[id] != text)
                return false;
        }
        return interner.Count == reference.Count;
    });
}
