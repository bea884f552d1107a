using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Rules;

/// <summary>
/// A slow, obviously-correct implementation of docs/criteria.md for one pupil at one as-of date: it walks dates day by
/// day and reads the ledger one day at a time (<see cref="DayLedger.ScheduledOn"/>, <see cref="DayLedger.RecordOn"/>),
/// with none of the engine's bitsets, prefix sums, cached windows or record cursors. Each method is a sentence
/// of docs/criteria.md. The engine must agree with it on every input.
/// </summary>
internal sealed class ReferenceRules
{
    private readonly SchoolCalendar _calendar;
    private readonly DayLedger _ledger;
    private readonly int _pupil;
    private readonly LocalDate _t;
    private readonly CriteriaSettings _s;
    private readonly SchoolDayRange[] _gaps;

    /// <summary>Whether a day between two enrolments lies after <paramref name="from"/> and before <paramref name="to"/>.</summary>
    private bool GapBetween(LocalDate from, LocalDate to) => _gaps.Any(g => _calendar.Date(g.First) > from && _calendar.Date(g.First) < to);

    public ReferenceRules(DayLedger ledger, int pupil, LocalDate asOf, Policy policy)
    {
        _calendar = ledger.Calendar;
        _ledger = ledger;
        _pupil = pupil;
        _t = asOf;
        _s = policy.Criteria;
        // "School day: a weekday that is not a holiday … and on which the pupil is enrolled." Up to T.
        // … not a day between two enrolments of a pupil who left and came back.
        _gaps = [.. ledger.GapsOf(pupil)];
        var enrolled = _calendar.Days.ToArray().Where((date, index) => ledger.Enrolment(pupil).Contains(index) && !_gaps.Any(g => g.Contains(index)) && date <= asOf).ToList();
        // "School week: a calendar week (ISO, Monday–Sunday) that holds at least one school day." The calendar's
        // school weeks up to T; the pupil's enrolment then limits the days inside them.
        SchoolWeeks = [.. _calendar.Days.ToArray().Where(d => d <= asOf).Select(Monday).Distinct()];
        // "On the roll at T: enrolled on a school day of the week of T, up to T. Only a pupil on the roll is
        // evaluated": one who left before the week of T has no days the rules read, so nothing holds.
        OnRoll = SchoolWeeks.Count > 0 && enrolled.Any(d => Monday(d) == SchoolWeeks[^1]);
        PupilDays = OnRoll ? enrolled : [];
    }

    public bool OnRoll { get; }

    public List<LocalDate> PupilDays { get; }

    public List<LocalDate> SchoolWeeks { get; }

    public static LocalDate Monday(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    // ---- the day ledger, one day at a time ----

    public int Scheduled(LocalDate date) => _ledger.ScheduledOn(_pupil, _calendar.IndexOf(date));

    public int Minutes(LocalDate date, Category category) =>
        _ledger.RecordOn(_pupil, _calendar.IndexOf(date)) is { } record ? record.Minutes.Of(category) : 0;

    /// <summary>"Absent = sick + sent_home_sick + authorized_other + unauthorized + suspended + reduced_timetable."</summary>
    public int Absent(LocalDate date) => Categories.Absent.Sum(c => Minutes(date, c));

    public int Late(LocalDate date) => _ledger.RecordOn(_pupil, _calendar.IndexOf(date))?.LateArrivals ?? 0;

    /// <summary>"Sick day: a school day with any sick or sent_home_sick minutes."</summary>
    public bool IsSickDay(LocalDate date) => Minutes(date, Category.Sick) > 0 || Minutes(date, Category.SentHomeSick) > 0;

    // ---- windows ----

    /// <summary>"Months are calendar months: the last 2 months is the dates in (T − 2 months, T]."</summary>
    public List<LocalDate> LastMonths(int months) => [.. PupilDays.Where(d => d > _t.PlusMonths(-months))];

    /// <summary>"Four weeks … means four consecutive school weeks: holiday weeks are skipped. The week of T counts up to T."</summary>
    public List<LocalDate> LastSchoolWeeks(int weeks)
    {
        var chosen = SchoolWeeks.TakeLast(weeks).ToHashSet();
        return [.. PupilDays.Where(d => chosen.Contains(Monday(d)))];
    }

    // ---- sick episodes ----

    /// <summary>
    /// "Sick episode: a maximal run of consecutive school days that are sick days (weekends and holidays between
    /// them do not break the run, nor do the pupil's school days without scheduled time) … its length is its sick days
    /// … an episode still running at T has the length it has reached by T."
    /// </summary>
    public List<(LocalDate Start, LocalDate End, int Length)> Episodes()
    {
        var episodes = new List<(LocalDate, LocalDate, int)>();
        LocalDate? start = null;
        var length = 0;
        LocalDate previous = default;
        foreach (var day in PupilDays)
        {
            // "The weeks between two enrolments end an episode."
            if (start is { } begun && GapBetween(previous, day))
            {
                episodes.Add((begun, previous, length));
                start = null;
                length = 0;
            }
            if (IsSickDay(day))
            {
                start ??= day;
                length++;
                previous = day;
            }
            else if (Scheduled(day) == 0)
            {
                // "… nor do the pupil's days without scheduled time": a free day neither ends nor lengthens a run.
            }
            else if (start is { } s)
            {
                episodes.Add((s, previous, length));
                start = null;
                length = 0;
            }
        }
        if (start is { } open)
            episodes.Add((open, previous, length));
        return episodes;
    }

    // ---- criteria, one sentence each ----

    /// <summary>ZZV-SHORT: "sick episodes of 1–2 school days that started in the last 2 months ≥ 3".</summary>
    public bool ZzvShort() =>
        Episodes().Count(e => e.Start > _t.PlusMonths(-_s.ZzvShort.Months) && e.Length >= 1 && e.Length <= _s.ZzvShort.MaxEpisodeDays)
            >= _s.ZzvShort.MinEpisodes;

    /// <summary>ZZV-LONG and MAZL-LONG: "a sick episode longer than 10 / of ≥ 7 school days is running at T or ended in the last 4 school weeks".</summary>
    public bool LongEpisode(LongEpisodeSettings settings)
    {
        var window = LastSchoolWeeks(settings.EndedWithinSchoolWeeks).ToHashSet();
        var lastSchoolDay = _calendar.Days.ToArray().LastOrDefault(d => d <= _t);
        return Episodes().Any(e => e.Length >= settings.MinDays && (e.End == lastSchoolDay || window.Contains(e.End)));
    }

    /// <summary>ZZV-MONTH: "sick days in the last month > 4".</summary>
    public bool ZzvMonth() => LastMonths(_s.ZzvMonth.Months).Count(IsSickDay) > _s.ZzvMonth.MoreThanDays;

    /// <summary>ZZV-HOME: "sent-home-sick days in the last 2 months ≥ 2".</summary>
    public bool ZzvHome() => LastMonths(_s.ZzvHome.Months).Count(d => Minutes(d, Category.SentHomeSick) > 0) >= _s.ZzvHome.MinDays;

    /// <summary>MAZL-FREQ: "sick episodes that started in the last 12 school weeks ≥ 4".</summary>
    public bool MazlFreq()
    {
        var window = LastSchoolWeeks(_s.MazlFreq.SchoolWeeks).ToHashSet();
        return Episodes().Count(e => window.Contains(e.Start)) >= _s.MazlFreq.MinEpisodes;
    }

    /// <summary>
    /// MAZL-PATTERN: "of the sick episodes that started in the last 12 school weeks, ≥ 3 started on the same
    /// weekday, or ≥ 2 include the last school day before or the first school day after a holiday of a week or
    /// more (the summer holiday included; the school calendar is known beyond T)".
    /// </summary>
    public bool MazlPattern()
    {
        var settings = _s.MazlPattern;
        var window = LastSchoolWeeks(settings.SchoolWeeks).ToHashSet();
        var started = Episodes().Where(e => window.Contains(e.Start)).ToList();
        var sameWeekday = started.GroupBy(e => e.Start.DayOfWeek).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var around = started.Count(e => PupilDays.Any(d => d >= e.Start && d <= e.End && IsHolidayBoundary(d, settings.HolidayMinDays)));
        return sameWeekday >= settings.MinSameWeekday || around >= settings.MinAroundHoliday;
    }

    /// <summary>The last school day before, or the first after, at least <paramref name="minDays"/> days without school; the summer at both ends of the year.</summary>
    public bool IsHolidayBoundary(LocalDate day, int minDays)
    {
        var all = _calendar.Days.ToArray();
        var i = Array.IndexOf(all, day);
        if (i == 0 || i == all.Length - 1)
            return true;
        return Period.DaysBetween(day, all[i + 1]) - 1 >= minDays || Period.DaysBetween(all[i - 1], day) - 1 >= minDays;
    }

    /// <summary>A school week's scheduled, absent and unauthorized minutes over the pupil's days in it, up to T.</summary>
    public (int Scheduled, int Absent, int Unauthorized) Week(LocalDate monday)
    {
        var days = PupilDays.Where(d => Monday(d) == monday).ToList();
        return (days.Sum(Scheduled), days.Sum(Absent), days.Sum(d => Minutes(d, Category.Unauthorized)));
    }

    /// <summary>Consecutive school weeks ending with the week of T for which the condition holds; a week without scheduled time ends the run.</summary>
    public int WeeksEndingAtT(Func<(int Scheduled, int Absent, int Unauthorized), bool> holds)
    {
        var count = 0;
        for (var w = SchoolWeeks.Count - 1; w >= 0; w--)
        {
            var week = Week(SchoolWeeks[w]);
            if (week.Scheduled == 0 || !holds(week))
                break;
            count++;
        }
        return count;
    }

    /// <summary>LR-50 measure: "consecutive school weeks, ending with the week of T, whose attendance fraction is &lt; 0.50".</summary>
    public int WeeksBelow50() => WeeksEndingAtT(w => w.Scheduled - w.Absent < (decimal)_s.Lr50.FractionBelow * w.Scheduled);

    public bool Lr50() => WeeksBelow50() > _s.Lr50.MoreThanWeeks;

    /// <summary>TZ-0: "as LR-50, with every week of the run at fraction 0".</summary>
    public int WeeksAtZero() => WeeksEndingAtT(w => w.Scheduled - w.Absent == 0);

    public bool Tz0() => WeeksAtZero() > _s.Tz0.MoreThanWeeks;

    /// <summary>TZ-LPW: "> 4 consecutive school weeks, ending with the week of T, each with fraction 0 and unauthorized minutes ≥ 50 % of scheduled".</summary>
    public int WeeksAtZeroUnauthorized() =>
        WeeksEndingAtT(w => w.Scheduled - w.Absent == 0 && w.Unauthorized >= (decimal)_s.TzLpw.MinUnauthorizedShare * w.Scheduled);

    public bool TzLpw() => WeeksAtZeroUnauthorized() > _s.TzLpw.MoreThanWeeks;

    /// <summary>TZ-3M: "TZ-0 or TZ-LPW holds and its run started more than 3 months before T".</summary>
    public bool Tz3m()
    {
        var cutoff = _t.PlusMonths(-_s.Tz3m.MoreThanMonths);
        LocalDate RunStart(int weeks) => PupilDays.First(d => Monday(d) == SchoolWeeks[^weeks]);
        return (Tz0() && RunStart(WeeksAtZero()) < cutoff) || (TzLpw() && RunStart(WeeksAtZeroUnauthorized()) < cutoff);
    }

    /// <summary>
    /// The DUO count, walked day by day as criteria §2 says: "Walk the school days of the school year up to T in
    /// order. The period starts at the first school day with unauthorized minutes after the last melding's end
    /// date and covers that day's school week and the next three school weeks. When a day falls past the period,
    /// the start moves to the first day with unauthorized minutes inside the four school weeks ending with that
    /// day (and after the last melding's end date). On the first day on which the unauthorized minutes from the
    /// start up to and including that day reach 16 hours, a melding is made (begin, end, hours) and counting
    /// starts again the next school day."
    /// </summary>
    public List<(LocalDate Begin, LocalDate End, double Hours)> Meldingen()
    {
        var settings = _s.Lpw16u;
        var weeks = _calendar.Days.ToArray().Select(Monday).Distinct().ToList();
        int WeekNumber(LocalDate d) => weeks.IndexOf(Monday(d));
        var meldingen = new List<(LocalDate, LocalDate, double)>();
        LocalDate? lastEnd = null;
        LocalDate? start = null;
        foreach (var day in PupilDays)
        {
            if (lastEnd is { } end && day <= end)
                continue;
            var unauthorized = Minutes(day, Category.Unauthorized);
            if (start is null)
            {
                if (unauthorized > 0)
                    start = day;
            }
            else if (WeekNumber(day) > WeekNumber(start.Value) + settings.PeriodSchoolWeeks - 1)
            {
                var fromWeek = WeekNumber(day) - settings.PeriodSchoolWeeks + 1;
                start = PupilDays
                    .Where(d => d <= day && WeekNumber(d) >= fromWeek && (lastEnd is null || d > lastEnd) && Minutes(d, Category.Unauthorized) > 0)
                    .Select(d => (LocalDate?)d)
                    .FirstOrDefault();
            }
            if (start is { } s)
            {
                var sum = PupilDays.Where(d => d >= s && d <= day).Sum(d => Minutes(d, Category.Unauthorized));
                if (sum >= settings.Hours * 60)
                {
                    meldingen.Add((s, day, sum / 60.0));
                    lastEnd = day;
                    start = null;
                }
            }
        }
        return meldingen;
    }

    /// <summary>LPW-16U: "a DUO melding … ended in the last 4 school weeks".</summary>
    public bool Lpw16u()
    {
        var window = LastSchoolWeeks(_s.Lpw16u.ReportedWithinSchoolWeeks).ToHashSet();
        return Meldingen().Any(m => window.Contains(m.End));
    }

    /// <summary>PREV-10U: "unauthorized absence in the last 4 school weeks ≥ 10 hours".</summary>
    public bool Prev10u() =>
        LastSchoolWeeks(_s.Prev10u.SchoolWeeks).Sum(d => Minutes(d, Category.Unauthorized)) >= _s.Prev10u.MinHours * 60;

    /// <summary>LATE-REP: "late arrivals in the last 4 school weeks ≥ 3".</summary>
    public bool LateRep() => LastSchoolWeeks(_s.LateRep.SchoolWeeks).Sum(Late) >= _s.LateRep.MinLates;

    /// <summary>
    /// KPA-25: "absent minutes in the last 2 school weeks ≥ 25 % of scheduled minutes", over the whole 2 weeks: "the
    /// year has 2 school weeks up to T, the pupil was enrolled on the first school day of the first of them and was not
    /// away between two enrolments from then up to T".
    /// </summary>
    public bool Kpa25()
    {
        var days = LastSchoolWeeks(_s.Kpa25.SchoolWeeks);
        var scheduled = days.Sum(Scheduled);
        var whole = SchoolWeeks.Count >= _s.Kpa25.SchoolWeeks
            && _calendar.Days.ToArray().First(d => Monday(d) == SchoolWeeks[^_s.Kpa25.SchoolWeeks]) is var first
            && _ledger.Enrolment(_pupil).Contains(_calendar.IndexOf(first))
            && !_gaps.Any(g => _calendar.Date(g.Last) >= first && _calendar.Date(g.First) <= _t);
        return whole && scheduled > 0 && days.Sum(Absent) >= (decimal)_s.Kpa25.MinAbsentShare * scheduled;
    }

    /// <summary>KPA-10IN15: "absence days in the last 15 school weeks ≥ 10, an absence day being a school day with ≥ 25 % of its scheduled time absent".</summary>
    public bool Kpa10In15() =>
        LastSchoolWeeks(_s.Kpa10In15.SchoolWeeks).Count(d => Scheduled(d) > 0 && Absent(d) >= (decimal)_s.Kpa10In15.DayMinAbsentShare * Scheduled(d))
            >= _s.Kpa10In15.MinDays;

    /// <summary>Every criterion by id, in docs/criteria.md order.</summary>
    public IReadOnlyDictionary<CriterionId, bool> Criteria() => new Dictionary<CriterionId, bool>
    {
        [CriterionId.ZzvShort] = ZzvShort(),
        [CriterionId.ZzvLong] = LongEpisode(_s.ZzvLong),
        [CriterionId.ZzvMonth] = ZzvMonth(),
        [CriterionId.ZzvHome] = ZzvHome(),
        [CriterionId.MazlFreq] = MazlFreq(),
        [CriterionId.MazlLong] = LongEpisode(_s.MazlLong),
        [CriterionId.MazlPattern] = MazlPattern(),
        [CriterionId.Lr50] = Lr50(),
        [CriterionId.Tz0] = Tz0(),
        [CriterionId.TzLpw] = TzLpw(),
        [CriterionId.Tz3m] = Tz3m(),
        [CriterionId.Lpw16u] = Lpw16u(),
        [CriterionId.Prev10u] = Prev10u(),
        [CriterionId.LateRep] = LateRep(),
        [CriterionId.Kpa25] = Kpa25(),
        [CriterionId.Kpa10In15] = Kpa10In15(),
    };

    // ---- rates and the kearney-nl tier ----

    /// <summary>criteria §3: "absence_rate(W) is absent minutes ÷ scheduled minutes over a window W".</summary>
    public (int Scheduled, int ScheduledDays, int Absent) Window(List<LocalDate> days) =>
        (days.Sum(Scheduled), days.Count(d => Scheduled(d) > 0), days.Sum(Absent));

    public (int Scheduled, int ScheduledDays, int Absent) Ytd() => Window(PupilDays);

    /// <summary>criteria §4, policy kearney-nl, with "a rate over fewer than 10 scheduled school days is reported but does not set a tier".</summary>
    public int KearneyTier()
    {
        var (scheduled, days, absent) = Window(LastSchoolWeeks(8));
        var rate = days >= 10 && scheduled > 0 ? (double)absent / scheduled : 0;
        var met = Criteria();
        if (rate >= 0.20 || met[CriterionId.Lr50] || met[CriterionId.Tz0] || met[CriterionId.TzLpw] || met[CriterionId.Tz3m])
            return 3;
        if (rate >= 0.10 || met.Any(kv => kv.Value))
            return 2;
        return 1;
    }
}
