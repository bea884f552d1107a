using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>Day rows (README, "Input", shape 3): minutes scheduled / present / absent per pupil × date.</summary>
internal sealed class DayRows<TSource, TTarget>(FileInput input, TSource rows, TTarget target, IEnumerable<PendingFault>? carried)
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
            if (!TryMinutes(Columns[ColumnRole.ScheduledMinutes], day, out var scheduled)
                || !TryMinutes(Columns[ColumnRole.PresentMinutes], day, out var present)
                || !TryMinutes(Columns[ColumnRole.Minutes], day, out var minutes))
                continue;

            var category = Category.Present;
            var hasCode = !Field(Columns[ColumnRole.Code]).IsEmpty;
            if (hasCode && !TryCode(pupilId, out category))
                continue;
            if (!hasCode && minutes < 0 && present < 0)
            {
                Fault(RejectReason.CodeMissing, Columns[ColumnRole.Code]);
                continue;
            }
            if (!TryPupil(pupilId, day, out var pupil))
                continue;
            if (category == Category.Ignore)
            {
                Ignore(IgnoreReason.CodeIgnored);
                continue;
            }
            var dayMinutes = scheduled >= 0 ? scheduled : Timetable.ScheduledMinutes(0, Builder.Calendar.Weekday(day));
            RegistrationEffect effect;
            if (category.IsAttended() || !hasCode)
            {
                // A fully or partly present day: the present minutes count as attended; an absent remainder
                // without a code cannot be categorised and is left to the scheduled time.
                var attended = minutes >= 0 ? minutes : present >= 0 ? present : dayMinutes;
                effect = Builder.RegisterMinutes(pupil, day, hasCode ? category : Category.Present, attended, Math.Max(scheduled, 0));
            }
            else
            {
                if (minutes >= 0)
                    SeeDayDuration(minutes);
                var absent = minutes >= 0 ? minutes : present >= 0 ? Math.Max(0, dayMinutes - present) : dayMinutes;
                effect = Builder.RegisterMinutes(pupil, day, category, absent, Math.Max(scheduled, 0));
            }
            Accept(effect, category, day);
        }
    }
}
