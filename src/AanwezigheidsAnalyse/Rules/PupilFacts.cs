using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// What the criteria read about one pupil at one as-of date: the pupil's school days up to T, sick episodes,
/// weekly attendance and DUO meldingen. The expensive parts are computed on first use; what does not depend on T
/// (a complete school week's totals, the year's sick episodes and meldingen) is kept until the next pupil, the rest
/// until the next <see cref="Reset"/>. One instance per core is reused for every pupil of a ledger, so evaluation
/// allocates nothing.
/// </summary>
internal sealed class PupilFacts(DayLedger ledger, Policy policy)
{
    private const int MaxEpisodes = 256;

    // The sick episodes and DUO meldingen of the pupil's whole enrolment, found once per pupil: both are made day
    // by day from what came before, so those up to T are a prefix of the year's (an episode running at T cut at T).
    private readonly SickEpisode[] _episodes = new SickEpisode[MaxEpisodes];
    private int _yearEpisodeCount;
    private int _episodesStamp = -1;
    private int _episodeCount = -1; // up to T; -1 until asked after a reset
    private (int Index, SickEpisode Whole) _cut = (-1, default); // the episode running at T, cut at T: restored at a reset
    private readonly List<DuoMelding> _meldingen = [];
    private int _meldingenStamp = -1;
    private int _meldingCount = -1; // up to T; -1 until asked after a reset

    // A school week before the week of T is complete: its totals do not depend on T, so they are kept for the pupil
    // across as-of dates (the weekly replay's 40 week ends, first_met's walk back day by day). So is the week of T
    // when T is its last school day (each of the replay's week ends); otherwise it is computed again at every reset.
    private readonly WeekTotals[] _weeks = new WeekTotals[64];
    private readonly int[] _weekStamp = new int[64]; // a week is valid when its stamp is the current pupil's
    private int _stamp;
    private int _stampedPupil = -1;
    private WeekTotals _weekOfT;
    private bool _weekOfTComputed;
    private (int Stamp, int Last, int Weeks) _weeksWithAbsence = (-1, 0, 0); // CountWeeksWithAbsence, for the pupil and its Last

    private AsOf? _asOf;

    public DayLedger Ledger { get; } = ledger;

    public Policy Policy { get; } = policy;

    /// <summary>The as-of date of the pupil the facts were last <see cref="Reset"/> to.</summary>
    public AsOf AsOf
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _asOf ?? NotReset();
    }

    private static AsOf NotReset() => throw new InvalidOperationException("PupilFacts are read after Reset only.");

    public int Pupil { get; private set; }

    /// <summary>The pupil's first school day (enrolment start).</summary>
    public int First { get; private set; }

    /// <summary>The pupil's last school day up to T (T or enrolment end); below <see cref="First"/> when there is none.</summary>
    public int Last { get; private set; }

    /// <summary>The pupil's records up to <see cref="Last"/>.</summary>
    public DayRecords Records
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Ledger.Records(Pupil)[.._recordCount];
    }

    private int _recordCount;

    public void Reset(int pupil, AsOf asOf)
    {
        _asOf = asOf;
        Pupil = pupil;
        var enrolment = Ledger.Enrolment(pupil);
        First = enrolment.First;
        // In the weeks between two enrolments the pupil is not the school's: its last day is the one before them.
        Last = EnrolmentGaps.LastEnrolledOnOrBefore(Ledger.GapsOf(pupil), Math.Min(asOf.Day, enrolment.Last));
        _recordCount = pupil == _stampedPupil ? MoveRecordCount(Ledger.Records(pupil), _recordCount, Last) : Ledger.Records(pupil).FirstFrom(Last + 1);
        if (_cut.Index >= 0)
        {
            _episodes[_cut.Index] = _cut.Whole;
            _cut = (-1, default);
        }
        _episodeCount = -1;
        _meldingCount = -1;
        if (pupil != _stampedPupil)
        {
            _stamp++; // another pupil: every kept week, episode and melding is stale
            _stampedPupil = pupil;
        }
        _weekOfTComputed = false;
    }

    /// <summary>
    /// The records up to <paramref name="last"/>, counted from the count at the pupil's previous as-of date: the weekly
    /// replay moves a week forward at a time and first_met a day back, a record or none each time, where a search
    /// from scratch was a fifth of a reset.
    /// </summary>
    private static int MoveRecordCount(DayRecords records, int count, int last)
    {
        while (count < records.Length && records.DayOf(count) <= last)
            count++;
        while (count > 0 && records.DayOf(count - 1) > last)
            count--;
        return count;
    }

    /// <summary>The pupil has an enrolled school day up to T: there is a year to read, on the roll or not.</summary>
    public bool HasDays => Last >= First;

    /// <summary>
    /// On the school's roll at T (criteria §1): enrolled on a school day of the week of T, up to T. Only such a pupil
    /// is evaluated and placed. One who left before the week of T is no longer the school's to place: the tier of
    /// the weeks before leaving, still standing at T, would be a wrong tier given silently.
    /// </summary>
    public bool OnRoll => HasDays && Last >= AsOf.SchoolWeeksStart(1);

    /// <summary>Enrolled earlier this year, and no longer on the roll at T: the pupil left before the week of T.</summary>
    public bool HasLeft => HasDays && !OnRoll;

    /// <summary>
    /// An empty list for the evidence of one explanation (<see cref="Criteria.Criterion.Explain"/>), the same list every
    /// time: the explainer copies it into the signal before it asks for the next, so a national run's 650 000 signals
    /// no longer grow a list each (0.2 GB at a million pupils).
    /// </summary>
    public List<EvidenceItem> NewEvidence()
    {
        _evidence.Clear();
        return _evidence;
    }

    private readonly List<EvidenceItem> _evidence = [];

    public LocalDate Date(int day) => Ledger.Calendar.Date(day);

    /// <summary>The weekday of school day <paramref name="day"/>.</summary>
    public IsoDayOfWeek Weekday(int day) => Ledger.Calendar.Weekday(day);

    /// <summary>Start of a window of school weeks, limited by enrolment.</summary>
    public int WeeksFrom(int schoolWeeks) => Math.Max(AsOf.SchoolWeeksStart(schoolWeeks), First);

    /// <summary>Start of a window of calendar months, limited by enrolment.</summary>
    public int MonthsFrom(int months) => Math.Max(AsOf.MonthsStart(months), First);

    // ---- sick days and episodes ----

    public ReadOnlySpan<ulong> SickDays => Ledger.SickDays(Pupil);

    public ReadOnlySpan<ulong> SentHomeDays => Ledger.SentHomeDays(Pupil);

    public int CountSickDays(int from) => Bits.Count(SickDays, from, Last);

    public int CountSentHomeDays(int from) => Bits.Count(SentHomeDays, from, Last);

    /// <summary>
    /// The sick episodes up to T (criteria §1), in date order: maximal runs of consecutive school days that are sick
    /// days; an episode running at T ends at T. Days are school-day indexes, so weekends and holidays never break a run,
    /// and neither do the pupil's days without scheduled time (a part-timer's free day, a whole day of vrijstelling):
    /// one illness over a free Wednesday is one episode of its sick days. The weeks between two enrolments do.
    /// </summary>
    public ReadOnlySpan<SickEpisode> Episodes
    {
        get
        {
            if (_episodeCount < 0)
                FindEpisodes();
            return _episodes.AsSpan(0, _episodeCount);
        }
    }

    /// <summary>Episodes that started on or after <paramref name="from"/>, of at most <paramref name="maxLength"/> school days.</summary>
    public int CountEpisodesStarted(int from, int maxLength = int.MaxValue)
    {
        var count = 0;
        var episodes = Episodes;
        for (var e = episodes.Length - 1; e >= 0 && episodes[e].First >= from; e--)
        {
            if (episodes[e].Length <= maxLength)
                count++;
        }
        return count;
    }

    /// <summary>The longest episode that is running at T or ended on or after <paramref name="endedFrom"/> (the latest of equals); null when none.</summary>
    public SickEpisode? LongestEpisodeEndedFrom(int endedFrom)
    {
        SickEpisode? best = null;
        var episodes = Episodes;
        for (var e = episodes.Length - 1; e >= 0 && episodes[e].Last >= endedFrom; e--)
        {
            if (best is not { } b || episodes[e].Length > b.Length)
                best = episodes[e];
        }
        return best;
    }

    /// <summary>The length of the episode running at T (its last day is the pupil's last day up to T), or 0.</summary>
    public int RunningEpisodeLength =>
        Episodes is { Length: > 0 } episodes && episodes[^1].Last == Last && Last == AsOf.Day ? episodes[^1].Length : 0;

    /// <summary>Whether the pupil, enrolled on every school day of <c>[from..to]</c>, has no scheduled time on any.</summary>
    private bool Unscheduled(int from, int to)
    {
        // The weeks between two enrolments end an episode: an illness before leaving is not the one after coming back.
        if (EnrolmentGaps.Touch(Ledger.GapsOf(Pupil), from, to))
            return false;
        for (var day = from; day <= to; day++)
        {
            if (Ledger.ScheduledOn(Pupil, day) > 0)
                return false;
        }
        return true;
    }

    /// <summary>Whether the pupil was enrolled from <paramref name="from"/> on, and not away between two enrolments from then up to T.</summary>
    public bool EnrolledThroughout(int from) => First <= from && !EnrolmentGaps.Touch(Ledger.GapsOf(Pupil), from, AsOf.Day);

    private void FindEpisodes()
    {
        if (_episodesStamp != _stamp)
        {
            // The year's episodes: from the first school day of enrolment to its last.
            _yearEpisodeCount = 0;
            var sick = SickDays;
            var last = Ledger.Enrolment(Pupil).Last;
            var day = First <= last ? Bits.NextSet(sick, First, last) : -1;
            while (day >= 0 && _yearEpisodeCount < MaxEpisodes)
            {
                var end = Bits.NextClear(sick, day, last) - 1;
                var next = Bits.NextSet(sick, end + 1, last);
                while (next >= 0 && Unscheduled(end + 1, next - 1))
                {
                    end = Bits.NextClear(sick, next, last) - 1;
                    next = Bits.NextSet(sick, end + 1, last);
                }
                _episodes[_yearEpisodeCount++] = new SickEpisode(day, end, Bits.Count(sick, day, end));
                day = next;
            }
            _episodesStamp = _stamp;
        }
        // Those started by T; the one running at T ends at T.
        var count = _yearEpisodeCount;
        while (count > 0 && _episodes[count - 1].First > Last)
            count--;
        if (count > 0 && _episodes[count - 1] is { } running && running.Last > Last)
        {
            // Cut at its last sick day up to T (T itself when sick; a free day bridged over is no part of it).
            var sick = SickDays;
            var cut = Last;
            while (!Bits.Test(sick, cut))
                cut--;
            _cut = (count - 1, running);
            _episodes[count - 1] = new SickEpisode(running.First, cut, Bits.Count(sick, running.First, cut));
        }
        _episodeCount = HasDays ? count : 0;
    }

    // ---- totals over windows ----

    /// <summary>Scheduled time and minutes per category over <c>[from..Last]</c>.</summary>
    public WindowTotals Totals(int from)
    {
        var (minutes, days) = Ledger.Timetabled(Pupil, from, Last);
        var totals = new WindowTotals { Scheduled = minutes, ScheduledDays = days };
        if (from > Last)
            return totals;
        var records = Records;
        for (var i = records.Length - 1; i >= 0 && records.DayOf(i) is var day && day >= from; i--)
            records.AddTo(ref totals, i, Ledger.TimetabledMinutes(Pupil, day));
        return totals;
    }

    /// <summary>
    /// Unauthorized absence over <c>[from..Last]</c> in minutes; under a lesson-hour policy each unauthorized slot
    /// counts as 60 minutes, so that thresholds in hours read the same.
    /// </summary>
    public int UnauthorizedMinutes(int from)
    {
        var total = 0;
        var records = Records;
        for (var i = records.Length - 1; i >= 0 && records.DayOf(i) >= from; i--)
            total += UnauthorizedOf(records, i);
        return total;
    }

    /// <summary>A record's unauthorized absence in minutes, 60 per unauthorized slot under a lesson-hour policy (as <see cref="UnauthorizedMinutes"/> counts it).</summary>
    public int UnauthorizedOf(DayRecords records, int index) => UnauthorizedOf(records, index, Policy);

    /// <inheritdoc cref="UnauthorizedOf(DayRecords, int)"/>
    public static int UnauthorizedOf(DayRecords records, int index, Policy policy) =>
        policy.HourUnit == HourUnit.Lesson ? records.UnauthorizedSlotsOf(index) * 60 : records.MinutesOf(index, Category.Unauthorized);

    /// <summary>School days in <c>[from..Last]</c> with at least <paramref name="share"/> of the scheduled time absent (KPA).</summary>
    public int CountAbsenceDays(int from, double share)
    {
        if (_absenceDays.Stamp != _stamp || _absenceDays.Share != share)
            CountAbsenceDaysOfPupil(share);
        var records = Records;
        return _absenceDays.Before[records.Length] - _absenceDays.Before[records.FirstFrom(from)];
    }

    /// <summary>
    /// The pupil's absence days counted once, as the number before each of its records: a count over any window of
    /// any as-of date is then two lookups. KPA-10IN15 counts 15 weeks at every week's end of the replay and at every
    /// day first_met walks back (about 60 a signal), and a window's walk was most of that criterion's time.
    /// </summary>
    private void CountAbsenceDaysOfPupil(double share)
    {
        var records = Ledger.Records(Pupil);
        if (_absenceDays.Before.Length <= records.Length)
            _absenceDays.Before = new int[Math.Max(records.Length + 1, _absenceDays.Before.Length * 2)];
        var before = _absenceDays.Before;
        var count = 0;
        for (var i = 0; i < records.Length; i++)
        {
            before[i] = count;
            var scheduled = records.ScheduledOf(i);
            if (scheduled > 0 && Shares.AtLeast(records.AbsentOf(i), scheduled, share))
                count++;
        }
        before[records.Length] = count;
        (_absenceDays.Stamp, _absenceDays.Share) = (_stamp, share);
    }

    private (int Stamp, double Share, int[] Before) _absenceDays = (-1, double.NaN, new int[256]);

    /// <summary>Late arrivals over <c>[from..Last]</c> (LATE-REP).</summary>
    public int CountLateArrivals(int from)
    {
        var lates = 0;
        var records = Records;
        for (var i = records.Length - 1; i >= 0 && records.DayOf(i) >= from; i--)
            lates += records.LateArrivalsOf(i);
        return lates;
    }

    // ---- school weeks ----

    /// <summary>
    /// School weeks with absent minutes on one of the pupil's days up to T: a bound on every run of weeks that
    /// needs absence (below half of the scheduled time, without education) at T or before.
    /// </summary>
    public int CountWeeksWithAbsence()
    {
        // Asked by five criteria's bounds in a row (Criterion.CanHoldBy): counted once per pupil and date.
        if (_weeksWithAbsence.Stamp == _stamp && _weeksWithAbsence.Last == Last)
            return _weeksWithAbsence.Weeks;
        var weeks = 0;
        var lastWeek = -1;
        var records = Records;
        for (var i = records.FirstFrom(First); i < records.Length; i++)
        {
            if (records.AbsentOf(i) > 0 && Ledger.Calendar.WeekOf(records.DayOf(i)) is var week && week != lastWeek)
            {
                weeks++;
                lastWeek = week;
            }
        }
        _weeksWithAbsence = (_stamp, Last, weeks);
        return weeks;
    }

    /// <summary>
    /// A school week's totals over the pupil's days in it, up to T: scheduled, absent and unauthorized minutes.
    /// Computed when first asked; a week before the week of T is kept for the pupil's next as-of dates, and so is the
    /// week of T when T is its last school day. Inlined: a kept week is most calls (the weekly replay's).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WeekTotals Week(int week) =>
        _weekStamp[week] == _stamp && week != AsOf.Week ? _weeks[week] : KeptOrComputed(week);

    private WeekTotals KeptOrComputed(int week)
    {
        // The week of T is complete when T is its last school day: what a later as-of date computes for it.
        if (week == AsOf.Week && AsOf.Day != AsOf.Calendar.WeekLastDay(week))
        {
            if (!_weekOfTComputed)
            {
                _weekOfT = Compute(week);
                _weekOfTComputed = true;
            }
            return _weekOfT;
        }
        if (_weekStamp[week] != _stamp)
        {
            _weeks[week] = Compute(week);
            _weekStamp[week] = _stamp;
        }
        return _weeks[week];
    }

    /// <summary>Consecutive school weeks, ending with the week of T, whose attendance fraction is below <paramref name="fraction"/> (LR-50).</summary>
    public int WeeksBelow(double fraction)
    {
        var run = 0;
        for (var w = AsOf.Week; w >= 0; w--)
        {
            var totals = Week(w);
            if (totals.Scheduled <= 0 || Shares.AtLeast(totals.Attended, totals.Scheduled, fraction))
                break;
            run++;
        }
        return run;
    }

    /// <summary>
    /// Consecutive school weeks, ending with the week of T, without any education (fraction 0), and with
    /// unauthorized minutes at least <paramref name="minUnauthorizedShare"/> of scheduled (0 for TZ-0).
    /// </summary>
    public int WeeksWithoutEducation(double minUnauthorizedShare = 0)
    {
        var run = 0;
        for (var w = AsOf.Week; w >= 0; w--)
        {
            var totals = Week(w);
            if (totals.Scheduled <= 0 || totals.Attended > 0 || !Shares.AtLeast(totals.Unauthorized, totals.Scheduled, minUnauthorizedShare))
                break;
            run++;
        }
        return run;
    }

    /// <summary>The first school day of a run of <paramref name="weeks"/> weeks ending with the week of T.</summary>
    public int RunStart(int weeks) => weeks <= 0 ? Last + 1 : Week(AsOf.Week - weeks + 1).FirstDay;

    /// <summary>
    /// A week's totals over the pupil's days in it up to <see cref="Last"/>: before the week of T, a complete week, the
    /// same for every T after it. Its absent minutes are its records' and nothing else's: the bounds of LR-50, the TZ
    /// criteria and KPA-25 (<see cref="CountWeeksWithAbsence"/>) rest on that.
    /// </summary>
    private WeekTotals Compute(int week)
    {
        var calendar = AsOf.Calendar;
        var from = Math.Max(calendar.WeekFirstDay(week), First);
        var to = Math.Min(calendar.WeekLastDay(week), Last);
        var (scheduled, _) = Ledger.Timetabled(Pupil, from, to);
        var totals = new WeekTotals { Week = week, Scheduled = scheduled, FirstDay = from };
        var records = Records;
        for (var i = records.FirstFrom(from); i < records.Length && records.DayOf(i) is var day && day <= to; i++)
        {
            totals.Scheduled += records.ScheduledOf(i) - Ledger.TimetabledMinutes(Pupil, day);
            totals.Absent += records.AbsentOf(i);
            totals.Unauthorized += records.MinutesOf(i, Category.Unauthorized);
        }
        return totals;
    }

    // ---- the DUO count ----

    /// <summary>The DUO meldingen "16 uur in 4 weken" of the school year up to T (see <see cref="DuoCount"/>).</summary>
    public ReadOnlySpan<DuoMelding> Meldingen
    {
        get
        {
            if (_meldingCount < 0)
            {
                if (_meldingenStamp != _stamp)
                {
                    // The year's: over the records up to the last day of enrolment.
                    var records = Ledger.Records(Pupil);
                    DuoCount.Compute(records[..records.FirstFrom(Ledger.Enrolment(Pupil).Last + 1)], Ledger.Calendar, Policy, _meldingen);
                    _meldingenStamp = _stamp;
                }
                var count = _meldingen.Count;
                while (count > 0 && _meldingen[count - 1].Last > Last)
                    count--;
                _meldingCount = count;
            }
            return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_meldingen)[.._meldingCount];
        }
    }
}

/// <summary>A school week's minutes over the pupil's school days in it, up to T.</summary>
internal struct WeekTotals
{
    public int Week;
    public int FirstDay;
    public int Scheduled;
    public int Absent;
    public int Unauthorized;

    public readonly int Attended => Scheduled - Absent;

    /// <summary>Attended ÷ scheduled; 1 for a week without scheduled time.</summary>
    public readonly double Fraction => Scheduled > 0 ? (double)Attended / Scheduled : 1;
}

/// <summary>
/// A sick episode (ziekmelding, criteria §1): the sick days of <c>[First..Last]</c>, every other day in it one without
/// scheduled time for the pupil, with a scheduled day that is not sick before and after.
/// </summary>
/// <param name="First">The first sick school day.</param>
/// <param name="Last">The last sick school day (T for an episode running at T).</param>
/// <param name="Length">The episode's sick days: its length in school days.</param>
internal readonly record struct SickEpisode(int First, int Last, int Length);

/// <summary>
/// One DUO melding "16 uur in 4 weken": from the first school day of unauthorized absence (DUO's begin date) to the
/// day the hours were reached (its end date), and the hours.
/// </summary>
/// <param name="First">The first school day of the melding's unauthorized absence.</param>
/// <param name="Last">The school day the threshold was reached.</param>
/// <param name="Hours">The unauthorized hours from <paramref name="First"/> to <paramref name="Last"/>.</param>
internal readonly record struct DuoMelding(int First, int Last, double Hours)
{
    /// <summary>The melding's school days.</summary>
    public SchoolDayRange Days => new(First, Last);
}
