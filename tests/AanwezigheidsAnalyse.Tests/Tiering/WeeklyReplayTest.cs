using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using AanwezigheidsAnalyse.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Tiering;

/// <summary>
/// The weekly replay against the slow, obvious way: a whole evaluation of every pupil at the end of every school
/// week. Per school and week the pupils per tier, per criterion and changing tier, and per pupil last week's tier and
/// criteria and the weeks in its tier, must be what those evaluations give.
/// </summary>
public sealed class WeeklyReplayTest
{
    [Property(MaxTest = 200)]
    public Property RandomLedgers_EveryWeekIsAWholeEvaluationAtItsEnd() => Prop.ForAll(RandomLedgers.Scenarios, scenario =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario);
        if (ledger.Calendar.DayCount > 0 && date >= ledger.Calendar.Date(0))
            AssertReplayIsWeeklyEvaluations(ledger, Policy.Default, date);
        return true;
    });

    [Property(MaxTest = 100)]
    public Property RandomLedgers_OnTwoTimetableVariants() => Prop.ForAll(RandomLedgers.Scenarios, scenario =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario, RandomLedgers.TwoVariants.Value);
        if (ledger.Calendar.DayCount > 0 && date >= ledger.Calendar.Date(0))
            AssertReplayIsWeeklyEvaluations(ledger, Policy.Default, date);
        return true;
    });

    [Property(MaxTest = 6)]
    public Property GeneratedSchools_EveryWeekIsAWholeEvaluationAtItsEnd() => Prop.ForAll(RandomLedgers.Schools, t =>
    {
        var (ledger, asOf) = RandomLedgers.GeneratedSchool(t.Seed, t.Day, 120);
        AssertReplayIsWeeklyEvaluations(ledger, Policy.Load(t.Policy), asOf);
        return true;
    });

    private static void AssertReplayIsWeeklyEvaluations(DayLedger ledger, Policy policy, LocalDate asOf)
    {
        var replay = WeeklyReplay.Run(Evaluation.At(ledger, policy, asOf, Parallelism.Serial), new Parallelism(1, -1));
        var weeks = replay.Weeks;
        var tiers = new Tier?[weeks, ledger.PupilCount];
        var met = new CriterionSet[weeks, ledger.PupilCount];
        for (var w = 0; w < weeks; w++)
        {
            var whole = Evaluation.At(ledger, policy, replay.WeekEnd(w), Parallelism.Serial);
            // A pupil not on the roll at a week's end (not yet enrolled, or left before that week) has no tier then.
            for (var p = 0; p < ledger.PupilCount; p++)
                (tiers[w, p], met[w, p]) = (whole.Tiers[p], whole.Results[p].Met);
        }

        for (var s = 0; s < ledger.Schools.Count; s++)
        {
            var pupils = Enumerable.Range(0, ledger.PupilCount).Where(p => ledger.SchoolIndex(p) == s).ToList();
            for (var w = 0; w < weeks; w++)
            {
                foreach (var tier in Tiers.All)
                    Assert.Equal(pupils.Count(p => tiers[w, p] == tier), replay.PupilsInTier(s, w, tier));
                // Placed in a week: the pupils enrolled on a school day of that week, up to its end, counted by date
                // (the week of T is the week of its last school day: T may fall in a holiday).
                var weekEnd = ledger.Calendar.Date(ledger.Calendar.LastOnOrBefore(replay.WeekEnd(w)));
                var monday = weekEnd.PlusDays(1 - (int)weekEnd.DayOfWeek);
                var enrolledThatWeek = pupils.Count(p => ledger.Calendar.Days.ToArray()
                    .Where((date, day) => ledger.Enrolment(p).Contains(day)).Any(date => date >= monday && date <= weekEnd));
                Assert.Equal(enrolledThatWeek, Tiers.All.Sum(tier => replay.PupilsInTier(s, w, tier)));
                foreach (var criterion in CriterionIds.All)
                    Assert.Equal(pupils.Count(p => tiers[w, p] is not null && met[w, p].Contains(criterion)), replay.PupilsMeeting(s, w, criterion));
                Assert.Equal(pupils.Count(p => w > 0 && tiers[w, p] > tiers[w - 1, p]), replay.PupilsChanging(s, w, TierChange.Up));
                Assert.Equal(pupils.Count(p => w > 0 && tiers[w, p] < tiers[w - 1, p]), replay.PupilsChanging(s, w, TierChange.Down));
            }
        }
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            Assert.Equal(weeks >= 2 ? tiers[weeks - 2, p] : null, replay.PreviousTier(p));
            Assert.Equal(weeks >= 2 ? met[weeks - 2, p] : CriterionSet.Empty, replay.PreviousMet(p));
            var run = 0;
            while (run < weeks && tiers[weeks - 1 - run, p] == tiers[weeks - 1, p])
                run++;
            Assert.Equal(run, replay.WeeksInTier(p));
        }
    }
}
