using AanwezigheidsAnalyse.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// Evidence as signals.parquet writes it, <c>first[/last][=amount]</c>: the same text for every date, whether its
/// text is kept (2015–2044) or formatted each time, and when many threads write evidence at once.
/// </summary>
public class EvidenceTextTest
{
    [Fact]
    public void AHandWorkedExample()
    {
        Assert.Equal("2025-12-01", EvidenceItem.Day(new LocalDate(2025, 12, 1)).ToString());
        Assert.Equal("2025-11-24/2025-11-28=0.43", new EvidenceItem(new LocalDate(2025, 11, 24), new LocalDate(2025, 11, 28), 0.4286).ToString());
        Assert.Equal("1999-01-02/2050-05-06=16", new EvidenceItem(new LocalDate(1999, 1, 2), new LocalDate(2050, 5, 6), 16).ToString());
    }

    [Property(MaxTest = 500)]
    public Property IsTheDatesInIsoFormat() => Prop.ForAll(
        Gen.Choose(-20_000, 20_000).Zip(Gen.Choose(0, 400)).Select(t => (t.Item1, t.Item2)).ToArbitrary(),
        t =>
        {
            var first = new LocalDate(2026, 1, 1).PlusDays(t.Item1);
            var last = first.PlusDays(t.Item2);
            var expected = $"{first.ToDateOnly():yyyy-MM-dd}" + (t.Item2 == 0 ? "" : $"/{last.ToDateOnly():yyyy-MM-dd}");
            Assert.Equal(expected, new EvidenceItem(first, last).ToString());
        });

    /// <summary>
    /// Written into a buffer (signals.parquet) it is the text as the two strings and the amount's "0.##" make it, for
    /// any amount (huge, tiny, negative, not a number), and a buffer one character short is refused, not cut.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property IntoABuffer_IsTheTextOrNothing() => Prop.ForAll(
        Gen.Choose(-2_000, 2_000).Zip(Gen.Choose(0, 40))
            .Zip(Gen.OneOf(Gen.Constant<double?>(null), Gen.Elements<double?>(0, 0.005, 0.4286, 16, -3.333, 1e300, -1e-300, double.NaN, double.MaxValue),
                ArbMap.Default.GeneratorFor<NormalFloat>().Select(f => (double?)f.Get)))
            .Select(t => new EvidenceItem(new LocalDate(2026, 1, 1).PlusDays(t.Item1.Item1), new LocalDate(2026, 1, 1).PlusDays(t.Item1.Item1 + t.Item1.Item2), t.Item2))
            .ToArbitrary(),
        item =>
        {
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            var dates = item.First == item.Last ? $"{item.First.ToDateOnly():yyyy-MM-dd}" : $"{item.First.ToDateOnly():yyyy-MM-dd}/{item.Last.ToDateOnly():yyyy-MM-dd}";
            var expected = item.Amount is { } amount ? dates + "=" + amount.ToString("0.##", invariant) : dates;
            Assert.Equal(expected, item.ToString());
            var buffer = new char[expected.Length + 5];
            Assert.True(item.TryFormat(buffer, out var written, default, invariant));
            Assert.Equal(expected, new string(buffer, 0, written));
            Assert.False(item.TryFormat(buffer.AsSpan(0, expected.Length - 1), out _, default, invariant));
        });

    [Fact]
    public void ManyThreadsAtOnce_WriteTheSameText()
    {
        var dates = Enumerable.Range(0, 4000).Select(d => new LocalDate(2024, 8, 1).PlusDays(d % 800)).ToArray();
        var texts = new string[dates.Length];
        Parallel.For(0, dates.Length, i => texts[i] = EvidenceItem.Day(dates[i]).ToString());
        Assert.Equal(dates.Select(d => d.ToDateOnly().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), texts);
    }
}
