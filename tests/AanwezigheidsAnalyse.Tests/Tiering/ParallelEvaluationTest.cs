using System.Text;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using AanwezigheidsAnalyse.Tiering;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Tiering;

/// <summary>
/// Every pass over the pupils splits them over the cores; the split must never show. On random ledgers and on
/// generated schools, evaluating at T, replaying the weeks and explaining the signals in ranges of one pupil on every
/// core (and in batches of pupils, as signals.parquet reads them) gives exactly what one range on one core gives.
/// </summary>
public sealed class ParallelEvaluationTest
{
    /// <summary>Ranges of a single pupil on every core: as parallel as a pass can be.</summary>
    private static readonly Parallelism MostParallel = new(1, -1);

    [Property(MaxTest = 200)]
    public Property RandomLedgers_ParallelEqualsSerial() => Prop.ForAll(RandomLedgers.Scenarios, scenario =>
    {
        var (ledger, date) = RandomLedgers.Build(scenario);
        if (ledger.Calendar.DayCount == 0 || date < ledger.Calendar.Date(0))
        {
            // Before the first school day nothing can be evaluated: refused, not every pupil silently in tier 1.
            Assert.Equal(Setting.AsOf, Assert.Throws<UserError>(() => Evaluation.At(ledger, Policy.Default, date)).About);
            return true;
        }
        AssertSame(ledger, Policy.Default, date);
        return true;
    });

    [Property(MaxTest = 12)]
    public Property GeneratedSchools_ParallelEqualsSerial() => Prop.ForAll(RandomLedgers.Schools, t =>
    {
        var (ledger, asOf) = RandomLedgers.GeneratedSchool(t.Seed, t.Day, 150);
        AssertSame(ledger, Policy.Load(t.Policy), asOf);
        return true;
    });

    private static void AssertSame(DayLedger ledger, Policy policy, LocalDate asOf)
    {
        var serial = Evaluation.At(ledger, policy, asOf, Parallelism.Serial);
        var parallel = Evaluation.At(ledger, policy, asOf, MostParallel);
        var order = Enumerable.Range(0, ledger.PupilCount).Reverse().ToArray();

        // The whole results, made a batch at a time as the datasets read them (before anything made them whole):
        // the batches must not show.
        foreach (var batch in new[] { 1, 3, 7 })
        {
            var fresh = Evaluation.At(ledger, policy, asOf, MostParallel);
            var asRead = fresh.ResultsAsRead(order, MostParallel, batch).ToList();
            Assert.Equal(order, asRead.Select(r => r.Pupil));
            Assert.Equal(Describe(order.Select(p => serial.Results[p])), Describe(asRead.Select(r => r.Result)));
        }
        Assert.Equal(Describe(serial), Describe(parallel));
        // At places every pupil from the criteria met and the windows its tier rules read, and the whole result is
        // completed later from the criteria met then: both as one evaluation of everything gives.
        var facts = serial.Engine.NewFacts(ledger);
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            serial.Engine.Evaluate(facts, p, serial.Day, out var everything);
            Assert.Equal(Describe(everything), Describe(serial.Results[p]));
            Assert.Equal(facts.OnRoll ? serial.TierRules.Place(in everything) : null, serial.Tiers[p]);
        }

        var signals = Describe(serial.Explain(order, Parallelism.Serial));
        Assert.Equal(signals, Describe(parallel.Explain(order, MostParallel)));
        // Made a batch of pupils at a time as signals.parquet reads them: the batches must not show either.
        foreach (var batch in new[] { 1, 3, 7 })
            Assert.Equal(signals, Describe(parallel.ExplainAsRead(order, MostParallel, batch)));

        Assert.Equal(Describe(WeeklyReplay.Run(serial, Parallelism.Serial), ledger), Describe(WeeklyReplay.Run(parallel, MostParallel), ledger));
        var weeks = Math.Max(serial.Day.Week + 1, 0);
        Assert.Equal(Describe(WeekMinutes.Count(ledger, weeks, serial.Day.Day, Parallelism.Serial), ledger, weeks), Describe(WeekMinutes.Count(ledger, weeks, serial.Day.Day, MostParallel), ledger, weeks));
    }

    /// <summary>weekly.parquet's absence columns, every school and week.</summary>
    private static string Describe(WeekMinutes minutes, DayLedger ledger, int weeks)
    {
        var text = new StringBuilder();
        for (var s = 0; s < ledger.Schools.Count; s++)
        {
            for (var w = 0; w < weeks; w++)
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{s}/{w}: {minutes.Pupils(s, w)} {minutes.Scheduled(s, w)} {string.Join(",", Enumerable.Range(1, Categories.Counted).Select(c => minutes.Minutes(s, w, (Category)c)))}\n");
        }
        return text.ToString();
    }

    /// <summary>Every number of every pupil's result and tier, as text: a difference anywhere shows.</summary>
    private static string Describe(Evaluation evaluation)
    {
        var text = new StringBuilder();
        for (var p = 0; p < evaluation.PupilCount; p++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{p}: {evaluation.Tiers[p]} [{string.Join(",", evaluation.Reasons(p).Select(x => x.Code))}] {Describe(evaluation.Results[p])}\n");
        return text.ToString();
    }

    private static string Describe(IEnumerable<PupilResult> results) => string.Join("\n", results.Select(Describe));

    private static string Describe(PupilResult r)
    {
        static string Totals(WindowTotals t)
        {
            var minutes = new int[Categories.Counted];
            for (var i = 0; i < minutes.Length; i++)
                minutes[i] = t.Minutes[i];
            return $"{t.Scheduled}/{t.ScheduledDays}/{t.LateArrivals}/{t.UnauthorizedSlots}/{string.Join(",", minutes)}";
        }
        var m = r.Measures;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Met} {Totals(r.Ytd)} {Totals(r.Weeks4)} {Totals(r.Weeks8)} ")
            + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.SickEpisodes2m} {m.ShortSickEpisodes2m} {m.SickEpisodes12w} {m.LongestSickEpisodeDays} {m.RunningSickEpisodeDays} {m.SickDays1m} {m.SentHomeSickDays2m} ")
            + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.WeeksBelow50} {m.WeeksWithoutEducation} {m.UnauthorizedMinutes4w} {m.LateArrivals4w} {m.AbsenceDays15w} {m.DuoMeldingen} {m.DominantAbsence}");
    }

    private static string Describe(IEnumerable<Signal> signals) =>
        string.Join("\n", signals.Select(s => $"{s.Pupil} {s.Criterion} {s.FirstMet} {s.Window} {s.Value} {s.Threshold} {s.AbsenceKind} {string.Join(",", s.Evidence)}"));

    private static string Describe(WeeklyReplay replay, DayLedger ledger)
    {
        var text = new StringBuilder();
        for (var s = 0; s < ledger.Schools.Count; s++)
        {
            for (var w = 0; w < replay.Weeks; w++)
            {
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{s}/{w}: {replay.WeekEnd(w)} {string.Join(",", Tiers.All.Select(t => replay.PupilsInTier(s, w, t)))} ")
                    .Append(string.Join(",", CriterionIds.All.Select(c => replay.PupilsMeeting(s, w, c)))).Append('\n');
            }
        }
        for (var p = 0; p < ledger.PupilCount; p++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{p}: {replay.PreviousTier(p)} {replay.PreviousMet(p)} {replay.WeeksInTier(p)}\n");
        return text.ToString();
    }
}
