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
            if (slot < 0 && minutes >= 0 && !category.IsAttended())
                SeeDayDuration(minutes);
            // A date with a clock time and no lesson ("12-11-2025 10:10") is the whole day, as the export says; the time
            // may be the lesson's, or when it was registered (a review: mapped to a lesson, whole days of time-stamped
            // exports shrank to one). Counted, and said when more than a few: one lesson read as seven is no small thing.
            if (slot < 0 && minutes < 0 && HasClockTime(Field(Columns[ColumnRole.Date])))
                Account.TimedWholeDays++;

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

    /// <summary>A clock time other than midnight after the date: a digit 1-9 before a zone ("T00:00:00Z", "0:00:00" are none).</summary>
    private static bool HasClockTime(ReadOnlySpan<byte> date)
    {
        var cut = date.IndexOfAny((byte)' ', (byte)'T');
        if (cut <= 0)
            return false;
        foreach (var b in date[(cut + 1)..])
        {
            if (b is (byte)'Z' or (byte)'+' or (byte)'-')
                return false;
            if (b is >= (byte)'1' and <= (byte)'9')
                return true;
        }
        return false;
    }
}
