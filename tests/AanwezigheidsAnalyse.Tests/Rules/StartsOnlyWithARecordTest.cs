using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using AanwezigheidsAnalyse.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// What first_met's walk back rests on: a criterion that says it starts only with a record
/// (<c>Criterion.StartsOnlyWithARecord</c>) does not hold at a date unless it held at every earlier date with no
/// record of the pupil in between. Checked on <see cref="ReferenceRules"/>, the criteria as written, so the claim is
/// one about the rules and not about the engine; and first_met itself against a walk back with the reference.
/// </summary>
public class StartsOnlyWithARecordTest
{
    private static readonly Arbitrary<string> Policies = Gen.Elements("kearney-nl", "attendance-works", "dfe-england").ToArbitrary();

    [Property(MaxTest = 300)]
    public Property WithoutARecordBetweenTwoDates_HoldsAtTheLaterOnlyIfAtTheEarlier() =>
        Prop.ForAll(RandomLedgers.Scenarios, Policies, Gen.Choose(0, int.MaxValue).ToArbitrary(), (scenario, name, seed) =>
        {
            var (ledger, _) = RandomLedgers.Build(scenario);
            var calendar = ledger.Calendar;
            if (calendar.DayCount == 0)
                return true;
            var policy = Policy.Load(name);
            var starting = new RulesEngine(policy).Criteria.Where(c => c.StartsOnlyWithARecord).Select(c => c.Id).ToList();
            var random = new Random(seed);
            var (yearFirst, yearLast) = (calendar.Date(0).PlusDays(-3), calendar.Date(calendar.DayCount - 1).PlusDays(3));
            var span = Period.Between(yearFirst, yearLast, PeriodUnits.Days).Days;
            for (var p = 0; p < ledger.PupilCount; p++)
            {
                var records = ledger.Records(p);
                var recordDates = new List<LocalDate>();
                for (var i = 0; i < records.Length; i++)
                    recordDates.Add(calendar.Date(records.DayOf(i)));
                for (var pair = 0; pair < 6; pair++)
                {
                    // A later date anywhere (weekends and holidays too), an earlier one after its last record up to it.
                    var later = yearFirst.PlusDays(random.Next(span + 1));
                    var lastRecord = recordDates.Where(d => d <= later).DefaultIfEmpty(yearFirst).Max();
                    var gap = Period.Between(lastRecord, later, PeriodUnits.Days).Days;
                    if (gap == 0)
                        continue;
                    var earlier = lastRecord.PlusDays(random.Next(gap));
                    var atEarlier = new ReferenceRules(ledger, p, earlier, policy);
                    if (atEarlier.PupilDays.Count == 0)
                        continue; // no school day by then: nothing holds, and the claim is about a pupil with days
                    var before = atEarlier.Criteria();
                    var after = new ReferenceRules(ledger, p, later, policy).Criteria();
                    foreach (var id in starting)
                        Assert.False(after[id] && !before[id], $"{id.Code()} ({name}): holds on {later}, not on {earlier}, pupil {p} has no record in between");
                }
            }
            return true;
        });

    [Property(MaxTest = 120)]
    public Property FirstMet_IsTheRunOfSchoolDaysOnWhichTheReferenceHolds() =>
        Prop.ForAll(RandomLedgers.Scenarios, Policies, (scenario, name) =>
        {
            var (ledger, date) = RandomLedgers.Build(scenario);
            var calendar = ledger.Calendar;
            if (calendar.DayCount == 0 || date < calendar.Date(0))
                return true;
            var policy = Policy.Load(name);
            var evaluation = Evaluation.At(ledger, policy, date, Internals.Parallelism.Serial);
            var t = new AsOf(calendar, date).Day;
            foreach (var signal in evaluation.Explain([.. Enumerable.Range(0, ledger.PupilCount)], Internals.Parallelism.Serial))
            {
                // Back from T one school day at a time, as long as the criterion holds, each day a new reference.
                var first = t;
                for (var day = t - 1; day >= ledger.Enrolment(signal.Pupil).First; day--)
                {
                    if (!new ReferenceRules(ledger, signal.Pupil, calendar.Date(day), policy).Criteria()[signal.Criterion])
                        break;
                    first = day;
                }
                Assert.True(Math.Max(first, 0) == signal.FirstMet,
                    $"{signal.Criterion.Code()} ({name}), pupil {signal.Pupil}: first_met {calendar.Date(signal.FirstMet)}, the reference's {calendar.Date(Math.Max(first, 0))}");
            }
            return true;
        });
}
