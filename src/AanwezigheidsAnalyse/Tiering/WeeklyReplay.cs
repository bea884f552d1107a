using System.Numerics;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Rules;
using NodaTime;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Replays the as-of date at the end of every school week of the year so far (the last school day of the week, or
/// T for the week of T), so that one run shows the trend of the year: pupils per tier and per criterion per school
/// and week, and each pupil's tier history as far as the transitions need it (last week's tier and criteria, the
/// weeks in the current tier).
/// </summary>
public sealed class WeeklyReplay
{
    private const int Stride = 3 + 2 + 32; // per school and week: tiers 1–3, up, down, then one count per criterion bit
    private const int Up = 3, Down = 4, FirstCriterion = 5;

    // Per pupil only what the transitions need of the history: a tier per pupil per week would be 100 MB for the country.
    private readonly Tier?[] _previousTier;
    private readonly CriterionSet[] _previousMet;
    private readonly ushort[] _weeksInTier;
    private readonly LocalDate[] _weekEnds;
    private readonly int[] _counts;

    private WeeklyReplay(int weeks, int schools, int pupils, LocalDate[] weekEnds)
    {
        Weeks = weeks;
        _previousTier = new Tier?[pupils];
        _previousMet = new CriterionSet[pupils];
        _weeksInTier = new ushort[pupils];
        _weekEnds = weekEnds;
        _counts = new int[schools * weeks * Stride];
    }

    /// <summary>School weeks 0..Weeks-1, the last being the week of T.</summary>
    public int Weeks { get; }

    /// <summary>The date a week was evaluated at: its last school day, or T.</summary>
    public LocalDate WeekEnd(int week) => _weekEnds[week];

    /// <summary>Pupils of a school (ledger school index) in <paramref name="tier"/> at the end of a week.</summary>
    public int PupilsInTier(int school, int week, Tier tier) => _counts[(school * Weeks + week) * Stride + (int)tier - 1];

    /// <summary>Pupils of a school meeting <paramref name="criterion"/> at the end of a week.</summary>
    public int PupilsMeeting(int school, int week, CriterionId criterion) => _counts[(school * Weeks + week) * Stride + FirstCriterion + (int)criterion];

    /// <summary>Pupils of a school whose tier at the end of a week is higher (<see cref="TierChange.Up"/>) or lower (<see cref="TierChange.Down"/>) than at the end of the week before.</summary>
    public int PupilsChanging(int school, int week, TierChange change) => change switch
    {
        TierChange.Up => _counts[(school * Weeks + week) * Stride + Up],
        TierChange.Down => _counts[(school * Weeks + week) * Stride + Down],
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "only up and down are counted"),
    };

    /// <summary>Consecutive replayed weeks, ending with the week of T, in the pupil's current tier.</summary>
    public int WeeksInTier(int pupil) => _weeksInTier[pupil];

    /// <summary>The tier at the end of last school week; null when there was none (the first week, or not on the roll then).</summary>
    public Tier? PreviousTier(int pupil) => _previousTier[pupil];

    /// <summary>The criteria met at the end of last school week.</summary>
    public CriterionSet PreviousMet(int pupil) => _previousMet[pupil];

    /// <summary>Replays every school week up to the as-of date of <paramref name="atT"/>, whose results it takes for the week of T.</summary>
    public static WeeklyReplay Run(Evaluation atT) => Run(atT, Parallelism.Default);

    internal static WeeklyReplay Run(Evaluation atT, Parallelism parallelism)
    {
        var ledger = atT.Ledger;
        var asOf = atT.Day;
        var calendar = ledger.Calendar;
        var weeks = Math.Max(asOf.Week + 1, 0);
        var weekEnds = new AsOf[weeks];
        for (var w = 0; w < weeks; w++)
            weekEnds[w] = w == asOf.Week ? asOf : new AsOf(calendar, calendar.Date(calendar.WeekLastDay(w)));
        var replay = new WeeklyReplay(weeks, ledger.Schools.Count, ledger.PupilCount, [.. weekEnds.Select(a => a.Date)]);
        if (weeks == 0)
            return replay;

        var engine = atT.Engine;
        var tierRules = atT.TierRules;
        var metAtT = atT.MetArray;
        var tiersAtT = atT.TierArray;
        // Pupil by pupil, every week: a pupil's records and bitsets stay in cache for all its weeks, instead of the
        // whole ledger streaming through memory once per week. Each worker counts into its own totals.
        PupilRanges.ForEach(ledger.PupilCount, parallelism, () => new Worker(engine.NewFacts(ledger), new int[replay._counts.Length]), (from, to, worker) =>
        {
            for (var p = from; p < to; p++)
            {
                var school = ledger.SchoolIndex(p);
                var enrolment = ledger.Enrolment(p);
                var records = ledger.Records(p);
                var firstRecord = records.IsEmpty ? int.MaxValue : records.DayOf(0);
                // Most pupils' year up to T already falls short of most criteria's thresholds: those cannot hold at
                // any week's end before it and are not evaluated there (Criterion.CanHoldBy; a third of the replay).
                var candidates = engine.Candidates(worker.Facts, p, asOf);
                Tier? lastTier = null;
                var lastMet = CriterionSet.Empty;
                var run = 0;
                var next = 0; // the pupil's first record after the end of the week before
                for (var w = 0; w < weeks; w++)
                {
                    var withoutRecords = next == records.Length || records.DayOf(next) > weekEnds[w].Day;
                    while (next < records.Length && records.DayOf(next) <= weekEnds[w].Day)
                        next++;
                    Tier? tier;
                    CriterionSet met;
                    if (w == asOf.Week)
                    {
                        (tier, met) = (tiersAtT[p], metAtT[p]);
                    }
                    else if (Math.Min(weekEnds[w].Day, enrolment.Last) is var last && firstRecord > last)
                    {
                        // Without a record up to the week's end, all the rules see of a pupil is its enrolment and its
                        // timetable (its sick and sent-home days are days of its records, so none either): such pupils
                        // share one evaluation per week (a fifth of a generated year's pupil-weeks).
                        var key = (w, ledger.Variant(p), enrolment.First, last);
                        if (!worker.WithoutRecords.TryGetValue(key, out var shared))
                            worker.WithoutRecords[key] = shared = Evaluate(worker.Facts, p, weekEnds[w], RulesEngine.Every); // shared by pupils of other candidates
                        (tier, met) = shared;
                    }
                    else if (withoutRecords && lastTier is not null)
                    {
                        // A week without records after a week with school days: of the criteria that start only with a
                        // record, those that did not hold last week do not hold now (most pupils' weeks, most criteria).
                        var quiet = engine.StartingOnlyWithARecord.Bits & ~lastMet.Bits;
                        (tier, met) = Evaluate(worker.Facts, p, weekEnds[w], new CriterionSet(candidates.Bits & ~quiet));
                    }
                    else
                    {
                        (tier, met) = Evaluate(worker.Facts, p, weekEnds[w], candidates);
                    }
                    run = tier == lastTier ? run + 1 : 1;
                    var previous = lastTier;
                    if (w == weeks - 2)
                    {
                        replay._previousTier[p] = tier;
                        replay._previousMet[p] = met;
                    }
                    lastTier = tier;
                    lastMet = met;
                    if (tier is { } t)
                        Count(worker.Counts, (school * weeks + w) * Stride, t, previous, met);
                }
                replay._weeksInTier[p] = (ushort)run;
            }
        }, worker =>
        {
            lock (replay._counts)
            {
                for (var i = 0; i < worker.Counts.Length; i++)
                    replay._counts[i] += worker.Counts[i];
            }
        });
        return replay;

        // The week's end needs the criteria and the windows the tier rules read, no more.
        (Tier?, CriterionSet) Evaluate(PupilFacts facts, int pupil, AsOf weekEnd, CriterionSet candidates)
        {
            engine.Evaluate(facts, pupil, weekEnd, out var result, tierRules.WindowsRead, candidates);
            return facts.OnRoll ? (tierRules.Place(in result), result.Met) : (null, CriterionSet.Empty);
        }
    }

    /// <summary>A core's share of the replay: its facts, its counts, and the evaluations of pupils without records.</summary>
    private sealed record Worker(PupilFacts Facts, int[] Counts)
    {
        public Dictionary<(int Week, int Variant, int First, int Last), (Tier?, CriterionSet)> WithoutRecords { get; } = [];
    }

    private static void Count(int[] counts, int at, Tier tier, Tier? previous, CriterionSet met)
    {
        counts[at + (int)tier - 1]++;
        if (previous is { } before && before != tier)
            counts[at + (tier > before ? Up : Down)]++;
        for (var bits = met.Bits; bits != 0; bits &= bits - 1)
            counts[at + FirstCriterion + BitOperations.TrailingZeroCount(bits)]++;
    }
}
