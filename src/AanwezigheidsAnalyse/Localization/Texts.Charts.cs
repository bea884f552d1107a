using System.Globalization;
using NodaTime;

namespace AanwezigheidsAnalyse.Localization;

internal static partial class Texts
{
    /// <summary>The words on the charts (titles, axes, legends).</summary>
    public static class Chart
    {
        public static string PyramidTitle(Language l) => l.Pick("Kearney-piramide: leerlingen per trede", "Kearney pyramid: pupils per tier");

        /// <summary>"Trede 1: komt (bijna) altijd naar school" beside the pyramid's band.</summary>
        public static string PyramidBand(Language l, int tier, string meaning) => l.Format($"Trede {tier}: {meaning}", $"Tier {tier}: {meaning}");

        public static string PyramidAxis(Language l, LocalDate asOf, int pupils) => l.Format(
            $"Peildatum {asOf.ToString("d MMMM yyyy", l.Culture())} — {pupils.ToString("N0", l.Culture())} leerlingen",
            $"As of {asOf.ToString("d MMMM yyyy", l.Culture())} — {pupils.ToString("N0", l.Culture())} pupils");

        public static string TiersPerWeekTitle(Language l) => l.Pick("Leerlingen per trede, per schoolweek", "Pupils per tier, per school week");

        /// <summary>"Trede 1" in a legend; <paramref name="lowerCase"/> for "trede 1" beside a threshold.</summary>
        public static string Tier(Language l, int tier, bool lowerCase = false) =>
            lowerCase ? l.Format($"trede {tier}", $"tier {tier}") : l.Format($"Trede {tier}", $"Tier {tier}");

        public static string Pupils(Language l) => l.Pick("Leerlingen", "Pupils");

        /// <summary>A band of the attendance histogram: the bars are coloured by absence alone, a tier can come from criteria too.</summary>
        public static string AbsenceBand(Language l, string rate, int tier, bool highest) => highest
            ? l.Format($"{rate}: trede {tier}", $"{rate}: tier {tier}")
            : l.Format($"{rate}: minstens trede {tier}", $"{rate}: at least tier {tier}");

        /// <summary>After the date of a week of T that is not over: " t/m ma".</summary>
        public static string WeekUpTo(Language l, NodaTime.LocalDate asOf) => l.Format($" t/m {asOf.ToString("ddd", l.Culture())}", $" to {asOf.ToString("ddd", l.Culture())}");

        public static string AbsenceBandRest(Language l) => l.Pick("minder: trede 1, of hoger door een criterium", "less: tier 1, or higher by a criterion");

        public static string HeatmapTitleWeekdays(Language l) => l.Pick("Verzuim per weekdag (% van de geplande tijd)", "Absence by weekday (% of scheduled time)");

        public static string WholeDay(Language l) => l.Pick("hele dag", "whole day");

        public static string NoLessonTime(Language l) => l.Pick("geen lestijd (vrijstelling)", "no lesson time (exemption)");

        public static string DaysOnlyAxis(Language l) => l.Pick("De export registreert per dag, niet per lesuur", "The export registers days, not lesson hours");

        public static string HeatmapTitle(Language l, bool dagdeel) => dagdeel
            ? l.Pick("Verzuim per weekdag en dagdeel (% van de geplande dagdelen)", "Absence by weekday and part of day (% of scheduled)")
            : l.Pick("Verzuim per weekdag en lesuur (% van de geplande lessen)", "Absence by weekday and lesson hour (% of scheduled lessons)");

        /// <summary>Monday to Friday, short.</summary>
        public static string[] Weekdays(Language l) => l == Language.Dutch ? ["ma", "di", "wo", "do", "vr"] : ["Mon", "Tue", "Wed", "Thu", "Fri"];

        /// <summary>A slot's name on the axis: its number, or ochtend/middag for dagdelen.</summary>
        public static string Slot(Language l, int slot, bool dagdeel) => (dagdeel, slot) switch
        {
            (true, 1) => l.Pick("ochtend", "morning"),
            (true, 2) => l.Pick("middag", "afternoon"),
            _ => slot.ToString(CultureInfo.InvariantCulture),
        };

        public static string SlotAxis(Language l, bool dagdeel) => dagdeel ? l.Pick("Dagdeel", "Part of day") : l.Pick("Lesuur", "Lesson hour");

        public static string AttendanceTitle(Language l, string window) => l.Format($"Aanwezigheid over {window}", $"Attendance over {window}");

        public static string AttendanceAxis(Language l, string window) => l.Format($"Aanwezig (% van de geplande tijd, {window})", $"Attended (% of scheduled time, {window})");

        public static string PupilsWithDays(Language l, int days) => l.Format($"Leerlingen (≥ {days} geplande dagen)", $"Pupils (≥ {days} scheduled days)");

        public static string CriteriaPerWeekTitle(Language l) => l.Pick("Leerlingen per criterium, per schoolweek", "Pupils per criterion, per school week");

        public static string TimelineTitle(Language l, string pupil, string? group, double rate8w, int weeksBelow50) => l.Format(
            $"Leerling {pupil} ({group ?? "-"}): verzuim laatste 8 schoolweken {rate8w.ToString("P1", l.Culture())}, {weeksBelow50} {l.Noun(weeksBelow50, "schoolweek", "schoolweken", "week", "weeks")} onder 50 %",
            $"Pupil {pupil} ({group ?? "-"}): absence last 8 weeks {rate8w.ToString("P1", l.Culture())}, {weeksBelow50} {l.Noun(weeksBelow50, "schoolweek", "schoolweken", "week", "weeks")} under 50 %");

        public static string AbsencePerWeekTitle(Language l) => l.Pick("Verzuim per schoolweek, als deel van de geroosterde tijd", "Absence per school week, as a share of scheduled time");

        public static string AllAbsence(Language l) => l.Pick("alle verzuim", "all absence");

        public static string Sick(Language l) => l.Pick("ziek (ook ziek naar huis)", "sick (incl. sent home sick)");

        public static string OtherAbsence(Language l) => l.Pick("overig (verlof, schorsing, lestijdverkorting …)", "other (leave, suspension, reduced timetable …)");

        public static string ShareOfScheduledTime(Language l) => l.Pick("% van de geroosterde tijd", "% of scheduled time");

        public static string SchoolWeekAxis(Language l) => l.Pick("Schoolweek (maandag)", "School week (Monday)");
    }
}
