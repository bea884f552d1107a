using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Ledger;

/// <summary>
/// weekly.parquet's absence columns (<see cref="WeekMinutes"/>) against the slow, obvious way: per school week, the
/// ledger's totals of every pupil over the week's school days up to the last day (<see cref="DayLedger.Totals"/>,
/// which walks all of a pupil's records). WeekMinutes takes a pupil enrolled over all the weeks at its day schedule's
/// weeks, counted once, and adds a pupil's records by week: random enrolments, two day schedules and as-of dates
/// anywhere in the year must not tell.
/// </summary>
public sealed class WeekMinutesPropertyTest
{
    [Property(MaxTest = 300)]
    public Property RandomLedgers_EveryWeekIsItsPupilsTotals() => Prop.ForAll(RandomLedgers.Scenarios, scenario =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario, RandomLedgers.TwoVariants.Value);
        AssertWeeksAreTotals(ledger, date);
        return true;
    });

    [Property(MaxTest = 5)]
    public Property GeneratedSchools_EveryWeekIsItsPupilsTotals() => Prop.ForAll(RandomLedgers.Schools, t =>
    {
        var (ledger, date) = RandomLedgers.GeneratedSchool(t.Seed, t.Day, 60);
        AssertWeeksAreTotals(ledger, date);
        return true;
    });

    private static void AssertWeeksAreTotals(DayLedger ledger, NodaTime.LocalDate date)
    {
        var calendar = ledger.Calendar;
        if (calendar.DayCount == 0 || date < calendar.Date(0))
            return;
        var lastDay = calendar.LastOnOrBefore(date);
        var weeks = calendar.WeekOf(lastDay) + 1;
        var minutes = WeekMinutes.Count(ledger, weeks, lastDay);
        for (var s = 0; s < ledger.Schools.Count; s++)
        {
            for (var w = 0; w < weeks; w++)
            {
                var days = new SchoolDayRange(calendar.WeekFirstDay(w), Math.Min(calendar.WeekLastDay(w), lastDay));
                var (pupils, scheduled) = (0, 0L);
                var byCategory = new long[Categories.Counted];
                for (var p = 0; p < ledger.PupilCount; p++)
                {
                    if (ledger.SchoolIndex(p) != s)
                        continue;
                    var totals = ledger.Totals(p, days);
                    scheduled += totals.Scheduled;
                    pupils += totals.Scheduled > 0 ? 1 : 0;
                    for (var c = 0; c < Categories.Counted; c++)
                        byCategory[c] += totals.Minutes[c];
                }
                Assert.True(pupils == minutes.Pupils(s, w), $"week {w}: {minutes.Pupils(s, w)} pupils, the totals' {pupils}");
                Assert.True(scheduled == minutes.Scheduled(s, w), $"week {w}: {minutes.Scheduled(s, w)} scheduled, the totals' {scheduled}");
                for (var c = 1; c <= Categories.Counted; c++)
                    Assert.True(byCategory[((Category)c).MinutesIndex()] == minutes.Minutes(s, w, (Category)c), $"week {w}, {(Category)c}: {minutes.Minutes(s, w, (Category)c)} minutes, the totals' {byCategory[((Category)c).MinutesIndex()]}");
            }
        }
    }
}
