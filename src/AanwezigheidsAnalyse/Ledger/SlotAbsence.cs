using System.Numerics;
using NodaTime;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// Scheduled and absent slots per weekday (Monday = 0 … Friday = 4) and slot (lesuur or dagdeel), over every
/// pupil's enrolled school days up to a day: the numbers behind the weekday × lesuur heatmap.
/// </summary>
internal sealed class SlotAbsence
{
    private SlotAbsence(long[,] absent, long[,] scheduled, long[] absentMinutes, long[] scheduledMinutes)
    {
        Absent = absent;
        Scheduled = scheduled;
        AbsentMinutes = absentMinutes;
        ScheduledMinutes = scheduledMinutes;
    }

    /// <summary>Absent minutes per weekday, slots or not: what an export of day rows (dag-minuten) can show.</summary>
    public long[] AbsentMinutes { get; }

    /// <summary>Scheduled minutes per weekday.</summary>
    public long[] ScheduledMinutes { get; }

    /// <summary>Absence registered per day only (minutes, no lessons): the slots say nothing, the weekdays do.</summary>
    public bool DaysOnly
    {
        get
        {
            long slots = 0, minutes = 0;
            for (var w = 0; w < 5; w++)
            {
                minutes += AbsentMinutes[w];
                for (var s = 0; s < Absent.GetLength(1); s++)
                    slots += Absent[w, s];
            }
            return slots == 0 && minutes > 0;
        }
    }

    /// <summary>Absent slots per weekday and slot.</summary>
    public long[,] Absent { get; }

    /// <summary>Scheduled slots per weekday and slot.</summary>
    public long[,] Scheduled { get; }

    /// <summary>Counts over the school days <c>[0..lastDay]</c>; days with minute rows only have no slots and are left out.</summary>
    public static SlotAbsence Count(DayLedger ledger, int lastDay)
    {
        var calendar = ledger.Calendar;
        var absent = new long[5, Timetable.MaxSlots];
        var scheduled = new long[5, Timetable.MaxSlots];
        var (absentMinutes, scheduledMinutes) = (new long[5], new long[5]);
        // School days per weekday up to each day, so that a pupil's enrolled days per weekday cost five subtractions.
        var perWeekday = new int[5, calendar.DayCount + 1];
        for (var d = 0; d < calendar.DayCount; d++)
        {
            for (var w = 0; w < 5; w++)
                perWeekday[w, d + 1] = perWeekday[w, d];
            var weekday = (int)calendar.Weekday(d) - 1;
            if (weekday < 5)
                perWeekday[weekday, d + 1]++;
        }
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var enrolment = ledger.Enrolment(p);
            var from = enrolment.First;
            var to = Math.Min(enrolment.Last, lastDay);
            if (from > to)
                continue;
            if (!ledger.FullRegister)
            {
                for (var w = 0; w < 5; w++)
                {
                    var days = perWeekday[w, to + 1] - perWeekday[w, from];
                    var mask = (uint)ledger.Timetable.ScheduledSlots(ledger.Variant(p), (IsoDayOfWeek)(w + 1));
                    for (; mask != 0; mask &= mask - 1)
                        scheduled[w, BitOperations.TrailingZeroCount(mask)] += days;
                    scheduledMinutes[w] += (long)days * ledger.Timetable.ScheduledMinutes(ledger.Variant(p), (IsoDayOfWeek)(w + 1));
                }
            }
            foreach (var record in ledger.Records(p))
            {
                if (record.Day > to)
                    break;
                var w = (int)calendar.Weekday(record.Day) - 1;
                absentMinutes[w] += record.Absent;
                scheduledMinutes[w] += record.Scheduled - ledger.TimetabledMinutes(p, record.Day);
                // A record's day counts its own slots instead of the timetable's: none for a day of minute rows or of
                // vrijstelling (the weeks between two enrolments too), which stayed in the map's denominators unabsent.
                if (!ledger.FullRegister)
                {
                    var timetabled = (uint)ledger.Timetable.ScheduledSlots(ledger.Variant(p), calendar.Weekday(record.Day));
                    for (var mask = timetabled; mask != 0; mask &= mask - 1)
                        scheduled[w, BitOperations.TrailingZeroCount(mask)]--;
                }
                for (var mask = (uint)record.ScheduledSlots; mask != 0; mask &= mask - 1)
                    scheduled[w, BitOperations.TrailingZeroCount(mask)]++;
                for (var mask = (uint)record.AbsentSlots; mask != 0; mask &= mask - 1)
                    absent[w, BitOperations.TrailingZeroCount(mask)]++;
            }
        }
        return new SlotAbsence(absent, scheduled, absentMinutes, scheduledMinutes);
    }
}
