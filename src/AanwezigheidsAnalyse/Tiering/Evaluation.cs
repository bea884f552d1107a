using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using NodaTime;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Every pupil of a ledger evaluated at one as-of date under one policy: what the rules decided (rates, measures,
/// criteria met) and the tier, placed from those results alone by the policy's tier rules. In memory and typed; writing outputs is a
/// separate step. Evaluate as many dates as you like on the same ledger: a date is a cheap argument, the ledger is
/// read, never changed.
/// </summary>
/// <example>
/// <code>
/// var evaluation = Evaluation.At(school.Ledger, Policy.Default, new LocalDate(2025, 12, 19));
/// Console.WriteLine(evaluation.Count(Tier.Three));
/// </code>
/// </example>
public sealed class Evaluation
{
    private readonly PupilResult[] _results;
    private readonly Tier[] _tiers;

    private Evaluation(DayLedger ledger, RulesEngine engine, TierEvaluator tierRules, AsOf asOf, PupilResult[] results, Tier[] tiers)
    {
        Ledger = ledger;
        Policy = engine.Policy;
        Day = asOf;
        Engine = engine;
        TierRules = tierRules;
        _results = results;
        _tiers = tiers;
    }

    /// <summary>The ledger evaluated.</summary>
    public DayLedger Ledger { get; }

    /// <summary>The policy whose criteria and tier rules were applied.</summary>
    public Policy Policy { get; }

    /// <summary>The as-of date T.</summary>
    public LocalDate AsOf => Day.Date;

    /// <summary>The pupils evaluated: every pupil of the ledger, by its index there.</summary>
    public int PupilCount => _results.Length;

    /// <summary>Every pupil's result, by ledger index.</summary>
    public ReadOnlySpan<PupilResult> Results => _results;

    /// <summary>Every pupil's tier, by ledger index.</summary>
    public ReadOnlySpan<Tier> Tiers => _tiers;

    internal AsOf Day { get; }

    /// <summary>The results array itself, for passes that capture it in a lambda (a span cannot be captured).</summary>
    internal PupilResult[] ResultArray => _results;

    internal Tier[] TierArray => _tiers;

    internal RulesEngine Engine { get; }

    internal TierEvaluator TierRules { get; }

    /// <summary>Pupils in <paramref name="tier"/>.</summary>
    public int Count(Tier tier)
    {
        var count = 0;
        foreach (var t in _tiers)
            count += t == tier ? 1 : 0;
        return count;
    }

    /// <summary>Why <paramref name="pupil"/> is in its tier: every rate threshold that holds and every criterion met (tier_reasons).</summary>
    public IReadOnlyList<TierReason> Reasons(int pupil) => TierRules.Reasons(in _results[pupil]);

    /// <summary>
    /// Who picks <paramref name="pupil"/> up (criteria §6), in the order a SAT goes through them: the owner of each
    /// reason behind the tier, a criterion by its own owner (LATE-REP goes to the mentor, whatever the pupil's
    /// absence), a rate threshold by the pupil's dominant absence type (criteria §4). Empty for tier 1.
    /// </summary>
    public IReadOnlyList<Owner> OwnersOf(int pupil) => [.. Reasons(pupil).Select(r => OwnerOf(pupil, r)).Distinct().Order()];

    /// <summary>The owner a reason belongs to, as <see cref="OwnersOf"/> routes it.</summary>
    internal Owner OwnerOf(int pupil, TierReason reason) =>
        reason.Criterion is { } id ? Engine.Criterion(id).Owner : Owners.OfDominantAbsence(_results[pupil].Measures.DominantAbsence);

    /// <summary>The criteria <paramref name="pupil"/> meets, with their evidence and the day each was first met.</summary>
    public IReadOnlyList<Signal> Signals(int pupil) => Explain([pupil], Parallelism.Serial);

    /// <summary>Evaluates every pupil of <paramref name="ledger"/> at <paramref name="asOf"/>, a date in the ledger's school year, on all cores.</summary>
    public static Evaluation At(DayLedger ledger, Policy policy, LocalDate asOf) => At(ledger, policy, asOf, Parallelism.Default);

    internal static Evaluation At(DayLedger ledger, Policy policy, LocalDate asOf, Parallelism parallelism)
    {
        CheckAsOf(ledger.Calendar, asOf);
        var engine = new RulesEngine(policy);
        var tierRules = new TierEvaluator(policy);
        var day = new AsOf(ledger.Calendar, asOf);
        var results = new PupilResult[ledger.PupilCount];
        var tiers = new Tier[ledger.PupilCount];
        PupilRanges.ForEach(ledger.PupilCount, parallelism, () => engine.NewFacts(ledger), (from, to, facts) =>
        {
            // The rules decide, then tiering places the pupil from what they decided; the rules never see a tier.
            for (var p = from; p < to; p++)
            {
                engine.Evaluate(facts, p, day, out results[p]);
                tiers[p] = tierRules.Place(in results[p]);
            }
        }, _ => { });
        return new Evaluation(ledger, engine, tierRules, day, results, tiers);
    }

    /// <summary>
    /// Refuses an as-of date outside the calendar's school year or before its first school day: no window would hold
    /// a day, and every pupil would stand in tier 1 without anyone being told.
    /// </summary>
    internal static void CheckAsOf(SchoolCalendar calendar, LocalDate asOf)
    {
        if (!calendar.Year.Contains(asOf))
            throw new UserError(Texts.AsOfOutsideSchoolYear(asOf, calendar.Year.ToString()), Setting.AsOf);
        if (calendar.DayCount == 0 || asOf < calendar.Date(0))
            throw new UserError(Texts.Run.AsOfBeforeFirstSchoolDay(asOf, calendar.Year.ToString(), calendar.DayCount > 0 ? calendar.Date(0) : null), Setting.AsOf);
    }

    /// <summary>
    /// The signals of the pupils in <paramref name="order"/>, in that order. Evidence and first_met walk back day by
    /// day, the costliest work per signal, so blocks of pupils are split over the cores; the blocks keep the order.
    /// </summary>
    internal List<Signal> Explain(IReadOnlyList<int> order, Parallelism parallelism) => Explain(order, 0, order.Count, parallelism);

    /// <summary>
    /// The signals of <see cref="Explain(IReadOnlyList{int}, Parallelism)"/>, made a batch of pupils at a time as they
    /// are read: signals.parquet takes them as they come, so that a national run's 650 000 signals and their evidence
    /// (0.3–0.4 GB) never exist at once.
    /// </summary>
    internal IEnumerable<Signal> ExplainAsRead(IReadOnlyList<int> order, Parallelism parallelism, int batch = SignalBatch)
    {
        for (var from = 0; from < order.Count; from += batch)
        {
            foreach (var signal in Explain(order, from, Math.Min(batch, order.Count - from), parallelism))
                yield return signal;
        }
    }

    /// <summary>Pupils a batch of <see cref="ExplainAsRead"/>: 16 blocks of 4 096 to share over the cores, ~15 000 signals.</summary>
    private const int SignalBatch = 1 << 16;

    private List<Signal> Explain(IReadOnlyList<int> order, int start, int count, Parallelism parallelism)
    {
        var block = (int)Math.Clamp(parallelism.MinRange * 4L, 1, 4096);
        var blocks = new List<Signal>[(count + block - 1) / block];
        Parallel.For(0, blocks.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism.MaxDegree }, () => new SignalExplainer(Engine, Ledger), (b, _, explainer) =>
        {
            var signals = new List<Signal>();
            for (var i = start + b * block; i < start + Math.Min(count, (b + 1) * block); i++)
            {
                if (!_results[order[i]].Met.IsEmpty)
                    signals.AddRange(explainer.Explain(order[i], Day, _results[order[i]]));
            }
            blocks[b] = signals;
            return explainer;
        }, _ => { });
        return [.. blocks.SelectMany(b => b)];
    }
}
