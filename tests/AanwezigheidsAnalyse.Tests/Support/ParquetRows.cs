using System.Text.Json.Serialization;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>
/// One row of pupils.parquet. Column names are English snake_case (README, "Output") and documented in the README;
/// rates are absent ÷ scheduled minutes, null when nothing was scheduled in the window.
/// </summary>
/// <remarks>Test-side mirror of the dataset, read with ParquetSerializer so that the schema is checked independently of the writer.</remarks>
public sealed class PupilRow
{
    [JsonPropertyName("school_id")] public string SchoolId { get; set; } = "";
    [JsonPropertyName("pupil_key")] public string PupilKey { get; set; } = "";
    [JsonPropertyName("group")] public string? Group { get; set; }
    [JsonPropertyName("as_of")] public DateOnly AsOf { get; set; }
    [JsonPropertyName("tier")] public int Tier { get; set; }
    [JsonPropertyName("tier_reasons")] public List<string> TierReasons { get; set; } = [];
    [JsonPropertyName("previous_tier")] public int? PreviousTier { get; set; }
    [JsonPropertyName("tier_change")] public string TierChange { get; set; } = "";
    [JsonPropertyName("weeks_in_tier")] public int WeeksInTier { get; set; }
    [JsonPropertyName("dominant_absence_type")] public string? DominantAbsenceType { get; set; }
    [JsonPropertyName("enrolled_from")] public DateOnly? EnrolledFrom { get; set; }
    [JsonPropertyName("enrolled_until")] public DateOnly? EnrolledUntil { get; set; }

    [JsonPropertyName("scheduled_minutes_ytd")] public int ScheduledMinutesYtd { get; set; }
    [JsonPropertyName("attended_minutes_ytd")] public int AttendedMinutesYtd { get; set; }
    [JsonPropertyName("scheduled_days_ytd")] public int ScheduledDaysYtd { get; set; }
    [JsonPropertyName("absence_rate_ytd")] public double? AbsenceRateYtd { get; set; }
    [JsonPropertyName("sick_rate_ytd")] public double? SickRateYtd { get; set; }
    [JsonPropertyName("sent_home_sick_rate_ytd")] public double? SentHomeSickRateYtd { get; set; }
    [JsonPropertyName("authorized_other_rate_ytd")] public double? AuthorizedOtherRateYtd { get; set; }
    [JsonPropertyName("unauthorized_rate_ytd")] public double? UnauthorizedRateYtd { get; set; }
    [JsonPropertyName("suspended_rate_ytd")] public double? SuspendedRateYtd { get; set; }
    [JsonPropertyName("reduced_timetable_rate_ytd")] public double? ReducedTimetableRateYtd { get; set; }

    [JsonPropertyName("scheduled_minutes_8w")] public int ScheduledMinutes8w { get; set; }
    [JsonPropertyName("attended_minutes_8w")] public int AttendedMinutes8w { get; set; }
    [JsonPropertyName("scheduled_days_8w")] public int ScheduledDays8w { get; set; }
    [JsonPropertyName("absence_rate_8w")] public double? AbsenceRate8w { get; set; }
    [JsonPropertyName("sick_rate_8w")] public double? SickRate8w { get; set; }
    [JsonPropertyName("sent_home_sick_rate_8w")] public double? SentHomeSickRate8w { get; set; }
    [JsonPropertyName("authorized_other_rate_8w")] public double? AuthorizedOtherRate8w { get; set; }
    [JsonPropertyName("unauthorized_rate_8w")] public double? UnauthorizedRate8w { get; set; }
    [JsonPropertyName("suspended_rate_8w")] public double? SuspendedRate8w { get; set; }
    [JsonPropertyName("reduced_timetable_rate_8w")] public double? ReducedTimetableRate8w { get; set; }

    [JsonPropertyName("scheduled_minutes_4w")] public int ScheduledMinutes4w { get; set; }
    [JsonPropertyName("attended_minutes_4w")] public int AttendedMinutes4w { get; set; }
    [JsonPropertyName("scheduled_days_4w")] public int ScheduledDays4w { get; set; }
    [JsonPropertyName("absence_rate_4w")] public double? AbsenceRate4w { get; set; }
    [JsonPropertyName("sick_rate_4w")] public double? SickRate4w { get; set; }
    [JsonPropertyName("sent_home_sick_rate_4w")] public double? SentHomeSickRate4w { get; set; }
    [JsonPropertyName("authorized_other_rate_4w")] public double? AuthorizedOtherRate4w { get; set; }
    [JsonPropertyName("unauthorized_rate_4w")] public double? UnauthorizedRate4w { get; set; }
    [JsonPropertyName("suspended_rate_4w")] public double? SuspendedRate4w { get; set; }
    [JsonPropertyName("reduced_timetable_rate_4w")] public double? ReducedTimetableRate4w { get; set; }

    [JsonPropertyName("sick_episodes_2m")] public int SickEpisodes2m { get; set; }
    [JsonPropertyName("short_sick_episodes_2m")] public int ShortSickEpisodes2m { get; set; }
    [JsonPropertyName("sick_episodes_12w")] public int SickEpisodes12w { get; set; }
    [JsonPropertyName("longest_sick_episode_days")] public int LongestSickEpisodeDays { get; set; }
    [JsonPropertyName("running_sick_episode_days")] public int RunningSickEpisodeDays { get; set; }
    [JsonPropertyName("sick_days_1m")] public int SickDays1m { get; set; }
    [JsonPropertyName("sent_home_sick_days_2m")] public int SentHomeSickDays2m { get; set; }
    [JsonPropertyName("weeks_below_50")] public int WeeksBelow50 { get; set; }
    [JsonPropertyName("weeks_without_education")] public int WeeksWithoutEducation { get; set; }
    [JsonPropertyName("unauthorized_hours_4w")] public double UnauthorizedHours4w { get; set; }
    [JsonPropertyName("late_arrivals_4w")] public int LateArrivals4w { get; set; }
    [JsonPropertyName("absence_days_15w")] public int AbsenceDays15w { get; set; }
    [JsonPropertyName("duo_meldingen")] public int DuoMeldingen { get; set; }
}

/// <summary>One row of signals.parquet: a criterion a pupil meets at the as-of date, with its evidence.</summary>
public sealed class SignalRow
{
    [JsonPropertyName("school_id")] public string SchoolId { get; set; } = "";
    [JsonPropertyName("pupil_key")] public string PupilKey { get; set; } = "";
    [JsonPropertyName("as_of")] public DateOnly AsOf { get; set; }
    [JsonPropertyName("criterion_id")] public string CriterionId { get; set; } = "";
    [JsonPropertyName("first_met")] public DateOnly FirstMet { get; set; }
    [JsonPropertyName("newly_met")] public bool NewlyMet { get; set; }
    [JsonPropertyName("window_start")] public DateOnly WindowStart { get; set; }
    [JsonPropertyName("window_end")] public DateOnly WindowEnd { get; set; }
    [JsonPropertyName("value")] public double Value { get; set; }
    [JsonPropertyName("threshold")] public double Threshold { get; set; }
    [JsonPropertyName("evidence")] public List<string> Evidence { get; set; } = [];
    [JsonPropertyName("absence_kind")] public string? AbsenceKind { get; set; }
    [JsonPropertyName("picked_up_by")] public string PickedUpBy { get; set; } = "";
}
