using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using NodaTime;
using NodaTime.Calendars;
using Parquet;
using Parquet.Schema;
using static AanwezigheidsAnalyse.Internals.Columns;

namespace AanwezigheidsAnalyse.Output;

/// <summary>A pupil as a row of pupils.parquet, with its whole result at T (made for the row when the run keeps none).</summary>
internal readonly struct PupilView(AnalysisRun run, int pupil, in PupilResult result)
{
    public readonly AnalysisRun Run = run;
    public readonly int Pupil = pupil;
    public readonly PupilResult Result = result; // a field, so that the columns read it by reference
}

/// <summary>A met criterion as a row of signals.parquet.</summary>
internal readonly record struct SignalView(AnalysisRun Run, Signal Signal);

/// <summary>A school's week as a row of weekly.parquet.</summary>
internal readonly record struct WeekView(AnalysisRun Run, int School, int Week);

/// <summary>
/// The columns of the three datasets (README, "Output"), with what each means: the README's schema tables list the
/// same names (a test keeps them in step). English snake_case; rates are absent ÷ scheduled minutes and null
/// when nothing was scheduled. Reading last week's run back (<see cref="ReadLastWeekAsync"/>) uses the same names.
/// </summary>
internal static class Datasets
{
    // The columns last week's run is read back by.
    private const string SchoolIdColumn = "school_id";
    private const string PupilKeyColumn = "pupil_key";
    private const string AsOfColumn = "as_of";
    private const string TierColumn = "tier";
    private const string WeeksInTierColumn = "weeks_in_tier";
    private const string CriterionIdColumn = "criterion_id";

    /// <summary>The rate windows in column order.</summary>
    private static readonly RateWindow[] Windows = [RateWindow.Ytd, RateWindow.Weeks8, RateWindow.Weeks4];

    // Columns hold the buffers of the row group being written, so every write gets its own (runs may overlap).
    public static IReadOnlyList<Column<PupilView>> Pupils => BuildPupils();

    public static IReadOnlyList<Column<SignalView>> Signals => BuildSignals();

    public static IReadOnlyList<Column<WeekView>> Weekly => BuildWeekly();

    private static List<Column<PupilView>> BuildPupils()
    {
        static ref readonly PupilResult R(in PupilView v) => ref v.Result;
        static DateOnly? Enrolled(in PupilView v, bool last) => v.Run.Ledger.Enrolment(v.Pupil) is { IsEmpty: false } enrolment
            ? v.Run.Calendar.Date(last ? enrolment.Last : enrolment.First).ToDateOnly() : null;
        var columns = new List<Column<PupilView>>
        {
            Text((in PupilView v) => v.Run.Ledger.SchoolId(v.Pupil), SchoolIdColumn, "the school (e.g. its BRIN): the export's school column or --school-id"),
            Text((in PupilView v) => v.Run.Keys[v.Pupil], PupilKeyColumn, "the school's pupil number, or its HMAC-SHA-256 pseudonym with --pseudonymize-key"),
            Text((in PupilView v) => v.Run.GroupOf(v.Pupil), "group", "the class of the pupil's latest registration (or the pupil list)"),
            Date((in PupilView v) => v.Run.AsOf.Date.ToDateOnly(), AsOfColumn, "the as-of date T"),
            Int((in PupilView v) => v.Run.TierOf(v.Pupil).Number(), TierColumn, "Kearney tier 1, 2 or 3 under the policy"),
            TextList((in PupilView v) => Codes(v.Run.Evaluation.TierRules.Reasons(in v.Result)), "tier_reasons", "every rate threshold (RATE-8W-20 …) and criterion id that holds, not only the first"),
            NullableInt((in PupilView v) => (int?)v.Run.Transitions.PreviousTier(v.Pupil), "previous_tier", "the tier last week (from --previous, else from replaying last school week)"),
            Text((in PupilView v) => v.Run.Transitions.Change(v.Pupil, v.Run.TierOf(v.Pupil)).Code(), "tier_change", "up, down, same or new"),
            Int((in PupilView v) => v.Run.Transitions.WeeksInTier(v.Pupil), WeeksInTierColumn, "consecutive weeks, up to T, in the current tier"),
            Text((in PupilView v) => R(v).Measures.DominantAbsence is var c && c != Category.None ? c.Name() : null, "dominant_absence_type", "the absence category with the most minutes in the last 8 school weeks: who picks the case up"),
            NullableDate((in PupilView v) => Enrolled(v, last: false), "enrolled_from", "the pupil's first enrolled school day this year"),
            NullableDate((in PupilView v) => Enrolled(v, last: true), "enrolled_until", "the pupil's last enrolled school day this year"),
        };
        foreach (var window in Windows)
        {
            var name = window.Name();
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
            NullableDouble((in PupilView v) => v.Run.Risks?.Pupils[v.Pupil]?.Score, "risk_score", "with --model: the early-warning model's probability of its outcome within its horizon (a prompt to look, not a verdict)"),
            TextList((in PupilView v) => v.Run.Risks?.Pupils[v.Pupil]?.Drivers ?? [], "risk_drivers", "with --model: up to three features that raise the risk score most"),
        ]);
        return columns;
    }

    private static List<Column<SignalView>> BuildSignals() =>
    [
        Text((in SignalView v) => v.Run.Ledger.SchoolId(v.Signal.Pupil), SchoolIdColumn, "the school"),
        Text((in SignalView v) => v.Run.Keys[v.Signal.Pupil], PupilKeyColumn, "as in pupils.parquet"),
        Date((in SignalView v) => v.Run.AsOf.Date.ToDateOnly(), AsOfColumn, "the as-of date T"),
        Text((in SignalView v) => v.Signal.Criterion.Code(), CriterionIdColumn, "the criterion (criteria §2)"),
        Date((in SignalView v) => v.Run.Calendar.Date(v.Signal.FirstMet).ToDateOnly(), "first_met", "the first school day of the run of school days, ending at T, on which the criterion held every day"),
        Bool((in SignalView v) => v.Run.Transitions.NewlyMet(v.Signal.Pupil, v.Signal.Criterion), "newly_met", "true when the criterion did not hold last week"),
        Date((in SignalView v) => v.Run.Calendar.Date(v.Signal.Window.First).ToDateOnly(), "window_start", "the first day of the window the criterion looked at"),
        Date((in SignalView v) => v.Run.Calendar.Date(v.Signal.Window.Last).ToDateOnly(), "window_end", "the last day of that window"),
        Double((in SignalView v) => v.Signal.Value, "value", "the value compared with the threshold (a count, days, weeks, hours or a share)"),
        Double((in SignalView v) => v.Signal.Threshold, "threshold", "the policy's threshold"),
        FormattedList((in SignalView v) => v.Signal.Evidence, "evidence", "the dates that make it true: start[/end][=amount] (episodes, days, weeks with their attendance fraction, DUO meldingen with hours)"),
        Text((in SignalView v) => v.Signal.AbsenceKind?.Code(), "absence_kind", "LR-50 only: geoorloofd, ongeoorloofd or gemengd"),
        Text((in SignalView v) => v.Run.Evaluation.Engine.Criterion(v.Signal.Criterion).PickedUpBy.Dutch, "picked_up_by", "who picks it up (criteria §6)"),
    ];

    private static List<Column<WeekView>> BuildWeekly()
    {
        static WeekMinutes M(in WeekView v) => v.Run.WeekMinutes;
        static double? Rate(in WeekView v, long minutes) =>
            M(v).Scheduled(v.School, v.Week) is > 0 and var scheduled ? Math.Round((double)minutes / scheduled, 6) : null;
        var columns = new List<Column<WeekView>>
        {
            Text((in WeekView v) => v.Run.Ledger.Schools[v.School], SchoolIdColumn, "the school"),
            Text((in WeekView v) => IsoWeek(v.Run.Calendar.WeekMonday(v.Week)), "week", "the ISO week, e.g. 2025-W45"),
            Date((in WeekView v) => v.Run.Calendar.WeekMonday(v.Week).ToDateOnly(), "week_start", "the Monday of the school week"),
            Date((in WeekView v) => v.Run.Replay.WeekEnd(v.Week).ToDateOnly(), "week_end", "the date the week was evaluated at: its last school day, or T"),
            Int((in WeekView v) => M(v).Pupils(v.School, v.Week), "pupils", "pupils with scheduled time in the week"),
        };
        foreach (var tier in Tiers.All)
            columns.Add(Int((in WeekView v) => v.Run.Replay.PupilsInTier(v.School, v.Week, tier), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pupils_tier_{tier.Number()}"), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pupils in tier {tier.Number()} at the week's end")));
        columns.AddRange(
        [
            Int((in WeekView v) => v.Run.Replay.PupilsChanging(v.School, v.Week, TierChange.Up), "pupils_tier_up", "pupils in a higher tier than at the end of the week before"),
            Int((in WeekView v) => v.Run.Replay.PupilsChanging(v.School, v.Week, TierChange.Down), "pupils_tier_down", "pupils in a lower tier than at the end of the week before"),
            Long((in WeekView v) => M(v).Scheduled(v.School, v.Week), "scheduled_minutes", "scheduled minutes of all pupils in the week"),
            Long((in WeekView v) => M(v).Absent(v.School, v.Week), "absent_minutes", "absent minutes of all pupils in the week"),
            NullableDouble((in WeekView v) => Rate(v, M(v).Absent(v.School, v.Week)), "absence_rate", "absent ÷ scheduled minutes in the week"),
        ]);
        foreach (var category in Categories.Absent.Append(Category.Late))
        {
            columns.Add(NullableDouble((in WeekView v) => Rate(v, M(v).Minutes(v.School, v.Week, category)),
                $"{category.Name()}_rate", $"{category.Name()} ÷ scheduled minutes in the week"));
        }
        foreach (var id in CriterionIds.All)
        {
            var code = id.Code();
            columns.Add(Int((in WeekView v) => v.Run.Replay.PupilsMeeting(v.School, v.Week, id), $"pupils_{code.ToLowerInvariant().Replace('-', '_')}", $"pupils meeting {code} at the week's end"));
        }
        return columns;
    }

    private static string[] Codes(IReadOnlyList<TierReason> reasons)
    {
        if (reasons.Count == 0)
            return [];
        var codes = new string[reasons.Count];
        for (var i = 0; i < codes.Length; i++)
            codes[i] = reasons[i].Code;
        return codes;
    }

    /// <summary>Rates are rounded to 6 decimals: enough for any school, and stable across platforms.</summary>
    private static double? Rate(in WindowTotals totals, Category? category) =>
        totals.Scheduled > 0 ? Math.Round(totals.Rate(category), 6) : null;


    public static string IsoWeek(LocalDate date) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{WeekYearRules.Iso.GetWeekYear(date)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(date):00}");

    /// <summary>Writes the three datasets; with <paramref name="partitioned"/> also Hive-style under datasets/.</summary>
    public static async Task<List<string>> WriteAsync(AnalysisRun run, string directory, bool partitioned)
    {
        // Results and signals are made as they are read and let go (a national run never holds its 0.6 GB of results
        // and 0.3 GB of signals); partitioned, each school's rows also go to its partition as the file reads them.
        var pupils = run.Evaluation.ResultsAsRead(run.Order, Parallelism.Default).Select(r => new PupilView(run, r.Pupil, r.Result));
        var signals = run.SignalsOnce.Select(s => new SignalView(run, s));
        var schools = Enumerable.Range(0, run.Ledger.Schools.Count)
            .Where(s => run.Ledger.SchoolHasPupils(s))
            .OrderBy(s => run.Ledger.Schools[s], StringComparer.Ordinal)
            .ToArray();
        var weeks = schools.SelectMany(s => Enumerable.Range(0, run.Replay.Weeks).Select(w => new WeekView(run, s, w)));

        // Hive style (school_id=…/as_of=…/): the partition columns live in the path, not in the files, so that Spark,
        // Trino, DuckDB and pandas read them without a clash.
        var asOf = run.AsOf.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        string Partition(string dataset, int school)
        {
            var dir = Path.Combine(directory, "datasets", dataset, $"school_id={PathValue(run.Ledger.Schools[school])}", $"as_of={asOf}");
            Directory.CreateDirectory(dir);
            return Path.Combine(dir, "part-0.parquet");
        }
        var pupilPartitions = new SchoolPartitions<PupilView>(run.Ledger.Schools.Count, school => Partition("pupils", school), () => Without(Pupils, SchoolIdColumn, AsOfColumn));
        var signalPartitions = new SchoolPartitions<SignalView>(run.Ledger.Schools.Count, school => Partition("signals", school), () => Without(Signals, SchoolIdColumn, AsOfColumn));
        if (partitioned)
        {
            pupils = pupilPartitions.Tee(pupils, v => run.Ledger.SchoolIndex(v.Pupil));
            signals = signalPartitions.Tee(signals, v => run.Ledger.SchoolIndex(v.Signal.Pupil));
        }

        // The three files at once, each on its own core: Parquet encoding is most of the time here.
        var written = new List<string>(await Task.WhenAll(
            Task.Run(() => Write(Path.Combine(directory, "pupils.parquet"), Pupils, pupils, run.Order.Count)),
            Task.Run(() => Write(Path.Combine(directory, "signals.parquet"), Signals, signals, run.Evaluation.PupilsMeeting().Sum())),
            Task.Run(() => Write(Path.Combine(directory, "weekly.parquet"), Weekly, weeks))));
        if (!partitioned)
            return written;

        // A file per school and dataset (a national run writes 24 000 small ones): the weekly partitions (a few rows a
        // school, from the replay's counts) and the empty signal partitions of schools without signals, on every core.
        var files = new string[run.Ledger.Schools.Count][];
        await Parallel.ForEachAsync(schools, async (school, _) => files[school] =
        [
            await pupilPartitions.FileAsync(school),
            await signalPartitions.FileAsync(school),
            await Write(Partition("weekly", school), Without(Weekly, SchoolIdColumn), Enumerable.Range(0, run.Replay.Weeks).Select(w => new WeekView(run, school, w))),
        ]);
        written.AddRange(schools.Order().SelectMany(school => files[school]));
        // What a Taskforce's collect checks before it takes the folder (the underscore keeps Spark and Hive from
        // reading it as data).
        var manifest = Path.Combine(directory, "datasets", DatasetManifest.FileName);
        File.WriteAllText(manifest, System.Text.Json.JsonSerializer.Serialize(DatasetManifest.Of(run, SystemClock.Instance.GetCurrentInstant()), RunManifest.ManifestFormat.Instance.DatasetManifest));
        written.Add(manifest);
        return written;
    }

    /// <summary>
    /// One dataset's school partitions, written from the rows on their way to the dataset's single file: the rows come
    /// in output order, a school's together, so a school's partition is written when the next school's first row
    /// passes, and only one school's rows are held.
    /// </summary>
    private sealed class SchoolPartitions<TRow>(int schools, Func<int, string> path, Func<IReadOnlyList<Column<TRow>>> columns)
    {
        private readonly string?[] _files = new string?[schools];
        private IReadOnlyList<Column<TRow>>? _columns; // one list for the partitions the tee writes, one after another
        private readonly List<TRow> _rows = [];
        private int _school = -1;

        /// <summary>The rows, unchanged; each school's also written to its partition as they pass.</summary>
        public IEnumerable<TRow> Tee(IEnumerable<TRow> rows, Func<TRow, int> schoolOf)
        {
            foreach (var row in rows)
            {
                if (schoolOf(row) is var school && school != _school)
                {
                    Flush();
                    _school = school;
                }
                _rows.Add(row);
                yield return row;
            }
            Flush();
        }

        /// <summary>The school's partition; written empty when no row came for it (a school without signals).</summary>
        public async Task<string> FileAsync(int school) =>
            _files[school] ??= await Write(path(school), columns(), Array.Empty<TRow>());

        private void Flush()
        {
            if (_school < 0)
                return;
            // A school seen again would overwrite its partition: the output order keeps a school's rows together.
            if (_files[_school] is not null)
                throw new InvalidOperationException($"The rows of school {_school} are not together.");
            // Written here, on the file's thread: the single file waits while a school's partition is written, so no
            // more than one school's rows are ever held (the three files' writes share the cores meanwhile).
            _files[_school] = Write(path(_school), _columns ??= columns(), _rows).GetAwaiter().GetResult();
            _rows.Clear();
        }
    }

    private static async Task<string> Write<TRow>(string path, IReadOnlyList<Column<TRow>> columns, IEnumerable<TRow> rows, int? rowCount = null)
    {
        await ColumnarWriter.WriteFileAsync(path, columns, rows, rowCount);
        return path;
    }

    private static List<Column<TRow>> Without<TRow>(IReadOnlyList<Column<TRow>> columns, params string[] names) =>
        [.. columns.Where(c => !names.Contains(c.Name))];

    /// <summary>
    /// A partition value safe in a path; the empty school id is Hive's default partition, and a school that calls
    /// itself that is escaped (readers decode %5F), so that the two never share a folder.
    /// </summary>
    internal static string PathValue(string value) => value switch
    {
        "" => HiveDefaultPartition,
        HiveDefaultPartition => "%5F" + Uri.EscapeDataString(value[1..]),
        _ => Uri.EscapeDataString(value),
    };

    private const string HiveDefaultPartition = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>
    /// A school and pupil_key of last week's run in today's spelling (<see cref="Ingestion.Identifiers"/>): a run of a
    /// version before December 2026 wrote pupil numbers as the export did. A pseudonym stays as it is.
    /// </summary>
    private static (string School, string Key) Spelled(string? school, string? key) =>
        (Ingestion.Identifiers.SchoolCode(school ?? ""), key is null ? "" : PupilKeys.IsPseudonym(key) ? key : Ingestion.Identifiers.PupilNumber(key));

    /// <summary>
    /// Last week's run, from its pupils.parquet and signals.parquet, by the columns written above: per school and
    /// pupil_key the tier, weeks in tier and criteria met. Criteria this version no longer has are skipped.
    /// </summary>
    public static async Task<LastWeek> ReadLastWeekAsync(string directory)
    {
        var pupilsPath = Path.Combine(directory, "pupils.parquet");
        var signalsPath = Path.Combine(directory, "signals.parquet");
        if (!File.Exists(pupilsPath))
            throw new UserError(Texts.LastWeekMissing(directory), Setting.Previous);
        // Every run writes signals.parquet, with or without signals: without it, every criterion and every DUO
        // melding of the year was "new" (an adversarial pass).
        if (!File.Exists(signalsPath))
            throw new UserError(Texts.LastWeekMissing(directory, "signals.parquet"), Setting.Previous);
        try
        {
            var pupils = new Dictionary<(string, string), (Tier, int)>();
            var written = new HashSet<(string, string)>();
            LocalDate? asOf = null;
            await foreach (var group in ReadGroupsAsync(pupilsPath, SchoolIdColumn, PupilKeyColumn, AsOfColumn, TierColumn, WeeksInTierColumn))
            {
                var (schools, keys, dates, tiers, weeks) = ((string?[])group[0], (string?[])group[1], (DateOnly[])group[2], (int[])group[3], (int[])group[4]);
                for (var i = 0; i < keys.Length; i++)
                {
                    asOf ??= LocalDate.FromDateOnly(dates[i]);
                    if (tiers[i] is < 1 or > 3)
                        throw new InvalidDataException($"tier {tiers[i]}");
                    if (!written.Add((schools[i] ?? "", keys[i] ?? "")))
                        throw new InvalidDataException("a pupil_key appears twice"); // the key itself is not for a message
                    // One pupil written two ways by an older version (0100346 and 100346) is one pupil now: the first stays.
                    pupils.TryAdd(Spelled(schools[i], keys[i]), ((Tier)tiers[i], weeks[i]));
                }
            }
            var met = new Dictionary<(string, string), CriterionSet>();
            await foreach (var group in ReadGroupsAsync(signalsPath, SchoolIdColumn, PupilKeyColumn, CriterionIdColumn))
            {
                var (schools, keys, criteria) = ((string?[])group[0], (string?[])group[1], (string?[])group[2]);
                for (var i = 0; i < keys.Length; i++)
                {
                    var key = Spelled(schools[i], keys[i]);
                    if (CriterionIds.TryParse(criteria[i] ?? "", out var id))
                        met[key] = met.GetValueOrDefault(key).With(id);
                }
            }
            return new LastWeek(Path.GetFullPath(directory), asOf, pupils, met)
            {
                Meldingen = met.Values.Any(m => m.Contains(CriterionId.Lpw16u)) ? await MeldingenAsync(signalsPath) : [],
            };
        }
        catch (Exception e) when (e is not UserError and not OperationCanceledException)
        {
            // A file of last week that is damaged, or not ours, is the user's to fix: any failure to read it says so.
            throw new UserError(Texts.LastWeekUnreadable(directory, e.Message), Setting.Previous);
        }
    }

    /// <summary>
    /// The DUO meldingen last week's signals.parquet listed (LPW-16U's evidence: first[/last]=hours), so that one made
    /// since of days before it (entered or corrected late) is news to file (<see cref="ActionLists"/>). Read as rows:
    /// the evidence is a list column, and a run with last week's folder has one school's signals.
    /// </summary>
    private static async Task<Dictionary<(string, string), HashSet<(LocalDate, LocalDate)>>> MeldingenAsync(string path)
    {
        var meldingen = new Dictionary<(string, string), HashSet<(LocalDate, LocalDate)>>();
        await using var stream = File.OpenRead(path);
        var rows = await Parquet.Serialization.ParquetSerializer.DeserializeUntypedAsync(stream);
        foreach (var row in rows.Data)
        {
            if (row.GetValueOrDefault(CriterionIdColumn) as string != CriterionId.Lpw16u.Code())
                continue;
            // A list, as this tool writes it: text (a copy that flattened it) would be read as no melding at all.
            if (row.GetValueOrDefault("evidence") is string or not System.Collections.IEnumerable)
                throw new InvalidDataException("evidence is not a list");
            var items = (System.Collections.IEnumerable)row["evidence"]!;
            var key = Spelled(row.GetValueOrDefault(SchoolIdColumn) as string, row.GetValueOrDefault(PupilKeyColumn) as string);
            // Parquet.Net gives the list's strings as ReadOnlyMemory<char>: their text is what ToString gives.
            foreach (var item in items.Cast<object?>().Select(o => o?.ToString()).OfType<string>())
            {
                var dates = item.Split('=')[0].Split('/');
                if (NodaTime.Text.LocalDatePattern.Iso.Parse(dates[0]) is { Success: true } first
                    && NodaTime.Text.LocalDatePattern.Iso.Parse(dates[^1]) is { Success: true } last)
                {
                    if (!meldingen.TryGetValue(key, out var set))
                        meldingen[key] = set = [];
                    set.Add((first.Value, last.Value));
                }
            }
        }
        return meldingen;
    }

    /// <summary>The named columns of a Parquet file, as typed arrays, one row group at a time.</summary>
    internal static IAsyncEnumerable<Array[]> ReadGroupsAsync(string path, params string[] names) => ReadGroupsAsync(path, names, missingAsNull: false);

    /// <summary>The named columns of a Parquet file, one row group at a time; a missing column is null when <paramref name="missingAsNull"/> (a file of an older version).</summary>
    internal static async IAsyncEnumerable<Array[]> ReadGroupsAsync(string path, IReadOnlyList<string> names, bool missingAsNull)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = names.Select(name => reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == name)
            ?? (missingAsNull ? null : throw new InvalidDataException($"no column {name}"))).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new Array[fields.Length];
            for (var c = 0; c < fields.Length; c++)
                columns[c] = fields[c] is { } field ? await ReadColumnAsync(group, field, count) : null!;
            yield return columns;
        }
    }

    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (field.ClrType == typeof(int) && !field.IsNullable)
        {
            var values = new int[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (field.ClrType == typeof(long) && !field.IsNullable)
        {
            var values = new long[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (field.ClrType == typeof(double) && field.IsNullable)
        {
            var values = new double?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (field.ClrType == typeof(DateOnly) && !field.IsNullable)
        {
            var values = new DateOnly[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (field.ClrType == typeof(DateTime) && !field.IsNullable)
        {
            // A DATE column as Parquet.Net reads it back by default.
            var values = new DateTime[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(DateOnly.FromDateTime).ToArray();
        }
        throw new InvalidDataException($"column {field.Name} has type {field.ClrType.Name}");
    }
}
