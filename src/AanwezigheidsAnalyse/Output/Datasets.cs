using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse.Output;

/// <summary>Maps the engine's results onto the rows of the Parquet datasets.</summary>
internal static class Datasets
{
    public static PupilRow PupilRow(DayLedger ledger, TierEvaluator tiers, PupilKeys keys, AsOf asOf, int pupil, in PupilResult result)
    {
        var calendar = ledger.Calendar;
        var first = ledger.EnrolFirst(pupil);
        var last = ledger.EnrolLast(pupil);
        var row = new PupilRow
        {
            SchoolId = ledger.SchoolId(pupil),
            PupilKey = keys.KeyOf(ledger.SchoolId(pupil), ledger.PupilId(pupil)),
            Group = ledger.Group(pupil),
            AsOf = ToDateOnly(asOf.Date),
            Tier = result.Tier,
            TierReasons = tiers.Reasons(in result),
            DominantAbsenceType = result.Measures.DominantAbsence == Category.None ? null : result.Measures.DominantAbsence.Name(),
            EnrolledFrom = first <= last && first < calendar.DayCount ? ToDateOnly(calendar.Date(first)) : null,
            EnrolledUntil = first <= last && last >= 0 ? ToDateOnly(calendar.Date(last)) : null,

            ScheduledMinutesYtd = result.Ytd.Scheduled,
            AttendedMinutesYtd = result.Ytd.Attended,
            ScheduledDaysYtd = result.Ytd.ScheduledDays,
            AbsenceRateYtd = Rate(result.Ytd, null),
            SickRateYtd = Rate(result.Ytd, Category.Sick),
            SentHomeSickRateYtd = Rate(result.Ytd, Category.SentHomeSick),
            AuthorizedOtherRateYtd = Rate(result.Ytd, Category.AuthorizedOther),
            UnauthorizedRateYtd = Rate(result.Ytd, Category.Unauthorized),
            SuspendedRateYtd = Rate(result.Ytd, Category.Suspended),
            ReducedTimetableRateYtd = Rate(result.Ytd, Category.ReducedTimetable),

            ScheduledMinutes8w = result.Weeks8.Scheduled,
            AttendedMinutes8w = result.Weeks8.Attended,
            ScheduledDays8w = result.Weeks8.ScheduledDays,
            AbsenceRate8w = Rate(result.Weeks8, null),
            SickRate8w = Rate(result.Weeks8, Category.Sick),
            SentHomeSickRate8w = Rate(result.Weeks8, Category.SentHomeSick),
            AuthorizedOtherRate8w = Rate(result.Weeks8, Category.AuthorizedOther),
            UnauthorizedRate8w = Rate(result.Weeks8, Category.Unauthorized),
            SuspendedRate8w = Rate(result.Weeks8, Category.Suspended),
            ReducedTimetableRate8w = Rate(result.Weeks8, Category.ReducedTimetable),

            ScheduledMinutes4w = result.Weeks4.Scheduled,
            AttendedMinutes4w = result.Weeks4.Attended,
            ScheduledDays4w = result.Weeks4.ScheduledDays,
            AbsenceRate4w = Rate(result.Weeks4, null),
            SickRate4w = Rate(result.Weeks4, Category.Sick),
            SentHomeSickRate4w = Rate(result.Weeks4, Category.SentHomeSick),
            AuthorizedOtherRate4w = Rate(result.Weeks4, Category.AuthorizedOther),
            UnauthorizedRate4w = Rate(result.Weeks4, Category.Unauthorized),
            SuspendedRate4w = Rate(result.Weeks4, Category.Suspended),
            ReducedTimetableRate4w = Rate(result.Weeks4, Category.ReducedTimetable),
        };
        ref readonly var m = ref result.Measures;
        row.SickEpisodes2m = m.SickEpisodes2m;
        row.ShortSickEpisodes2m = m.ShortSickEpisodes2m;
        row.SickEpisodes12w = m.SickEpisodes12w;
        row.LongestSickEpisodeDays = m.LongestSickEpisodeDays;
        row.RunningSickEpisodeDays = m.RunningSickEpisodeDays;
        row.SickDays1m = m.SickDays1m;
        row.SentHomeSickDays2m = m.SentHomeSickDays2m;
        row.WeeksBelow50 = m.WeeksBelow50;
        row.WeeksWithoutEducation = m.WeeksWithoutEducation;
        row.UnauthorizedHours4w = Math.Round(m.UnauthorizedMinutes4w / 60.0, 2);
        row.LateArrivals4w = m.LateArrivals4w;
        row.AbsenceDays15w = m.AbsenceDays15w;
        row.DuoMeldingen = m.DuoMeldingen;
        return row;
    }

    public static SignalRow SignalRow(DayLedger ledger, PupilKeys keys, AsOf asOf, Signal signal) => new()
    {
        SchoolId = ledger.SchoolId(signal.Pupil),
        PupilKey = keys.KeyOf(ledger.SchoolId(signal.Pupil), ledger.PupilId(signal.Pupil)),
        AsOf = ToDateOnly(asOf.Date),
        CriterionId = signal.CriterionId,
        FirstMet = ToDateOnly(signal.FirstMet),
        WindowStart = ToDateOnly(signal.WindowStart),
        WindowEnd = ToDateOnly(signal.WindowEnd),
        Value = signal.Value,
        Threshold = signal.Threshold,
        Evidence = [.. signal.Evidence.Select(e => e.ToString())],
        AbsenceKind = signal.AbsenceKind,
        PickedUpBy = CriterionIds.Label(signal.CriterionId).OwnerDutch,
    };

    /// <summary>Rates are rounded to 6 decimals: enough for any school, and stable across platforms.</summary>
    private static double? Rate(in WindowTotals totals, Category? category) =>
        totals.Scheduled > 0 ? Math.Round(totals.Rate(category), 6) : null;

    public static DateOnly ToDateOnly(NodaTime.LocalDate date) => new(date.Year, date.Month, date.Day);
}
