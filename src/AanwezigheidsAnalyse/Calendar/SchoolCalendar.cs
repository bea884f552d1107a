using NodaTime;

namespace AanwezigheidsAnalyse.Calendar;

/// <summary>
/// The school days of one school year, numbered <c>0..DayCount-1</c> in date order (the school-day index
/// every later stage uses instead of dates), and the school weeks they fall in.
/// </summary>
/// <remarks>
/// A school day is a weekday that no <see cref="FreePeriods"/> entry covers. A school week is an ISO week
/// (Monday to Sunday) that holds at least one school day (criteria §1); weeks are numbered <c>0..WeekCount-1</c>.
/// Enrolment is per pupil and applied later: this calendar is the school's.
/// </remarks>
public sealed class SchoolCalendar
{
    private readonly LocalDate[] _days;
    private readonly int[] _indexByOffset;    // per calendar day of the school year: school-day index, or -1
    private readonly int[] _lastOnOrBefore;   // per calendar day: last school-day index <= that day, or -1
    private readonly int[] _weekOfDay;
    private readonly IsoDayOfWeek[] _weekdays; // per school day: NodaTime computes a date's weekday from its days since 1970
    private readonly int[] _weekFirstDay;     // per week: first school-day index, plus a sentinel DayCount
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, ulong[]> _breakBoundaries = new();

    /// <summary>The school days of <paramref name="year"/>: its weekdays that no free period covers.</summary>
    public SchoolCalendar(SchoolYear year, IEnumerable<FreePeriod> freePeriods, string description)
    {
        Year = year;
        Description = description;
        FreePeriods = [.. freePeriods
            .Where(p => p.Last >= year.FirstDay && p.First <= year.LastDay)
            .OrderBy(p => p.First).ThenBy(p => p.Name, StringComparer.Ordinal)];

        var length = Period.DaysBetween(year.FirstDay, year.LastDay) + 1;
        var free = new bool[length];
        foreach (var period in FreePeriods)
        {
            var from = Math.Max(0, Period.DaysBetween(year.FirstDay, period.First));
            var to = Math.Min(length - 1, Period.DaysBetween(year.FirstDay, period.Last));
            for (var i = from; i <= to; i++)
                free[i] = true;
        }

        var days = new List<LocalDate>(220);
        _indexByOffset = new int[length];
        _lastOnOrBefore = new int[length];
        for (var i = 0; i < length; i++)
        {
            var date = year.FirstDay.PlusDays(i);
            var isSchoolDay = !free[i] && date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
            _indexByOffset[i] = isSchoolDay ? days.Count : -1;
            if (isSchoolDay)
                days.Add(date);
            _lastOnOrBefore[i] = days.Count - 1;
        }
        _days = [.. days];
        _weekdays = [.. _days.Select(d => d.DayOfWeek)];

        _weekOfDay = new int[_days.Length];
        var weekStarts = new List<int>();
        LocalDate? currentMonday = null;
        for (var d = 0; d < _days.Length; d++)
        {
            var monday = MondayOf(_days[d]);
            if (monday != currentMonday)
            {
                weekStarts.Add(d);
                currentMonday = monday;
            }
            _weekOfDay[d] = weekStarts.Count - 1;
        }
        weekStarts.Add(_days.Length);
        _weekFirstDay = [.. weekStarts];
    }

    /// <summary>The school year.</summary>
    public SchoolYear Year { get; }

    /// <summary>Where the free days come from, for run.json (in Dutch, as the calendar files' names are).</summary>
    public string Description { get; }

    /// <summary>Where the free days come from, in either language, for the report.</summary>
    internal Localization.Phrase? Words { get; init; }

    /// <summary>Where the free days come from, in <paramref name="language"/>.</summary>
    internal string DescriptionIn(Localization.Language language) => Words?.In(language) ?? Description;

    /// <summary>The free periods that touch the school year, in date order.</summary>
    public IReadOnlyList<FreePeriod> FreePeriods { get; }

    /// <summary>The number of school days; they are numbered <c>0..DayCount-1</c>.</summary>
    public int DayCount => _days.Length;

    /// <summary>The number of school weeks; they are numbered <c>0..WeekCount-1</c>.</summary>
    public int WeekCount => _weekFirstDay.Length - 1;

    /// <summary>The number of 64-bit words a bitset over the school days needs.</summary>
    public int BitsetWords => Math.Max(1, (DayCount + 63) >> 6);

    /// <summary>The date of school day <paramref name="day"/>.</summary>
    public LocalDate Date(int day) => _days[day];

    /// <summary>The weekday of school day <paramref name="day"/>.</summary>
    internal IsoDayOfWeek Weekday(int day) => _weekdays[day];

    /// <summary>The dates of all school days, in order.</summary>
    public ReadOnlySpan<LocalDate> Days => _days;

    /// <summary>The school-day index of <paramref name="date"/>, or -1 when it is no school day of this year.</summary>
    public int IndexOf(LocalDate date)
    {
        var offset = OffsetOf(date);
        return offset < 0 ? -1 : _indexByOffset[offset];
    }

    /// <summary>The last school day on or before <paramref name="date"/>, or -1 when there is none this year.</summary>
    public int LastOnOrBefore(LocalDate date)
    {
        if (date < Year.FirstDay)
            return -1;
        if (date > Year.LastDay)
            return DayCount - 1;
        return _lastOnOrBefore[Period.DaysBetween(Year.FirstDay, date)];
    }

    /// <summary>The first school day after <paramref name="date"/>; <see cref="DayCount"/> when there is none.</summary>
    public int FirstAfter(LocalDate date) => LastOnOrBefore(date) + 1;

    /// <summary>How many school weeks the week of <paramref name="later"/> comes after that of <paramref name="earlier"/>: 1 for last school week, holidays between not counted.</summary>
    internal int SchoolWeeksBetween(LocalDate earlier, LocalDate later)
    {
        var (from, to) = (LastOnOrBefore(earlier), LastOnOrBefore(later));
        return to < 0 ? 0 : WeekOf(to) - (from < 0 ? -1 : WeekOf(from));
    }

    /// <summary>The school week of school day <paramref name="day"/>.</summary>
    public int WeekOf(int day) => _weekOfDay[day];

    /// <summary>The first school day of a school week.</summary>
    public int WeekFirstDay(int week) => _weekFirstDay[week];

    /// <summary>The last school day of a school week.</summary>
    public int WeekLastDay(int week) => _weekFirstDay[week + 1] - 1;

    /// <summary>The Monday of a school week (which may itself be free).</summary>
    public LocalDate WeekMonday(int week) => MondayOf(_days[_weekFirstDay[week]]);

    /// <summary>
    /// The first school day of the window of the last <paramref name="weeks"/> school weeks ending with the
    /// week of <paramref name="asOfDay"/> (criteria §1: holiday weeks are skipped, the week of T counts up to T).
    /// Windows stop at the start of the school year.
    /// </summary>
    public int SchoolWeeksWindowStart(int asOfDay, int weeks) =>
        asOfDay < 0 ? 0 : _weekFirstDay[Math.Max(0, _weekOfDay[asOfDay] - weeks + 1)];

    /// <summary>
    /// The school days that are the last before, or the first after, a break of at least
    /// <paramref name="minBreakDays"/> calendar days without school (weekends included), as a bitset over the
    /// school days. The summer holiday counts at both ends of the year (MAZL-PATTERN).
    /// </summary>
    public ReadOnlySpan<ulong> BreakBoundaries(int minBreakDays) =>
        // Per pupil on every core: a lock-free read, and a static lambda, as a method group would allocate a delegate per call.
        _breakBoundaries.GetOrAdd(minBreakDays, static (days, calendar) => calendar.ComputeBreakBoundaries(days), this);

    private ulong[] ComputeBreakBoundaries(int minBreakDays)
    {
        var bits = new ulong[BitsetWords];
        if (DayCount > 0)
        {
            // The summer holiday lies before the first and after the last school day of the year.
            Internals.Bits.Set(bits, 0);
            Internals.Bits.Set(bits, DayCount - 1);
        }
        for (var d = 1; d < DayCount; d++)
        {
            var gap = Period.DaysBetween(_days[d - 1], _days[d]) - 1;
            if (gap >= minBreakDays)
            {
                Internals.Bits.Set(bits, d - 1);
                Internals.Bits.Set(bits, d);
            }
        }
        return bits;
    }

    /// <summary>The Monday of the ISO week of <paramref name="date"/>.</summary>
    public static LocalDate MondayOf(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    private int OffsetOf(LocalDate date) =>
        date < Year.FirstDay || date > Year.LastDay ? -1 : Period.DaysBetween(Year.FirstDay, date);
}
