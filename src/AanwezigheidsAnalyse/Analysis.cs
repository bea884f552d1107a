using System.Diagnostics;
using System.Globalization;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse;

/// <summary>What a run hands back: the exit code (README, "Command line"), the files written, lines to print and the manifest.</summary>
/// <param name="ExitCode">0 success; 1 an input crossed the reject-rate limit.</param>
/// <param name="Outputs">Every file written.</param>
/// <param name="Summary">Lines for the user: the row accounting, the pupils per tier, notes and warnings.</param>
/// <param name="Manifest">What run.json says.</param>
public sealed record AnalysisResult(int ExitCode, IReadOnlyList<string> Outputs, IReadOnlyList<string> Summary, RunManifest Manifest);

/// <summary>
/// What a caller can hear of a long run: the progress of reading, a line per step, and the moment the day ledger is
/// built, when the memory used for reading is garbage (the CLI collects it there, before the rules allocate).
/// </summary>
public sealed record AnalysisHooks
{
    /// <summary>Bytes and rows of the file being read.</summary>
    public IProgress<IngestProgress>? Reading { get; init; }

    /// <summary>A line for each step of the run, in the run's language.</summary>
    public Action<string>? Step { get; init; }

    /// <summary>Called once the day ledger exists and the reading's own memory is no longer referenced.</summary>
    public Action? LedgerBuilt { get; init; }
}

/// <summary>
/// The weekly analysis, top to bottom: ingest → day ledger → rules → tiers → outputs. <see cref="PrepareAsync"/>
/// does everything up to the outputs and hands it back in memory; <see cref="WriteAsync"/> writes them;
/// <see cref="RunAsync"/> is both, as <c>aanwezigheid analyze</c> runs it.
/// </summary>
public static class Analysis
{
    /// <summary>Reads, evaluates and writes every output of <paramref name="options"/>.</summary>
    public static async Task<AnalysisResult> RunAsync(AnalyzeOptions options, AnalysisHooks? hooks = null, CancellationToken cancellationToken = default)
    {
        // The folder is taken (locked, checked against the inputs) before anything is read, so that a second run
        // into it stops at once, and the rejected rows stream straight into the staging folder.
        using var folder = OpenFolder(options);
        var run = await Prepare(options, hooks ?? new(), new Stages(), folder.PathOf(RejectsName), cancellationToken);
        return await Write(run, options, folder, hooks ?? new(), new Stages(run.Durations));
    }

    /// <summary>
    /// Everything the outputs are written from: ingest, ledger, the rules and tiers at T, the weekly replay and
    /// transitions; the whole results at T and the signals are made when first read (<see cref="Evaluation.Results"/>,
    /// <see cref="AnalysisRun.Signals"/>), else by <see cref="WriteAsync"/> as it writes them. The rejected rows wait in a
    /// temporary file until <see cref="WriteAsync"/> copies them.
    /// </summary>
    /// <remarks>
    /// The rejected rows can hold what a school typed in the wrong column (a name, say): they wait in a folder of the
    /// user's own (mode 700 on Unix) that disposing the run removes. Dispose the run when done with it.
    /// </remarks>
    public static async Task<AnalysisRun> PrepareAsync(AnalyzeOptions options, AnalysisHooks? hooks = null, CancellationToken cancellationToken = default)
    {
        var temporary = PrivateTemp.Create("aanwezigheid-run-");
        try
        {
            var run = await Prepare(options, hooks ?? new(), new Stages(), Path.Combine(temporary.FullName, RejectsName), cancellationToken);
            run.TemporaryFolder = temporary.FullName;
            return run;
        }
        catch
        {
            temporary.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The run's folder, taken: a BSN in its path, or in that of last week's folder, the model, the policy or the key, is
    /// refused as in an input's (the console names the folder, run.json the others; an adversarial pass and a review).
    /// </summary>
    private static OutputFolder OpenFolder(AnalyzeOptions options)
    {
        Disclosure.RefusePathWithBsn(options.OutputDirectory, Setting.Output);
        Disclosure.RefusePathWithBsn(options.PreviousDirectory, Setting.Previous);
        Disclosure.RefusePathWithBsn(options.Model, Setting.Model);
        Disclosure.RefusePathWithBsn(options.Policy, Setting.Policy);
        Disclosure.RefusePathWithBsn(options.PseudonymizeKeyFile, Setting.PseudonymizeKey);
        return OutputFolder.Open(options.OutputDirectory, InputsOf(options), command: "analyze");
    }

    /// <summary>
    /// Writes the outputs of a prepared run into <see cref="AnalyzeOptions.OutputDirectory"/> as one unit (datasets,
    /// charts, report and run.json): the folder is replaced whole, or left as it was when writing fails.
    /// </summary>
    public static async Task<AnalysisResult> WriteAsync(AnalysisRun run, AnalyzeOptions options, AnalysisHooks? hooks = null)
    {
        ObjectDisposedException.ThrowIf(run.Disposed, run);
        using var folder = OpenFolder(options);
        return await Write(run, options, folder, hooks ?? new(), new Stages(run.Durations));
    }

    /// <summary>The name of the file of rejected rows, in the output folder.</summary>
    private const string RejectsName = "rejects.csv";

    /// <summary>Every file the run reads: none of them may lie in the folder that is replaced.</summary>
    private static IEnumerable<string> InputsOf(AnalyzeOptions options) =>
        [.. options.Files, .. LoadOptions.ExistingOf(options.PreviousDirectory, options.PseudonymizeKeyFile, options.Policy, options.Model)];

    private static async Task<AnalysisRun> Prepare(AnalyzeOptions options, AnalysisHooks hooks, Stages stages, string rejects, CancellationToken cancellationToken)
    {
        var language = options.Language;

        // Settings: calendar, policy, profile, timetable, keys. Every user error surfaces here, before any reading.
        var plan = Exports.Plan(options);
        Evaluation.CheckAsOf(plan.Calendar, options.AsOf);
        CheckMaxRejectRate(options.MaxRejectRate);
        var policy = Policy.Load(options.Policy);
        var keys = PupilKeys.Of(options.PseudonymizeKeyFile);
        var model = options.Model is null ? null : Research.RiskModel.Load(options.Model);
        stages.Lap("settings");

        // 1. Ingest (every row accepted, ignored or rejected) and 2. the day ledger.
        hooks.Step?.Invoke(Texts.Run.Reading(language, options.Inputs.Count));
        var loaded = Exports.Read(plan, rejects, hooks.Reading, stages.Lap);
        cancellationToken.ThrowIfCancellationRequested();
        hooks.LedgerBuilt?.Invoke();
        var ledger = loaded.Ledger;
        var outsideYear = OutsideTheYear(loaded.Ingest, loaded.PupilList);

        // 3. Rules and 4. tiers, for every pupil at the as-of date, and at the end of every school week so far.
        hooks.Step?.Invoke(Texts.Run.Evaluating(language, ledger.PupilCount));
        var evaluation = Evaluation.At(ledger, policy, options.AsOf);
        CheckSomeoneOnTheRoll(evaluation);
        stages.Lap("rules");
        var replay = WeeklyReplay.Run(evaluation);
        var weekMinutes = WeekMinutes.Count(ledger, replay.Weeks, evaluation.Day.Day);
        stages.Lap("weekly_replay");

        // With a key, an HMAC per pupil (a national run: 2 s per million pupils on one core): on every core.
        var pupilKeys = new string[ledger.PupilCount];
        PupilRanges.ForEach(pupilKeys.Length, Parallelism.Default, () => 0, (from, to, _) =>
        {
            for (var p = from; p < to; p++)
                pupilKeys[p] = keys.KeyOf(ledger.SchoolId(p), ledger.PupilId(p));
        }, _ => { });
        var notes = new List<string>();
        var transitions = Transitions.FromReplay(replay, ledger.PupilCount);
        var found = options.PreviousDirectory is null;
        var passedOver = false;
        if ((options.PreviousDirectory ?? LastWeekFolder(options.OutputDirectory, options.AsOf)) is { } previous)
        {
            try
            {
                var manifest = ManifestOf(previous);
                // A folder found by its name is passed over (with a note); one the user named is used, with a warning.
                var rejected = MostlyRejected(manifest);
                if (rejected is { } share && found)
                    throw new UserError(Texts.LastWeekMostlyRejected(share));
                var changed = SettingsChanged(manifest, policy, ledger.Calendar, language).ToList();
                var read = CheckBefore(await Datasets.ReadLastWeekAsync(previous), options.AsOf);
                // A run of last school year, named with --previous for the first run of this one: its tiers and criteria
                // are of windows that stop at the year, and compared with them September's lists lost a pupil late again
                // and said "a tier lower" of a tenth of the school (an adversarial pass). As a folder of last year found by
                // its name is not taken, this one is not used, and said so.
                var year = Calendar.SchoolYear.Containing(options.AsOf);
                if (read.AsOf is { } lastYears && lastYears < year.FirstDay)
                {
                    notes.Add(Texts.Run.FoundLastWeekUnusable(language, previous, Texts.Run.LastWeekOfAnotherYear(language, lastYears, year.ToString())));
                    passedOver = true;
                }
                else
                {
                    var lastWeek = CheckKeysMatch(read, ledger, pupilKeys) with { SameRules = changed.Count == 0 };
                    transitions = Transitions.FromLastWeek(lastWeek, pupilKeys, evaluation, replay);
                    if (rejected is { } named)
                        notes.Add(Texts.Run.LastWeekMostlyRejected(language, previous, named));
                    notes.AddRange(changed);
                    // "New" and "up a tier" are since that run: say so when it is not last school week's (a holiday
                    // between the two is no gap).
                    if (lastWeek.AsOf is { } then && ledger.Calendar.SchoolWeeksBetween(then, options.AsOf) is > 1 and var weeks)
                        notes.Add(Texts.Run.LastRunLongAgo(language, then, weeks));
                }
            }
            catch (UserError e) when (found)
            {
                // A folder the user did not name that does not fit is passed over, with the reason, not an error.
                notes.Add(Texts.Run.FoundLastWeekUnusable(language, previous, e.In(language)));
                passedOver = true;
            }
        }

        var order = OutputOrder(evaluation, pupilKeys);

        // An export of every lesson (present rows too) has rows on every school day: one that ends a day before T was
        // made before T, and the days after count as present; an export of absences only may end on a day nobody was
        // absent, so it is said after a school week (an adversarial pass: a Wednesday's export for a Friday, silent).
        if (DataEnd(loaded.Ingest) is { } end && ledger.Calendar.LastOnOrBefore(options.AsOf) - ledger.Calendar.LastOnOrBefore(end) is var unregistered
            && unregistered >= (ledger.FullRegister ? 1 : SchoolWeekDays))
            notes.Add(Texts.Run.DataEndsBeforeAsOf(language, end, options.AsOf, unregistered));
        notes.AddRange(RegistrationsStopped(evaluation, pupilKeys, language));
        // Weeks at the start of the year without a single row: an export cut short, or a replaced calendar that left
        // out the summer holiday. In an absence-only export those weeks count as attended.
        if (!ledger.FullRegister && DataStart(loaded.Ingest) is { } start && ledger.Calendar.DayCount > 0
            && ledger.Calendar.FirstAfter(start.PlusDays(-1)) is >= SchoolWeekDays and var before)
            notes.Add(Texts.Run.DataStartsAfterYear(language, start, ledger.Calendar.Date(0), before));
        // With a pupil list an export of nothing up to T is no error (the first days of a year), but every pupil is in
        // tier 1 for it: when rows after T show the export goes on, the date is more likely wrong than the school perfect.
        if (loaded.Ingest.Accepted == 0 && loaded.Ingest.Files.Sum(f => f.IgnoredBy.GetValueOrDefault(IgnoreReason.AfterAsOf)) is > 0 and var afterAsOf)
            notes.Add(Texts.Run.NothingUpToAsOf(language, afterAsOf, options.AsOf));
        if (outsideYear * 2 > loaded.Ingest.RowsRead)
            notes.Add(Texts.Run.MostRowsOutsideYear(language, outsideYear, loaded.Ingest.RowsRead, options.AsOf, ledger.Calendar.Year.ToString()));
        notes.AddRange(MostPupilsLeft(evaluation, language));
        if (!ledger.FullRegister && loaded.PupilList is null)
            notes.Add(Texts.Run.NoPupilList(language));
        // The list is read first, so its pupils are the ledger's first ones: the rest registered without being listed
        // (another school's list, an export of another date, numbers written otherwise), enrolled for the whole year.
        // Of those, the ones in tier 2 or 3 are named: a list of current pupils leaves out who left, while the export
        // keeps their absence, so such a pupil stands on the SAT's lists with the tier of before leaving.
        if (loaded.PupilList is { Pupils: > 0 } list && ledger.PupilCount - list.Pupils is > 0 and var unlisted)
        {
            var high = Enumerable.Range(list.Pupils, unlisted).Where(p => evaluation.Tiers[p] >= Tier.Two)
                .Select(p => pupilKeys[p]).Order(StringComparer.Ordinal).ToList();
            notes.Add(Texts.Run.NotOnPupilList(language, unlisted, ledger.PupilCount, high.Count, [.. high.Take(NamedInANote)]));
        }
        // Registrations after a pupil's uitschrijfdatum are not counted: said, since a date typed wrong on the list
        // would otherwise take a pupil off the roll without a word.
        if (loaded.Ingest.Files.Sum(f => f.IgnoredBy.GetValueOrDefault(IgnoreReason.OutsideEnrolment)) is > 0 and var outsideEnrolment)
            notes.Add(Texts.Run.RowsOutsideEnrolment(language, outsideEnrolment));
        if (options.Region is null && options.CalendarFile is null)
            notes.Add(Texts.Run.DefaultRegion(language));
        // A date in a holiday is read as its last school day: said, since the export's days in it count for nothing.
        if (ledger.Calendar.FreePeriods.FirstOrDefault(f => f.First <= options.AsOf && options.AsOf <= f.Last && f.First != f.Last) is { } holiday
            && ledger.Calendar.LastOnOrBefore(options.AsOf) is >= 0 and var lastDay)
            notes.Add(Texts.Run.AsOfInHoliday(language, options.AsOf, holiday.Name, ledger.Calendar.Date(lastDay)));
        // Early in the year the windows are shorter than their names: "8 wk ≥ 20 %" in the second week is 2 days of 10.
        if (replay.Weeks is > 0 and < 8)
            notes.Add(Texts.Run.FewWeeksSoFar(language, replay.Weeks, ledger.Calendar.Date(0), policy.MinScheduledDaysForRate));
        if (model is { TrainedOverYears: true })
            notes.Add(Texts.Research.LastYearUnknown(language));
        // A model learns from data of one kind of school: one of a secondary school's lesson hours scored a primary
        // school's dagdelen without a word (an adversarial pass). The class names tell the kinds apart, and so does a
        // timetable of dagdelen; a timetable of lesson hours does not (a primary school's day minutes are read under
        // vo-standaard).
        if (model?.Info.PrimarySchool is { } learned && learned != PrimaryGroups.IsPrimarySchool(ledger))
            notes.Add(Texts.Research.ModelOfOtherKindOfSchool(language, learned));
        if (!passedOver)
            notes.Add(transitions.IsReplay ? Texts.Run.LastWeekReplayed(language, options.AsOf, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputDirectory))) == options.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : Texts.Run.LastWeekFrom(language, AnalysisRun.FolderOf(transitions, options.AsOf)));
        var run = new AnalysisRun
        {
            Ingest = loaded.Ingest,
            PupilList = loaded.PupilList,
            Evaluation = evaluation,
            Replay = replay,
            WeekMinutes = weekMinutes,
            Transitions = transitions,
            Keys = pupilKeys,
            Order = order,
            Risks = model is null ? null : (model.Score(evaluation, replay), model.Outcome, model.Horizon),
            Model = model?.Info,
            Pseudonymised = keys.Pseudonymised,
            KeyFingerprint = keys.Fingerprint,
            Notes = notes,
            Language = language,
            RejectsFile = Path.GetFullPath(rejects),
            Durations = stages.Laps,
        };
        run.Warnings.AddRange(loaded.Ingest.Warnings);
        if (run.PupilList is { WithoutSchool: > 0 } && options.SchoolId.Length == 0 && ledger.Schools.Any(s => s.Length > 0))
            run.Warnings.Add(Texts.Run.PupilListWithoutSchool(language, string.Join(", ", ledger.Schools.Where(s => s.Length > 0))));
        // Last week's run against this one: pupils gone from every input, and DUO meldingen a correction undid. Both
        // would otherwise pass without a word, while the action lists are where the team looks.
        // The pupils are named in the warning too: with --no-charts there is no report to list them.
        if (transitions.Missing.Count is > 0 and var missing && transitions.Missing.Where(pupil => pupil.Tier >= Tier.Two).ToList() is var gone)
            run.Warnings.Add(Texts.Run.PupilsMissingSinceLastWeek(language, missing, gone.Count, [.. gone.Take(NamedInANote).Select(pupil => pupil.PupilKey)]));
        if (transitions.Withdrawn.Count is > 0 and var withdrawn && transitions.Withdrawn.Select(m => pupilKeys[m.Pupil]).Distinct().ToList() is var corrected)
            run.Warnings.Add(Texts.Run.MeldingenWithdrawn(language, withdrawn, corrected.Count, [.. corrected.Take(NamedInANote)]));
        if (run.PupilsWithHiddenGroup is > 0 and var hidden)
            run.Warnings.Add(Texts.Run.GroupsHidden(language, hidden));
        if (run.PupilList is { Rejected: > 0 } refused)
            run.Warnings.Add(Texts.Run.PupilListRowsRejected(language, refused.Path, refused.Rejected, refused.RejectedLines));
        if (run.PupilList is { Duplicates: > 0 } merged)
            run.Warnings.Add(Texts.PupilListDuplicates(merged.Path, merged.ListedMoreThanOnce).In(language));
        return run;
    }

    private static async Task<AnalysisResult> Write(AnalysisRun run, AnalyzeOptions options, OutputFolder folder, AnalysisHooks hooks, Stages stages)
    {
        var language = run.Language;
        var (ingest, ledger) = (run.Ingest, run.Ledger);

        // 5. Outputs, all into the staging folder, which replaces the output folder whole at the end.
        hooks.Step?.Invoke(Texts.Run.Writing(language));
        var staging = folder.Staging;
        // The report reads the results and signals several times: made once, before the datasets and charts start.
        // Without a report the datasets make them as they write them (Evaluation.ResultsAsRead,
        // AnalysisRun.SignalsOnce), and "signals" is part of "datasets".
        if (options.Charts)
        {
            _ = run.Evaluation.Results;
            _ = run.Signals;
            stages.Lap("signals");
        }
        // The datasets and the charts read the run and write files of their own: written side by side, a school's run
        // waits for the slower of the two (the charts), not for both.
        var datasetsWatch = Stopwatch.StartNew();
        var datasets = Task.Run(async () =>
        {
            var written = await Datasets.WriteAsync(run, staging, options.Partitioned);
            stages.Beside("datasets", datasetsWatch.ElapsedMilliseconds);
            return written;
        });
        ChartSet? charts = null;
        if (options.Charts)
        {
            var chartsWatch = Stopwatch.StartNew();
            try
            {
                charts = Charts.Write(run, Path.Combine(staging, "charts"));
            }
            finally
            {
                // A failed chart must not leave the datasets writing into a folder that is about to be removed.
                await Task.WhenAny(datasets);
            }
            stages.Beside("charts", chartsWatch.ElapsedMilliseconds);
        }
        var outputs = await datasets;
        stages.Restart();
        // The rejected rows were streamed while reading; a run prepared apart from its folder brings them along.
        var rejects = folder.PathOf(RejectsName);
        if (rejects != run.RejectsFile)
            File.Copy(run.RejectsFile, rejects);
        outputs.Add(rejects);
        if (charts is not null)
        {
            outputs.AddRange(charts.Files);
            var actions = ActionLists.Of(run);
            var spreadsheets = Spreadsheets.Of(run, actions);
            outputs.AddRange(spreadsheets.Write(staging));
            outputs.Add(Report.Write(run, charts, actions, spreadsheets, Path.Combine(staging, "report.html")));
            stages.Lap("report");
        }

        // The manifest, and the exit code: 1 when an input crossed --max-reject-rate.
        var warnings = new List<string>(run.Warnings);
        var exitCode = 0;
        foreach (var file in ingest.Files)
        {
            if (file.RejectRate > options.MaxRejectRate)
            {
                exitCode = 1;
                warnings.Add(RejectRateMessage(file, options.MaxRejectRate, language));
            }
        }
        var perTier = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var tier in Tiers.All)
            perTier[tier.Number().ToString(CultureInfo.InvariantCulture)] = run.Evaluation.Count(tier);
        var perCriterion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var meeting = run.Evaluation.PupilsMeeting();
        foreach (var criterion in CriterionIds.All)
        {
            if (meeting[(int)criterion] is > 0 and var pupils)
                perCriterion[criterion.Code()] = pupils;
        }

        var manifestPath = Path.Combine(staging, "run.json");
        outputs.Add(manifestPath);
        var manifest = new RunManifest
        {
            Command = "analyze",
            AsOf = run.Evaluation.AsOf,
            SchoolYear = run.Calendar.Year.ToString(),
            Calendar = CalendarInfo.Of(run.Calendar),
            Policy = new PolicyInfo(run.Policy.Name, run.Policy.Source, run.Policy.Hash),
            Timetable = ingest.TimetableName,
            Denominator = ingest.Denominator.English,
            Inputs = ingest.Files,
            PupilList = run.PupilList is { } list ? new PupilListInfo(list.Path, list.Pupils, list.NotEnrolledThisYear, list.Rejected) : null,
            Rows = new RowTotals(ingest.RowsRead, ingest.Accepted, ingest.Ignored, ingest.Rejected),
            Pupils = run.Evaluation.PupilsOnRoll,
            PupilsLeft = run.Evaluation.PupilsLeft,
            PupilsPerTier = perTier,
            PupilsPerCriterion = perCriterion,
            Previous = run.PreviousSource,
            Pseudonymised = run.Pseudonymised,
            KeyFingerprint = run.KeyFingerprint,
            Model = run.Model,
            Notes = [.. run.Notes],
            Warnings = warnings,
            DurationsMs = stages.Total(),
            PeakWorkingSetMb = PeakWorkingSetMb(),
            ExitCode = exitCode,
        };
        manifest.Outputs.AddRange(outputs.Select(o => Path.GetRelativePath(staging, o)));
        File.WriteAllText(manifestPath, System.Text.Json.JsonSerializer.Serialize(manifest, RunManifest.ManifestFormat.Instance.RunManifest));
        folder.Commit();

        List<string> summary =
        [
            Texts.Run.RowsSummary(language, ingest.RowsRead, ingest.Accepted, ingest.Ignored, ingest.Rejected),
            .. DataStart(ingest) is { } from && DataEnd(ingest) is { } until ? [Texts.Run.DataRange(language, from, until)] : Array.Empty<string>(),
            Texts.Run.TiersSummary(language, manifest.Pupils, perTier["1"], perTier["2"], perTier["3"], manifest.PupilsLeft),
            .. run.Notes,
            .. warnings,
        ];
        return new AnalysisResult(exitCode, [.. manifest.Outputs.Select(o => Path.Combine(options.OutputDirectory, o))], summary, manifest);
    }

    private static long PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return Math.Max(Environment.WorkingSet, process.PeakWorkingSet64) / 1_000_000;
    }

    /// <summary>
    /// The pupils on the roll at T in output order: by school, then by pupil_key (ordinal), so re-runs give identical
    /// files. A pupil who left before the week of T has no tier, and no row.
    /// </summary>
    internal static int[] OutputOrder(Evaluation evaluation, string[] keys)
    {
        var ledger = evaluation.Ledger;
        var tiers = evaluation.Tiers;
        var order = new int[evaluation.PupilsOnRoll];
        for (int p = 0, i = 0; p < tiers.Length; p++)
        {
            if (tiers[p] is not null)
                order[i++] = p;
        }
        Array.Sort(order, (a, b) =>
        {
            var bySchool = string.CompareOrdinal(ledger.SchoolId(a), ledger.SchoolId(b));
            return bySchool != 0 ? bySchool : string.CompareOrdinal(keys[a], keys[b]);
        });
        return order;
    }

    /// <summary>Pupils a note names by key, at most: enough to look them up, short enough to read.</summary>
    private const int NamedInANote = 5;

    /// <summary>A school week of days without a single row before T: the export likely ends too early, not a week of full attendance.</summary>
    private const int SchoolWeekDays = 5;

    /// <summary>The first and last dates of accepted rows over all files.</summary>
    private static NodaTime.LocalDate? DataStart(IngestResult ingest) => ingest.Files.Select(f => f.FirstDate).Where(d => d is not null).Min();

    /// <inheritdoc cref="DataStart"/>
    private static NodaTime.LocalDate? DataEnd(IngestResult ingest) => ingest.DataEnd;

    /// <summary>
    /// Rows dated before the school year of T, for a note when they are most rows. When no row at all falls in the
    /// school year up to T and no pupil list gives pupils, there is nothing to analyse: an empty pyramid with exit 0
    /// would look like a school without absence, so the run stops. (Rows after T are a backdated run's normal
    /// case; with a pupil list, a run in the first days of the year rightly finds everyone in tier 1.)
    /// </summary>
    private static long OutsideTheYear(IngestResult ingest, PupilListSummary? pupilList)
    {
        var before = ingest.Files.Sum(f => f.IgnoredBy.GetValueOrDefault(IgnoreReason.BeforeSchoolYear));
        var after = ingest.Files.Sum(f => f.IgnoredBy.GetValueOrDefault(IgnoreReason.AfterAsOf));
        if (ingest.Accepted == 0 && before + after > 0 && pupilList is not { Pupils: > 0 })
            throw new UserError(Texts.NothingInSchoolYear(before + after, ingest.RowsRead), Setting.AsOf);
        CheckHasRows(ingest, pupilList);
        return before;
    }

    /// <summary>
    /// An export of a header alone (or blank lines), and no pupil list: an export cut off before its rows, which analyze
    /// would show as an empty pyramid and validate as a clean file.
    /// </summary>
    internal static void CheckHasRows(IngestResult ingest, PupilListSummary? pupilList)
    {
        if (ingest.Accepted == 0 && pupilList is not { Pupils: > 0 } && ingest.Files.All(f => f.RowsRead == f.IgnoredBy.GetValueOrDefault(IgnoreReason.EmptyRow)
            + f.IgnoredBy.GetValueOrDefault(IgnoreReason.Footer) + f.IgnoredBy.GetValueOrDefault(IgnoreReason.Preamble)))
            throw new UserError(Texts.NoRowsInExports([.. ingest.Files.Select(f => f.Path)]), Setting.Inputs);
    }

    /// <summary>
    /// Last week's output folder when --previous is not given: with a folder per week named by its as-of date
    /// (uitvoer/2025-12-19, as the README suggests), the latest sibling folder dated before T in T's school year that
    /// holds a finished run. Null when the output folder is not named so, or none is there.
    /// </summary>
    internal static string? LastWeekFolder(string outputDirectory, NodaTime.LocalDate asOf)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        if (!WeekFolderName.Parse(Path.GetFileName(output)).Success || Path.GetDirectoryName(output) is not { } parent || !Directory.Exists(parent))
            return null;
        var yearStart = Calendar.SchoolYear.Containing(asOf).FirstDay;
        return Directory.EnumerateDirectories(parent)
            .Select(d => (Path: d, Date: WeekFolderName.Parse(Path.GetFileName(d))))
            .Where(d => d.Date.Success && d.Date.Value < asOf && d.Date.Value >= yearStart
                && File.Exists(Path.Combine(d.Path, "run.json")) && File.Exists(Path.Combine(d.Path, "pupils.parquet")))
            .OrderByDescending(d => d.Date.Value)
            .Select(d => d.Path)
            .FirstOrDefault();
    }

    private static readonly NodaTime.Text.LocalDatePattern WeekFolderName = NodaTime.Text.LocalDatePattern.Iso;

    /// <summary>
    /// Last week's run made with another policy or calendar: its tiers were set by other rules, so a change of tier
    /// may be the rules' and not the pupil's. Worth a warning, not a refusal (a school that adds a studiedag).
    /// </summary>
    private static IEnumerable<string> SettingsChanged(RunManifest? manifest, Policy policy, Calendar.SchoolCalendar calendar, Language language)
    {
        if (manifest?.Policy is { } was && was.Sha256 != policy.Hash)
            yield return Texts.Run.LastWeekOtherPolicy(language, was.Name, policy.Name);
        if (manifest?.Calendar is { } before && (before.Description != calendar.Description || before.SchoolDays != calendar.DayCount))
            yield return Texts.Run.LastWeekOtherCalendar(language, before.Description, calendar.Description);
    }

    /// <summary>Last week's run.json; null when it cannot be read (a run.json of an older version, or none, says nothing either way).</summary>
    private static RunManifest? ManifestOf(string previous)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(previous, "run.json")), RunManifest.ManifestFormat.Instance.RunManifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Last week's run made from an export of which most rows were rejected (it exited with 1): its tiers are those of
    /// the few rows it read, and every pupil would seem to go up this week.
    /// </summary>
    private static double? MostlyRejected(RunManifest? manifest) =>
        manifest?.Rows is { } rows && rows.Rejected > rows.Accepted ? (double)rows.Rejected / Math.Max(1, rows.Accepted + rows.Rejected) : null;

    /// <summary>"Last week" must lie before T: a later run swapped with this one would turn every change around.</summary>
    private static LastWeek CheckBefore(LastWeek lastWeek, NodaTime.LocalDate asOf) =>
        lastWeek.AsOf is { } date && date >= asOf
            ? throw new UserError(Texts.LastWeekNotBefore(lastWeek.Directory, date, asOf), Setting.Previous)
            : lastWeek;

    /// <summary>
    /// Last week's pupils must be found this week: when none is, the two runs were keyed differently (one with
    /// --pseudonymize-key and one without, or two keys), and every pupil would show as "new".
    /// </summary>
    private static LastWeek CheckKeysMatch(LastWeek lastWeek, DayLedger ledger, string[] keys)
    {
        if (lastWeek.Pupils.Count == 0 || keys.Length == 0)
            return lastWeek;
        for (var p = 0; p < keys.Length; p++)
        {
            if (lastWeek.Pupils.ContainsKey((ledger.SchoolId(p), keys[p])))
                return lastWeek;
        }
        // No school in common: another school's folder, not another key.
        var theirs = lastWeek.Pupils.Keys.Select(k => k.SchoolId).ToHashSet(StringComparer.Ordinal);
        if (!Enumerable.Range(0, ledger.PupilCount).Any(p => theirs.Contains(ledger.SchoolId(p))))
            throw new UserError(Texts.LastWeekOtherSchool(lastWeek.Directory, string.Join(", ", theirs.Order(StringComparer.Ordinal).Take(3))), Setting.Previous);
        throw new UserError(Texts.LastWeekNoPupilMatches(lastWeek.Directory, lastWeek.Pupils.Count), Setting.Previous);
    }

    /// <summary>
    /// Pupils, and none of them on the roll at T (every one left before the week of T): an empty pyramid with exit 0
    /// would look like a school without absence. Last year's list, or a date after the school's last day.
    /// </summary>
    private static void CheckSomeoneOnTheRoll(Evaluation evaluation)
    {
        if (evaluation.PupilCount == 0 || evaluation.PupilsOnRoll > 0)
            return;
        var ledger = evaluation.Ledger;
        var lastDay = Enumerable.Range(0, ledger.PupilCount).Select(ledger.EnrolledUntil).Max();
        throw new UserError(Texts.NobodyOnTheRoll(evaluation.PupilCount, evaluation.AsOf, lastDay), Setting.PupilList);
    }

    /// <summary>
    /// In a full register a day without a row is a day without lessons, so a pupil whose registrations stop has nothing
    /// scheduled from then on: no absence, no thuiszitter, tier 1 in the end. That is right for a pupil who left, and
    /// silently wrong for one whose lessons are no longer registered (the long-absent pupil teachers stop marking).
    /// Named: pupils on the roll at T, enrolled before the last two school weeks, without a single row in them, at a
    /// school most of whose such pupils do have rows there (a school whose export ends early is another note's).
    /// </summary>
    private static IEnumerable<string> RegistrationsStopped(Evaluation evaluation, string[] keys, Language language)
    {
        var ledger = evaluation.Ledger;
        var from = evaluation.Day.SchoolWeeksStart(StoppedWeeks);
        if (!ledger.FullRegister || from <= 0)
            yield break;
        var (pupils, going) = (new int[ledger.Schools.Count], new int[ledger.Schools.Count]);
        var without = new List<int>();
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            if (evaluation.Tiers[p] is null || ledger.Enrolment(p).First >= from)
                continue;
            var records = ledger.Records(p);
            pupils[ledger.SchoolIndex(p)]++;
            if (!records.IsEmpty && records.DayOf(records.Length - 1) >= from)
                going[ledger.SchoolIndex(p)]++;
            else
                without.Add(p);
        }
        var stopped = without.Where(p => going[ledger.SchoolIndex(p)] * 2 > pupils[ledger.SchoolIndex(p)]).Select(p => keys[p]).ToList();
        if (stopped.Count > 0)
            yield return Texts.Run.RegistrationsStopped(language, stopped.Count, StoppedWeeks, [.. stopped.Order(StringComparer.Ordinal).Take(NamedInANote)]);
    }

    /// <summary>School weeks up to T without a row of a pupil, in a full register, before the run names the pupil.</summary>
    private const int StoppedWeeks = 2;

    /// <summary>
    /// A school more than half of whose pupils left before the week of T, one note each: exam pupils leave in June and
    /// a few others during the year, so more asks whether the list and the date fit (in a run of many schools, one
    /// school's old list would otherwise only lower the counts).
    /// </summary>
    private static IEnumerable<string> MostPupilsLeft(Evaluation evaluation, Language language)
    {
        var ledger = evaluation.Ledger;
        var (pupils, left) = (new int[ledger.Schools.Count], new int[ledger.Schools.Count]);
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            pupils[ledger.SchoolIndex(p)]++;
            left[ledger.SchoolIndex(p)] += evaluation.Tiers[p] is null ? 1 : 0;
        }
        for (var school = 0; school < pupils.Length; school++)
        {
            if (left[school] * 2 > pupils[school])
                yield return Texts.Run.MostPupilsLeft(language, ledger.Schools[school], left[school], pupils[school], evaluation.AsOf);
        }
    }

    /// <summary>The highest share of rejected rows a file may have is a share: 0 to 1.</summary>
    internal static void CheckMaxRejectRate(double max)
    {
        if (max is < 0 or > 1 || double.IsNaN(max))
            throw new UserError(Texts.MaxRejectRateRange, Setting.MaxRejectRate);
    }

    /// <summary>A file crossed --max-reject-rate: how many rows, the most common reasons, and what to do.</summary>
    internal static string RejectRateMessage(FileAccount file, double max, Language language)
    {
        var top = string.Join(", ", file.RejectedBy.OrderByDescending(r => r.Value).Take(3)
            .Select(r => string.Create(language.Culture(), $"{r.Key.Describe().In(language)}: {r.Value}")));
        return Texts.Run.RejectRate(language, file.Path, file.Rejected, file.RowsRead, file.RejectRate, max, top);
    }

    /// <summary>How long each stage took, for run.json; writing continues the laps of preparing.</summary>
    private sealed class Stages(IReadOnlyDictionary<string, long>? earlier = null)
    {
        private readonly SortedDictionary<string, long> _durations = new(earlier?.ToDictionary() ?? [], StringComparer.Ordinal);
        private readonly long _before = earlier?.Values.Sum() ?? 0;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private readonly Stopwatch _all = Stopwatch.StartNew();

        public IReadOnlyDictionary<string, long> Laps => _durations;

        public void Lap(string stage)
        {
            lock (_durations)
                _durations[stage] = _watch.ElapsedMilliseconds;
            _watch.Restart();
        }

        /// <summary>A stage that ran beside another, with its own time; the stages overlap, the total does not.</summary>
        public void Beside(string stage, long milliseconds)
        {
            lock (_durations)
                _durations[stage] = milliseconds;
        }

        /// <summary>The next lap starts now: the stages before it ran side by side.</summary>
        public void Restart() => _watch.Restart();

        public SortedDictionary<string, long> Total()
        {
            var durations = new SortedDictionary<string, long>(_durations, StringComparer.Ordinal);
            durations["total"] = _before + _all.ElapsedMilliseconds;
            return durations;
        }
    }
}
