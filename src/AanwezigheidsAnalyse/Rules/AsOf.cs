using AanwezigheidsAnalyse.Calendar;
using NodaTime;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// The as-of date T and the windows that every pupil shares at T, as school-day indexes. Built once per as-of
/// date, so that evaluating a million pupils does no date arithmetic. The same engine evaluates one as-of date
/// or many (a backtest replays a year week by week).
/// </summary>
internal sealed class AsOf
{
    // Computed up front, not on first use: one AsOf is read by every core at once.
    private readonly int[] _weeksStart = new int[64];
    private readonly int[] _monthsStart = new int[25];

    public AsOf(SchoolCalendar calendar, LocalDate date)
    {
        Calendar = calendar;
        Date = date;
        Day = calendar.LastOnOrBefore(date);
        Week = Day >= 0 ? calendar.WeekOf(Day) : -1;
        for (var weeks = 1; weeks < _weeksStart.Length; weeks++)
            _weeksStart[weeks] = calendar.SchoolWeeksWindowStart(Day, weeks);
        for (var months = 0; months < _monthsStart.Length; months++)
            _monthsStart[months] = calendar.FirstAfter(date.PlusMonths(-months));
    }

    public SchoolCalendar Calendar { get; }

    public LocalDate Date { get; }

    /// <summary>The last school day on or before T; -1 before the first school day of the year.</summary>
    public int Day { get; }

    /// <summary>The school week of <see cref="Day"/>; -1 when there is none.</summary>
    public int Week { get; }

    /// <summary>The first school day of the last <paramref name="weeks"/> school weeks (the week of T counts up to T).</summary>
    public int SchoolWeeksStart(int weeks)
    {
        if (weeks <= 0)
            return Day + 1;
        return weeks < _weeksStart.Length ? _weeksStart[weeks] : Calendar.SchoolWeeksWindowStart(Day, weeks);
    }

    /// <summary>The first school day of the last <paramref name="months"/> calendar months: dates in (T − months, T] (criteria §1).</summary>
    public int MonthsStart(int months)
    {
        return months >= 0 && months < _monthsStart.Length ? _monthsStart[months] : Calendar.FirstAfter(Date.PlusMonths(-months));
    }
}
