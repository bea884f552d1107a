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

            // More absent or present minutes than the day has is no day: 700 absent of 350 would count twice. An
            // empty scheduled column is the timetable's day, checked and registered (as 0, it made 30 absent minutes
            // a day a pupil 100 % absent).
            var dayMinutes = scheduled >= 0 ? scheduled : Timetable.ScheduledMinutes(0, Builder.Calendar.Weekday(day));
            if (minutes > dayMinutes || present > dayMinutes)
            {
                Fault(RejectReason.MinutesOverScheduled, Columns[minutes > dayMinutes ? ColumnRole.Minutes : ColumnRole.PresentMinutes]);
                continue;
            }

            var category = Category.Present;
            var hasCode = !Field(Columns[ColumnRole.Code]).IsEmpty;
            if (hasCode && !TryCode(pupilId, out category))
                continue;
            // Absent minutes need a code: without one they cannot be categorised, and were counted as attended. A row
            // without a code and without absent minutes is a present day. (With a code, the minutes are the code's:
            // sick minutes, minutes late, present minutes under "present", as the shape's rows of one code each say.)
            if (!hasCode && (minutes > 0 || (present >= 0 && present < dayMinutes)))
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
            RegistrationEffect effect;
            if (!hasCode)
            {
                // A present day (no absent minutes, checked above).
                effect = Builder.RegisterMinutes(pupil, day, Category.Present, present >= 0 ? present : dayMinutes, dayMinutes);
            }
            else if (category.IsAttended())
            {
                // Present or late with a code: the row's minutes are the code's (minutes late), else the present ones.
                var attended = minutes >= 0 ? minutes : present >= 0 ? present : dayMinutes;
                effect = Builder.RegisterMinutes(pupil, day, category, attended, dayMinutes);
            }
            else
            {
                if (minutes >= 0)
                    SeeDayDuration(minutes);
                var absent = minutes >= 0 ? minutes : present >= 0 ? Math.Max(0, dayMinutes - present) : dayMinutes;
                effect = Builder.RegisterMinutes(pupil, day, category, absent, dayMinutes);
            }
            Accept(effect, category, day);
        }
    }
}
