using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// The DUO count of "16 uur in 4 weken" (criteria §2, Leerplichtwet art. 21a): a resetting counter, not a sliding
/// window. "The period starts at the first school day with unauthorized minutes after the last melding's end
/// date and covers that day's school week and the next three school weeks. When a day falls past the period,
/// the start moves to the first day with unauthorized minutes inside the four school weeks ending with that day
/// (and after the last melding's end date). On the first day on which the unauthorized minutes from the start
/// up to and including that day reach 16 hours, a melding is made (begin, end, hours) and counting starts again
/// the next school day."
/// </summary>
/// <remarks>
/// Only days with unauthorized minutes can change the count: a melding needs the sum to grow, and a start that
/// moves on a day without such minutes moves to the first unauthorized day of that day's four-week window, which
/// is where it is found again on the next unauthorized day. So the walk visits those days only; the reference
/// implementation in the tests walks every school day and must agree.
/// </remarks>
internal static class DuoCount
{
    /// <summary>The meldingen of a pupil's records, in date order; each is made from the records up to its last day only.</summary>
    public static void Compute(DayRecords records, SchoolCalendar calendar, Policy policy, List<DuoMelding> meldingen)
    {
        meldingen.Clear();
        var settings = policy.Criteria.Lpw16u;
        var threshold = settings.Hours * 60;
        var weeks = settings.PeriodSchoolWeeks;

        var lastEnd = -1;   // the school day of the last melding's end
        var start = -1;     // index into records of the period's first unauthorized day, or -1
        for (var i = 0; i < records.Length; i++)
        {
            var amount = PupilFacts.UnauthorizedOf(records, i, policy);
            if (amount <= 0 || records.DayOf(i) <= lastEnd)
                continue;
            var day = records.DayOf(i);
            if (start < 0)
            {
                start = i;
            }
            else if (calendar.WeekOf(day) > calendar.WeekOf(records.DayOf(start)) + weeks - 1)
            {
                // Past the period: the first unauthorized day within the four school weeks ending with this day.
                var windowStart = calendar.WeekFirstDay(Math.Max(0, calendar.WeekOf(day) - weeks + 1));
                while (records.DayOf(start) < windowStart || PupilFacts.UnauthorizedOf(records, start, policy) <= 0)
                    start++;
            }
            var sum = 0;
            for (var j = start; j <= i; j++)
                sum += PupilFacts.UnauthorizedOf(records, j, policy);
            if (sum >= threshold)
            {
                meldingen.Add(new DuoMelding(records.DayOf(start), day, sum / 60.0));
                lastEnd = day;
                start = -1;
            }
        }
    }
}
