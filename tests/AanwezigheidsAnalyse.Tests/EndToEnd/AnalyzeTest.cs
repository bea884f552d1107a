using AanwezigheidsAnalyse.Tests.Support;
using Parquet.Serialization;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.EndToEnd;

/// <summary>Runs <c>analyze</c> on a tiny file and reads the Parquet back.</summary>
public sealed class AnalyzeTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-e2e-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Pupil 100 is sick the whole of the 8 school weeks up to T = Friday 28 Nov 2025 (midden: 29 Sep to 28 Nov, the herfstvakantie skipped), pupil 200 misses
    // one lesson, pupil 300 has an unknown code (rejected) and pupil 400 comes from the pupil list only.
    private AnalyzeOptions Tiny(string output)
    {
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        for (var day = Midden2025.IndexOf(D("2025-09-29")); day <= Midden2025.IndexOf(D("2025-11-28")); day++)
            rows.Add($"100,2A,{Midden2025.Date(day):yyyy-MM-dd},,sick");
        rows.Add("200,2A,2025-11-26,3,unauthorized");
        rows.Add("300,3B,2025-11-26,3,bogus");
        var export = Write("export.csv", string.Join("\n", rows) + "\n");
        var pupils = Write("leerlingen.csv", "pupil_id;group;enrolled_from\n100;2A;2025-09-01\n200;2A;2025-09-01\n300;3B;2025-09-01\n400;3B;2025-09-01\n");
        return new AnalyzeOptions
        {
            Inputs = [export],
            PupilsFile = pupils,
            AsOf = D("2025-11-28"),
            OutputDirectory = Path.Combine(_dir.FullName, output),
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            MaxRejectRate = 0.5,
            Charts = false,
        };
    }

    [Fact]
    public async Task Analyze_TinyFile_WritesPupilsAndSignalsThatReadBack()
    {
        var options = Tiny("out");
        var result = await Analysis.RunAsync(options);
        Assert.Equal(0, result.ExitCode);

        var pupils = (await ParquetSerializer.DeserializeAsync<PupilRow>(Path.Combine(options.OutputDirectory, "pupils.parquet"))).Data;
        Assert.Equal(["100", "200", "300", "400"], pupils.Select(p => p.PupilKey));

        var sick = pupils[0];
        Assert.Equal(3, sick.Tier);
        Assert.Equal(1.0, sick.AbsenceRate8w);
        Assert.Equal(1.0, sick.SickRate8w);
        Assert.Equal(8 * 5 * 350, sick.ScheduledMinutes8w);
        Assert.Equal(0, sick.AttendedMinutes8w);
        Assert.Equal("sick", sick.DominantAbsenceType);
        Assert.Contains("RATE-8W-20", sick.TierReasons);
        Assert.Contains("LR-50", sick.TierReasons);
        Assert.Contains("TZ-0", sick.TierReasons);
        Assert.Contains("ZZV-LONG", sick.TierReasons);
        Assert.Equal(8, sick.WeeksBelow50);
        Assert.Equal(new DateOnly(2025, 11, 28), sick.AsOf);

        var oneLesson = pupils[1];
        Assert.Equal(1, oneLesson.Tier);
        Assert.Empty(oneLesson.TierReasons);
        Assert.Equal(50.0 / (8 * 5 * 350), oneLesson.UnauthorizedRate8w!.Value, 6);

        // Pupil 400 never appears in the export: the pupil list puts it at the base of the pyramid.
        Assert.Equal(1, pupils[3].Tier);
        Assert.Equal(0.0, pupils[3].AbsenceRateYtd);

        var signals = (await ParquetSerializer.DeserializeAsync<SignalRow>(Path.Combine(options.OutputDirectory, "signals.parquet"))).Data;
        var lr50 = Assert.Single(signals, s => s.CriterionId == "LR-50");
        Assert.Equal("100", lr50.PupilKey);
        Assert.Equal("geoorloofd", lr50.AbsenceKind);
        Assert.Equal(new DateOnly(2025, 11, 3), lr50.FirstMet); // the 5th week of the run starts on Monday 3 Nov
        Assert.Equal(8, lr50.Value);
        var longSick = Assert.Single(signals, s => s.CriterionId == "ZZV-LONG");
        Assert.Equal(["2025-09-29/2025-11-28=40"], longSick.Evidence);
        // run.json counts the pupils per criterion from the results, without the signals: the same counts.
        Assert.Equal(signals.GroupBy(s => s.CriterionId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())),
            result.Manifest.PupilsPerCriterion!.Select(c => (c.Key, c.Value)));

        var rejects = File.ReadAllLines(Path.Combine(options.OutputDirectory, "rejects.csv"));
        Assert.Equal(2, rejects.Length);
        // The line and column say where; the value is not shown, as a code column may hold a typed name.
        Assert.StartsWith("export.csv;43;status;;code_unknown;", rejects[1]);
        Assert.DoesNotContain("bogus", rejects[1]);
    }

    [Fact]
    public async Task Analyze_SameInputsTwice_GivesByteIdenticalParquet()
    {
        var first = Tiny("first");
        var second = Tiny("second") with { Inputs = first.Inputs, PupilsFile = first.PupilsFile };
        await Analysis.RunAsync(first);
        await Analysis.RunAsync(second);
        foreach (var file in new[] { "pupils.parquet", "signals.parquet" })
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(first.OutputDirectory, file)),
                File.ReadAllBytes(Path.Combine(second.OutputDirectory, file)));
        }
    }

    /// <summary>
    /// A pupil who left in October and came back on 24 November was counted present in between: 4 unauthorized days
    /// of 20 school days read as 10 % over 8 weeks, tier 2 instead of 3 (an adversarial pass). The weeks away are no
    /// school time; the control pupil, enrolled only from 24 November with the same days, is the same at T.
    /// </summary>
    [Fact]
    public async Task APupilWhoLeftAndCameBack_IsNotCountedPresentInBetween()
    {
        var days = new[] { "2025-11-24", "2025-12-01", "2025-12-08", "2025-12-15" };
        var export = Write("terug.csv", "school_id,pupil_id,group,date,slot,status\n" + string.Concat(
            days.SelectMany(d => new[] { $"99ZZ,1001,1A,{d},,unauthorized\n", $"99ZZ,1002,1A,{d},,unauthorized\n" }))
            + "99ZZ,1001,1A,2025-11-03,,unauthorized\n"); // in the gap: neither absence nor school time
        var list = Write("terug-lijst.csv", "school_id,pupil_id,group,enrolled_from,enrolled_until\n99ZZ,1001,1A,2025-09-01,2025-10-17\n99ZZ,1001,1A,2025-11-24,2026-07-17\n99ZZ,1002,1A,2025-11-24,2026-07-17\n");
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D("2025-12-19"), OutputDirectory = Path.Combine(_dir.FullName, "uit"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Charts = false });
        var (back, control) = (run.Ledger.PupilId(0) == "1001" ? (0, 1) : (1, 0));
        var results = run.Evaluation.Results;
        Assert.Equal(AanwezigheidsAnalyse.Tiering.Tier.Three, run.Evaluation.Tiers[back]);
        Assert.Equal(run.Evaluation.Tiers[control], run.Evaluation.Tiers[back]);
        Assert.Equal((results[control].Weeks8.ScheduledDays, results[control].Weeks8.Absent), (results[back].Weeks8.ScheduledDays, results[back].Weeks8.Absent));
        // The year: the 35 school days of 1 September – 17 October and the 20 since 24 November; the row of 3 November
        // is outside the enrolment, as a row after leaving is.
        Assert.Equal((55, 4 * 350), (results[back].Ytd.ScheduledDays, results[back].Ytd.Absent));
        Assert.Equal(1, run.Ingest.Files[0].IgnoredBy[AanwezigheidsAnalyse.Ingestion.IgnoreReason.OutsideEnrolment]);
        // Away, the pupil is off the roll: no tier in the weekly history for the weeks of 27 October – 21 November.
        var (away, school) = (Midden2025.WeekOf(Midden2025.IndexOf(D("2025-11-10"))), run.Ledger.SchoolIndex(back));
        Assert.Equal(0, new[] { AanwezigheidsAnalyse.Tiering.Tier.One, AanwezigheidsAnalyse.Tiering.Tier.Two, AanwezigheidsAnalyse.Tiering.Tier.Three }.Sum(t => run.Replay.PupilsInTier(school, away, t)));
        Assert.Equal(1, run.Replay.PupilsInTier(school, away - 4, AanwezigheidsAnalyse.Tiering.Tier.One));
    }

    /// <summary>
    /// Another school's list stops the run, also when one of its pupils left and came back: the days between were the
    /// list's own exempt records, and "a listed pupil has a registration" let the list through (a review).
    /// </summary>
    [Fact]
    public async Task AnotherSchoolsList_WithAPupilWhoCameBack_StillStops()
    {
        var export = Write("eigen.csv", "pupil_id,group,date,slot,status\n" + string.Concat(Enumerable.Range(1001, 12).Select(p => $"{p},1A,2025-12-01,,sick\n")));
        var list = Write("andere-lijst.csv", "pupil_id,group,enrolled_from,enrolled_until\n" + string.Concat(Enumerable.Range(2001, 12).Select(p => $"{p},2B,2025-09-01,\n"))
            + "2013,2B,2025-09-01,2025-10-10\n2013,2B,2025-11-03,\n");
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D("2025-12-19"), OutputDirectory = Path.Combine(_dir.FullName, "andere"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Charts = false }));
        Assert.Contains("geen leerling gemeen", error.In(Language.Dutch));
    }

    /// <summary>
    /// A notification wholly in the weeks away (or after leaving) is outside the enrolment, as a lesson-hour row is:
    /// it was accepted as a duplicate, and the run said nothing (a regression pass).
    /// </summary>
    [Fact]
    public async Task ANotificationWhollyOutsideTheEnrolment_IsSaidSo()
    {
        var export = Write("meldingen.csv", "Leerlingnummer;Klas;Begindatum;Begintijd;Beginlesuur;Einddatum;Eindtijd;Eindlesuur;Absentiereden\n"
            + "7001;1A;03-11-2025;;;05-11-2025;;;ziek\n"     // away: 27 October – 21 November
            + "7001;1A;20-11-2025;;;25-11-2025;;;ziek\n"    // two days away, two back: read, for the days back
            + "7001;1A;01-12-2025;08:30;;01-12-2025;09:20;;ongeoorloofd\n");
        var list = Write("meldingen-lijst.csv", "pupil_id,group,enrolled_from,enrolled_until\n7001,1A,2025-09-01,2025-10-17\n7001,1A,2025-11-24,\n");
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D("2025-12-19"), OutputDirectory = Path.Combine(_dir.FullName, "meldingen"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Charts = false });
        var file = run.Ingest.Files[0];
        Assert.Equal(1, file.IgnoredBy[AanwezigheidsAnalyse.Ingestion.IgnoreReason.OutsideEnrolment]);
        Assert.Equal(2, file.Accepted);
        Assert.Equal(2, Enumerable.Range(Midden2025.IndexOf(D("2025-11-20")), 4).Count(d => run.Ledger.RecordOn(0, d) is { Absent: > 0 }));
    }

    /// <summary>KPA-25 after a return: two sick days of the first week back are not a quarter of "2 weeks" (an adversarial pass).</summary>
    [Fact]
    public async Task APupilBackForAWeek_HasNoKpa25_OverTheWeeksAway()
    {
        var export = Write("kpa.csv", "pupil_id,group,date,slot,status\n7002,1A,2025-12-15,,sick\n7002,1A,2025-12-16,,sick\n");
        var list = Write("kpa-lijst.csv", "pupil_id,group,enrolled_from,enrolled_until\n7002,1A,2025-09-01,2025-11-28\n7002,1A,2025-12-15,\n");
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D("2025-12-19"), OutputDirectory = Path.Combine(_dir.FullName, "kpa"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Charts = false });
        Assert.DoesNotContain(AanwezigheidsAnalyse.Rules.CriterionId.Kpa25, run.Evaluation.Results[0].Met);
        using var later = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D("2026-01-05"), OutputDirectory = Path.Combine(_dir.FullName, "kpa2"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Charts = false });
        Assert.Contains(AanwezigheidsAnalyse.Rules.CriterionId.Kpa25, later.Evaluation.Results[0].Met); // 2 of 6 days, both weeks back
    }

    /// <summary>A date in the kerstvakantie is read as its last school day, and the run says so (an adversarial pass: it did not).</summary>
    [Fact]
    public async Task AnAsOfDateInAHoliday_IsSaid_WithTheSchoolDayItStandsFor()
    {
        var result = await Analysis.RunAsync(Tiny("kerst") with { AsOf = D("2025-12-27") });
        Assert.Contains(result.Manifest.Notes, n => n.Contains("valt in de kerstvakantie", StringComparison.Ordinal) && n.Contains("vrijdag 19 december", StringComparison.Ordinal));
        var friday = await Analysis.RunAsync(Tiny("vrijdag") with { AsOf = D("2025-12-19") });
        Assert.DoesNotContain(friday.Manifest.Notes, n => n.Contains("valt in de", StringComparison.Ordinal));
    }

    /// <summary>A first run already in a folder named by its date is not told to keep its weeks so (a regression pass).</summary>
    [Fact]
    public async Task AFirstRunInADatedFolder_IsNotToldToUseDatedFolders()
    {
        var dated = await Analysis.RunAsync(Tiny(Path.Combine("weken", "2025-12-19")) with { AsOf = D("2025-12-19") });
        Assert.Contains(dated.Manifest.Notes, n => n.Contains("Volgende week vergelijkt het programma met deze map", StringComparison.Ordinal));
        Assert.DoesNotContain(dated.Manifest.Notes, n => n.Contains("Bewaar elke week", StringComparison.Ordinal));
        var plain = await Analysis.RunAsync(Tiny("uit") with { AsOf = D("2025-12-19") });
        Assert.Contains(plain.Manifest.Notes, n => n.Contains("Bewaar elke week", StringComparison.Ordinal));
    }

    /// <summary>Early in the year "8 wk" covers the weeks since the first school day, and the run says so (a visual review).</summary>
    [Fact]
    public async Task EarlyInTheYear_TheShortWindowsAreSaid()
    {
        var early = await Analysis.RunAsync(Tiny("september") with { AsOf = D("2025-09-12") });
        Assert.Contains(early.Manifest.Notes, n => n.Contains("2 schoolweken oud", StringComparison.Ordinal) && n.Contains("'8 wk' en '4 wk' gaan hier over de weken sinds 1 september", StringComparison.Ordinal));
        var october = await Analysis.RunAsync(Tiny("oktober") with { AsOf = D("2025-10-10") });
        Assert.Contains(october.Manifest.Notes, n => n.Contains("6 schoolweken oud: '8 wk' gaat", StringComparison.Ordinal));
        var november = await Analysis.RunAsync(Tiny("november") with { AsOf = D("2025-11-28") });
        Assert.DoesNotContain(november.Manifest.Notes, n => n.Contains("schoolweken oud", StringComparison.Ordinal));
    }

    /// <summary>The library's two steps, in memory then to disk, are the CLI's one run; a pupil's signals are the run's.</summary>
    [Fact]
    public async Task PrepareThenWrite_WritesWhatRunWrites_AndEvaluationExplainsEachPupil()
    {
        var whole = Tiny("whole");
        await Analysis.RunAsync(whole);
        var steps = Tiny("steps") with { Inputs = whole.Inputs, PupilsFile = whole.PupilsFile };
        using var run = await Analysis.PrepareAsync(steps);
        var result = await Analysis.WriteAsync(run, steps);
        Assert.Equal(0, result.ExitCode);
        foreach (var file in new[] { "pupils.parquet", "signals.parquet", "weekly.parquet", "rejects.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole.OutputDirectory, file)), File.ReadAllBytes(Path.Combine(steps.OutputDirectory, file)));

        for (var p = 0; p < run.Ledger.PupilCount; p++)
        {
            var pupil = p;
            Assert.Equal(
                run.Signals.Where(s => s.Pupil == pupil).Select(s => (s.Criterion, s.FirstMet, s.Window, s.Value, string.Join(",", s.Evidence))),
                run.Evaluation.Signals(pupil).Select(s => (s.Criterion, s.FirstMet, s.Window, s.Value, string.Join(",", s.Evidence))));
        }
        Assert.Contains(run.Signals, s => s.Criterion == AanwezigheidsAnalyse.Rules.CriterionId.Lr50);

        // The rejected rows (what a school typed in the wrong column) wait where only the user can read them, and go
        // with the run: nothing of a run prepared apart stays behind in the temporary folder.
        Assert.True(File.Exists(run.RejectsFile));
        var waiting = Path.GetDirectoryName(run.RejectsFile)!;
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), waiting);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(waiting));
        run.Dispose();
        Assert.False(Directory.Exists(waiting));
        run.Dispose();
        // Written after it was disposed, a run says so, before it writes anything.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Analysis.WriteAsync(run, steps with { OutputDirectory = Path.Combine(_dir.FullName, "na-dispose") }));
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "na-dispose")));
    }

    /// <summary>
    /// A service or a test host may run several analyses in one process: their outputs share no buffers; nor do two
    /// writes of one run, whether its results and signals are made as they are read or kept whole.
    /// </summary>
    [Fact]
    public async Task Datasets_WrittenAtTheSameTime_HaveTheBytesOfEachWrittenAlone()
    {
        const int runs = 3;
        var prepared = new List<(AanwezigheidsAnalyse.Output.AnalysisRun Run, string Directory)>();
        try
        {
            for (var seed = 0; seed < runs; seed++)
            {
                var export = Path.Combine(_dir.FullName, $"school-{seed}.csv");
                AanwezigheidsAnalyse.Synthetic.Generator.Write(new AanwezigheidsAnalyse.Synthetic.GeneratorOptions { Pupils = 3000, Seed = seed, Until = D("2026-03-13") }, export);
                var options = new AnalyzeOptions { Inputs = [export], AsOf = D("2026-03-13"), OutputDirectory = Path.Combine(_dir.FullName, $"run-{seed}"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden };
                prepared.Add((await Analysis.PrepareAsync(options), options.OutputDirectory));
            }
            string Directory(int seed, string name) => System.IO.Directory.CreateDirectory(Path.Combine(prepared[seed].Directory, name)).FullName;
            for (var seed = 0; seed < runs; seed++)
                await AanwezigheidsAnalyse.Output.Datasets.WriteAsync(prepared[seed].Run, Directory(seed, "alone"), partitioned: false);
            for (var round = 0; round < 3; round++)
                await Task.WhenAll(Enumerable.Range(0, runs).Select(seed => Task.Run(() => AanwezigheidsAnalyse.Output.Datasets.WriteAsync(prepared[seed].Run, Directory(seed, $"together-{round}"), partitioned: false))));
            // One run written twice at once, its results and signals made as they are read by both; then once more
            // after something made them whole and kept them (as a report does): the same bytes every time.
            var first = prepared[0].Run;
            await Task.WhenAll(Task.Run(() => AanwezigheidsAnalyse.Output.Datasets.WriteAsync(first, Directory(0, "twice-a"), partitioned: false)),
                Task.Run(() => AanwezigheidsAnalyse.Output.Datasets.WriteAsync(first, Directory(0, "twice-b"), partitioned: false)));
            _ = first.Evaluation.Results;
            _ = first.Signals;
            await AanwezigheidsAnalyse.Output.Datasets.WriteAsync(first, Directory(0, "kept"), partitioned: false);
            foreach (var file in new[] { "pupils.parquet", "signals.parquet", "weekly.parquet" })
            {
                for (var seed = 0; seed < runs; seed++)
                {
                    var alone = File.ReadAllBytes(Path.Combine(Directory(seed, "alone"), file));
                    for (var round = 0; round < 3; round++)
                        Assert.Equal(alone, File.ReadAllBytes(Path.Combine(Directory(seed, $"together-{round}"), file)));
                }
                foreach (var other in new[] { "twice-a", "twice-b", "kept" })
                    Assert.Equal(File.ReadAllBytes(Path.Combine(Directory(0, "alone"), file)), File.ReadAllBytes(Path.Combine(Directory(0, other), file)));
            }
        }
        finally
        {
            foreach (var (run, _) in prepared)
                run.Dispose();
        }
    }

    [Fact]
    public async Task Analyze_RejectRateAboveTheLimit_ExitsWithOneAndSaysWhatToFix()
    {
        var options = Tiny("strict") with { MaxRejectRate = 0.01 };
        var result = await Analysis.RunAsync(options);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Summary, line => line.Contains("rejects.csv") && line.Contains("--max-reject-rate"));
    }

    [Fact]
    public async Task Analyze_MissingInput_IsAUserError()
    {
        var options = Tiny("missing") with { Inputs = [Path.Combine(_dir.FullName, "nope.csv")] };
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Contains("nope.csv", error.Dutch);
    }

    [Fact]
    public async Task Analyze_AsOfBeforeTheFirstSchoolDay_IsAUserErrorNamingThatDay()
    {
        var options = Tiny("early") with { AsOf = D("2025-08-29") };
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Contains("2025-09-01", error.English);
        Assert.Contains("--as-of", AanwezigheidsAnalyse.Cli.Messages.Of(error, Language.Dutch));
    }

    [Fact]
    public async Task Analyze_NoRowInTheYearUpToT_AndNoPupilList_IsRefusedAndWritesNothing()
    {
        // Every row lies after T (or in another school year): an empty pyramid with exit 0 would read as a school
        // without absence. The run stops, naming --as-of, and no output folder appears.
        var export = Write("later.csv", "pupil_id,date,slot,status\n1,2025-10-01,1,sick\n1,2024-10-01,1,sick\n");
        var output = Path.Combine(_dir.FullName, "empty");
        foreach (var asOf in new[] { D("2025-09-05"), D("2027-01-15") })
        {
            var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = asOf, OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden }));
            Assert.Equal(Setting.AsOf, error.About);
            Assert.Contains("2 rows", error.English);
            Assert.False(Directory.Exists(output));
        }
    }

    [Fact]
    public async Task Analyze_AsOfWeeksAfterTheData_SaysSoLoudly_AndTheSummaryGivesTheDataRange()
    {
        // Data end on Friday 19 December; T is 30 January: 20 school days without a row would count as present.
        var export = Write("dec.csv", "pupil_id,date,status\n1,2025-12-01,sick\n1,2025-12-19,sick\n");
        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2026-01-30"), OutputDirectory = Path.Combine(_dir.FullName, "late"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English });
        var note = Assert.Single(result.Manifest.Notes, n => n.Contains("the data end on 2025-12-19", StringComparison.Ordinal));
        Assert.Contains("20 school days", note);
        Assert.Contains(result.Summary, l => l == "Data from 2025-12-01 to 2025-12-19.");
        Assert.Contains("the data end on 2025-12-19", File.ReadAllText(Path.Combine(_dir.FullName, "late", "report.html")));
    }

    /// <summary>
    /// An export of every lesson (present rows too) that ends on Wednesday, for a Friday: its Thursday and Friday count as
    /// present, and a note says so; it was said only from a school week on (an adversarial pass). An export of absences
    /// only may end on a day nobody was absent, and is said from a school week on.
    /// </summary>
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task Analyze_AFullRegisterEndingDaysBeforeT_SaysSo(bool present, bool said)
    {
        var rows = new List<string> { "pupil_id,date,slot,status" };
        foreach (var day in new[] { "2025-12-15", "2025-12-16", "2025-12-17" })
        {
            foreach (var pupil in new[] { 1, 2 })
            {
                for (var slot = 1; slot <= 7; slot++)
                    rows.Add(pupil == 1 && slot == 1 ? $"{pupil},{day},{slot},sick" : present ? $"{pupil},{day},{slot},present" : null!);
            }
        }
        var export = Write($"wo-{present}.csv", string.Join("\n", rows.Where(r => r is not null)) + "\n");
        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-12-19"), OutputDirectory = Path.Combine(_dir.FullName, $"wo-{present}"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English, Charts = false });

        Assert.Equal(said, result.Manifest.Notes.Any(n => n.Contains("the data end on 2025-12-17, 2 school days before the as-of date 2025-12-19", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Analyze_PupilsInTheExportButNotOnTheList_AreCountedAndNamedInANote()
    {
        // 88 is not listed either, and sick all week up to T: in tier 3, so perhaps a pupil who left, and named.
        var export = Write("export.csv", "pupil_id,date,slot,status\n1,2025-10-01,1,sick\n2,2025-10-01,1,sick\n77,2025-10-01,2,sick\n"
            + string.Concat(new[] { "2025-09-29", "2025-09-30", "2025-10-01", "2025-10-02", "2025-10-03" }.Select(d => $"88,{d},,sick\n")));
        var list = Write("lijst.csv", "leerlingnummer,klas,inschrijfdatum\n1,2B,2025-08-01\n2,2B,2025-08-01\n3,2B,2025-08-01\n");

        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D("2025-10-03"), OutputDirectory = Path.Combine(_dir.FullName, "o"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English });

        var note = Assert.Single(result.Manifest.Notes, n => n.StartsWith("2 of the 5 pupils are in the export but not on the pupil list", StringComparison.Ordinal));
        Assert.EndsWith(" 1 of them are in tier 2 or 3 (88): if one of them has left, put the pupil on the list with the leaving date; otherwise the tier of before leaving stays.", note);
    }

    [Fact]
    public async Task Analyze_FullRegister_APupilWhoseRegistrationsStop_IsNamed()
    {
        // A full register (present rows). School 00AA: pupils 1-20 present every lesson up to T; pupil 99 absent without
        // leave every lesson up to 7 November, then not registered at all. From then on it has nothing scheduled: no
        // absence in the last weeks, no thuiszitter. The run cannot tell a pupil who left from lessons no longer
        // registered: it asks. School 00BB's export ends on 7 November for every pupil: that is not a pupil's matter.
        var rows = new List<string> { "school_id,pupil_id,date,slot,status" };
        for (var day = Midden2025.IndexOf(D("2025-09-01")); day <= Midden2025.IndexOf(D("2025-11-28")); day++)
        {
            var date = Midden2025.Date(day);
            foreach (var slot in Enumerable.Range(1, 7))
            {
                rows.AddRange(Enumerable.Range(1, 20).Select(p => $"00AA,{p},{date:yyyy-MM-dd},{slot},present"));
                if (date <= D("2025-11-07"))
                {
                    rows.Add($"00AA,99,{date:yyyy-MM-dd},{slot},unauthorized");
                    rows.AddRange(Enumerable.Range(31, 20).Select(p => $"00BB,{p},{date:yyyy-MM-dd},{slot},present"));
                }
            }
        }
        var export = Write("volledig.csv", string.Join("\n", rows) + "\n");
        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = Path.Combine(_dir.FullName, "volledig"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English, Charts = false });

        Assert.StartsWith("Note: 1 pupil(s) have no registration at all in the last 2 school weeks, while the export goes on (99).",
            Assert.Single(result.Manifest.Notes, n => n.Contains("no registration at all in the last", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Last week's folder made from an export whose every row was rejected (exit 1): its pupils were all in tier 1, and
    /// used as last week every absent pupil "went up". Found by its name, it is passed over; named, it is used with a warning.
    /// </summary>
    [Fact]
    public async Task Analyze_LastWeeksRunFromAMostlyRejectedExport_IsNotTakenAsLastWeek()
    {
        var pupils = Write("list.csv", "pupil_id,group,enrolled_from\n1,2B,2025-09-01\n2,2B,2025-09-01\n");
        var garbage = Write("garbage.csv", "pupil_id,date,slot,status\n" + string.Concat(Enumerable.Range(1, 5).Select(d => $"1,0{d}-12-25,1,sick\n")));
        var weeks = Path.Combine(_dir.FullName, "weeks");
        var first = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [garbage], PupilsFile = pupils, AsOf = D("2025-12-12"), OutputDirectory = Path.Combine(weeks, "2025-12-12"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English, Charts = false });
        Assert.Equal(1, first.ExitCode);
        var export = Write("good.csv", "pupil_id,date,status\n" + string.Concat(new[] { "2025-12-15", "2025-12-16", "2025-12-17", "2025-12-18", "2025-12-19" }.Select(d => $"1,{d},unauthorized\n")));

        var found = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = pupils, AsOf = D("2025-12-19"), OutputDirectory = Path.Combine(weeks, "2025-12-19"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English, Charts = false });
        var named = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = pupils, AsOf = D("2025-12-19"), PreviousDirectory = Path.Combine(weeks, "2025-12-12"), OutputDirectory = Path.Combine(_dir.FullName, "named"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English, Charts = false });

        Assert.Equal("replay", found.Manifest.Previous);
        Assert.Contains(found.Manifest.Notes, n => n.Contains("was not used: Its export had 100% rows rejected", StringComparison.Ordinal));
        Assert.NotEqual("replay", named.Manifest.Previous);
        Assert.Contains(named.Manifest.Notes, n => n.Contains("was made from an export of which 100% of the rows were rejected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_NoRegistrationUpToT_WithAPupilList_WritesEveryOutput()
    {
        // In the first days of the year the pupil list's pupils are all in tier 1: a run the SAT can open.
        var export = Write("later.csv", "pupil_id,date,slot,status\n1,2025-10-01,1,sick\n");
        var pupils = Write("list.csv", "pupil_id,group,enrolled_from\n1,2B,2025-09-01\n2,2B,2025-09-01\n");
        var output = Path.Combine(_dir.FullName, "early");
        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = pupils, AsOf = D("2025-09-05"), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Manifest.Pupils);
        Assert.Equal(1, result.Manifest.Rows.Ignored);
        foreach (var file in new[] { "pupils.parquet", "signals.parquet", "weekly.parquet", "report.html", "charts/piramide.png", "charts/verzuim-weekdag-lesuur.png" })
            Assert.True(File.Exists(Path.Combine(output, file)), file);        // Every pupil in tier 1, and the export goes on after T: the run says so, as the date may be wrong.
        Assert.Contains(result.Manifest.Notes, n => n.Contains("geen enkele regel van de export valt in het schooljaar tot en met de peildatum 5 september 2025; 1 regel ligt erna", StringComparison.Ordinal));
    }
}
