using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>Slot rows (README, "Input", shape 1): one row per pupil × date × slot (lesuur or dagdeel), or per pupil × date for a whole day.</summary>
internal sealed class SlotRows<TSource, TTarget>(FileInput input, TSource rows, TTarget target, IEnumerable<PendingFault>? carried)
    : RowReader<TSource, TTarget>(input, rows, target, carried)
    where TSource : struct, IRowSource
    where TTarget : struct, ILedgerTarget
{
    protected override void ReadRows()
    {
        while (NextRow())
        {
            if (!TryPupilAndDate(out var pupilId, out var day))
                continue;
            if (!TryCode(pupilId, out var category))
                continue;

            var slot = -1;
            var slotColumn = Columns[ColumnRole.Slot];
            if (Field(slotColumn) is { IsEmpty: false } slotText && (slot = Slots.Resolve(slotText)) < 0)
            {
                Fault(RejectReason.SlotInvalid, slotColumn);
                continue;
            }
            // A slot the timetable has no times for counts no minutes: accepted, its absence would vanish without a word.
            if (slot >= 0 && Timetable.SlotMinutes(slot) == 0)
            {
                Fault(RejectReason.SlotNotInTimetable, slotColumn);
                continue;
            }
            if (!TryMinutes(Columns[ColumnRole.Minutes], day, out var minutes))
                continue;
            // A date with its clock time and no lesson ("12-11-2025 10:10"): the lesson at that time, as a notification's
            // time counts. Read as the whole day, a lesson's absence was seven (an adversarial pass of real exports).
            if (slot < 0 && minutes < 0 && (slot = LessonAtTheDatesTime(day)) == NoLesson)
            {
                Fault(RejectReason.TimeInvalid, Columns[ColumnRole.Date]);
                continue;
            }
            if (slot < 0 && minutes >= 0 && !category.IsAttended())
                SeeDayDuration(minutes);

            if (!TryPupil(pupilId, day, out var pupil))
                continue;
            if (category == Category.Ignore)
            {
                Ignore(IgnoreReason.CodeIgnored);
                continue;
            }
            // A slot's length is the timetable's: the minutes of a slot row are not used (README, "Canonical format").
            var effect = slot >= 0 ? Builder.RegisterSlot(pupil, day, slot, category)
                : minutes >= 0 ? Builder.RegisterMinutes(pupil, day, category, minutes, 0)
                : Builder.RegisterWholeDay(pupil, day, category);
            Accept(effect, category, day);
        }
    }

    private const int NoLesson = -2;

    /// <summary>
    /// The lesson of the time written after the row's date: the one it falls in, or the next one to begin (a
    /// registration a few minutes before the bell); -1 (the whole day) without a time or at midnight; <see cref="NoLesson"/>
    /// after the last lesson, or when the timetable has no times.
    /// </summary>
    private int LessonAtTheDatesTime(int day)
    {
        var dateText = Field(Columns[ColumnRole.Date]);
        if (dateText.IndexOfAny((byte)' ', (byte)'T') <= 0
            || DateResolver.TimeAfterDate(System.Text.Encoding.UTF8.GetString(dateText), Builder.Calendar.Date(day)) is not { } time
            || time == NodaTime.LocalTime.Midnight)
            return -1;
        var next = NoLesson;
        for (var s = Timetable.MaxSlots - 1; s >= 0; s--)
        {
            if (Timetable.SlotTimes(s) is not { } times || Timetable.SlotMinutes(s) == 0)
                continue;
            if (times.Start <= time && time < times.End)
                return s;
            if (times.Start > time && (next == NoLesson || times.Start < Timetable.SlotTimes(next)!.Value.Start))
                next = s;
        }
        return next;
    }
}
