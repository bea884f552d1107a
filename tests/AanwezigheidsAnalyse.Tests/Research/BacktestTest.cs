using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Research;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tests.Support;
using AanwezigheidsAnalyse.Tiering;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Outcome = AanwezigheidsAnalyse.Research.Outcome;

namespace AanwezigheidsAnalyse.Tests.Research;

/// <summary>
/// backtest (issue 12): every number equals a naive recomputation that calls the rules at each as-of date one by
/// one; the flagged counts equal what analyze at that date reports; and whatever the data, horizon and step, lead
/// times are never negative and precision and recall stay within [0, 1].
/// </summary>
public sealed class BacktestTest : TempFolder
{
    private static readonly string[] Policies = ["kearney-nl", "attendance-works"];

    private string Export(int seed, int pupils = 240)
    {
        var path = PathOf($"jaar-{seed}-{pupils}.csv");
        if (!File.Exists(path))
            Generator.Write(new GeneratorOptions { Pupils = pupils, Schools = 2, Seed = seed }, path, null);
        return path;
    }

    [Fact]
    public void NobodyReachingTheOutcome_IsSaid_OnlyThen()
    {
        // One pupil, sick now and then: never four school weeks below half (the example of the closing note of
        // 2026-12-03: a backtest of one pupil gave an empty precision and recall, and a blank chart, without a word).
        var path = PathOf("een.csv");
        File.WriteAllLines(path, ["school_id,pupil_id,group,date,slot,status", "00AA,1001,2a,2025-09-15,,sick", "00AA,1001,2a,2025-11-03,,sick", "00AA,1001,2a,2026-02-02,,sick"]);
        BacktestResult Run(string export) => Backtest.Run(new BacktestOptions
        {
            Input = new LoadOptions { Inputs = [export], AsOf = new LocalDate(2026, 7, 17) },
            From = new LocalDate(2025, 9, 19),
            To = new LocalDate(2026, 3, 27),
            Outcome = Outcome.Lr50,
        });

        var lonely = Run(path);
        var school = Run(Export(seed: 21, pupils: 800));

        Assert.All(lonely.Rows, r => Assert.Equal(0, r.Positives));
        Assert.Contains(lonely.Notes, n => n.StartsWith("Geen enkele leerling kreeg de uitkomst (lr50) nieuw binnen 8 schoolweken", StringComparison.Ordinal));
        Assert.Contains(school.Rows, r => r.Positives > 0);
        Assert.DoesNotContain(school.Notes, n => n.StartsWith("Geen enkele leerling", StringComparison.Ordinal));
    }

    [Fact]
    public void Absence10_HoldsFromTheWeekTheYearStaysAt10Percent_ToTheLastWeekOnTheRoll()
    {
        // A generated school with its pupil list: some pupils leave during the year, and a pupil who left with 10 %
        // absence or more reached the outcome (a weekly backtest lost them, walking back from weeks after leaving).
        var export = PathOf("met-lijst.csv");
        var list = PathOf("met-lijst-leerlingen.csv");
        Generator.Write(new GeneratorOptions { Pupils = 1200, Seed = 5 }, export, list);
        var ledger = Exports.Load(new LoadOptions { Inputs = [export], PupilsFile = list, AsOf = new LocalDate(2026, 7, 17) }).Ledger;
        var calendar = ledger.Calendar;
        var weeks = calendar.WeekOf(calendar.LastOnOrBefore(new LocalDate(2026, 7, 17))) + 1;
        var weekEnds = Enumerable.Range(0, weeks).Select(w => new AsOf(calendar, calendar.Date(calendar.WeekLastDay(w)))).ToArray();

        // The naive side: the year-to-date rate at every week's end while on the roll, by Evaluation.At.
        var rates = weekEnds.Select(end => Evaluation.At(ledger, Policy.Default, end.Date)).Select(at =>
            Enumerable.Range(0, ledger.PupilCount).Select(p => at.Tiers[p] is not null && at.Results[p].Ytd.Scheduled > 0 ? at.Results[p].Ytd.Rate() : (double?)null).ToArray()).ToArray();
        var rules = (new RulesEngine(Policy.Default), new TierEvaluator(Policy.Default));
        var facts = rules.Item1.NewFacts(ledger);
        var leaversWithTheOutcome = 0;
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var lastOnRoll = Enumerable.Range(0, weeks).Last(w => ledger.Enrolment(p).Last >= calendar.WeekFirstDay(w)); // by the dates
            var from = lastOnRoll;
            while (from >= 0 && rates[from][p] >= 0.10)
                from--;
            var expected = from == lastOnRoll ? -1 : from + 1;
            Assert.Equal(expected, Backtest.OutcomeWeek(rules, facts, p, weekEnds, Outcome.Absence10));
            leaversWithTheOutcome += expected >= 0 && lastOnRoll < weeks - 1 ? 1 : 0;
        }
        Assert.True(leaversWithTheOutcome > 0, "no pupil left with the outcome: the case is not tested");
    }

    [Theory]
    [InlineData(Outcome.Lr50)]
    [InlineData(Outcome.Tier3)]
    public async Task EveryNumber_EqualsTheRulesCalledDateByDate(Outcome outcomeOf)
    {
        // With the pupil list: pupils who come later in the year, or leave, are not on the roll at every date.
        var (export, list) = (PathOf("met-lijst.csv"), PathOf("met-lijst-leerlingen.csv"));
        if (!File.Exists(export))
            Generator.Write(new GeneratorOptions { Pupils = 800, Schools = 2, Seed = 21 }, export, list);
        var input = new LoadOptions { Inputs = [export], PupilsFile = list, AsOf = new LocalDate(2026, 7, 17) };
        var options = new BacktestOptions { Input = input, From = new LocalDate(2025, 10, 27), To = new LocalDate(2026, 4, 24), Policies = Policies, Outcome = outcomeOf, Horizon = 6, EveryWeeks = 2 };

        var result = Backtest.Run(options);

        // The naive side: the ledger of the whole year, and Evaluation.At at the end of every school week.
        var ledger = Exports.Load(input).Ledger;
        var calendar = ledger.Calendar;
        var lastWeek = calendar.WeekOf(calendar.LastOnOrBefore(new LocalDate(2026, 7, 17)));
        var weekEnd = Enumerable.Range(0, lastWeek + 1).Select(w => calendar.Date(calendar.WeekLastDay(w))).ToList();
        // On the roll at a week's end: enrolled by then, and not gone before the week began.
        bool OnRoll(int p, int w) => ledger.Enrolment(p) is { IsEmpty: false } e && e.First <= calendar.WeekLastDay(w) && e.Last >= calendar.WeekFirstDay(w);
        Assert.Contains(Enumerable.Range(0, ledger.PupilCount), p => Enumerable.Range(0, weekEnd.Count).Any(w => !OnRoll(p, w))); // the case is tested
        var outcome = new int[ledger.PupilCount];
        Array.Fill(outcome, -1);
        for (var w = 0; w < weekEnd.Count; w++)
        {
            var atW = Evaluation.At(ledger, Policy.Default, weekEnd[w]);
            for (var p = 0; p < ledger.PupilCount; p++)
            {
                if (outcome[p] < 0 && OnRoll(p, w) && (outcomeOf == Outcome.Lr50 ? atW.Results[p].Met.Contains(CriterionId.Lr50) : atW.Tiers[p] == Tier.Three))
                    outcome[p] = w;
            }
        }
        Assert.Contains(outcome, o => o >= 0); // the year has LR-50 pupils to score against
        Assert.Contains(result.Rows, r => r.TruePositives > 0);

        foreach (var name in Policies)
        {
            var policy = Policy.Load(name);
            var byWeek = weekEnd.Select(d => Evaluation.At(ledger, policy, d)).ToList();
            bool Flagged(string criterion, int pupil, int week) => criterion switch
            {
                "TIER-2+" => byWeek[week].Tiers[pupil] >= Tier.Two,
                "TIER-3" => byWeek[week].Tiers[pupil] == Tier.Three,
                _ => byWeek[week].Results[pupil].Met.Contains(CriterionIds.All.Single(id => id.Code() == criterion)),
            };
            foreach (var row in result.Rows.Where(r => r.Policy == name))
            {
                var t = weekEnd.IndexOf(row.AsOf);
                Assert.True(t >= 0, $"{row.AsOf} is a week's end");
                var pupils = Enumerable.Range(0, ledger.PupilCount).ToList();
                var flagged = pupils.Where(p => OnRoll(p, t) && Flagged(row.Criterion, p, t)).ToList();
                var eligible = flagged.Where(p => outcome[p] < 0 || outcome[p] > t).ToList();
                var positives = pupils.Count(p => OnRoll(p, t) && outcome[p] > t && outcome[p] <= t + 6);
                var hits = eligible.Where(p => outcome[p] > t && outcome[p] <= t + 6).ToList();
                var leads = hits.Select(p => outcome[p] - Enumerable.Range(0, t + 1).First(w => OnRoll(p, w) && Flagged(row.Criterion, p, w))).Order().ToList();

                Assert.Equal((flagged.Count, eligible.Count, hits.Count, positives), (row.Flagged, row.FlaggedEligible, row.TruePositives, row.Positives));
                Assert.Equal(eligible.Count > 0 ? (double)hits.Count / eligible.Count : null, row.Precision);
                Assert.Equal(positives > 0 ? (double)hits.Count / positives : null, row.Recall);
                Assert.Equal(leads.Count > 0 ? (leads[(leads.Count - 1) / 2] + leads[leads.Count / 2]) / 2.0 : null, row.LeadTimeWeeksMedian);
            }
        }

        // analyze at one of the dates, reading only what was there then, counts the same pupils per criterion.
        var date = result.AsOfDates[2];
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = input.Inputs, AsOf = date, OutputDirectory = PathOf("uit"), Charts = false });
        foreach (var row in result.Rows.Where(r => r.AsOf == date && r.Policy == "kearney-nl"))
        {
            var analysed = row.Criterion switch
            {
                "TIER-2+" => run.Evaluation.Count(Tier.Two) + run.Evaluation.Count(Tier.Three),
                "TIER-3" => run.Evaluation.Count(Tier.Three),
                _ => run.Signals.Count(s => s.Criterion.Code() == row.Criterion),
            };
            Assert.Equal(analysed, row.Flagged);
        }
    }

    [Fact]
    public void ARangeOverTwoSchoolYears_IsEachYearOnItsOwn_Together()
    {
        var files = Generator.Write(new GeneratorOptions { Pupils = 300, Schools = 2, Seed = 4, SchoolYear = new AanwezigheidsAnalyse.Calendar.SchoolYear(2024), Years = 2 }, PathOf("y.csv"), null);
        var input = new LoadOptions { Inputs = [.. files.Select(f => f.Path)], AsOf = new LocalDate(2026, 7, 17) };
        BacktestResult Run(LocalDate from, LocalDate to) => Backtest.Run(new BacktestOptions { Input = input, From = from, To = to, Policies = Policies, Outcome = Outcome.Tier3, Horizon = 4, EveryWeeks = 3 });

        var both = Run(new LocalDate(2024, 10, 4), new LocalDate(2026, 3, 27));
        var first = Run(new LocalDate(2024, 10, 4), new LocalDate(2025, 7, 31));
        var second = Run(new LocalDate(2025, 8, 1), new LocalDate(2026, 3, 27));

        Assert.Equal([.. first.Rows, .. second.Rows], both.Rows);
        Assert.Contains(both.AsOfDates, d => d.Year == 2024);
        Assert.Contains(both.AsOfDates, d => d.Year == 2026);
        Assert.All(both.LeadTimes, t => Assert.Equal(
            first.LeadTimes.Single(f => f.Policy == t.Policy && f.Criterion == t.Criterion).Missed + second.LeadTimes.Single(f => f.Policy == t.Policy && f.Criterion == t.Criterion).Missed, t.Missed));

        // A range into the next year's summer holiday (Midden 2025: to 31 August) is the first year alone: the part in
        // which no school week ends failed the whole range (an adversarial pass).
        Assert.Equal(first.Rows, Run(new LocalDate(2024, 10, 4), new LocalDate(2025, 8, 20)).Rows);
        // As is a range from the summer holiday before it.
        Assert.Equal(second.Rows, Run(new LocalDate(2025, 7, 21), new LocalDate(2026, 3, 27)).Rows);
    }

    /// <summary>
    /// An export made on any day of a week scores what the whole year scores at every as-of date it scores: a week the
    /// data end within is no data. An export of a Wednesday scored the week before as if Thursday and Friday were
    /// attended, with half the positives of tier 3 in a horizon of one week (an adversarial pass).
    /// </summary>
    [Fact]
    public void AnExportEndingMidWeek_ScoresOnlyWhatTheWholeYearScores()
    {
        var full = PathOf("tot-20-maart.csv");
        Generator.Write(new GeneratorOptions { Pupils = 800, Schools = 2, Seed = 21, Until = new LocalDate(2026, 3, 20) }, full, null);
        var lines = File.ReadAllLines(full);
        var date = Array.IndexOf(lines[0].Split(','), "date");
        BacktestResult Run(string export) => Backtest.Run(new BacktestOptions
        {
            Input = new LoadOptions { Inputs = [export], AsOf = new LocalDate(2026, 7, 17) },
            From = new LocalDate(2026, 1, 16),
            To = new LocalDate(2026, 3, 13),
            Policies = Policies,
            Outcome = Outcome.Tier3,
            Horizon = 1,
        });
        var whole = Run(full).Rows.ToDictionary(r => (r.AsOf, r.Policy, r.Criterion));
        Assert.Contains(whole.Values, r => r.AsOf == new LocalDate(2026, 3, 6) && r.Criterion == "TIER-3" && r.Positives > 0); // the case is tested

        for (var end = new LocalDate(2026, 3, 9); end <= new LocalDate(2026, 3, 13); end = end.PlusDays(1))
        {
            var cut = PathOf($"tot-{end:MM-dd}.csv");
            var last = end.ToString("yyyy-MM-dd", null);
            File.WriteAllLines(cut, lines.Where((line, i) => i == 0 || string.CompareOrdinal(line.Split(',')[date], last) <= 0));
            var result = Run(cut);
            Assert.All(result.Rows, r => Assert.Equal(whole[(r.AsOf, r.Policy, r.Criterion)], r));
            var friday = end.DayOfWeek == IsoDayOfWeek.Friday;
            Assert.Equal(friday, result.Rows.Any(r => r.AsOf == new LocalDate(2026, 3, 6)));
            Assert.Equal(!friday, result.Notes.Any(n => n.StartsWith($"De data lopen tot {end.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}, voor het eind van die schoolweek", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void LeadTimes_AreNeverNegative_PrecisionAndRecall_StayWithinZeroAndOne()
    {
        var outcomes = Enum.GetValues<Outcome>();
        var cases = from seed in Gen.Choose(1, 4)
                    from horizon in Gen.Choose(1, 12)
                    from every in Gen.Choose(1, 3)
                    from outcome in Gen.Choose(0, outcomes.Length - 1)
                    select (seed, horizon, every, outcome);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (seed, horizon, every, outcome) = c;
            var result = Backtest.Run(new BacktestOptions
            {
                Input = new LoadOptions { Inputs = [Export(seed, pupils: 120)], AsOf = new LocalDate(2026, 7, 17) },
                From = new LocalDate(2025, 9, 15),
                To = new LocalDate(2026, 3, 27),
                Policies = Policies,
                Outcome = outcomes[outcome],
                Horizon = horizon,
                EveryWeeks = every,
            });
            Assert.All(result.Rows, r =>
            {
                Assert.InRange(r.Precision ?? 0, 0, 1);
                Assert.InRange(r.Recall ?? 0, 0, 1);
                Assert.InRange(r.LeadTimeWeeksMedian ?? 1, 1, 52); // the outcome comes after the as-of date, the first flag at or before it
                Assert.InRange(r.TruePositives, 0, Math.Min(r.FlaggedEligible, r.Positives));
                Assert.InRange(r.FlaggedEligible, 0, r.Flagged);
                Assert.InRange(r.Jaccard ?? 0, 0, 1);
            });
            Assert.All(result.LeadTimes, l => Assert.Equal(0, l.Pupils[0])); // a flag in the outcome's own week is no warning
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(12));
    }

    [Theory]
    [InlineData("--from", "2026-03-01", "--to", "2025-12-01")]
    [InlineData("--from", "2025-06-01", "--to", "2025-12-01")]
    [InlineData("--horizon", "0")]
    [InlineData("--every", "x")]
    [InlineData("--every", "0w")]
    [InlineData("--outcome", "verzuim")]
    [InlineData("--policy", "kearney-nl", "--policy", "kearney-nl")]
    [InlineData("--policy", "geen-beleid")]
    [InlineData("--from", "2026-07-10", "--to", "2026-07-17")]
    [InlineData("--from", "9999-08-02", "--to", "9999-09-01")] // was an internal error: year 10000
    [InlineData("--from", "2025-11-03", "--to", "2025-11-06")] // Monday to Thursday: no week ends within
    public async Task AMistake_IsExit2_WithAMessage_AndNothingWritten(params string[] mistake)
    {
        var export = Export(seed: 5, pupils: 60);
        string[] defaults = ["--from", "2025-10-03", "--to", "2026-02-27"];
        var given = mistake.Where((_, i) => i % 2 == 0).ToHashSet();
        var arguments = defaults.Chunk(2).Where(pair => !given.Contains(pair[0])).SelectMany(pair => pair).Concat(mistake).ToArray();

        var run = await CliProcess.RunAsync(Path.GetDirectoryName(export)!, ["backtest", export, "--out", PathOf("bt"), .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(run.Error));
        Assert.False(Directory.Exists(PathOf("bt")));
    }

    /// <summary>
    /// Every as-of date lies within --from … --to: a --from in the autumn holiday took the Friday before it, a --to on a
    /// Wednesday that week's Friday (an adversarial pass). A date on a week's last school day is that week's.
    /// </summary>
    [Theory]
    [InlineData("2025-10-22", "2026-03-04", "2025-10-31", "2026-02-27")] // holiday (Midden: 18-26 Oct) … a Wednesday
    [InlineData("2025-10-03", "2026-02-27", "2025-10-03", "2026-02-27")] // Fridays
    [InlineData("2025-10-04", "2026-03-01", "2025-10-10", "2026-02-27")] // a Saturday … a Sunday
    public void EveryAsOfDate_LiesWithinFromAndTo(string from, string to, string first, string last)
    {
        var result = Backtest.Run(new BacktestOptions
        {
            Input = new LoadOptions { Inputs = [Export(seed: 5, pupils: 60)], AsOf = new LocalDate(2026, 7, 17), Region = global::AanwezigheidsAnalyse.Calendar.Region.Midden },
            From = TestPipeline.D(from),
            To = TestPipeline.D(to),
            Policies = ["kearney-nl"],
            Outcome = Outcome.Tier3,
            Horizon = 4,
        });

        Assert.Equal(TestPipeline.D(first), result.AsOfDates[0]);
        Assert.Equal(TestPipeline.D(last), result.AsOfDates[^1]);
        Assert.All(result.AsOfDates, d => Assert.InRange(d, TestPipeline.D(from), TestPipeline.D(to)));
    }

    [Fact]
    public async Task TheCommand_WritesItsFiles_AsOneUnit_AndRecordsItsInputs()
    {
        var export = Export(seed: 5, pupils: 60);

        var run = await CliProcess.RunAsync(Path.GetDirectoryName(export)!, "backtest", export, "--from", "2025-10-03", "--to", "2026-02-27", "--every", "2w", "--policy", "kearney-nl", "--policy", "dfe-england", "--outcome", "tier3", "--horizon", "4", "--out", PathOf("bt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["backtest.html", "backtest.json", "backtest.parquet", "lead_times.parquet", "rejects.csv"], Directory.GetFiles(PathOf("bt")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(PathOf("bt"), "backtest.json"))).RootElement;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(export)));
        Assert.Equal(sha, manifest.GetProperty("inputs")[0].GetProperty("sha256").GetString());
        Assert.Equal(2, manifest.GetProperty("policies").GetArrayLength());
        var rows = await ParquetDump.RowsAsync(Path.Combine(PathOf("bt"), "backtest.parquet"));
        // Per as-of date, every criterion each policy switches on, and its two tier rules.
        int Scored(string policy) => Policy.Load(policy).Criteria.Create().Count() + Backtest.TierRules.Length;
        Assert.Equal(manifest.GetProperty("as_of_dates").GetArrayLength() * (Scored("kearney-nl") + Scored("dfe-england")), rows.Count);
    }
}
