using System.Globalization;
using System.Text;
using System.Text.Json;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using NodaTime;

namespace AanwezigheidsAnalyse.Research;

/// <summary>The options of <c>aanwezigheid train</c>.</summary>
public sealed record TrainOptions
{
    /// <summary>The data, as <c>analyze</c> reads it (one school year).</summary>
    public required LoadOptions Input { get; init; }

    /// <summary>The first as-of date of the examples.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The last as-of date of the examples.</summary>
    public required LocalDate To { get; init; }

    /// <summary>What the model warns of.</summary>
    public Outcome Outcome { get; init; } = Outcome.Lr50;

    /// <summary>The outcome counts when it comes within this many school weeks.</summary>
    public int Horizon { get; init; } = 8;

    /// <summary>The seed of ML.NET: the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The share of the as-of weeks, the latest, the model is tested on.</summary>
    public double TestShare { get; init; } = 0.3;

    /// <summary>The schools file (as for trends): the fairness section then compares school types instead of schools.</summary>
    public string? SchoolsFile { get; init; }
}

/// <summary>Precision and recall of a way of flagging, on the test weeks.</summary>
/// <param name="Name">The model, the rules' tier 2+ or a criterion.</param>
/// <param name="Flagged">Pupil-weeks flagged (pupils without the outcome yet).</param>
/// <param name="TruePositives">Of those, the ones reaching the outcome within the horizon.</param>
/// <param name="Precision">True positives ÷ flagged; null when nobody was flagged, as backtest writes it (it read 0).</param>
/// <param name="Recall">True positives ÷ positives.</param>
/// <param name="Warned">Pupils reaching the outcome in the test weeks who were flagged in a test week before it.</param>
/// <param name="LeadTimeWeeksMedian">Of those, school weeks from the first flag in the test weeks to the outcome, median.</param>
public sealed record Flagging(string Name, int Flagged, int TruePositives, double? Precision, double Recall, int Warned, double? LeadTimeWeeksMedian);

/// <summary>What <c>train</c> measured on the test weeks.</summary>
/// <param name="TrainExamples">Pupil-weeks trained on.</param>
/// <param name="TestExamples">Pupil-weeks tested on.</param>
/// <param name="TestPositives">Test pupil-weeks whose pupil reaches the outcome within the horizon.</param>
/// <param name="RocAuc">Area under the ROC curve.</param>
/// <param name="PrAuc">Area under the precision-recall curve.</param>
/// <param name="Model">The model, flagging as many pupils per test week as the rules' tier 2+ does.</param>
/// <param name="Rules">The rules: tier 2 or 3 under the default policy.</param>
/// <param name="Criteria">Every criterion of the default policy on its own.</param>
/// <param name="Calibration">Per tenth of the predicted probability: pupil-weeks, mean predicted, share observed.</param>
/// <param name="PerGroup">Per school type (with a schools file) or per school: test pupil-weeks, positives, the model's and the rules' recall.</param>
public sealed record TrainMetrics(int TrainExamples, int TestExamples, int TestPositives, double RocAuc, double PrAuc, Flagging Model, Flagging Rules,
    IReadOnlyList<Flagging> Criteria, IReadOnlyList<(int Pupils, double Predicted, double Observed)> Calibration,
    IReadOnlyList<(string Group, int Examples, int Positives, double? ModelRecall, double? RulesRecall)> PerGroup)
{
    /// <summary>What the researcher should know of the data: the reading's warnings, weeks that could not be used.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>
/// The early-warning model (README, "The researcher"): ML.NET gradient-boosted trees (FastTree) on <see cref="Features"/>
/// at every as-of week, one example per pupil and week, labelled by the outcome within the horizon. The split is in
/// time: the latest weeks are the test; the training weeks end a horizon before them, so no training label looks into
/// the test weeks and no pupil-week is on both sides. Scored against the rules at the same number of flags.
/// </summary>
public static class Training
{
    /// <summary>One pupil-week.</summary>
    internal sealed class Example
    {
        [VectorType(Research.Features.Count)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class Scored
    {
        public float Probability { get; set; }
    }

    /// <summary>
    /// Saves the model as ML.NET does, with every entry of the zip stamped with one fixed time: ML.NET stamps them with
    /// the time of saving, so the same seed and data gave other bytes (an adversarial pass), and analyze's run.json,
    /// which names the model by its SHA-256, another model. The entries, their order and contents are ML.NET's.
    /// </summary>
    private static void SaveReproducibly(MLContext ml, ITransformer model, DataViewSchema schema, string path)
    {
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        saved.Position = 0;
        using var source = new System.IO.Compression.ZipArchive(saved, System.IO.Compression.ZipArchiveMode.Read);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        using var target = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
            copy.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero); // the earliest a zip can say
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Trains, tests and writes <c>model.zip</c>, <c>metrics.json</c> and <c>model.md</c> into <paramref name="directory"/>, replacing it whole.</summary>
    public static TrainMetrics Run(TrainOptions options, string directory)
    {
        if (options.TestShare is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(options), "the test share lies between 0 and 1");
        if (options.To < options.From)
            throw new UserError(Texts.Research.ToBeforeFrom(options.From, options.To), Setting.Period);
        Disclosure.RefusePathWithBsn(directory, Setting.Output); // the console names it
        using var folder = OutputFolder.Open(directory, [.. options.Input.Files, .. LoadOptions.ExistingOf(options.SchoolsFile)], command: "train");
        // Every school year of the range, one after the other on one axis of weeks: a year's weeks follow the year
        // before after a gap of a horizon, so no label of one year reaches into the next. A pupil of two years is two
        // pupils here, linked by school and pupil number for last year's absence.
        var rules = (Engine: new RulesEngine(Policy.Default), Tiers: new TierEvaluator(Policy.Default));
        var criteria = rules.Engine.Criteria.Select(c => c.Id).ToArray();
        var parts = YearReplay.Parts(options.Input, options.From, options.To);
        var (features, outcome, flags, school) = (new List<float[]?[]>(), new List<int>(), new List<ulong[]>(), new List<string>());
        var trainOutcome = new List<int>(); // the outcome as the training labels may know it
        var asOf = new List<int>();
        var dates = new List<string>();
        var inputs = new List<FileAccount>();
        var yearStarts = new List<int>();
        var timetables = new SortedSet<string>(StringComparer.Ordinal); // what kind of school it learned from (analyze --model compares)
        var notes = new List<string>();
        var primarySchool = false; // the last year's (the test's) data were a primary school's
        Dictionary<(string, string), float> lastYear = [];
        var offset = 0;
        foreach (var (from, to) in parts)
        {
            var year = YearReplay.Load(options.Input, from, to, 1, options.Horizon,
                folder.PathOf(parts.Count == 1 ? "rejects.csv" : $"rejects-{SchoolYear.Containing(from).StartYear}.csv"));
            var (ledger, weekEnds, weeks) = (year.Ledger, year.WeekEnds, year.AsOfWeeks);
            inputs.AddRange(year.Inputs);
            notes.AddRange(year.Notes);
            timetables.Add(ledger.Timetable.Name);
            primarySchool = PrimaryGroups.IsPrimarySchool(ledger);
            var first = asOf.Count;
            yearStarts.Add(first);
            asOf.AddRange(weeks.Select(w => w + offset));
            dates.AddRange(weeks.Select(w => weekEnds[w].Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            var known = lastYear;
            var atWeeks = Features.At(ledger, weekEnds, weeks, p => known.GetValueOrDefault((ledger.SchoolId(p), ledger.PupilId(p)), -1));
            var yearOutcome = new int[ledger.PupilCount];
            var yearTrainOutcome = new int[ledger.PupilCount];
            // Within one year the test weeks are the same pupils later on: a training label reads the weeks up to the
            // end of the last training week's horizon only. "Absence 10 %" holds from a week on to the end of the data,
            // so over the whole year it read the test weeks (an adversarial pass: leaving out April to June changed the
            // model). Over several years the test is the last year, and each year's labels end with that year.
            var labelEnd = parts.Count == 1 && Split(weeks, null, options) is var (_, lastTrain) && lastTrain >= 0
                ? weeks[lastTrain] + options.Horizon : weekEnds.Length - 1;
            var labelWeekEnds = weekEnds[..(labelEnd + 1)];
            var yearFlags = new ulong[ledger.PupilCount][];
            var ytd = new float[ledger.PupilCount];
            PupilRanges.ForEach(ledger.PupilCount, Parallelism.Default, () => (Outcome: rules.Engine.NewFacts(ledger), Rules: rules.Engine.NewFacts(ledger)), (from, to, facts) =>
            {
                for (var p = from; p < to; p++)
                {
                    yearOutcome[p] = Backtest.OutcomeWeek(rules, facts.Outcome, p, weekEnds, options.Outcome);
                    yearTrainOutcome[p] = labelEnd >= weekEnds.Length - 1 ? yearOutcome[p]
                        : options.Outcome == Outcome.Absence10 ? Backtest.OutcomeWeek(rules, facts.Outcome, p, labelWeekEnds, options.Outcome)
                        : yearOutcome[p] <= labelEnd ? yearOutcome[p] : -1; // the first week it holds: the same up to labelEnd
                    yearFlags[p] = new ulong[weeks.Length];
                    for (var j = 0; j < weeks.Length; j++)
                    {
                        rules.Engine.Evaluate(facts.Rules, p, weekEnds[weeks[j]], out var result, rules.Tiers.WindowsRead);
                        if (!facts.Rules.OnRoll)
                            continue;
                        var bits = rules.Tiers.Place(in result) >= Tier.Two ? 1UL : 0;
                        for (var c = 0; c < criteria.Length; c++)
                            bits |= result.Met.Contains(criteria[c]) ? 1UL << (c + 1) : 0;
                        yearFlags[p][j] = bits;
                    }
                    // The year's absence at the end of its data, or at the last school day of a pupil who left before:
                    // next year's "last year".
                    rules.Engine.Evaluate(facts.Rules, p, weekEnds[^1], out var end, ResultParts.Ytd);
                    if (facts.Rules.HasLeft)
                        rules.Engine.Evaluate(facts.Rules, p, new AsOf(ledger.Calendar, ledger.EnrolledUntil(p)), out end, ResultParts.Ytd);
                    ytd[p] = facts.Rules.OnRoll && end.Ytd.Scheduled > 0 ? (float)end.Ytd.Rate() : -1;
                }
            }, _ => { });
            for (var p = 0; p < ledger.PupilCount; p++)
            {
                var row = new float[]?[dates.Count];
                atWeeks[p].CopyTo(row, first);
                features.Add(row);
                var pupilFlags = new ulong[dates.Count];
                yearFlags[p].CopyTo(pupilFlags, first);
                flags.Add(pupilFlags);
                outcome.Add(yearOutcome[p] < 0 ? -1 : yearOutcome[p] + offset);
                trainOutcome.Add(yearTrainOutcome[p] < 0 ? -1 : yearTrainOutcome[p] + offset);
                school.Add(ledger.SchoolId(p));
            }
            lastYear = Enumerable.Range(0, ledger.PupilCount).Where(p => ytd[p] >= 0).ToDictionary(p => (ledger.SchoolId(p), ledger.PupilId(p)), p => ytd[p]);
            offset += weekEnds.Length + options.Horizon + 1;
        }
        // Earlier rows were made before the later years' weeks existed: every row the length of the whole axis.
        for (var p = 0; p < features.Count; p++)
        {
            if (features[p].Length < dates.Count)
            {
                var (row, pupilFlags) = (new float[]?[dates.Count], new ulong[dates.Count]);
                features[p].CopyTo(row, 0);
                flags[p].CopyTo(pupilFlags, 0);
                (features[p], flags[p]) = (row, pupilFlags);
            }
        }
        var asOfWeeks = asOf.ToArray();
        var pupilCount = features.Count;

        var (testFrom, trainTo) = Split(asOfWeeks, yearStarts.Count > 1 ? yearStarts[^1] : null, options);
        if (testFrom >= asOfWeeks.Length || trainTo < 0)
            throw new UserError(Texts.Research.TooFewWeeksToTrain(asOfWeeks.Length, options.Horizon), Setting.Period);
        int OutcomeOf(int p, int j) => j <= trainTo ? trainOutcome[p] : outcome[p];
        bool Eligible(int p, int j) => features[p][j] is not null && (OutcomeOf(p, j) < 0 || OutcomeOf(p, j) > asOfWeeks[j]);
        bool Positive(int p, int j) => OutcomeOf(p, j) > asOfWeeks[j] && OutcomeOf(p, j) <= asOfWeeks[j] + options.Horizon;
        List<(int Pupil, int Week)> Examples(int from, int to) =>
            [.. Enumerable.Range(0, pupilCount).SelectMany(p => Enumerable.Range(from, to - from + 1).Where(j => Eligible(p, j)).Select(j => (p, j)))];
        var train = Examples(0, trainTo);
        var test = Examples(testFrom, asOfWeeks.Length - 1);
        if (train.Count(x => Positive(x.Pupil, x.Week)) == 0 || test.Count(x => Positive(x.Pupil, x.Week)) == 0)
            throw new UserError(Texts.Research.NoOutcomeToLearn(options.Outcome.Word()), Setting.Inputs);

        var ml = new MLContext(seed: options.Seed);
        IDataView View(List<(int Pupil, int Week)> set) => ml.Data.LoadFromEnumerable(set.Select(x => new Example { Features = features[x.Pupil][x.Week]!, Label = Positive(x.Pupil, x.Week) }));
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 16,
            MinimumExampleCountPerLeaf = 20,
            LearningRate = 0.1,
            NumberOfThreads = 1, // one thread: the same seed and data give the same trees
            LabelColumnName = nameof(Example.Label),
            FeatureColumnName = nameof(Example.Features),
        });
        var trainView = View(train);
        var model = trainer.Fit(trainView);
        var scoredView = model.Transform(View(test));
        var evaluation = ml.BinaryClassification.Evaluate(scoredView, labelColumnName: nameof(Example.Label));
        var probability = ml.Data.CreateEnumerable<Scored>(scoredView, reuseRowObject: false).Select(s => (double)s.Probability).ToArray();

        // At the rules' number of flags: per test week, the model's top as many pupils as the rules flag.
        var testWeeks = Enumerable.Range(testFrom, asOfWeeks.Length - testFrom).ToArray();
        var modelFlags = new HashSet<(int, int)>();
        foreach (var week in test.Select((x, i) => (x.Pupil, x.Week, P: probability[i])).GroupBy(x => x.Week))
        {
            var k = week.Count(x => (flags[x.Pupil][x.Week] & 1) != 0);
            foreach (var x in week.OrderByDescending(x => x.P).ThenBy(x => x.Pupil).Take(k))
                modelFlags.Add((x.Pupil, x.Week));
        }
        var positives = test.Count(x => Positive(x.Pupil, x.Week));
        Flagging Score(string name, Func<int, int, bool> flagged)
        {
            var hits = test.Where(x => flagged(x.Pupil, x.Week)).ToList();
            var tp = hits.Count(x => Positive(x.Pupil, x.Week));
            // Lead time: pupils reaching the outcome after the first test week, from their first flag in a test week.
            var leads = new List<int>();
            for (var p = 0; p < pupilCount; p++)
            {
                if (outcome[p] <= asOfWeeks[testFrom] || outcome[p] > asOfWeeks[^1] + options.Horizon)
                    continue;
                var first = testWeeks.Where(j => asOfWeeks[j] < outcome[p] && Eligible(p, j) && flagged(p, j)).DefaultIfEmpty(-1).First();
                if (first >= 0)
                    leads.Add(outcome[p] - asOfWeeks[first]);
            }
            leads.Sort();
            return new Flagging(name, hits.Count, tp, hits.Count > 0 ? (double)tp / hits.Count : null, (double)tp / positives, leads.Count,
                leads.Count > 0 ? (leads[(leads.Count - 1) / 2] + leads[leads.Count / 2]) / 2.0 : null);
        }
        var modelScore = Score("model", (p, j) => modelFlags.Contains((p, j)));
        var rulesScore = Score("TIER-2+", (p, j) => (flags[p][j] & 1) != 0);
        var criterionScores = criteria.Select((id, c) => Score(id.Code(), (p, j) => (flags[p][j] & (1UL << (c + 1))) != 0)).ToList();
        var calibration = test.Select((x, i) => (P: probability[i], Y: Positive(x.Pupil, x.Week))).GroupBy(x => Math.Min(9, (int)(x.P * 10))).OrderBy(g => g.Key)
            .Select(g => (g.Count(), g.Average(x => x.P), g.Average(x => x.Y ? 1.0 : 0.0))).ToList();
        // Fairness: per school type when the schools file says which, else per school.
        var facts = options.SchoolsFile is null ? null : Taskforce.SchoolFacts.Read(options.SchoolsFile);
        string GroupOf(string id) => facts is null ? id : (facts.GetValueOrDefault(id) ?? Taskforce.SchoolFact.Of(id)).SchoolType;
        var perSchool = test.GroupBy(x => GroupOf(school[x.Pupil])).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var pos = g.Where(x => Positive(x.Pupil, x.Week)).ToList();
            return (g.Key, g.Count(), pos.Count, pos.Count > 0 ? (double?)pos.Count(x => modelFlags.Contains(x)) / pos.Count : null,
                pos.Count > 0 ? (double?)pos.Count(x => (flags[x.Pupil][x.Week] & 1) != 0) / pos.Count : null);
        }).ToList();
        var metrics = new TrainMetrics(train.Count, test.Count, positives, evaluation.AreaUnderRocCurve, evaluation.AreaUnderPrecisionRecallCurve,
            modelScore, rulesScore, criterionScores, calibration, perSchool)
        {
            Notes = notes,
        };

        // Per feature the training examples' median: the value a driver is measured against in analyze --model.
        var baseline = Enumerable.Range(0, Features.Count).Select(i =>
        {
            var values = train.Select(x => features[x.Pupil][x.Week]![i]).Order().ToList();
            return values[values.Count / 2];
        }).ToArray();
        SaveReproducibly(ml, model, trainView.Schema, folder.PathOf("model.zip"));
        inputs = FileAccount.AcrossYears(inputs);
        var modelSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(folder.PathOf("model.zip"))));
        File.WriteAllBytes(folder.PathOf("metrics.json"), JsonSerializer.SerializeToUtf8Bytes(Manifest(options, inputs, metrics, dates, trainTo, testFrom, baseline, string.Join(", ", timetables), primarySchool, modelSha256), Json.Indented));
        File.WriteAllText(folder.PathOf("model.md"), Card(options, inputs, metrics, dates, trainTo, testFrom));
        folder.Commit();
        return metrics;
    }

    /// <summary>
    /// The split in time: test on the latest weeks, train on the weeks whose horizon ends before them. Over several
    /// years the last year is the test (<paramref name="lastYearStart"/>); within one, its latest weeks. Indexes of
    /// <paramref name="asOfWeeks"/>; <c>TrainTo</c> is -1 when no week is left to train on.
    /// </summary>
    private static (int TestFrom, int TrainTo) Split(int[] asOfWeeks, int? lastYearStart, TrainOptions options)
    {
        var testFrom = lastYearStart ?? (int)Math.Floor(asOfWeeks.Length * (1 - options.TestShare));
        var trainTo = testFrom >= asOfWeeks.Length ? -1
            : Enumerable.Range(0, testFrom).LastOrDefault(j => asOfWeeks[j] + options.Horizon < asOfWeeks[testFrom], -1);
        return (testFrom, trainTo);
    }

    private static object Manifest(TrainOptions options, List<FileAccount> inputs, TrainMetrics m, List<string> dates, int trainTo, int testFrom, float[] baseline, string timetable, bool primarySchool, string modelSha256) => new
    {
        Tool = "aanwezigheid train",
        Version = typeof(Training).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        // What analyze --model checks the zip beside it against: this card and these numbers are of that model only.
        ModelSha256 = modelSha256,
        Inputs = inputs.Select(f => new { File = Path.GetFileName(f.Path), f.Sha256, f.RowsRead, f.Accepted, f.Rejected }),
        Outcome = options.Outcome.Word(),
        options.Horizon,
        options.Seed,
        Timetable = timetable,
        PrimarySchool = primarySchool,
        m.Notes,
        Trainer = "ML.NET FastTree binary: 100 trees, 16 leaves, at least 20 examples per leaf, learning rate 0.1, one thread",
        Features = Features.Names,
        FeatureBaseline = baseline,
        TrainWeeks = new[] { dates[0], dates[trainTo] },
        TestWeeks = new[] { dates[testFrom], dates[^1] },
        m.TrainExamples,
        m.TestExamples,
        m.TestPositives,
        RocAuc = Math.Round(m.RocAuc, 4),
        PrAuc = Math.Round(m.PrAuc, 4),
        AtTheRulesFlagCount = new[] { m.Model, m.Rules },
        Criteria = m.Criteria,
        Calibration = m.Calibration.Select(c => new { c.Pupils, Predicted = Math.Round(c.Predicted, 4), Observed = Math.Round(c.Observed, 4) }),
        FairnessBy = options.SchoolsFile is null ? "school" : "school type",
        PerGroup = m.PerGroup.Select(s => new { s.Group, s.Examples, s.Positives, s.ModelRecall, s.RulesRecall }),
    };

    /// <summary>The model card: what it was trained on, how it was tested, what it does and does not show.</summary>
    private static string Card(TrainOptions options, List<FileAccount> inputs, TrainMetrics m, List<string> dates, int trainTo, int testFrom)
    {
        var l = options.Input.Language;
        var c = l.Culture();
        var outcome = options.Outcome.Word();
        var best = m.Criteria.OrderByDescending(x => x.Recall).ThenByDescending(x => x.Precision).First();
        string Row(Flagging f, string name) => string.Create(c, $"| {name} | {f.Flagged:N0} | {f.TruePositives:N0} | {(f.Precision is { } p ? p.ToString("P1", c) : "–")} | {f.Recall:P1} | {f.Warned:N0} | {(f.LeadTimeWeeksMedian is { } w ? w.ToString("0.#", c) : "–")} |");
        var card = new StringBuilder();
        card.AppendLine(l.Format($"# Vroegsignaleringsmodel: {outcome} binnen {options.Horizon} schoolweken", $"# Early-warning model: {outcome} within {options.Horizon} school weeks"));
        card.AppendLine();
        card.AppendLine(l.Format(
            $"ML.NET FastTree (gradient-boosted trees: 100 bomen van 16 bladeren, seed {options.Seed}), gemaakt door `aanwezigheid train` {typeof(Training).Assembly.GetName().Version?.ToString(3)}.",
            $"ML.NET FastTree (gradient-boosted trees: 100 trees of 16 leaves, seed {options.Seed}), made by `aanwezigheid train` {typeof(Training).Assembly.GetName().Version?.ToString(3)}."));
        card.AppendLine();
        card.AppendLine("## Data");
        foreach (var f in inputs)
            card.AppendLine(l.Format($"- `{Path.GetFileName(f.Path)}`: {f.Accepted:N0} regels geaccepteerd, SHA-256 `{f.Sha256}`", $"- `{Path.GetFileName(f.Path)}`: {f.Accepted:N0} rows accepted, SHA-256 `{f.Sha256}`"));
        card.AppendLine(l.Format(
            $"- Eén voorbeeld per leerling per peilweek (het einde van elke schoolweek), voor leerlingen die de uitkomst nog niet hadden; label: de uitkomst komt binnen {options.Horizon} schoolweken. De uitkomst wordt beoordeeld met het standaardbeleid.",
            $"- One example per pupil per as-of week (the end of each school week), pupils who have not reached the outcome yet; label: the outcome comes within {options.Horizon} school weeks. The outcome is judged under the default policy."));
        card.AppendLine();
        card.AppendLine(l.Pick("## Kenmerken", "## Features"));
        card.AppendLine(l.Format(
            $"Wat de regels op de peildatum berekenen, niets van daarna: {string.Join(", ", Features.Names.Select(n => $"`{n}`"))}. Geen beschermde kenmerken, geen school, geen klas.",
            $"What the rules core computes at the as-of date, nothing after it: {string.Join(", ", Features.Names.Select(n => $"`{n}`"))}. No protected attribute, no school, no class."));
        card.AppendLine();
        card.AppendLine(l.Pick("## Splitsing", "## Split"));
        card.AppendLine(l.Format(
            $"In de tijd. Training: peilweken {dates[0]} tot {dates[trainTo]} ({m.TrainExamples:N0} leerling-weken), waarvan de labels eindigen voor de toetsweken beginnen. Toets: {dates[testFrom]} tot {dates[^1]} ({m.TestExamples:N0} leerling-weken, {m.TestPositives:N0} positief). Geen leerling-week aan beide kanten.",
            $"In time. Train: as-of weeks {dates[0]} to {dates[trainTo]} ({m.TrainExamples:N0} pupil-weeks), whose labels end before the test weeks begin. Test: {dates[testFrom]} to {dates[^1]} ({m.TestExamples:N0} pupil-weeks, {m.TestPositives:N0} positive). No pupil-week is on both sides."));
        card.AppendLine();
        card.AppendLine(l.Pick("## Maten op de toetsweken", "## Metrics on the test weeks"));
        card.AppendLine(l.Format(
            $"ROC-AUC {m.RocAuc:0.000}, PR-AUC {m.PrAuc:0.000}. Bij evenveel signalen als de regels (per toetsweek signaleert het model evenveel leerlingen als trede 2+):",
            $"ROC-AUC {m.RocAuc:0.000}, PR-AUC {m.PrAuc:0.000}. At the rules' number of flags (per test week, the model flags as many pupils as tier 2+ does):"));
        card.AppendLine();
        card.AppendLine(l.Pick(
            "| signalering | gesignaleerde leerling-weken | waarvan positief | precisie | recall | leerlingen gewaarschuwd voor de uitkomst | mediane voorlooptijd (weken) |",
            "| flagging | pupil-weeks flagged | of which positive | precision | recall | pupils warned before the outcome | median lead time (weeks) |"));
        card.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        card.AppendLine(Row(m.Model, l.Pick("model", "model")));
        card.AppendLine(Row(m.Rules, l.Pick("regels: trede 2+", "rules: tier 2+")));
        card.AppendLine(Row(best, l.Format($"{best.Name} (het beste losse criterium naar recall)", $"{best.Name} (the best single criterion by recall)")));
        card.AppendLine();
        card.AppendLine(m.Model.Recall > best.Recall && (m.Model.LeadTimeWeeksMedian ?? 0) >= (best.LeadTimeWeeksMedian ?? 0)
            ? l.Pick("Recall en mediane voorlooptijd van het model zijn op deze toetsweken minstens die van het beste losse criterium.", "The model's recall and median lead time are at least the best single criterion's on these test weeks.")
            : l.Pick("Het model verslaat het beste losse criterium op deze toetsweken niet op zowel recall als voorlooptijd: zie de tabel; met weinig positieven valt het verschil binnen het toeval.",
                "The model does not beat the best single criterion on both recall and lead time on these test weeks: see the table; with few positives the difference is within chance."));
        card.AppendLine();
        card.AppendLine(l.Pick("Kalibratie (tienden van de voorspelde kans): ", "Calibration (tenths of the predicted probability): ")
            + string.Join("; ", m.Calibration.Select(x => l.Format($"{x.Pupils:N0} leerling-weken, voorspeld {x.Predicted:P1}, waargenomen {x.Observed:P1}", $"{x.Pupils:N0} pupil-weeks, predicted {x.Predicted:P1}, observed {x.Observed:P1}"))) + ".");
        card.AppendLine();
        var byType = options.SchoolsFile is not null;
        card.AppendLine(byType ? l.Pick("## Per schooltype (eerlijkheid)", "## Per school type (fairness)") : l.Pick("## Per school (eerlijkheid; per schooltype met --schools)", "## Per school (fairness; per school type with --schools)"));
        card.AppendLine(l.Format($"| {(byType ? l.Pick("schooltype", "school type") : "school")} | {l.Pick("toets-leerling-weken", "test pupil-weeks")} | {l.Pick("positief", "positive")} | {l.Pick("recall model", "model recall")} | {l.Pick("recall regels", "rules recall")} |", $"| {(byType ? "school type" : "school")} | test pupil-weeks | positive | model recall | rules recall |"));
        card.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var s in m.PerGroup)
            card.AppendLine(string.Create(c, $"| {s.Group} | {s.Examples:N0} | {s.Positives:N0} | {(s.ModelRecall is { } a ? a.ToString("P0", c) : "–")} | {(s.RulesRecall is { } b ? b.ToString("P0", c) : "–")} |"));
        card.AppendLine();
        card.AppendLine(l.Pick("## Grenzen", "## Limits"));
        card.AppendLine(l.Pick(
            "- Op data van `aanwezigheid generate` leert het model de patronen van de generator (zijn soorten leerlingen en hun afglijden), niet die van echte leerlingen. De maten zeggen hoe goed de methode werkt, niet hoe goed het model op een school zou waarschuwen.",
            "- On data of `aanwezigheid generate` the model learns the generator's patterns (its kinds of attender and their drift), not real pupils'. Its metrics say how well the method works, not how well it would warn in a school."));
        card.AppendLine(l.Pick(
            "- Binnen één schooljaar toetst de splitsing dezelfde leerlingen later in het jaar; over meer jaren toetst ze het laatste jaar.",
            "- Within one school year the split tests the same pupils later in the year; over several years it tests the last year."));
        if (SchoolYear.Containing(NodaTime.Text.LocalDatePattern.Iso.Parse(dates[0]).Value) != SchoolYear.Containing(NodaTime.Text.LocalDatePattern.Iso.Parse(dates[^1]).Value))
        {
            card.AppendLine(l.Pick(
                "- Over meer jaren leert het model ook van `absence_rate_last_year` (het verzuim van vorig schooljaar). `analyze --model` kent dat niet en geeft het als onbekend, zoals in het eerste jaar van de data: de scores van een wekelijkse run kunnen daardoor afwijken van deze toetsing.",
                "- Over several years the model also learns from `absence_rate_last_year` (last school year's absence). `analyze --model` does not know it and gives it as unknown, as in the data's first year: a weekly run's scores may differ from this test for it."));
        }
        foreach (var note in m.Notes)
            card.AppendLine("- " + note);
        card.AppendLine(l.Pick(
            "- Een score is een aanleiding om naar een leerling te kijken, nooit een oordeel; de regels bepalen de trede.",
            "- A score is a prompt to look at a pupil, never a verdict; the rules decide the tier."));
        return card.ToString();
    }
}
