using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse.Tests.Tiering;

/// <summary>criteria §4: the tier tables of the three bundled policies, and policy files.</summary>
public class TierEvaluatorTest
{
    /// <summary>A pupil with the given absence share over each window, on 40 scheduled school days, and the given criteria met.</summary>
    private static PupilResult Pupil(double ytd, double eightWeeks, int scheduledDays = 40, params CriterionId[] met)
    {
        static WindowTotals Totals(double share, int days)
        {
            var totals = new WindowTotals { Scheduled = 10_000, ScheduledDays = days };
            totals.Minutes[Category.Sick.MinutesIndex()] = (int)Math.Round(share * 10_000);
            return totals;
        }
        var result = new PupilResult { Ytd = Totals(ytd, scheduledDays), Weeks8 = Totals(eightWeeks, scheduledDays), Weeks4 = Totals(eightWeeks, scheduledDays) };
        foreach (var id in met)
            result.Met = result.Met.With(id);
        return result;
    }

    private static (int Tier, List<string> Reasons) Tier(string policy, PupilResult pupil)
    {
        var evaluator = new TierEvaluator(Policy.Load(policy));
        return (evaluator.Place(in pupil).Number(), [.. evaluator.Reasons(in pupil).Select(r => r.Code)]);
    }

    [Theory]
    [InlineData(0.0999, 1)]
    [InlineData(0.10, 2)]
    [InlineData(0.1999, 2)]
    [InlineData(0.20, 3)]
    public void KearneyNl_EightWeekRate_TenAndTwentyPercent(double rate, int tier)
    {
        // "tier 2 at ≥ 10 % missed, tier 3 at ≥ 20 %" over the last 8 school weeks (Attendance Works' thresholds).
        Assert.Equal(tier, Tier("kearney-nl", Pupil(0, rate)).Tier);
    }

    [Fact]
    public void KearneyNl_RateOverFewerThanTenScheduledDays_DoesNotSetATier()
    {
        // "A rate over fewer than 10 scheduled school days is reported but not used for tiering."
        Assert.Equal(1, Tier("kearney-nl", Pupil(0.5, 0.5, scheduledDays: 9)).Tier);
        Assert.Equal(3, Tier("kearney-nl", Pupil(0.5, 0.5, scheduledDays: 10)).Tier);
    }

    [Theory]
    [InlineData(CriterionId.Lr50, 3)]
    [InlineData(CriterionId.Tz0, 3)]
    [InlineData(CriterionId.TzLpw, 3)]
    [InlineData(CriterionId.Tz3m, 3)]
    [InlineData(CriterionId.ZzvShort, 2)]
    [InlineData(CriterionId.MazlPattern, 2)]
    [InlineData(CriterionId.Kpa10In15, 2)]
    [InlineData(CriterionId.Lpw16u, 2)]
    [InlineData(CriterionId.Prev10u, 2)]
    [InlineData(CriterionId.LateRep, 2)]
    public void KearneyNl_Criterion_SetsItsTier(CriterionId criterion, int tier) =>
        Assert.Equal(tier, Tier("kearney-nl", Pupil(0, 0, met: criterion)).Tier);

    /// <summary>
    /// A threshold that is not a whole percent keeps its decimals in tier_reasons and in the report: 7.5 % read
    /// "RATE-8W-8" and "≥ 8%", and rules of 10 % and 10.4 % gave two reasons "RATE-8W-10" (an adversarial pass).
    /// </summary>
    [Theory]
    [InlineData(0.20, "RATE-8W-20", "verzuim ≥ 20%", "absence ≥ 20%")]
    [InlineData(0.075, "RATE-8W-7.5", "verzuim ≥ 7,5%", "absence ≥ 7.5%")]
    [InlineData(0.104, "RATE-8W-10.4", "verzuim ≥ 10,4%", "absence ≥ 10.4%")]
    [InlineData(0.1234, "RATE-8W-12.34", "verzuim ≥ 12,34%", "absence ≥ 12.34%")]
    public void ARateThreshold_IsWrittenWithItsDecimals(double share, string code, string dutch, string english)
    {
        var rate = new RateThreshold(RateWindow.Weeks8, share);
        Assert.Equal(code, rate.Code);
        Assert.Equal(dutch, rate.Describe(Language.Dutch).Replace("\u00a0", " ", StringComparison.Ordinal));
        Assert.Equal(english, rate.Describe(Language.English));
    }

    [Fact]
    public void KearneyNl_Reasons_ListEveryRateAndCriterionThatHolds()
    {
        // "tier_reasons lists every criterion and rate threshold that holds, not only the first."
        var (tier, reasons) = Tier("kearney-nl", Pupil(0.3, 0.25, met: [CriterionId.Lr50, CriterionId.ZzvLong]));
        Assert.Equal(3, tier);
        Assert.Equal(["RATE-8W-20", "RATE-8W-10", CriterionId.ZzvLong.Code(), CriterionId.Lr50.Code()], reasons);
    }

    /// <summary>What a move up is about: the reasons of the new tier's own rules, not a tier-2 criterion still met in tier 3.</summary>
    [Theory]
    [InlineData(0.25, new[] { CriterionId.Kpa25, CriterionId.Kpa10In15 }, 3, new[] { "RATE-8W-20" })]
    [InlineData(0.25, new[] { CriterionId.Kpa25, CriterionId.Lr50 }, 3, new[] { "RATE-8W-20", "LR-50" })]
    [InlineData(0.15, new[] { CriterionId.Kpa25 }, 2, new[] { "RATE-8W-10", "KPA-25" })]
    [InlineData(0.0, new[] { CriterionId.Tz0 }, 3, new[] { "TZ-0" })]
    [InlineData(0.0, new CriterionId[0], 1, new string[0])]
    public void KearneyNl_ReasonsAtTheTier_AreThoseOfItsOwnRules(double rate, CriterionId[] met, int tier, string[] reasons)
    {
        var pupil = Pupil(rate, rate, met: met);
        var evaluator = new TierEvaluator(Policy.Load("kearney-nl"));

        Assert.Equal(tier, evaluator.Place(in pupil).Number());
        Assert.Equal(reasons, evaluator.ReasonsAt(in pupil, evaluator.Place(in pupil)).Select(r => r.Code));
        // Every reason at the tier is a reason (tier_reasons), and there is one for every tier above 1.
        Assert.Subset(evaluator.Reasons(in pupil).Select(r => r.Code).ToHashSet(), reasons.ToHashSet());
    }

    [Theory]
    [InlineData(0.0499, 1, new string[0])]
    [InlineData(0.05, 1, new[] { "RATE-YTD-5" })]
    [InlineData(0.10, 2, new[] { "RATE-YTD-10", "RATE-YTD-5" })]
    [InlineData(0.20, 3, new[] { "RATE-YTD-20", "RATE-YTD-10", "RATE-YTD-5" })]
    public void AttendanceWorks_YearToDateBands(double rate, int tier, string[] reasons)
    {
        // "year-to-date rate only: < 5 % satisfactory, 5–10 % at risk, 10–20 % moderate chronic → tier 2, ≥ 20 % severe → tier 3";
        // criteria do not set the tier.
        var (actual, actualReasons) = Tier("attendance-works", Pupil(rate, 0.9, met: CriterionId.Lr50));
        Assert.Equal(tier, actual);
        Assert.Equal([.. reasons, CriterionId.Lr50.Code()], actualReasons);
    }

    [Theory]
    [InlineData(0.0999, 1)]
    [InlineData(0.10, 2)]
    [InlineData(0.4999, 2)]
    [InlineData(0.50, 3)]
    public void DfeEngland_PersistentAndSevereAbsence(double rate, int tier) =>
        // "persistent absence ≥ 10 % → tier 2, severe ≥ 50 % → tier 3, year to date"
        Assert.Equal(tier, Tier("dfe-england", Pupil(rate, 0)).Tier);

    /// <summary>
    /// A threshold as the decimal it is written as: 0.07 × 100 is 7.000000000000001 in binary, and a pupil absent
    /// exactly 7 of 100 minutes fell short of "at least 7 %"; KPA-25 alike.
    /// </summary>
    [Theory]
    [InlineData(0.07, 100, 7)]
    [InlineData(0.07, 300, 21)]
    [InlineData(0.14, 350, 49)]
    public void AThresholdAsWritten_HoldsAtExactlyItsShare(double share, int scheduled, int absent)
    {
        Assert.True(share * scheduled > absent); // the binary product lies above the decimal one
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, $$"""
                { "name": "eigen", "criteria": { "KPA-25": { "min_absent_share": {{share.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } },
                  "tiers": [ { "tier": 2, "rate": { "window": "8w", "at_least": {{share.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } } ] }
                """);
            var policy = Policy.Load(file);
            var pupil = new PupilResult { Ytd = Totals(), Weeks8 = Totals(), Weeks4 = Totals() };
            WindowTotals Totals()
            {
                var totals = new WindowTotals { Scheduled = scheduled, ScheduledDays = 40 };
                totals.Minutes[Category.Sick.MinutesIndex()] = absent;
                return totals;
            }

            Assert.Equal(AanwezigheidsAnalyse.Tiering.Tier.Two, new TierEvaluator(policy).Place(in pupil));
            Assert.True(AanwezigheidsAnalyse.Rules.Shares.AtLeast(absent, scheduled, policy.Criteria.Kpa25.MinAbsentShare));
            Assert.False(AanwezigheidsAnalyse.Rules.Shares.AtLeast(absent - 1, scheduled, share));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void PolicyFile_OverridesAThresholdAndSwitchesACriterionOff()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                { "name": "amsterdam", "criteria": { "ZZV-SHORT": { "min_episodes": 4 }, "LATE-REP": { "enabled": false } },
                  "tiers": [ { "tier": 3, "rate": { "window": "8w", "at_least": 0.2 } }, { "tier": 2, "criteria": ["ZZV-*"] } ] }
                """);
            var policy = Policy.Load(file);
            Assert.Equal(4, policy.Criteria.ZzvShort.MinEpisodes);
            Assert.Equal(2, policy.Criteria.ZzvShort.MaxEpisodeDays); // the rest keeps docs/criteria.md's defaults
            Assert.DoesNotContain(new RulesEngine(policy).Criteria, c => c.Id == CriterionId.LateRep);
            Assert.Equal(64, policy.Hash.Length);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 4 } ] }""", "tier 4")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "3w", "at_least": 0.1 } } ] }""", "3w")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "at_least": 0.1 } } ] }""", "window")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "8w" } } ] }""", "at_least")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "8w", "at_least": 10 } } ] }""", "at_least 10")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "8w", "at_least": 0 } } ] }""", "at_least 0")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "8w", "at_least": -0.1 } } ] }""", "at_least -0.1")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "criteria": ["ZZV-TYPO"] } ] }""", "ZZV-TYPO")]
    [InlineData("""{ "name": "x", "criteria": { "ZZV-SHORT": { "min_episode": 4 } }, "tiers": [ { "tier": 2 } ] }""", "min_episode")]
    [InlineData("""{ "name": "x", "tiers": [ """, "JSON")]
    public void PolicyFile_Mistake_IsAUserErrorThatNamesIt(string json, string named)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            var error = Assert.Throws<UserError>(() => Policy.Load(file));
            Assert.Contains(named, error.English);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""{ "name": "x", "tiers": [], "criteria": { "KPA-25": { "weeks": 2 } } }""", "'weeks'. Hier kunnen: enabled, school_weeks, min_absent_share.")]
    [InlineData("""{ "name": "x", "tiers": [], "criteria": { "kpa_25": {} } }""", "'kpa_25'. Hier kunnen: ZZV-SHORT, ZZV-LONG,")]
    [InlineData("""{ "name": "x", "tiers": [], "criteria": { "123456782": {} } }""", "bestaat (regel 1, kolom |). Hier kunnen: ZZV-SHORT")] // a key like a BSN is not repeated
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2 "rate": null } ] }""", "is geen geldige JSON (regel 1, kolom |): de schrijfwijze klopt hier niet")]
    public void PolicyFile_UnknownFieldsAndWriting_AreSaidInDutch_WithoutDotNetsWords(string json, string said)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            var error = Assert.Throws<UserError>(() => Policy.Load(file));
            foreach (var part in said.Split('|'))
                Assert.Contains(part, error.Dutch, StringComparison.Ordinal);
            Assert.DoesNotContain(".NET", error.Dutch, StringComparison.Ordinal);
            Assert.DoesNotContain("AanwezigheidsAnalyse.", error.Dutch + error.English, StringComparison.Ordinal);
            Assert.DoesNotContain("123456782", error.Dutch + error.English, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "at_least": 0.1 } } ] }""", "window")]
    [InlineData("""{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "8w" } } ] }""", "at_least")]
    public void PolicyFile_RateWithoutAField_SaysWhichFieldAndWhere_InBothLanguages(string json, string field)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            var error = Assert.Throws<UserError>(() => Policy.Load(file));
            Assert.Contains($"mist een verplicht veld (regel 1, kolom ", error.Dutch, StringComparison.Ordinal);
            Assert.EndsWith($"$.tiers[0].rate): {field}. Vul het aan.", error.Dutch, StringComparison.Ordinal);
            Assert.EndsWith($"$.tiers[0].rate): {field}. Add it.", error.English, StringComparison.Ordinal);
            Assert.DoesNotContain("RateThreshold", error.English, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
