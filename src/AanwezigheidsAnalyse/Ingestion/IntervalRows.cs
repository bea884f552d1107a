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
            if (endDate < startDate || (endDate == startDate && (endTime < startTime || endSlot < startSlot)))
            {
                Fault(RejectReason.IntervalInvalid, endColumn >= 0 ? endColumn : startColumn);
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
            // registration: ignored as such, not counted as a duplicate.
            if (first > last || (enrolled && !lessons))
                Ignore(IgnoreReason.NoSchoolDay);
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
        if (RegisterCovered(pupil, day, category, candidates, from, to) is { } effect)
            return effect;
        if (from.Time is null && to.Time is null)
            return null;
        // A notification shorter than half a lesson (late from 08:30 to 08:45) covers no lesson's midpoint: it is the
        // lesson it overlaps most, not nothing.
        if (RegisterMostOverlapped(pupil, day, category, scheduled, from, to) is { } overlapped)
            return overlapped;
        // A time outside the day's timetabled lessons (15:10-16:00, an 8th hour) is the lesson of the timetable it
        // covers, as a row naming lesuur 8 is, and adds to the day's scheduled time; it was ignored as no lesson, and
        // seven weeks of truancy in the 8th hour with it. Only when no timetabled lesson is covered: a day from 08:00
        // to 17:00 is the day's lessons, not three more.
        var others = 0u;
        for (var s = 0; s < Timetable.MaxSlots; s++)
            others |= Timetable.SlotTimes(s) is not null && (scheduled & (1u << s)) == 0 ? 1u << s : 0;
        return RegisterCovered(pupil, day, category, others, from, to) ?? RegisterMostOverlapped(pupil, day, category, others, from, to);
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
            if (Timetable.SlotMinutes(slot) == 0)
            {
                Fault(RejectReason.SlotNotInTimetable, slotColumn);
                return false;
            }
        }
        return true;
    }
}
