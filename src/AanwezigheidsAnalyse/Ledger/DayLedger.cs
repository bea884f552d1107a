using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Calendar;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// The day ledger (criteria §1): for every pupil and school day, scheduled minutes and minutes per category.
/// Stored as arrays over all pupils: the days with registrations as sorted <see cref="DayRecord"/>s (each pupil's
/// together, packed, in chunks made from the builder's released memory), the sick and sent-home-sick days as bitsets, and the timetable's scheduled minutes as prefix sums per day schedule,
/// so that any window's totals cost a subtraction plus a walk over the few records inside it.
/// </summary>
public sealed class DayLedger
{
    private readonly string[] _schools;
    private readonly int[] _schoolOf;
    private readonly int[] _pupilsOfSchool;
    private readonly string[] _pupilIds;
    private readonly string[] _groups;
    private readonly int[] _groupOf;
    private readonly int[] _enrolFirst;
    private readonly int[] _enrolLast;
    private readonly int[] _variantOf;
    private readonly RecordChunks _records;
    private readonly ulong[] _sickDays;
    private readonly ulong[] _sentHomeDays;
    private readonly ushort[][] _variantDayMinutes;   // per day schedule: timetabled minutes per school day
    private readonly int[][] _variantPrefixMinutes;   // per day schedule: sum of the above over [0..d)
    private readonly int[][] _variantPrefixDays;      // per day schedule: school days with timetabled minutes over [0..d)

    internal DayLedger(
        SchoolCalendar calendar, Timetable timetable, bool fullRegister,
        string[] schools, int[] schoolOf, string[] pupilIds, string[] groups, int[] groupOf,
        int[] enrolFirst, int[] enrolLast, int[] variantOf, RecordChunks records,
        ulong[] sickDays, ulong[] sentHomeDays)
    {
        Calendar = calendar;
        Timetable = timetable;
        FullRegister = fullRegister;
        _schools = schools;
        _schoolOf = schoolOf;
        _pupilsOfSchool = new int[schools.Length];
        foreach (var school in schoolOf)
            _pupilsOfSchool[school]++;
        _pupilIds = pupilIds;
        _groups = groups;
        _groupOf = groupOf;
        _enrolFirst = enrolFirst;
        _enrolLast = enrolLast;
        _variantOf = variantOf;
        _records = records;
        _sickDays = sickDays;
        _sentHomeDays = sentHomeDays;
        Words = calendar.BitsetWords;

        var days = calendar.DayCount;
        _variantDayMinutes = new ushort[timetable.VariantCount][];
        _variantPrefixMinutes = new int[timetable.VariantCount][];
        _variantPrefixDays = new int[timetable.VariantCount][];
        for (var v = 0; v < timetable.VariantCount; v++)
        {
            var minutes = new ushort[days];
            var prefixMinutes = new int[days + 1];
            var prefixDays = new int[days + 1];
            for (var d = 0; d < days; d++)
            {
                minutes[d] = fullRegister ? (ushort)0 : (ushort)timetable.ScheduledMinutes(v, calendar.Weekday(d));
                prefixMinutes[d + 1] = prefixMinutes[d] + minutes[d];
                prefixDays[d + 1] = prefixDays[d] + (minutes[d] > 0 ? 1 : 0);
            }
            _variantDayMinutes[v] = minutes;
            _variantPrefixMinutes[v] = prefixMinutes;
            _variantPrefixDays[v] = prefixDays;
        }
    }

    /// <summary>The school calendar the days are numbered by.</summary>
    public SchoolCalendar Calendar { get; }

    internal Timetable Timetable { get; }

    /// <summary>True when scheduled time comes from the register itself, false when from the timetable.</summary>
    public bool FullRegister { get; }

    /// <summary>The pupils; they are numbered <c>0..PupilCount-1</c>.</summary>
    public int PupilCount => _pupilIds.Length;

    /// <summary>Words per pupil in the day bitsets.</summary>
    internal int Words { get; }

    internal int RecordCount => _records.Count;

    /// <summary>The school of a pupil (e.g. its BRIN); "" for exports without a school column.</summary>
    public string SchoolId(int pupil) => _schools[_schoolOf[pupil]];

    /// <summary>The school of a pupil as an index into <see cref="Schools"/>.</summary>
    public int SchoolIndex(int pupil) => _schoolOf[pupil];

    internal bool SchoolHasPupils(int school) => _pupilsOfSchool[school] > 0;

    /// <summary>The school ids of the run; "" is the school of exports without a school column.</summary>
    public IReadOnlyList<string> Schools => _schools;

    /// <summary>The school's pupil number.</summary>
    public string PupilId(int pupil) => _pupilIds[pupil];

    /// <summary>The class of the pupil's latest registration (or the pupil list), if any.</summary>
    public string? Group(int pupil) => _groupOf[pupil] >= 0 ? _groups[_groupOf[pupil]] : null;

    /// <summary>The pupil's enrolled school days this year; empty when the pupil was never enrolled this year.</summary>
    public SchoolDayRange Enrolment(int pupil) => new(_enrolFirst[pupil], _enrolLast[pupil]);

    /// <summary>The school days between the enrolments of a pupil who left and came back (pupil list): not the school's then.</summary>
    public ReadOnlySpan<SchoolDayRange> GapsOf(int pupil) => Gaps.Count > 0 && Gaps.TryGetValue(pupil, out var gaps) ? gaps : [];

    /// <summary>The pupils with <see cref="GapsOf"/>, and theirs.</summary>
    internal Dictionary<int, SchoolDayRange[]> Gaps { get; init; } = []; // a class, not its interface: asked at every reset of the replay

    /// <summary>The pupil's last enrolled school day this year (enrolled_until); for a pupil who left, its last day at school.</summary>
    public NodaTime.LocalDate EnrolledUntil(int pupil) => Calendar.Date(_enrolLast[pupil]);

    /// <summary>The pupil's school days with registrations, in date order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public DayRecords Records(int pupil) => _records.Of(pupil);

    /// <summary>School days with sick or sent-home-sick minutes (a sick day, criteria §1).</summary>
    internal ReadOnlySpan<ulong> SickDays(int pupil) => _sickDays.AsSpan(pupil * Words, Words);

    internal ReadOnlySpan<ulong> SentHomeDays(int pupil) => _sentHomeDays.AsSpan(pupil * Words, Words);

    /// <summary>The pupil's day schedule in the timetable (by class).</summary>
    internal int Variant(int pupil) => _variantOf[pupil];

    /// <summary>The timetable's minutes of the pupil's day schedule on a school day (0 for a full register).</summary>
    internal int TimetabledMinutes(int pupil, int day) => _variantDayMinutes[_variantOf[pupil]][day];

    /// <summary>
    /// Timetabled minutes and days over <c>[from..to]</c>, limited to the pupil's enrolment, before the records'
    /// own scheduled time is taken into account (see <see cref="WindowTotals"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal (int Minutes, int Days) Timetabled(int pupil, int from, int to)
    {
        from = Math.Max(from, _enrolFirst[pupil]);
        to = Math.Min(to, _enrolLast[pupil]);
        if (from > to)
            return (0, 0);
        var v = _variantOf[pupil];
        return (_variantPrefixMinutes[v][to + 1] - _variantPrefixMinutes[v][from],
                _variantPrefixDays[v][to + 1] - _variantPrefixDays[v][from]);
    }

    /// <summary>Scheduled minutes of one pupil-day.</summary>
    public int ScheduledOn(int pupil, int day)
    {
        if (day < _enrolFirst[pupil] || day > _enrolLast[pupil] || EnrolmentGaps.Contain(GapsOf(pupil), day))
            return 0;
        var records = Records(pupil);
        var index = records.IndexOf(day);
        return index >= 0 ? records[index].Scheduled : TimetabledMinutes(pupil, day);
    }

    /// <summary>The record of a pupil-day, or null when the pupil has no registration that day.</summary>
    public DayRecord? RecordOn(int pupil, int day)
    {
        var records = Records(pupil);
        var index = records.IndexOf(day);
        return index >= 0 ? records[index] : null;
    }

    /// <summary>Totals over some school days (limited to the pupil's enrolment): scheduled minutes and days, and minutes per category.</summary>
    public WindowTotals Totals(int pupil, SchoolDayRange days)
    {
        var (minutes, scheduledDays) = Timetabled(pupil, days.First, days.Last);
        var totals = new WindowTotals { Scheduled = minutes, ScheduledDays = scheduledDays };
        foreach (var record in Records(pupil))
        {
            if (!days.Contains(record.Day))
                continue;
            totals.Add(in record, TimetabledMinutes(pupil, record.Day));
        }
        return totals;
    }
}

/// <summary>Sums over a window of school days for one pupil.</summary>
public struct WindowTotals
{
    /// <summary>Scheduled minutes.</summary>
    public int Scheduled;

    /// <summary>School days with scheduled time.</summary>
    public int ScheduledDays;

    /// <summary>Late arrivals.</summary>
    public int LateArrivals;

    /// <summary>Slots registered unauthorized.</summary>
    public int UnauthorizedSlots;

    /// <summary>Minutes per counted category, by <see cref="Categories.MinutesIndex"/>.</summary>
    public CategoryTotals Minutes;

    /// <summary>Absent minutes (criteria §1).</summary>
    public readonly int Absent
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Minutes[Category.Sick.MinutesIndex()] + Minutes[Category.SentHomeSick.MinutesIndex()]
            + Minutes[Category.AuthorizedOther.MinutesIndex()] + Minutes[Category.Unauthorized.MinutesIndex()]
            + Minutes[Category.Suspended.MinutesIndex()] + Minutes[Category.ReducedTimetable.MinutesIndex()];
    }

    /// <summary>Scheduled minus absent minutes.</summary>
    public readonly int Attended => Scheduled - Absent;

    /// <summary>Adds a record whose day the timetable scheduled with <paramref name="timetabled"/> minutes (already counted in <see cref="Scheduled"/>).</summary>
    internal void Add(in DayRecord record, int timetabled)
    {
        Scheduled += record.Scheduled - timetabled;
        ScheduledDays += (record.Scheduled > 0 ? 1 : 0) - (timetabled > 0 ? 1 : 0);
        LateArrivals += record.LateArrivals;
        UnauthorizedSlots += record.UnauthorizedSlots;
        for (var i = 0; i < Categories.Counted; i++)
            Minutes[i] += record.Minutes[i];
    }

    /// <summary>The share of scheduled time absent in a category (or all absence when null); 0 when nothing was scheduled.</summary>
    public readonly double Rate(Category? category = null)
    {
        if (Scheduled <= 0)
            return 0;
        var minutes = category is { } c ? Minutes[c.MinutesIndex()] : Absent;
        return (double)minutes / Scheduled;
    }
}

/// <summary>Minutes per counted category over a window (can exceed a day's <see cref="ushort"/>).</summary>
[System.Runtime.CompilerServices.InlineArray(Categories.Counted)]
public struct CategoryTotals
{
    private int _first;
}
