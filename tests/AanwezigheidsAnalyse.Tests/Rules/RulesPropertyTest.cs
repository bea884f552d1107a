using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using AanwezigheidsAnalyse.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>The fast rules core against <see cref="ReferenceRules"/> on random ledgers, calendars, enrolments and as-of dates.</summary>
public class RulesPropertyTest
{
    private static readonly Policy Kearney = Policy.Default;

    [Property(MaxTest = 500)]
    public Property Engine_RandomLedgers_AgreesWithTheReference() => Prop.ForAll(RandomLedgers.Scenarios, scenario =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario);
        var engine = new RulesEngine(Kearney);
        var tiers = new TierEvaluator(Kearney);
        var asOf = new AsOf(ledger.Calendar, date);
        var facts = engine.NewFacts(ledger);
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            engine.Evaluate(facts, p, asOf, out var result);
            var reference = new ReferenceRules(ledger, p, date, Kearney);
            var label = $"pupil {p}, as of {date}";
            Assert.True(reference.OnRoll == facts.OnRoll, $"on the roll: reference {reference.OnRoll}, engine {facts.OnRoll} ({label})");

            foreach (var (id, met) in reference.Criteria())
                Assert.True(met == result.Met.Contains(id), $"{id.Code()}: reference {met}, engine {!met} ({label})");

            var ytd = reference.Ytd();
            Assert.Equal((ytd.Scheduled, ytd.ScheduledDays, ytd.Absent), (result.Ytd.Scheduled, result.Ytd.ScheduledDays, result.Ytd.Absent));
            var eight = reference.Window(reference.LastSchoolWeeks(8));
            Assert.Equal((eight.Scheduled, eight.ScheduledDays, eight.Absent), (result.Weeks8.Scheduled, result.Weeks8.ScheduledDays, result.Weeks8.Absent));
            var four = reference.Window(reference.LastSchoolWeeks(4));
            Assert.Equal((four.Scheduled, four.ScheduledDays, four.Absent), (result.Weeks4.Scheduled, result.Weeks4.ScheduledDays, result.Weeks4.Absent));

            Assert.Equal(reference.WeeksBelow50(), result.Measures.WeeksBelow50);
            Assert.Equal(reference.WeeksAtZero(), result.Measures.WeeksWithoutEducation);
            var episodes = reference.Episodes();
            Assert.Equal(episodes.Count(e => reference.LastSchoolWeeks(12).Contains(e.Start)), result.Measures.SickEpisodes12w);
            Assert.Equal(reference.LastMonths(1).Count(reference.IsSickDay), result.Measures.SickDays1m);

            // The meldingen are a fact of the year; a pupil off the roll is not evaluated, whatever they were.
            facts.Reset(p, asOf);
            if (!facts.OnRoll)
                continue;
            var meldingen = facts.Meldingen.ToArray().Select(m => (ledger.Calendar.Date(m.First), ledger.Calendar.Date(m.Last), Math.Round(m.Hours, 6))).ToList();
            Assert.Equal(reference.Meldingen().Select(m => (m.Begin, m.End, Math.Round(m.Hours, 6))).ToList(), meldingen);

            Assert.Equal(reference.KearneyTier(), tiers.Place(in result).Number());
        }
        return true;
    });
}

/// <summary>
/// The property above is only as good as its inputs: every criterion must hold, and fail, often enough in the
/// random scenarios, or the agreement would be vacuous.
/// </summary>
public class RandomLedgersCoverageTest
{
    [Fact]
    public void ScenarioGen_500Scenarios_MakeEveryCriterionHoldAndFail_AndPupilsLeaveAndJoin()
    {
        var policy = Policy.Default;
        var engine = new RulesEngine(policy);
        var met = new int[CriterionIds.All.Count];
        var evaluated = 0;
        var (left, notYet) = (0, 0);
        foreach (var scenario in RandomLedgers.ScenarioGen.Sample(500, new Rnd(20251123UL), 50))
        {
            var (ledger, date) = RandomLedgers.Build(scenario);
            var asOf = new AsOf(ledger.Calendar, date);
            var facts = engine.NewFacts(ledger);
            for (var p = 0; p < ledger.PupilCount; p++)
            {
                engine.Evaluate(facts, p, asOf, out var result);
                evaluated++;
                // Off the roll at T both ways: left before the week of T, or not enrolled yet.
                left += facts.HasDays && !facts.OnRoll ? 1 : 0;
                notYet += facts.HasDays ? 0 : 1;
                for (var i = 0; i < met.Length; i++)
                    met[i] += result.Met.Contains((CriterionId)i) ? 1 : 0;
            }
        }
        for (var i = 0; i < met.Length; i++)
        {
            Assert.True(met[i] >= 5, $"{CriterionIds.All[i].Code()} held only {met[i]} times in {evaluated} evaluations");
            Assert.True(met[i] <= evaluated - 5, $"{CriterionIds.All[i].Code()} failed only {evaluated - met[i]} times");
        }
        Assert.True(left >= 20, $"only {left} of {evaluated} pupils had left by T");
        Assert.True(notYet >= 20, $"only {notYet} of {evaluated} pupils were not enrolled yet at T");
    }
}

/// <summary>
/// One <see cref="PupilFacts"/> reused for a pupil at many as-of dates, in any order (the weekly replay goes forward,
/// first_met backwards, day by day), keeps what does not depend on T (complete school weeks): every criterion, window
/// and measure is the one a fresh instance computes, and the reference's.
/// </summary>
public class PupilFactsReuseTest
{
    [Property(MaxTest = 200)]
    public Property ManyAsOfDates_OneFacts_AgreeWithFreshOnes() => Prop.ForAll(RandomLedgers.Scenarios, Gen.Choose(0, int.MaxValue).ToArbitrary(), (scenario, seed) =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario);
        var calendar = ledger.Calendar;
        var engine = new RulesEngine(Policy.Default);
        var reused = engine.NewFacts(ledger);
        var random = new Random(seed);
        var last = calendar.LastOnOrBefore(date);
        if (last < 0)
            return true; // no school day yet: nothing to evaluate at
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            // Forward by weeks, backwards by days, and jumps: the orders the replay and first_met use, and others.
            var days = Enumerable.Range(0, 12).Select(_ => random.Next(0, last + 1))
                .Concat(Enumerable.Range(0, 8).Select(i => Math.Max(0, last - i)))
                .Concat(Enumerable.Range(0, 6).Select(i => Math.Min(last, i * 5)));
            foreach (var day in days)
            {
                var asOf = new AsOf(calendar, calendar.Date(day));
                engine.Evaluate(reused, p, asOf, out var kept);
                engine.Evaluate(engine.NewFacts(ledger), p, asOf, out var fresh);
                Assert.True(Same(kept, fresh), $"pupil {p} as of {calendar.Date(day)}");
                var reference = new ReferenceRules(ledger, p, calendar.Date(day), Policy.Default);
                Assert.Equal(reference.WeeksBelow50(), kept.Measures.WeeksBelow50);
                Assert.Equal(reference.WeeksAtZero(), kept.Measures.WeeksWithoutEducation);
                foreach (var (id, met) in reference.Criteria())
                    Assert.True(met == kept.Met.Contains(id), $"{id.Code()} pupil {p} as of {calendar.Date(day)}");
            }
        }
        return true;
    });

    private static bool Same(PupilResult a, PupilResult b) =>
        a.Met.Bits == b.Met.Bits && a.Measures.Equals(b.Measures)
        && a.Ytd.Scheduled == b.Ytd.Scheduled && a.Ytd.Absent == b.Ytd.Absent
        && a.Weeks4.Scheduled == b.Weeks4.Scheduled && a.Weeks4.Absent == b.Weeks4.Absent
        && a.Weeks8.Scheduled == b.Weeks8.Scheduled && a.Weeks8.Absent == b.Weeks8.Absent;
}
