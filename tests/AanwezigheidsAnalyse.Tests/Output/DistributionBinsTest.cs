using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using AanwezigheidsAnalyse.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// The attendance chart (verdeling-aanwezigheid) colours each bar by tier: a pupil's bar has the colour of the tier
/// its rate sets. Pupils exactly at 10,0 % were drawn in tier 1's bar, binned by attendance from below.
/// </summary>
public sealed class DistributionBinsTest
{
    /// <summary>The slow reading: the highest tier whose rate threshold holds, in exact decimals, and the bar's absence range holds the rate.</summary>
    [Property(MaxTest = 500)]
    public Property ABarHasTheColourOfTheTierItsPupilsRateSets() => Prop.ForAll(
        Gen.Choose(1, 30_000).SelectMany(scheduled => Gen.Choose(0, scheduled).Select(absent => (scheduled, absent)))
            .Select(t => t).ToArbitrary(),
        Gen.Elements("kearney-nl", "attendance-works").ToArbitrary(),
        (t, name) =>
        {
            var policy = Policy.Load(name);
            var window = policy.Tiers.First(r => r.Rate is not null).Rate!.Window;
            var totals = new WindowTotals { Scheduled = t.scheduled, ScheduledDays = 40 };
            totals.Minutes[Category.Unauthorized.MinutesIndex()] = t.absent;

            var bin = Charts.AbsenceBin(totals);
            var share = (decimal)t.absent / t.scheduled;
            var expected = policy.Tiers.Where(r => r.Rate is { } rate && rate.Window == window && t.absent >= (decimal)rate.AtLeast * t.scheduled)
                .Select(r => r.Tier).DefaultIfEmpty(1).Max();

            return Charts.BinTier(policy, window, bin) == expected
                && share >= bin / 40m && (share < (bin + 1) / 40m || (bin == 39 && share == 1));
        });

    [Theory]
    [InlineData(1000, 100, 4, 2)]   // 10,0 %: the first tier-2 bar
    [InlineData(1000, 99, 3, 1)]
    [InlineData(1000, 200, 8, 3)]   // 20,0 %: tier 3
    [InlineData(1000, 1000, 39, 3)] // 100 %: in the last bar, not past the axis
    [InlineData(1000, 0, 0, 1)]
    public void HandWorked(int scheduled, int absent, int bin, int tier)
    {
        var totals = new WindowTotals { Scheduled = scheduled, ScheduledDays = 40 };
        totals.Minutes[Category.Sick.MinutesIndex()] = absent;

        Assert.Equal(bin, Charts.AbsenceBin(totals));
        Assert.Equal(tier, Charts.BinTier(Policy.Default, RateWindow.Weeks8, bin));
    }
}
