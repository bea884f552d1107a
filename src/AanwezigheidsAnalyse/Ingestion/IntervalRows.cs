using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// Interval rows (README, "Input", shape 2): an absence notification from a start to an end (date + time or date +
/// lesuur), possibly spanning days. Each covered school day registers the timetabled slots the interval covers.
/// </summary>
internal sealed class IntervalRows<TSource, TTarget>(FileInput input, TSource rows, TTarget target, IEnumerable<PendingFault>? carried)
    : RowReader<TSource, TTarget>(input, rows, target, carried)
    where TSource : struct, IRowSource
    where TTarget : struct, ILedgerTarget
{
    private readonly TimeResolver _times = new(input.Profile.TimeFormats);

    protected override void ReadRows()
    {
        var calendar = Builder.Calendar;
        while (NextRow())
        {
            var pupilId = PupilNumber();
            if (!CheckPupilId(pupilId))
                continue;
            var startColumn = Columns[ColumnRole.StartDate];
            var startText = Field(startColumn);
            if (startText.IsEmpty)
            {
                Fault(RejectReason.DateMissing, startColumn);
                continue;
            }
            if (!Dates.TryParse(startText, out var startDate))
            {
                Fault(RejectReason.DateInvalid, startColumn);
                continue;
            }
            // An interval without an end is still running: it lasts up to the as-of date.
            var endColumn = Columns[ColumnRole.EndDate];
            var endDate = AsOf;
            if (Field(endColumn) is { IsEmpty: false } endText && !Dates.TryParse(endText, out endDate))
            {
                Fault(RejectReason.DateInvalid, endColumn);
                continue;
            }
            if (!TryBoundary(Columns[ColumnRole.StartTime], Columns[ColumnRole.StartSlot], startText, startDate, out var startTime, out var startSlot, out _)
                || !TryBoundary(Columns[ColumnRole.EndTime], Columns[ColumnRole.EndSlot], Field(endColumn), endDate, out var endTime, out var endSlot, out var endsAtMidnight))
                continue;
            // From 13:30 to the next midnight ends that evening: not the whole next day.
            if (endsAtMidnight && startTime is not null && endDate > startDate)
                endDate = endDate.PlusDays(-1);
            // From lesuur 3 to the end of that day has no end lesson: -1 is no lesson before the start (an adversarial pass).
            if (endDate < startDate || (endDate == startDate && (endTime < startTime || (endSlot >= 0 && endSlot < startSlot))))
            {
                Fault(RejectReason.IntervalInvalid, endColumn >= 0 ? endColumn : startColumn);
                continue;
            }
            // A lesson the timetable has no times for counts no minutes: a notification of it alone is rejected, not
            // accepted as nothing. One of a range with lessons the timetable has ("lesuur 1 t/m 10") counts those.
            if (NoLessonWithMinutes(startSlot, endSlot, startDate == endDate) is var missing and >= 0)
            {
                Fault(RejectReason.SlotNotInTimetable, missing == startSlot ? Columns[ColumnRole.StartSlot] : Columns[ColumnRole.EndSlot]);
                continue;
            }
            if (!TryCode(pupilId, out var category))
                continue;
            if (startDate > AsOf)
            {
                Account.SeeIgnoredDate(endDate);
                Ignore(IgnoreReason.AfterAsOf);
                continue;
            }
            if (endDate < calendar.Year.FirstDay)
            {
                Account.SeeIgnoredDate(endDate);
                Ignore(IgnoreReason.BeforeSchoolYear);
                continue;
            }

            if (!TrySchool(out var school))
                continue;
            var pupil = Builder.PupilFor(school, pupilId);
            var first = calendar.FirstAfter(startDate.PlusDays(-1));
            var last = calendar.LastOnOrBefore(endDate < AsOf ? endDate : AsOf);
            SetGroup(pupil, Math.Max(first, 0));
            if (category == Category.Ignore)
            {
                Ignore(IgnoreReason.CodeIgnored);
                continue;
            }
            var effect = RegistrationEffect.Duplicate;
            var (enrolled, lessons) = (false, false);
            for (var day = first; day <= last; day++)
            {
                if (!Builder.IsEnrolled(pupil, day))
                    continue;
                enrolled = true;
                var date = calendar.Date(day);
                var from = date == startDate ? (startTime, startSlot) : (null, -1);
                var to = date == endDate ? (endTime, endSlot) : (null, -1);
                if (RegisterPartOfDay(pupil, day, category, from, to) is not { } dayEffect)
                    continue;
                lessons = true;
                if (dayEffect < effect)
                    effect = dayEffect;
            }
            // An interval that covers no school day (a weekend, a holiday), or no lesson of one (18:00-20:00), is no
            // registration: ignored as such, not counted as a duplicate. The second kind apart, as many of them say the
            // timetable is not the school's (Ingest warns).
            if (first > last)
                Ignore(IgnoreReason.NoSchoolDay);
            else if (enrolled && !lessons)
                IgnoreNoLesson(startDate.DayOfWeek);
            else if (!enrolled)
                Ignore(IgnoreReason.OutsideEnrolment); // all of it before, after or between the pupil's enrolments: not a duplicate
            else
                Accept(effect, category, startDate);
        }
    }

    /// <summary>Registers the slots of a day that an interval covers: the whole day, or from a start and/or to an end; null when it covers no lesson.</summary>
    private RegistrationEffect? RegisterPartOfDay(int pupil, int day, Category category, (LocalTime? Time, int Slot) from, (LocalTime? Time, int Slot) to)
    {
        if (from.Time is null && from.Slot < 0 && to.Time is null && to.Slot < 0)
            return Builder.RegisterWholeDay(pupil, day, category);
        // The timetabled slots of the day, and the slots an interval names explicitly ("lesuur 3 t/m 9").
        var scheduled = (uint)Timetable.ScheduledSlots(0, Builder.Calendar.Weekday(day));
        var candidates = scheduled;
        if (from.Slot >= 0 && to.Slot >= 0)
        {
            for (var s = from.Slot; s <= to.Slot; s++)
                candidates |= 1u << s;
        }
        // A notification on one day that starts or ends where a lesson outside the timetabled day does (14:20-16:00 ends
        // with lesuur 8) names it, as "lesuur 7 t/m 8" does: 14:20-16:00 was lesuur 7 alone, 16 hours became 10 and the
        // DUO melding went (an adversarial pass). Times past the lessons (08:00-17:00) name none of them.
        if (from.Time is { } start && to.Time is { } end && EndsAtAnUnscheduledLesson(start, end))
            candidates |= Unscheduled();
        if (RegisterCovered(pupil, day, category, candidates, from, to) is { } effect)
            return effect;
        if (from.Time is null && to.Time is null)
            return null;
        // A lesson the timetable has but schedules on no weekday (an 8th hour, 15:10-16:00), named by its times from a
        // start to an end on one day, is that lesson, as a row naming lesuur 8 is, and adds to the day's scheduled
        // time: it was ignored as no lesson, and seven weeks of truancy in the 8th hour with it. Not the first or last
        // day of a longer notification (from 15:30 on is the rest of that day, not two more lessons), and not a lesson
        // free on this weekday only (a primary school's Wednesday afternoon).
        if (from.Time is not null && to.Time is not null && RegisterCovered(pupil, day, category, Unscheduled(), from, to) is { } extra)
            return extra;
        // A notification shorter than half a lesson (late from 08:30 to 08:45) covers no lesson's midpoint: it is the
        // lesson it overlaps most, not nothing.
        return RegisterMostOverlapped(pupil, day, category, scheduled, from, to);
    }

    /// <summary>
    /// The lesson a notification of one day names (as its start, else its end) when the lessons from its start to its
    /// end have no minutes in the timetable at all; -1 otherwise. Over several days the other days count anyway.
    /// </summary>
    private int NoLessonWithMinutes(int startSlot, int endSlot, bool oneDay)
    {
        if (!oneDay || (startSlot < 0 && endSlot < 0))
            return -1;
        for (var s = Math.Max(startSlot, 0); s <= (endSlot >= 0 ? endSlot : Timetable.MaxSlots - 1); s++)
        {
            if (Timetable.SlotMinutes(s) > 0)
                return -1;
        }
        return startSlot >= 0 ? startSlot : endSlot;
    }

    /// <summary>The lessons the timetable has times for and schedules on no weekday (lesuur 0, 8 and 9 of vo-standaard).</summary>
    private uint Unscheduled()
    {
        if (_unscheduled < 0)
        {
            var (defined, any) = (0u, 0u);
            for (var s = 0; s < Timetable.MaxSlots; s++)
                defined |= Timetable.SlotTimes(s) is not null ? 1u << s : 0;
            foreach (var weekday in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday })
                any |= (uint)Timetable.ScheduledSlots(0, weekday);
            _unscheduled = defined & ~any;
        }
        return (uint)_unscheduled;
    }

    private long _unscheduled = -1;

    /// <summary>A start or end on the boundary of a lesson the timetable schedules on no weekday.</summary>
    private bool EndsAtAnUnscheduledLesson(LocalTime start, LocalTime end)
    {
        for (var slots = Unscheduled(); slots != 0; slots &= slots - 1)
        {
            if (Timetable.SlotTimes(System.Numerics.BitOperations.TrailingZeroCount(slots)) is { } times && (times.Start == start || times.End == end))
                return true;
        }
        return false;
    }

    /// <summary>Registers every slot of <paramref name="slots"/> the interval covers; null when none.</summary>
    private RegistrationEffect? RegisterCovered(int pupil, int day, Category category, uint slots, (LocalTime? Time, int Slot) from, (LocalTime? Time, int Slot) to)
    {
        var (effect, any) = (RegistrationEffect.Duplicate, false);
        for (; slots != 0; slots &= slots - 1)
        {
            var s = System.Numerics.BitOperations.TrailingZeroCount(slots);
            if (!Covers(s, from, to))
                continue;
            any = true;
            var slotEffect = Builder.RegisterSlot(pupil, day, s, category);
            if (slotEffect < effect)
                effect = slotEffect;
        }
        return any ? effect : null;
    }

    /// <summary>Registers the slot of <paramref name="slots"/> the interval's times overlap most; null when none.</summary>
    private RegistrationEffect? RegisterMostOverlapped(int pupil, int day, Category category, uint slots, (LocalTime? Time, int Slot) from, (LocalTime? Time, int Slot) to)
    {
        var (best, overlap) = (-1, 0);
        for (; slots != 0; slots &= slots - 1)
        {
            var s = System.Numerics.BitOperations.TrailingZeroCount(slots);
            if (Timetable.SlotTimes(s) is not { } times)
                continue;
            var start = from.Time is { } f && f > times.Start ? f : times.Start;
            var end = to.Time is { } t && t < times.End ? t : times.End;
            var minutes = end > start ? (int)Period.Between(start, end, PeriodUnits.Minutes).Minutes : 0;
            if (minutes > overlap)
                (best, overlap) = (s, minutes);
        }
        return best >= 0 ? Builder.RegisterSlot(pupil, day, best, category) : null;
    }

    /// <summary>A slot is covered when its number lies in the slot range, or its midpoint in the time range.</summary>
    private bool Covers(int slot, (LocalTime? Time, int Slot) from, (LocalTime? Time, int Slot) to)
    {
        if (from.Slot >= 0 && slot < from.Slot)
            return false;
        if (to.Slot >= 0 && slot > to.Slot)
            return false;
        if (from.Time is null && to.Time is null)
            return true;
        if (Timetable.SlotTimes(slot) is not { } times)
            return false;
        var midpoint = times.Start.PlusMinutes((int)Period.Between(times.Start, times.End, PeriodUnits.Minutes).Minutes / 2);
        return (from.Time is not { } start || midpoint >= start) && (to.Time is not { } end || midpoint < end);
    }

    /// <summary>
    /// A start or an end: a clock time, a slot, both or neither; false (a fault) when either is unreadable. Without a
    /// time or slot of its own, the time written in the date's field ("27-10-2025 08:30") is the boundary: dropped, a
    /// notification of one lesson counted as the whole day. Midnight there is a date written by Excel, no time.
    /// </summary>
    private bool TryBoundary(int timeColumn, int slotColumn, ReadOnlySpan<byte> dateText, LocalDate date, out LocalTime? time, out int slot, out bool midnight)
    {
        time = null;
        slot = -1;
        midnight = false;
        if (Field(timeColumn) is { IsEmpty: false } timeText)
        {
            if (!_times.TryParse(timeText, out var parsed))
            {
                Fault(RejectReason.TimeInvalid, timeColumn);
                return false;
            }
            time = parsed;
        }
        else if (Field(slotColumn).IsEmpty && dateText.IndexOfAny((byte)' ', (byte)'T') > 0
            && DateResolver.TimeAfterDate(System.Text.Encoding.UTF8.GetString(dateText), date) is { } withDate)
        {
            if (withDate == LocalTime.Midnight)
                midnight = true;
            else
                time = withDate;
        }
        if (Field(slotColumn) is { IsEmpty: false } slotText)
        {
            slot = Slots.Resolve(slotText);
            if (slot < 0)
            {
                Fault(RejectReason.SlotInvalid, slotColumn);
                return false;
            }
        }
        return true;
    }
}
