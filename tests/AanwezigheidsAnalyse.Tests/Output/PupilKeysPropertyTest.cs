using System.Security.Cryptography;
using AanwezigheidsAnalyse.Output;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// How much a pseudonymisation key carries (<see cref="PupilKeys.EntropyBits"/>): copies of a word add nothing and a
/// byte that breaks the repetition adds 8 bits, so a short word repeated until the key is long enough is refused; a
/// key from <c>openssl rand -hex 32</c> always passes.
/// </summary>
public sealed class PupilKeysPropertyTest
{
    /// <summary>The measure by its definition, slowly: over every period, the word's bits plus 8 per byte that breaks it; upper and lower case alike.</summary>
    private static double Reference(byte[] key)
    {
        double Over(byte[] k) => Enumerable.Range(1, k.Length).Min(p => Word(k[..p]) + 8.0 * Enumerable.Range(p, k.Length - p).Count(i => k[i] != k[i - p]));
        return Math.Min(Over(key), Over([.. key.Select(b => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b)]));
    }

    /// <summary>A word's bits: length times the Shannon entropy of its bytes, or of its steps (the first byte, then each difference mod 256), whichever is less.</summary>
    private static double Word(byte[] word)
    {
        static double Bits(IReadOnlyCollection<int> values) =>
            values.Count * -values.GroupBy(v => v).Sum(g => (double)g.Count() / values.Count * Math.Log2((double)g.Count() / values.Count));
        var steps = word.Select((b, i) => i == 0 ? b : (b - word[i - 1] + 256) % 256).ToList();
        return Math.Min(Bits([.. word.Select(b => (int)b)]), Bits(steps));
    }

    private static readonly Gen<byte[]> Words = Gen.Elements("abcdefABC0189".Select(c => (byte)c).ToArray()).ArrayOf().Where(w => w.Length is > 0 and <= 16);

    [Property(MaxTest = 300)]
    public Property TheMeasure_IsItsDefinition() => Prop.ForAll(
        (from word in Words from copies in Gen.Choose(1, 4) from extra in Words select Repeat(word, copies).Concat(extra.Take(2)).ToArray()).ToArbitrary(),
        key => Assert.Equal(Reference(key), PupilKeys.EntropyBits(key), 9));

    [Property(MaxTest = 300)]
    public Property CopiesOfAWord_CarryNoMoreThanOne_AndABreakEightBits() => Prop.ForAll(
        (from word in Words from copies in Gen.Choose(1, 12) from extra in Gen.Choose(0, 255) select (word, copies, extra: (byte)extra)).ToArbitrary(),
        t =>
        {
            Assert.True(PupilKeys.EntropyBits(Repeat(t.word, t.copies)) <= Word(t.word) + 1e-9);
            Assert.True(PupilKeys.EntropyBits([.. Repeat(t.word, t.copies), t.extra]) <= Word(t.word) + 8 + 1e-9);
        });

    [Fact]
    public void RandomHexKeys_AlwaysPass()
    {
        for (var i = 0; i < 2000; i++)
        {
            var hex = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
            Assert.True(PupilKeys.EntropyBits(hex) >= PupilKeys.MinEntropyBits, System.Text.Encoding.ASCII.GetString(hex));
        }
    }

    private static byte[] Repeat(byte[] word, int copies) => [.. Enumerable.Repeat(word, copies).SelectMany(w => w)];
}
