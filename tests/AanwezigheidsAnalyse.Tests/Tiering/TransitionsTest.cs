using AanwezigheidsAnalyse.Tests.Support;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Tiering;

/// <summary>criteria §5 transitions, from --previous and from the weekly replay; weekly.parquet; Hive partitions.</summary>
public sealed class TransitionsTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-transitions-");

    public void Dispose() => _dir.Delete(recursive: true);

    // Pupil 1 is sick every school day from Monday 17 November; pupil 2 is late three times in the week of
    // 17 November; pupil 3 misses one lesson on 3 November. Region midden, herfstvakantie 18–26 October.
    private string Export()
    {
        var path = Path.Combine(_dir.FullName, "export.csv");
        var rows = new List<string> { "pupil_id;date;slot;status" };
        for (var day = Midden2025.IndexOf(D("2025-11-17")); day <= Midden2025.IndexOf(D("2025-11-28")); day++)
            rows.Add($"1;{Midden2025.Date(day):yyyy-MM-dd};;sick");
        rows.AddRange(["2;2025-11-17;1;late", "2;2025-11-18;1;late", "2;2025-11-20;1;late", "3;2025-11-03;4;unauthorized"]);
        File.WriteAllLines(path, rows);
        return path;
    }

    private async Task<string> Analyze(string asOf, string name, string? previous = null, bool partitioned = false)
    {
        var output = Path.Combine(_dir.FullName, name);
        await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Export()],
            AsOf = D(asOf),
            OutputDirectory = output,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            PreviousDirectory = previous,
            Partitioned = partitioned,
            Charts = false,
        });
        return output;
    }

    private static async Task<Dictionary<string, Dictionary<string, object?>>> Pupils(string output) =>
        (await ParquetDump.RowsAsync(Path.Combine(output, "pupils.parquet"))).ToDictionary(r => (string)r["pupil_key"]!);

    [Fact]
    public async Task Previous_LastWeeksOutput_GivesPreviousTierChangeWeeksInTierAndNewlyMet()
    {
        var week1 = await Analyze("2025-11-21", "week1");
        var week2 = await Analyze("2025-11-28", "week2", previous: week1);
        var before = await Pupils(week1);
        var now = await Pupils(week2);

        // Pupil 1: one sick week of eight is 12.5 % (tier 2); two weeks 25 % (tier 3): up.
        Assert.Equal(2, before["1"]["tier"]);
        Assert.Equal(3, now["1"]["tier"]);
        Assert.Equal(2, now["1"]["previous_tier"]);
        Assert.Equal("up", now["1"]["tier_change"]);
        Assert.Equal(1, now["1"]["weeks_in_tier"]);
        // Pupil 2: LATE-REP held last week and still does: same tier, one week more.
        Assert.Equal(2, now["2"]["tier"]);
        Assert.Equal("same", now["2"]["tier_change"]);
        Assert.Equal((int)before["2"]["weeks_in_tier"]! + 1, now["2"]["weeks_in_tier"]);

        var signals = await ParquetDump.RowsAsync(Path.Combine(week2, "signals.parquet"));
        bool Newly(string pupil, string id) => (bool)signals.Single(s => (string)s["pupil_key"]! == pupil && (string)s["criterion_id"]! == id)["newly_met"]!;
        Assert.False(Newly("1", "ZZV-MONTH"));   // 5 sick days by 21 Nov: more than 4 already last week
        Assert.True(Newly("1", "MAZL-LONG"));    // the 7th consecutive sick day was 25 Nov
        Assert.False(Newly("2", "LATE-REP"));
    }

    /// <summary>
    /// A chain of weekly runs, each with the one before, over the same data: a run in the autumn holiday, a week
    /// skipped, pupils without any registration yet (no pupil list). Its weeks in tier are the replay's, computed
    /// without any earlier run, and so is the change of tier wherever the runs are a school week apart. A holiday added
    /// a week to every pupil for good, a skipped week added its weeks to a tier just come back to, and a first
    /// absence was "new" instead of "up" (an adversarial pass).
    /// </summary>
    [Fact]
    public async Task AChainOfRuns_WithAHolidayAndASkippedWeek_CountsWeeksInTierAsTheReplayDoes()
    {
        // 21 November skipped; 26 December in the Christmas holiday, the same school week as 19 December.
        string[] dates = ["2025-11-07", "2025-11-14", "2025-11-28", "2025-12-05", "2025-12-19", "2025-12-26", "2026-01-09"];
        string? previous = null;
        foreach (var (date, i) in dates.Select((d, i) => (d, i)))
        {
            var chained = await Analyze(date, $"keten-{date}", previous);
            var alone = await Pupils(await Analyze(date, $"los-{date}"));
            var now = await Pupils(chained);
            Assert.Equal(alone.Keys.Order(), now.Keys.Order());
            foreach (var (key, row) in now)
            {
                Assert.True(Equals(alone[key]["weeks_in_tier"], row["weeks_in_tier"]), $"{date} pupil {key}: {row["weeks_in_tier"]} weeks, alone {alone[key]["weeks_in_tier"]}");
                if (i > 0 && date is not ("2025-11-28" or "2025-12-26"))
                    Assert.True(Equals(alone[key]["tier_change"], row["tier_change"]), $"{date} pupil {key}: {row["tier_change"]}, alone {alone[key]["tier_change"]}");
            }
            previous = chained;
        }
    }

    /// <summary>
    /// A DUO melding of days before last week's run that the run did not list (truancy entered late, or ziek corrected
    /// to ongeoorloofd) is to be filed now: it was shown as the year's history, or, beside an earlier melding, nowhere
    /// (an adversarial pass). One the run listed stays history.
    /// </summary>
    [Fact]
    public async Task AMeldingLastWeeksRunDidNotList_IsDueNow_AndOneItListed_IsNot()
    {
        // Pupil 7: unauthorised 10-12 November, in both exports. Pupil 8: 17-19 November, in this week's export only.
        string[] Rows(bool late) => ["pupil_id;date;slot;status",
            .. new[] { "2025-11-10", "2025-11-11", "2025-11-12" }.Select(d => $"7;{d};;unauthorized"),
            .. (late ? new[] { "2025-11-17", "2025-11-18", "2025-11-19" } : []).Select(d => $"8;{d};;unauthorized"),
            "8;2025-11-03;1;late"];
        async Task<string> Run(string asOf, bool late, string? previous)
        {
            var export = Path.Combine(_dir.FullName, $"duo-{asOf}.csv");
            File.WriteAllLines(export, Rows(late));
            var output = Path.Combine(_dir.FullName, "duo", asOf);
            await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D(asOf), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = previous, Charts = false });
            return output;
        }
        var week1 = await Run("2025-11-21", late: false, previous: null);
        var path = Path.Combine(_dir.FullName, "duo-2025-11-28.csv");
        File.WriteAllLines(path, Rows(late: true));
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [path], AsOf = D("2025-11-28"), OutputDirectory = Path.Combine(_dir.FullName, "duo", "2025-11-28"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = week1, Charts = false });

        var actions = AanwezigheidsAnalyse.Output.ActionLists.Of(run);
        var due = actions.Duo.ToDictionary(s => run.Keys[s.Pupil], s => actions.DueNow(s)?.Evidence.Select(e => e.First.ToString("dd-MM", null)).ToList());
        Assert.Null(due["7"]); // listed last week: history
        Assert.Equal(["17-11"], due["8"]); // entered late: to file now
    }

    /// <summary>
    /// Against last week's run: a pupil in none of this week's inputs (taken off the list without a date, renumbered) and
    /// a DUO melding a correction undid (ongeoorloofd became ziek) were on no list and in no message; a tier-3 pupil
    /// vanished without a word (an adversarial pass). Both are now listed and warned of; with the same inputs, neither.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APupilGoneFromEveryInput_AndAMeldingACorrectionUndid_AreSaid(bool corrected)
    {
        // Pupil 7: unauthorised 10-12 November (17.5 hours, a melding). Pupil 9: sick every day of 17-21 November.
        // This week: pupil 7's days corrected to sick, and pupil 9 out of the export and off the list.
        string[] Rows(bool week2) => ["pupil_id;date;slot;status",
            .. new[] { "2025-11-10", "2025-11-11", "2025-11-12" }.Select(d => $"7;{d};;{(week2 && corrected ? "sick" : "unauthorized")}"),
            .. (week2 && corrected ? [] : new[] { "2025-11-17", "2025-11-18", "2025-11-19", "2025-11-20", "2025-11-21" }).Select(d => $"9;{d};;sick"),
            "8;2025-11-03;1;late"];
        string[] List(bool week2) => ["pupil_id;enrolled_from", "7;2025-08-01", "8;2025-08-01", .. week2 && corrected ? Array.Empty<string>() : ["9;2025-08-01"]];
        var folder = Path.Combine(_dir.FullName, $"gone-{corrected}");
        AnalyzeOptions Options(string asOf, bool week2, string? previous)
        {
            Directory.CreateDirectory(folder);
            var export = Path.Combine(folder, $"export-{asOf}.csv");
            var list = Path.Combine(folder, $"list-{asOf}.csv");
            File.WriteAllLines(export, Rows(week2));
            File.WriteAllLines(list, List(week2));
            return new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D(asOf), OutputDirectory = Path.Combine(folder, asOf), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = previous, Charts = false };
        }
        var week1 = Options("2025-11-21", week2: false, previous: null);
        await Analysis.RunAsync(week1);
        var before = await Pupils(week1.OutputDirectory);
        Assert.True((int)before["9"]["tier"]! >= 2);

        using var run = await Analysis.PrepareAsync(Options("2025-11-28", week2: true, previous: week1.OutputDirectory));
        var actions = AanwezigheidsAnalyse.Output.ActionLists.Of(run);

        if (!corrected)
        {
            Assert.Empty(actions.Missing);
            Assert.Empty(actions.Withdrawn);
            Assert.Empty(run.Warnings);
            return;
        }
        var missing = Assert.Single(actions.Missing);
        Assert.Equal(("9", (int)before["9"]["tier"]!), (missing.PupilKey, (int)missing.Tier));
        var withdrawn = Assert.Single(actions.Withdrawn);
        Assert.Equal(("7", D("2025-11-10"), D("2025-11-12")), (run.Keys[withdrawn.Pupil], withdrawn.First, withdrawn.Last));
        Assert.Equal(2, run.Warnings.Count);
        Assert.Contains("trede 2 of 3", run.Warnings[0]);
        Assert.Contains("DUO-melding", run.Warnings[1]);
    }

    /// <summary>
    /// A melding nobody corrected is not "withdrawn" when LPW-16U lapses, 4 school weeks after it: the list compared
    /// with the meldingen of an LPW-16U that holds, and from then on every melding of the pupil was said to be
    /// corrected, with the advice to withdraw it at DUO (a review). A chain of weekly runs, each with last week's folder.
    /// </summary>
    [Fact]
    public async Task AMeldingNobodyCorrected_IsNotWithdrawn_WhenLpw16uLapses()
    {
        var export = Path.Combine(_dir.FullName, "lapse.csv");
        File.WriteAllLines(export, ["pupil_id;date;slot;status", .. new[] { "2025-09-15", "2025-09-16", "2025-09-17", "2025-09-18", "2025-09-19" }.Select(d => $"5;{d};;unauthorized"), "6;2025-09-15;1;late"]);
        string? previous = null;
        var lapsed = false;
        foreach (var asOf in new[] { "2025-09-26", "2025-10-03", "2025-10-10", "2025-10-17", "2025-10-31", "2025-11-07" })
        {
            var options = new AnalyzeOptions { Inputs = [export], AsOf = D(asOf), OutputDirectory = Path.Combine(_dir.FullName, "lapse", asOf), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = previous, Charts = false };
            using var run = await Analysis.PrepareAsync(options);
            Assert.Empty(run.Transitions.Withdrawn);
            Assert.DoesNotContain(run.Warnings, w => w.Contains("DUO", StringComparison.Ordinal));
            lapsed |= !run.Evaluation.MetArray[run.Keys.ToList().IndexOf("5")].Contains(AanwezigheidsAnalyse.Rules.CriterionId.Lpw16u);
            await Analysis.WriteAsync(run, options);
            previous = options.OutputDirectory;
        }
        Assert.True(lapsed); // the chain reached the weeks after LPW-16U lapsed
    }

    /// <summary>
    /// Last week's run lists a pupil's meldingen only while LPW-16U holds. A September melding, filed then, came back
    /// under "report now" in November when a new melding made LPW-16U hold again; a pupil who left before a holiday
    /// came back under "left since last week", its melding under "report now", in every holiday run; and a last week
    /// without signals.parquet made every criterion and melding of the year new (an adversarial pass of the chain).
    /// </summary>
    [Fact]
    public async Task AFiledMelding_IsNotDueAgain_NorALeaverInAHoliday_AndLastWeekNeedsItsSignals()
    {
        // Pupil 5: unauthorised 15-17 September and 24-26 November. Pupil 6: unauthorised 8-10 December, leaves on 10 December.
        var export = Path.Combine(_dir.FullName, "filed.csv");
        File.WriteAllLines(export, ["pupil_id;date;slot;status",
            .. new[] { "2025-09-15", "2025-09-16", "2025-09-17", "2025-11-24", "2025-11-25", "2025-11-26" }.Select(d => $"5;{d};;unauthorized"),
            .. new[] { "2025-12-08", "2025-12-09", "2025-12-10" }.Select(d => $"6;{d};;unauthorized"), "7;2025-09-15;1;late"]);
        var list = Path.Combine(_dir.FullName, "filed-list.csv");
        File.WriteAllLines(list, ["pupil_id;enrolled_from;enrolled_until", "5;2025-08-01;", "6;2025-08-01;2025-12-10", "7;2025-08-01;"]);
        AnalyzeOptions Options(string asOf, string? previous) => new() { Inputs = [export], PupilsFile = list, AsOf = D(asOf), OutputDirectory = Path.Combine(_dir.FullName, "filed", asOf), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = previous, Charts = false };
        async Task<(AanwezigheidsAnalyse.Output.AnalysisRun Run, AanwezigheidsAnalyse.Output.ActionLists Actions)> Week(string asOf, string? previous)
        {
            var run = await Analysis.PrepareAsync(Options(asOf, previous));
            return (run, AanwezigheidsAnalyse.Output.ActionLists.Of(run));
        }
        List<string> Due(AanwezigheidsAnalyse.Output.AnalysisRun run, AanwezigheidsAnalyse.Output.ActionLists actions, string pupil) =>
            [.. actions.Duo.Where(s => run.Keys[s.Pupil] == pupil).Select(actions.DueNow).OfType<AanwezigheidsAnalyse.Rules.Signal>().SelectMany(s => s.Evidence).Select(e => e.First.ToString("dd-MM", null))];

        await Analysis.RunAsync(Options("2025-11-21", null)); // LPW-16U of September has lapsed: no signal
        var (november, actions) = await Week("2025-11-28", Options("2025-11-21", null).OutputDirectory);
        using (november)
            Assert.Equal(["24-11"], Due(november, actions, "5"));

        await Analysis.RunAsync(Options("2025-12-12", null));
        await Analysis.RunAsync(Options("2025-12-19", Options("2025-12-12", null).OutputDirectory));
        var (christmas, holiday) = await Week("2025-12-26", Options("2025-12-19", null).OutputDirectory);
        using (christmas)
        {
            Assert.Empty(holiday.Left);
            Assert.Empty(Due(christmas, holiday, "6"));
        }

        var withoutSignals = Options("2025-12-12", null).OutputDirectory;
        File.Delete(Path.Combine(withoutSignals, "signals.parquet"));
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.PrepareAsync(Options("2025-12-19", withoutSignals)));
        Assert.Equal(Setting.Previous, error.About);
    }

    /// <summary>
    /// Last week under another policy counted its DUO meldingen by other rules: a policy of 20 hours said last week's
    /// 16-hour melding was "corrected" and to be withdrawn (an adversarial pass). Only the note on the policy is said.
    /// </summary>
    [Fact]
    public async Task AMeldingOfAnotherPolicy_IsNotWithdrawn()
    {
        var export = Path.Combine(_dir.FullName, "policy.csv");
        File.WriteAllLines(export, ["pupil_id;date;slot;status", .. new[] { "2025-11-10", "2025-11-11", "2025-11-12" }.Select(d => $"7;{d};;unauthorized"), "8;2025-11-03;1;late"]);
        var policy = Path.Combine(_dir.FullName, "twintig-uur.json");
        var kearney = File.ReadAllText(Path.Combine(AanwezigheidsAnalyse.Tests.Library.LayeringTest.RepositoryRoot(), "src", "AanwezigheidsAnalyse", "Resources", "policies", "kearney-nl.json"));
        File.WriteAllText(policy, kearney.Replace("\"hours\": 16", "\"hours\": 20", StringComparison.Ordinal).Replace("\"name\": \"kearney-nl\"", "\"name\": \"twintig-uur\"", StringComparison.Ordinal));
        AnalyzeOptions Options(string asOf, string? previous, string policyName) => new() { Inputs = [export], AsOf = D(asOf), OutputDirectory = Path.Combine(_dir.FullName, "policy", asOf), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = previous, Policy = policyName, Charts = false };
        await Analysis.RunAsync(Options("2025-11-21", null, "kearney-nl"));

        using var run = await Analysis.PrepareAsync(Options("2025-11-28", Options("2025-11-21", null, "kearney-nl").OutputDirectory, policy));

        Assert.Empty(run.Transitions.Withdrawn);
        Assert.DoesNotContain(run.Warnings, w => w.Contains("DUO", StringComparison.Ordinal));
        Assert.Contains(run.Notes, n => n.Contains("twintig-uur", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_WithoutPrevious_ComparesWithLastSchoolWeek()
    {
        var now = await Pupils(await Analyze("2025-11-28", "replay"));
        Assert.Equal(2, now["1"]["previous_tier"]);
        Assert.Equal("up", now["1"]["tier_change"]);
        // Pupil 3 has been tier 1 since the school year started: 12 school weeks up to 28 Nov.
        Assert.Equal(1, now["3"]["tier"]);
        Assert.Equal(12, now["3"]["weeks_in_tier"]);
    }

    /// <summary>
    /// Last school year's run named with --previous for a run of this year is not compared with, as a folder of last
    /// year found by its name is not: the run is the one without --previous, with a note why. Compared, September's
    /// lists lost a pupil late again and said "a tier lower" of a third of the school (an adversarial pass).
    /// </summary>
    [Fact]
    public async Task LastSchoolYearsRun_NamedAsPrevious_IsNotComparedWith()
    {
        var files = AanwezigheidsAnalyse.Synthetic.Generator.Write(new AanwezigheidsAnalyse.Synthetic.GeneratorOptions { Pupils = 150, Seed = 7, SchoolYear = new AanwezigheidsAnalyse.Calendar.SchoolYear(2025), Years = 2 }, Path.Combine(_dir.FullName, "y.csv"), null);
        AnalyzeOptions Options(int year, string asOf, string name, string? previous = null) => new()
        {
            Inputs = [files[year].Path],
            AsOf = D(asOf),
            OutputDirectory = Path.Combine(_dir.FullName, name),
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            PreviousDirectory = previous,
            Charts = false,
            Language = Language.English,
        };
        await Analysis.RunAsync(Options(0, "2026-07-10", "juli"));
        var without = await Analysis.RunAsync(Options(1, "2026-09-18", "zonder"));
        var named = await Analysis.RunAsync(Options(1, "2026-09-18", "met", previous: Path.Combine(_dir.FullName, "juli")));

        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir.FullName, "zonder", "pupils.parquet")), File.ReadAllBytes(Path.Combine(_dir.FullName, "met", "pupils.parquet")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir.FullName, "zonder", "signals.parquet")), File.ReadAllBytes(Path.Combine(_dir.FullName, "met", "signals.parquet")));
        Assert.Contains(named.Summary, line => line.Contains("was not used: that run is of 2026-07-10, of an earlier school year; this run is of school year 2026-2027", StringComparison.Ordinal));
        Assert.DoesNotContain(without.Summary, line => line.Contains("earlier school year", StringComparison.Ordinal));
    }

    /// <summary>
    /// A pupil who joined after last week's run is new, also when a week nobody ran lies between: it was "same" in tier 1,
    /// taken from the replay of the school week before T, which had it already (an adversarial pass of the weekly chain).
    /// </summary>
    [Fact]
    public async Task APupilWhoJoinedInAWeekNobodyRan_IsNew()
    {
        var export = Path.Combine(_dir.FullName, "school.csv");
        var list = Path.Combine(_dir.FullName, "leerlingen.csv");
        AanwezigheidsAnalyse.Synthetic.Generator.Write(new AanwezigheidsAnalyse.Synthetic.GeneratorOptions { Pupils = 400, Seed = 7, SchoolId = "12AB", Until = D("2025-11-07") }, export, list);
        async Task<string> Run(string asOf, string? previous = null)
        {
            var output = Path.Combine(_dir.FullName, "uitvoer", asOf);
            await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = D(asOf), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, PreviousDirectory = previous, Charts = false });
            return output;
        }
        var october = await Run("2025-10-17");
        var now = (await ParquetDump.RowsAsync(Path.Combine(await Run("2025-11-07", october), "pupils.parquet"))).ToList();

        var joined = now.Where(r => r["enrolled_from"] is DateTime from && from > new DateTime(2025, 10, 17)).ToList();
        Assert.NotEmpty(joined); // the case is tested
        Assert.All(joined, r => Assert.Equal(("new", (object?)null), ((string?)r["tier_change"], r.GetValueOrDefault("previous_tier"))));
        Assert.Contains(now, r => r["enrolled_from"] is DateTime from && from <= new DateTime(2025, 10, 17) && r.GetValueOrDefault("previous_tier") is not null);
    }

    [Fact]
    public async Task Weekly_ReplaysEverySchoolWeek_WithTiersAndAbsencePerWeek()
    {
        var weeks = await ParquetDump.RowsAsync(Path.Combine(await Analyze("2025-11-28", "weekly"), "weekly.parquet"));
        Assert.Equal(12, weeks.Count); // 1 Sep … 28 Nov: 13 calendar weeks, the herfstvakantie skipped
        Assert.Equal(["2025-W36", "2025-W37"], weeks.Take(2).Select(w => (string)w["week"]!));
        var last = weeks[^1];
        Assert.Equal("2025-W48", last["week"]);
        Assert.Equal(new DateTime(2025, 11, 28), last["week_end"]);
        Assert.Equal(3, last["pupils"]);
        Assert.Equal(1, last["pupils_tier_3"]);
        Assert.Equal(1, last["pupils_late_rep"]);
        // Week 48: pupil 1 sick all 5 days of 3 × 5 × 350 scheduled minutes.
        Assert.Equal(3L * 5 * 350, last["scheduled_minutes"]);
        Assert.Equal(5.0 * 350 / (3 * 5 * 350), (double)last["sick_rate"]!, 6);
        var november3 = weeks.Single(w => (string)w["week"]! == "2025-W45");
        Assert.Equal(50L, november3["absent_minutes"]);
    }

    [Fact]
    public async Task Partitioned_WritesHiveStyleDatasets_WithoutThePartitionColumnsInTheFiles()
    {
        var output = await Analyze("2025-11-28", "partitioned", partitioned: true);
        var file = Path.Combine(output, "datasets", "pupils", "school_id=__HIVE_DEFAULT_PARTITION__", "as_of=2025-11-28", "part-0.parquet");
        Assert.True(File.Exists(file));
        var rows = await ParquetDump.RowsAsync(file);
        Assert.Equal(3, rows.Count);
        Assert.DoesNotContain("school_id", rows[0].Keys);
        Assert.DoesNotContain("as_of", rows[0].Keys);
        Assert.True(File.Exists(Path.Combine(output, "datasets", "weekly", "school_id=__HIVE_DEFAULT_PARTITION__", "as_of=2025-11-28", "part-0.parquet")));
        Assert.True(File.Exists(Path.Combine(output, "datasets", "signals", "school_id=__HIVE_DEFAULT_PARTITION__", "as_of=2025-11-28", "part-0.parquet")));
    }
}
