using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// The weekly replay leaves out, at every week's end before T, the criteria a pupil's year up to T already falls
/// short of (<see cref="AanwezigheidsAnalyse.Rules.Criteria.Criterion.CanHoldBy"/>). That is only right if no criterion left out holds on any date up to
/// T: checked date by date with every criterion evaluated, under random policies whose thresholds lie near the
/// lowest a policy file may set, where criteria hold most often and the bounds are tightest.
/// </summary>
public class CandidatesPropertyTest
{
    [Property(MaxTest = 300)]
    public Property NoCriterionLeftOut_HoldsOnAnyDateUpToT() => Prop.ForAll(RandomLedgers.Scenarios, Policies, Gen.Choose(0, 1).ToArbitrary(), (scenario, policy, backwards) =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario);
        var calendar = ledger.Calendar;
        if (calendar.DayCount == 0)
            return true;
        var engine = new RulesEngine(policy);
        var facts = engine.NewFacts(ledger);
        var fresh = engine.NewFacts(ledger);
        // Every calendar date, weekends and holidays too (month windows and TZ-3M's cut-off read the date), forward as
        // the replay goes or backwards, on the facts the candidates were found with, as the replay reuses them.
        var dates = new List<NodaTime.LocalDate>();
        for (var d = calendar.Date(0).PlusDays(-3); d <= date; d = d.PlusDays(1))
            dates.Add(d);
        if (backwards == 1)
            dates.Reverse();
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var candidates = engine.Candidates(facts, p, new AsOf(calendar, date));
            foreach (var d in dates)
            {
                var asOf = new AsOf(calendar, d);
                engine.Evaluate(facts, p, asOf, out var amongCandidates, ResultParts.None, candidates);
                engine.Evaluate(fresh, p, asOf, out var all, ResultParts.None);
                var leftOut = new CriterionSet(all.Met.Bits & ~candidates.Bits);
                Assert.True(leftOut.IsEmpty, $"pupil {p}: {leftOut} holds on {d} but was left out as of {date} under {policy.Criteria}");
                Assert.True(amongCandidates.Met == all.Met, $"pupil {p} on {d}: {amongCandidates.Met} among the candidates, {all.Met} of all");
            }
        }
        return true;
    });

    /// <summary>Every criterion's thresholds drawn from the lowest values a policy file may set upwards, lesson or clock hours.</summary>
    private static Arbitrary<Policy> Policies =>
        (from hours in Gen.Elements(HourUnit.Clock, HourUnit.Lesson)
         from counts in Gen.ArrayOf(Gen.Choose(1, 5), 8)
         from moreThan in Gen.ArrayOf(Gen.Choose(0, 5), 4)
         from weeks in Gen.ArrayOf(Gen.Choose(1, 15), 6)
         from shares in Gen.ArrayOf(Gen.Elements(0.001, 0.25, 0.5, 0.9, 1.0), 5)
         from hourThresholds in Gen.ArrayOf(Gen.Elements(0.01, 0.5, 1.0, 3.0), 2)
         select Policy.Default with
         {
             HourUnit = hours,
             Criteria = new CriteriaSettings
             {
                 ZzvShort = new(Months: 1 + counts[0] % 3, MaxEpisodeDays: counts[1], MinEpisodes: counts[2]),
                 ZzvLong = new(MinDays: counts[3], EndedWithinSchoolWeeks: weeks[0] - 1),
                 ZzvMonth = new(Months: 1 + counts[4] % 2, MoreThanDays: moreThan[0]),
                 ZzvHome = new(Months: 1 + counts[5] % 3, MinDays: counts[5]),
                 MazlFreq = new(SchoolWeeks: weeks[1], MinEpisodes: counts[6]),
                 MazlLong = new(MinDays: counts[7] + 2, EndedWithinSchoolWeeks: weeks[2]),
                 MazlPattern = new(SchoolWeeks: weeks[3], MinSameWeekday: counts[0], MinAroundHoliday: counts[1], HolidayMinDays: counts[2]),
                 Lr50 = new(FractionBelow: shares[0], MoreThanWeeks: moreThan[1]),
                 Tz0 = new(MoreThanWeeks: moreThan[2]),
                 TzLpw = new(MoreThanWeeks: moreThan[3], MinUnauthorizedShare: shares[1]),
                 Tz3m = new(MoreThanMonths: moreThan[0] % 3),
                 Lpw16u = new(Hours: hourThresholds[0], PeriodSchoolWeeks: weeks[4] % 6 + 1, ReportedWithinSchoolWeeks: weeks[5] % 6),
                 Prev10u = new(SchoolWeeks: weeks[4], MinHours: hourThresholds[1]),
                 LateRep = new(SchoolWeeks: weeks[5], MinLates: counts[3]),
                 Kpa25 = new(SchoolWeeks: weeks[0] % 4 + 1, MinAbsentShare: shares[2]),
                 Kpa10In15 = new(SchoolWeeks: weeks[1], MinDays: counts[4], DayMinAbsentShare: shares[3]),
             },
         }).ToArbitrary();
}
