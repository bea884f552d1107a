using System.Diagnostics;
using System.Globalization;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse;

/// <summary>What a run hands back to the CLI: the exit code (SPEC §3), the files written and lines to print.</summary>
public sealed record AnalysisResult(int ExitCode, IReadOnlyList<string> Outputs, IReadOnlyList<string> Summary, RunManifest Manifest);

/// <summary>Everything one analysis knows once the rules have run; the outputs read it.</summary>
internal sealed class AnalysisRun
{
    public required AnalyzeOptions Options { get; init; }
    public required SchoolCalendar Calendar { get; init; }
    public required Policy Policy { get; init; }
    public required IngestResult Ingest { get; init; }
    public required DayLedger Ledger { get; init; }
    public required RulesEngine Engine { get; init; }
    public required AsOf AsOf { get; init; }
    public required PupilResult[] Results { get; init; }
    public required WeeklyReplay Replay { get; init; }
    public required Transitions Transitions { get; init; }

    /// <summary>Each pupil's pupil_key: the pupil number or its pseudonym.</summary>
    public required string[] Keys { get; init; }

    /// <summary>Pupils in output order: by school, then pupil_key (ordinal).</summary>
    public required int[] Order { get; init; }

    /// <summary>Met criteria with their evidence, in output order.</summary>
    public required List<Signal> Signals { get; init; }

    public required bool Pseudonymised { get; init; }

    public required List<string> Notes { get; init; }

    public required PupilList.Summary? PupilList { get; init; }

    public Language Language => Options.Language;
}

/// <summary>
/// The weekly analysis, top to bottom: ingest → day ledger → rules → tiers → outputs.
/// </summary>
public static class Analysis
{
    public static async Task<AnalysisResult> RunAsync(
        AnalyzeOptions options,
        IProgress<IngestProgress>? progress = null,
        Action<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        var durations = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        void Lap(string stage)
        {
            durations[stage] = watch.ElapsedMilliseconds;
            watch.Restart();
        }
        // 1.–4. Ingest, ledger, rules and tiers: everything the outputs are written from.
        var run = await PrepareAsync(options, progress, log, Lap, cancellationToken);
        var (calendar, policy, ingest, ledger, pupilList) = (run.Calendar, run.Policy, run.Ingest, run.Ledger, run.PupilList);
        var (results, transitions, signals, notes, language) = (run.Results, run.Transitions, run.Signals, run.Notes, run.Language);
        string T(string nl, string en) => language == Language.Dutch ? nl : en;

        // 5. Outputs.
        log?.Invoke(T("Uitvoer schrijven", "Writing outputs"));
        var outputs = await Datasets.WriteAsync(run, options.OutputDirectory, options.Partitioned);
        outputs.Add(Path.Combine(options.OutputDirectory, "rejects.csv"));
        Lap("datasets");
        if (options.Charts)
        {
            var charts = Charts.Write(run, Path.Combine(options.OutputDirectory, "charts"));
            outputs.AddRange(charts.Files);
            Lap("charts");
            outputs.Add(Report.Write(run, charts, Path.Combine(options.OutputDirectory, "report.html")));
            Lap("report");
        }

        // The manifest, and the exit code: 1 when an input crossed --max-reject-rate.
        var warnings = new List<string>(ingest.Warnings);
        if (pupilList is { WithoutSchool: > 0 } && options.SchoolId.Length == 0 && ledger.Schools.Any(s => s.Length > 0))
            warnings.Add(T(
                $"De leerlingenlijst heeft geen schoolkolom, de export wel ({string.Join(", ", ledger.Schools.Where(s => s.Length > 0))}): leerlingen uit de lijst tellen apart. Geef --school-id met de code van de school.",
                $"The pupil list has no school column but the export has one ({string.Join(", ", ledger.Schools.Where(s => s.Length > 0))}): pupils from the list count separately. Give --school-id with the school's code."));
        var exitCode = 0;
        foreach (var file in ingest.Files)
        {
            if (file.RejectRate > options.MaxRejectRate)
            {
                exitCode = 1;
                warnings.Add(RejectRateMessage(file, options.MaxRejectRate, language));
            }
        }
        var perTier = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["1"] = 0, ["2"] = 0, ["3"] = 0 };
        foreach (var result in results)
            perTier[result.Tier.ToString(System.Globalization.CultureInfo.InvariantCulture)]++;
        var perCriterion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var signal in signals)
            perCriterion[signal.CriterionId] = perCriterion.GetValueOrDefault(signal.CriterionId) + 1;

        var manifestPath = Path.Combine(options.OutputDirectory, "run.json");
        outputs.Add(manifestPath);
        durations["total"] = durations.Values.Sum() + watch.ElapsedMilliseconds;
        var manifest = new RunManifest
        {
            Command = "analyze",
            AsOf = options.AsOf,
            SchoolYear = calendar.Year.ToString(),
            Calendar = CalendarInfoOf(calendar),
            Policy = new PolicyInfo(policy.Name, policy.Source, policy.Hash),
            Timetable = $"{ingest.Timetable.Name} ({ingest.Timetable.Source})",
            Denominator = ingest.Denominator,
            Inputs = ingest.Files,
            PupilList = pupilList is null ? null : new PupilListInfo(pupilList.Path, pupilList.Pupils, pupilList.NotEnrolledThisYear, pupilList.Rejected),
            Rows = new RowTotals(ingest.RowsRead, ingest.Accepted, ingest.Ignored, ingest.Rejected),
            Pupils = ledger.PupilCount,
            PupilsPerTier = perTier,
            PupilsPerCriterion = perCriterion,
            Previous = transitions.Source,
            Pseudonymised = run.Pseudonymised,
            Notes = notes,
            Warnings = warnings,
            DurationsMs = durations,
            PeakWorkingSetMb = PeakWorkingSetMb(),
            ExitCode = exitCode,
        };
        manifest.Outputs.AddRange(outputs.Select(o => Path.GetRelativePath(options.OutputDirectory, o)));
        AtomicFile.WriteAllText(manifestPath, System.Text.Json.JsonSerializer.Serialize(manifest, Json.Indented));

        var summary = new List<string>
        {
            T($"Gelezen: {ingest.RowsRead} regels; geaccepteerd {ingest.Accepted}, genegeerd {ingest.Ignored}, afgekeurd {ingest.Rejected}.",
              $"Read: {ingest.RowsRead} rows; accepted {ingest.Accepted}, ignored {ingest.Ignored}, rejected {ingest.Rejected}."),
            T($"Leerlingen: {ledger.PupilCount}; trede 1: {perTier["1"]}, trede 2: {perTier["2"]}, trede 3: {perTier["3"]}.",
              $"Pupils: {ledger.PupilCount}; tier 1: {perTier["1"]}, tier 2: {perTier["2"]}, tier 3: {perTier["3"]}."),
        };
        summary.AddRange(notes);
        summary.AddRange(warnings);
        return new AnalysisResult(exitCode, outputs, summary, manifest);
    }

    /// <summary>Steps 1–4 (ingest, ledger, rules, tiers, signals): everything the outputs are written from.</summary>
    internal static async Task<AnalysisRun> PrepareAsync(
        AnalyzeOptions options,
        IProgress<IngestProgress>? progress,
        Action<string>? log,
        Action<string> lap,
        CancellationToken cancellationToken)
    {
        var language = options.Language;
        string T(string nl, string en) => language == Language.Dutch ? nl : en;

        // Settings: calendar, policy, profile, timetable, keys. Every user error surfaces here, before any reading.
        if (options.Inputs.Count == 0)
            throw new UserError("Geef minstens één invoerbestand.", "Give at least one input file.");
        foreach (var input in options.Inputs)
        {
            if (!File.Exists(input))
                throw new UserError($"Invoerbestand '{input}' bestaat niet.", $"Input file '{input}' does not exist.");
        }
        if (options.PupilsFile is { } list && !File.Exists(list))
            throw new UserError($"Leerlingenlijst '{list}' (--pupils) bestaat niet.", $"Pupil list '{list}' (--pupils) does not exist.");
        var calendar = CalendarFactory.Create(SchoolYear.Containing(options.AsOf), options.Region, options.CalendarFile);
        if (calendar.DayCount == 0 || options.AsOf < calendar.Date(0))
            throw new UserError(
                $"--as-of {options.AsOf:yyyy-MM-dd} ligt vóór de eerste schooldag van {calendar.Year}{(calendar.DayCount > 0 ? $" ({calendar.Date(0):yyyy-MM-dd})" : "")}: er is nog niets te analyseren. Kies een peildatum in het schooljaar, of de laatste dag van het vorige.",
                $"--as-of {options.AsOf:yyyy-MM-dd} lies before the first school day of {calendar.Year}{(calendar.DayCount > 0 ? $" ({calendar.Date(0):yyyy-MM-dd})" : "")}: there is nothing to analyse yet. Choose an as-of date in the school year, or the last day of the previous one.");
        var policy = Policy.Load(options.Policy);
        var profile = options.Profile is null ? null : Profile.Load(options.Profile);
        var timetable = options.Timetable is null ? null : Timetable.Load(options.Timetable);
        var keys = options.PseudonymizeKeyFile is null ? PupilKeys.Plain : PupilKeys.FromKeyFile(options.PseudonymizeKeyFile);
        var settings = new IngestSettings(options.AsOf, profile, options.SchoolId, timetable, language);
        Directory.CreateDirectory(options.OutputDirectory);
        lap("settings");

        // 1. Ingest (every row accepted, ignored or rejected) and 2. the day ledger.
        log?.Invoke(T($"Inlezen: {options.Inputs.Count} bestand(en)", $"Reading {options.Inputs.Count} file(s)"));
        var (ingest, ledger, pupilList) = IngestAndBuild(options, calendar, settings, progress, lap, cancellationToken);
        // The builder's registrations (as large as the ledger itself) are garbage now; give their memory back
        // before the rules allocate, so a national run peaks at the ledger plus results, not at both plus it.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        // 3. Rules and 4. tiers, for every pupil at the as-of date, and at the end of every school week so far.
        log?.Invoke(T($"Regels toepassen: {ledger.PupilCount} leerlingen", $"Applying rules: {ledger.PupilCount} pupils"));
        var asOf = new AsOf(calendar, options.AsOf);
        var engine = new RulesEngine(policy);
        var results = Evaluate(engine, ledger, asOf);
        lap("rules");
        var replay = WeeklyReplay.Run(engine, ledger, asOf, results);
        lap("weekly_replay");

        var pupilKeys = new string[ledger.PupilCount];
        for (var p = 0; p < pupilKeys.Length; p++)
            pupilKeys[p] = keys.KeyOf(ledger.SchoolId(p), ledger.PupilId(p));
        var transitions = options.PreviousDirectory is { } previous
            ? await Transitions.FromPreviousAsync(previous, ledger, pupilKeys, results, asOf)
            : Transitions.FromReplay(replay, ledger.PupilCount);

        var order = OutputOrder(ledger, pupilKeys);
        var signals = Explain(engine, ledger, asOf, results, order);
        lap("signals");

        var notes = new List<string>();
        if (!ledger.FullRegister && pupilList is null)
            notes.Add(T(
                "Alleen-verzuim-export zonder leerlingenlijst: leerlingen zonder enige registratie tellen niet mee (de basis van de piramide ontbreekt). Geef --pupils LEERLINGENLIJST.",
                "Absence-only export without a pupil list: pupils without any registration are not counted (the base of the pyramid is missing). Give --pupils PUPIL_LIST."));
        if (!options.RegionGiven && options.CalendarFile is null)
            notes.Add(T("Vakanties van regio midden (standaard); kies de regio van de school met --region.",
                "Holidays of region midden (the default); choose the school's region with --region."));
        notes.Add(transitions.IsReplay
            ? T("Vorige week: herberekend op de gegevens van nu (geef --previous MAP voor de uitvoer van vorige week).",
                "Last week: recomputed on this week's data (give --previous DIR for last week's output).")
            : T($"Vorige week: {transitions.Source}.", $"Last week: {transitions.Source}."));

        var run = new AnalysisRun
        {
            Options = options,
            Calendar = calendar,
            Policy = policy,
            Ingest = ingest,
            Ledger = ledger,
            Engine = engine,
            AsOf = asOf,
            Results = results,
            Replay = replay,
            Transitions = transitions,
            Keys = pupilKeys,
            Order = order,
            Signals = signals,
            Pseudonymised = keys.Pseudonymised,
            Notes = notes,
            PupilList = pupilList,
        };
        return run;
    }

    /// <summary>
    /// Reads every export into a ledger builder and builds the day ledger from it. A method of its own, so that
    /// the builder is garbage once the ledger exists (an async method would keep it alive to the end of the run).
    /// </summary>
    private static (IngestResult Ingest, DayLedger Ledger, PupilList.Summary? PupilList) IngestAndBuild(
        AnalyzeOptions options, SchoolCalendar calendar, IngestSettings settings, IProgress<IngestProgress>? progress,
        Action<string> lap, CancellationToken cancellationToken)
    {
        var builder = new LedgerBuilder(calendar);
        var pupilList = options.PupilsFile is null ? null : PupilList.Read(options.PupilsFile, builder, options.SchoolId, options.AsOf);
        IngestResult ingest;
        using (var rejects = new RejectSink(Path.Combine(options.OutputDirectory, "rejects.csv"), options.Language))
        {
            ingest = Ingest.Run(options.Inputs, settings, null, builder, rejects, progress);
            rejects.Complete();
        }
        cancellationToken.ThrowIfCancellationRequested();
        lap("ingest");
        var ledger = builder.Build(ingest.Timetable, ingest.FullRegister, ingest.Denominator);
        lap("ledger");
        return (ingest, ledger, pupilList);
    }

    private static long PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Max(Environment.WorkingSet, process.PeakWorkingSet64) / 1_000_000;
    }

    /// <summary>Evaluates every pupil; the pupils are split over the cores, each with its own scratch.</summary>
    internal static PupilResult[] Evaluate(RulesEngine engine, DayLedger ledger, AsOf asOf)
    {
        var results = new PupilResult[ledger.PupilCount];
        PupilRanges.ForEach(ledger.PupilCount, () => new PupilFacts(), (from, to, facts) =>
        {
            for (var p = from; p < to; p++)
                engine.Evaluate(ledger, p, asOf, facts, out results[p]);
        }, _ => { });
        return results;
    }

    /// <summary>
    /// The signals of every pupil in output order. Evidence and first_met walk back day by day, the costliest
    /// work per signal, so blocks of pupils are split over the cores; the blocks keep the order.
    /// </summary>
    internal static List<Signal> Explain(RulesEngine engine, DayLedger ledger, AsOf asOf, PupilResult[] results, int[] order)
    {
        const int block = 4096;
        var blocks = new List<Signal>[(order.Length + block - 1) / block];
        Parallel.For(0, blocks.Length, () => new SignalExplainer(engine, ledger), (b, _, explainer) =>
        {
            var signals = new List<Signal>();
            for (var i = b * block; i < Math.Min(order.Length, (b + 1) * block); i++)
            {
                if (results[order[i]].Met != 0)
                    signals.AddRange(explainer.Explain(order[i], asOf, results[order[i]]));
            }
            blocks[b] = signals;
            return explainer;
        }, _ => { });
        return [.. blocks.SelectMany(b => b)];
    }

    /// <summary>Pupils in output order: by school, then by pupil_key (ordinal), so re-runs give identical files.</summary>
    internal static int[] OutputOrder(DayLedger ledger, string[] keys)
    {
        var order = Enumerable.Range(0, ledger.PupilCount).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var bySchool = string.CompareOrdinal(ledger.SchoolId(a), ledger.SchoolId(b));
            return bySchool != 0 ? bySchool : string.CompareOrdinal(keys[a], keys[b]);
        });
        return order;
    }

    internal static CalendarInfo CalendarInfoOf(SchoolCalendar calendar) => new(
        calendar.Description,
        calendar.DayCount,
        calendar.WeekCount,
        calendar.DayCount > 0 ? calendar.Date(0) : null,
        calendar.DayCount > 0 ? calendar.Date(calendar.DayCount - 1) : null,
        [.. calendar.FreePeriods.Select(p => p.ToString())]);

    internal static string RejectRateMessage(FileAccount file, double max, Language language)
    {
        var top = string.Join(", ", file.RejectedBy.OrderByDescending(r => r.Value).Take(3)
            .Select(r => $"{Reasons.Describe(r.Key, language)}: {r.Value}"));
        return language == Language.Dutch
            ? string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"'{file.Path}': {file.Rejected} van {file.RowsRead} regels afgekeurd ({file.RejectRate:P1}), meer dan de grens van {max:P1}. Meest voorkomend: {top}. Zie rejects.csv voor regel en kolom; pas de export, het profiel (--profile) of de kalender (--region, --calendar) aan, of verhoog --max-reject-rate.")
            : string.Create(CultureInfo.GetCultureInfo("en-GB"), $"'{file.Path}': {file.Rejected} of {file.RowsRead} rows rejected ({file.RejectRate:P1}), above the limit of {max:P1}. Most common: {top}. See rejects.csv for line and column; fix the export, the profile (--profile) or the calendar (--region, --calendar), or raise --max-reject-rate.");
    }
}
