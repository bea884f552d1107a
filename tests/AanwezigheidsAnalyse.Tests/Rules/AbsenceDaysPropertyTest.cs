using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// <see cref="PupilFacts.CountAbsenceDays"/> counts from a prefix count made once per pupil and share, reused for every
/// as-of date: checked against counting the records in the window, on one facts object that goes from pupil to
/// pupil, date to date (forwards and back) and share to share in a random order, as the replay and first_met use it.
/// </summary>
public class AbsenceDaysPropertyTest
{
    /// <summary>A pupil (by a number folded onto the ledger's), a date (days after the first school day), a window start (days before the last day) and a share.</summary>
    private static readonly Gen<(int Pupil, int Day, int Back, double Share)> Ask =
        from pupil in Gen.Choose(0, 1000)
        from day in Gen.Choose(-5, 400)
        from back in Gen.Choose(-3, 120)
        from share in Gen.Elements(0.001, 0.25, 0.5, 1.0)
        select (pupil, day, back, share);

    [Property(MaxTest = 300)]
    public Property CountAbsenceDays_IsTheRecordsInTheWindow() => Prop.ForAll(
        RandomLedgers.Scenarios,
        Gen.ListOf(Ask).ToArbitrary(),
        (scenario, asks) =>
        {
            var (ledger, _) = RandomLedgers.Build(scenario);
            var calendar = ledger.Calendar;
            if (calendar.DayCount == 0 || ledger.PupilCount == 0)
                return true;
            var facts = new RulesEngine(Policy.Default).NewFacts(ledger);
            foreach (var (pupil, day, back, share) in asks)
            {
                var p = pupil % ledger.PupilCount;
                facts.Reset(p, new AsOf(calendar, calendar.Date(0).PlusDays(day)));
                var from = facts.Last - back;
                var records = facts.Records;
                var expected = 0;
                for (var i = 0; i < records.Length; i++)
                {
                    var record = records[i];
                    if (record.Day >= from && record.Scheduled > 0 && record.Absent >= (decimal)share * record.Scheduled)
                        expected++;
                }
                Assert.Equal(expected, facts.CountAbsenceDays(from, share));
            }
            return true;
        });
}
