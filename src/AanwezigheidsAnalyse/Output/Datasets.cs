using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using NodaTime;
using NodaTime.Calendars;
using static AanwezigheidsAnalyse.Output.Columns;

namespace AanwezigheidsAnalyse.Output;

/// <summary>A pupil as a row of pupils.parquet.</summary>
internal readonly record struct PupilView(AnalysisRun Run, int Pupil);

/// <summary>A met criterion as a row of signals.parquet.</summary>
internal readonly record struct SignalView(AnalysisRun Run, Signal Signal);

/// <summary>A school's week as a row of weekly.parquet.</summary>
internal readonly record struct WeekView(AnalysisRun Run, int School, int Week);

/// <summary>
/// The columns of the three datasets (SPEC §5), with what each means: the README's schema tables list the
/// same names (a test keeps them in step). English snake_case; rates are absent ÷ scheduled minutes and null
/// when nothing was scheduled.
/// </summary>
internal static class Datasets
{
    private static readonly (RateWindow Window, string Name)[] Windows = [(RateWindow.Ytd, "ytd"), (RateWindow.Weeks8, "8w"), (RateWindow.Weeks4, "4w")];

    // Columns hold the buffers of the row group being written, so every write gets its own (runs may overlap).
    public static IReadOnlyList<Column<PupilView>> Pupils => BuildPupils();

    public static IReadOnlyList<Column<SignalView>> Signals => BuildSignals();

    public static IReadOnlyList<Column<WeekView>> Weekly => BuildWeekly();

    private static List<Column<PupilView>> BuildPupils()
    {
        static ref readonly PupilResult R(in PupilView v) => ref v.Run.Results[v.Pupil];
        var columns = new List<Column<PupilView>>
        {
            Text((in PupilView v) => v.Run.Ledger.SchoolId(v.Pupil), "school_id", "the school (e.g. its BRIN): the export's school column or --school-id"),
            Text((in PupilView v) => v.Run.Keys[v.Pupil], "pupil_key", "the school's pupil number, or its HMAC-SHA-256 pseudonym with --pseudonymize-key"),
            Text((in PupilView v) => v.Run.Ledger.Group(v.Pupil), "group", "the class of the pupil's latest registration (or the pupil list)"),
            Date((in PupilView v) => v.Run.AsOf.Date.ToDateOnly(), "as_of", "the as-of date T"),
            Int((in PupilView v) => R(v).Tier, "tier", "Kearney tier 1, 2 or 3 under the policy"),
            TextList((in PupilView v) => v.Run.Engine.Tiers.Reasons(in R(v)), "tier_reasons", "every rate threshold (RATE-8W-20 …) and criterion id that holds, not only the first"),
            NullableInt((in PupilView v) => v.Run.Transitions.PreviousTier[v.Pupil], "previous_tier", "the tier last week (from --previous, else from replaying last school week)"),
            Text((in PupilView v) => v.Run.Transitions.Change(v.Pupil, R(v).Tier).ToString().ToLowerInvariant(), "tier_change", "up, down, same or new"),
            Int((in PupilView v) => v.Run.Transitions.WeeksInTier[v.Pupil], "weeks_in_tier", "consecutive weeks, up to T, in the current tier"),
            Text((in PupilView v) => R(v).Measures.DominantAbsence is var c && c != Category.None ? c.Name() : null, "dominant_absence_type", "the absence category with the most minutes in the last 8 school weeks: who picks the case up"),
            NullableDate((in PupilView v) => v.Run.Ledger.EnrolFirst(v.Pupil) <= v.Run.Ledger.EnrolLast(v.Pupil) ? v.Run.Calendar.Date(v.Run.Ledger.EnrolFirst(v.Pupil)).ToDateOnly() : null, "enrolled_from", "the pupil's first enrolled school day this year"),
            NullableDate((in PupilView v) => v.Run.Ledger.EnrolFirst(v.Pupil) <= v.Run.Ledger.EnrolLast(v.Pupil) ? v.Run.Calendar.Date(v.Run.Ledger.EnrolLast(v.Pupil)).ToDateOnly() : null, "enrolled_until", "the pupil's last enrolled school day this year"),
        };
        foreach (var (window, name) in Windows)
        {
            columns.Add(Int((in PupilView v) => R(v).Window(window).Scheduled, $"scheduled_minutes_{name}", $"scheduled minutes over the window {name}"));
            columns.Add(Int((in PupilView v) => R(v).Window(window).Attended, $"attended_minutes_{name}", $"attended minutes (present, late, off-site education) over {name}"));
            columns.Add(Int((in PupilView v) => R(v).Window(window).ScheduledDays, $"scheduled_days_{name}", $"school days with scheduled time in {name}; a rate over fewer than 10 does not set a tier"));
            columns.Add(NullableDouble((in PupilView v) => Rate(R(v).Window(window), null), $"absence_rate_{name}", $"absent ÷ scheduled minutes over {name}"));
            foreach (var category in Categories.Absent)
                columns.Add(NullableDouble((in PupilView v) => Rate(R(v).Window(window), category), $"{category.Name()}_rate_{name}", $"{category.Name()} ÷ scheduled minutes over {name}"));
        }
        columns.AddRange(
        [
            Int((in PupilView v) => R(v).Measures.SickEpisodes2m, "sick_episodes_2m", "sick episodes started in the last 2 months"),
            Int((in PupilView v) => R(v).Measures.ShortSickEpisodes2m, "short_sick_episodes_2m", "sick episodes of 1–2 school days started in the last 2 months (ZZV-SHORT)"),
            Int((in PupilView v) => R(v).Measures.SickEpisodes12w, "sick_episodes_12w", "sick episodes started in the last 12 school weeks (MAZL-FREQ)"),
            Int((in PupilView v) => R(v).Measures.LongestSickEpisodeDays, "longest_sick_episode_days", "the longest sick episode running at T or ended in the last 4 school weeks, in school days"),
            Int((in PupilView v) => R(v).Measures.RunningSickEpisodeDays, "running_sick_episode_days", "the sick episode running at T, in school days (0 when not sick at T)"),
            Int((in PupilView v) => R(v).Measures.SickDays1m, "sick_days_1m", "sick days in the last month (ZZV-MONTH)"),
            Int((in PupilView v) => R(v).Measures.SentHomeSickDays2m, "sent_home_sick_days_2m", "sent-home-sick days in the last 2 months (ZZV-HOME)"),
            Int((in PupilView v) => R(v).Measures.WeeksBelow50, "weeks_below_50", "consecutive school weeks up to T with attendance below 50 % (LR-50)"),
            Int((in PupilView v) => R(v).Measures.WeeksWithoutEducation, "weeks_without_education", "consecutive school weeks up to T without any education (TZ-0)"),
            Double((in PupilView v) => Math.Round(R(v).Measures.UnauthorizedMinutes4w / 60.0, 2), "unauthorized_hours_4w", "unauthorized clock hours in the last 4 school weeks: the plain sliding sum"),
            Int((in PupilView v) => R(v).Measures.LateArrivals4w, "late_arrivals_4w", "late arrivals in the last 4 school weeks (LATE-REP)"),
            Int((in PupilView v) => R(v).Measures.AbsenceDays15w, "absence_days_15w", "school days in the last 15 school weeks with ≥ 25 % absent (KPA-10IN15)"),
            Int((in PupilView v) => R(v).Measures.DuoMeldingen, "duo_meldingen", "DUO meldingen \"16 uur in 4 weken\" of the school year up to T"),
        ]);
        return columns;
    }

    private static List<Column<SignalView>> BuildSignals() =>
    [
        Text((in SignalView v) => v.Run.Ledger.SchoolId(v.Signal.Pupil), "school_id", "the school"),
        Text((in SignalView v) => v.Run.Keys[v.Signal.Pupil], "pupil_key", "as in pupils.parquet"),
        Date((in SignalView v) => v.Run.AsOf.Date.ToDateOnly(), "as_of", "the as-of date T"),
        Text((in SignalView v) => v.Signal.CriterionId, "criterion_id", "the criterion (RULES §2)"),
        Date((in SignalView v) => v.Signal.FirstMet.ToDateOnly(), "first_met", "the first school day of the run of school days, ending at T, on which the criterion held every day"),
        Bool((in SignalView v) => v.Run.Transitions.NewlyMet(v.Signal.Pupil, 1u << RulesEngine.IndexOf(v.Signal.CriterionId)) != 0, "newly_met", "true when the criterion did not hold last week"),
        Date((in SignalView v) => v.Signal.WindowStart.ToDateOnly(), "window_start", "the first day of the window the criterion looked at"),
        Date((in SignalView v) => v.Signal.WindowEnd.ToDateOnly(), "window_end", "the last day of that window"),
        Double((in SignalView v) => v.Signal.Value, "value", "the value compared with the threshold (a count, days, weeks, hours or a share)"),
        Double((in SignalView v) => v.Signal.Threshold, "threshold", "the policy's threshold"),
        TextList((in SignalView v) => [.. v.Signal.Evidence.Select(e => e.ToString())], "evidence", "the dates that make it true: start[/end][=amount] (episodes, days, weeks with their attendance fraction, DUO meldingen with hours)"),
        Text((in SignalView v) => v.Signal.AbsenceKind, "absence_kind", "LR-50 only: geoorloofd, ongeoorloofd or gemengd"),
        Text((in SignalView v) => CriterionIds.Label(v.Signal.CriterionId).OwnerDutch, "picked_up_by", "who picks it up (RULES §6)"),
    ];

    private static List<Column<WeekView>> BuildWeekly()
    {
        static SchoolWeek W(in WeekView v) => v.Run.Replay.Schools[v.School, v.Week];
        var columns = new List<Column<WeekView>>
        {
            Text((in WeekView v) => v.Run.Ledger.Schools[v.School], "school_id", "the school"),
            Text((in WeekView v) => IsoWeek(v.Run.Calendar.WeekMonday(v.Week)), "week", "the ISO week, e.g. 2025-W45"),
            Date((in WeekView v) => v.Run.Calendar.WeekMonday(v.Week).ToDateOnly(), "week_start", "the Monday of the school week"),
            Date((in WeekView v) => W(v).AsOf.ToDateOnly(), "week_end", "the date the week was evaluated at: its last school day, or T"),
            Int((in WeekView v) => W(v).Pupils, "pupils", "pupils with scheduled time in the week"),
            Int((in WeekView v) => W(v).Tiers[0], "pupils_tier_1", "pupils in tier 1 at the week's end"),
            Int((in WeekView v) => W(v).Tiers[1], "pupils_tier_2", "pupils in tier 2 at the week's end"),
            Int((in WeekView v) => W(v).Tiers[2], "pupils_tier_3", "pupils in tier 3 at the week's end"),
            Long((in WeekView v) => W(v).Scheduled, "scheduled_minutes", "scheduled minutes of all pupils in the week"),
            Long((in WeekView v) => W(v).Absent, "absent_minutes", "absent minutes of all pupils in the week"),
            NullableDouble((in WeekView v) => W(v).Scheduled > 0 ? Math.Round((double)W(v).Absent / W(v).Scheduled, 6) : null, "absence_rate", "absent ÷ scheduled minutes in the week"),
        };
        foreach (var category in Categories.Absent.Append(Category.Late))
        {
            columns.Add(NullableDouble((in WeekView v) => W(v).Scheduled > 0 ? Math.Round((double)W(v).Minutes[category.MinutesIndex()] / W(v).Scheduled, 6) : null,
                $"{category.Name()}_rate", $"{category.Name()} ÷ scheduled minutes in the week"));
        }
        for (var i = 0; i < CriterionIds.All.Count; i++)
        {
            var index = i;
            var id = CriterionIds.All[i];
            columns.Add(Int((in WeekView v) => W(v).Criteria[index], $"pupils_{id.ToLowerInvariant().Replace('-', '_')}", $"pupils meeting {id} at the week's end"));
        }
        return columns;
    }

    /// <summary>Rates are rounded to 6 decimals: enough for any school, and stable across platforms.</summary>
    private static double? Rate(in WindowTotals totals, Category? category) =>
        totals.Scheduled > 0 ? Math.Round(totals.Rate(category), 6) : null;


    public static string IsoWeek(LocalDate date) =>
        $"{WeekYearRules.Iso.GetWeekYear(date)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(date):00}";

    /// <summary>Writes the three datasets; with <paramref name="partitioned"/> also Hive-style under datasets/.</summary>
    public static async Task<List<string>> WriteAsync(AnalysisRun run, string directory, bool partitioned)
    {
        var written = new List<string>();
        var pupils = run.Order.Select(p => new PupilView(run, p));
        var signals = run.Signals.Select(s => new SignalView(run, s));
        var weeks = Enumerable.Range(0, run.Ledger.Schools.Count)
            .Where(s => run.Ledger.SchoolHasPupils(s))
            .OrderBy(s => run.Ledger.Schools[s], StringComparer.Ordinal)
            .SelectMany(s => Enumerable.Range(0, run.Replay.Weeks).Select(w => new WeekView(run, s, w)));

        // The three files at once, each on its own core: Parquet encoding is most of the time here.
        written.AddRange(await Task.WhenAll(
            Task.Run(() => Write(Path.Combine(directory, "pupils.parquet"), Pupils, pupils)),
            Task.Run(() => Write(Path.Combine(directory, "signals.parquet"), Signals, signals)),
            Task.Run(() => Write(Path.Combine(directory, "weekly.parquet"), Weekly, weeks))));
        if (partitioned)
        {
            // Hive style (school_id=…/as_of=…/): the partition columns live in the path, not in the files, so that
            // Spark, Trino, DuckDB and pandas read them without a clash.
            var asOf = run.AsOf.Date.ToString("yyyy-MM-dd", null);
            var pupilsOfSchool = pupils.ToLookup(v => run.Ledger.SchoolIndex(v.Pupil)); // in output order
            var signalsOfSchool = signals.ToLookup(v => run.Ledger.SchoolIndex(v.Signal.Pupil));
            foreach (var school in Enumerable.Range(0, run.Ledger.Schools.Count).Where(run.Ledger.SchoolHasPupils))
            {
                var schoolId = run.Ledger.Schools[school];
                string Partition(string dataset)
                {
                    var dir = Path.Combine(directory, "datasets", dataset, $"school_id={PathValue(schoolId)}", $"as_of={asOf}");
                    Directory.CreateDirectory(dir);
                    return Path.Combine(dir, "part-0.parquet");
                }
                written.Add(await Write(Partition("pupils"), Without(Pupils, "school_id", "as_of"), pupilsOfSchool[school]));
                written.Add(await Write(Partition("signals"), Without(Signals, "school_id", "as_of"), signalsOfSchool[school]));
                written.Add(await Write(Partition("weekly"), Without(Weekly, "school_id"), Enumerable.Range(0, run.Replay.Weeks).Select(w => new WeekView(run, school, w))));
            }
        }
        return written;
    }

    private static async Task<string> Write<TRow>(string path, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows)
    {
        await ColumnarWriter.WriteAsync(path, columns, rows);
        return path;
    }

    private static List<Column<TRow>> Without<TRow>(IReadOnlyList<Column<TRow>> columns, params string[] names) =>
        [.. columns.Where(c => !names.Contains(c.Name))];

    /// <summary>A partition value safe in a path; the empty school id is Hive's default partition.</summary>
    private static string PathValue(string value) =>
        value.Length == 0 ? "__HIVE_DEFAULT_PARTITION__" : Uri.EscapeDataString(value);
}
