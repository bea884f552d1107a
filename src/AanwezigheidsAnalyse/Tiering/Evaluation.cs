using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;
using NodaTime;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Every pupil of a ledger evaluated at one as-of date under one policy: what the rules decided (rates, measures,
/// criteria met) and the tier, placed from those results alone by the policy's tier rules; a pupil not on the roll at
/// T (criteria §1: one who left before the week of T) has no tier and meets nothing. In memory and typed; writing outputs is a
/// separate step. Evaluate as many dates as you like on the same ledger: a date is a cheap argument, the ledger is
/// read, never changed. The tiers and criteria met are kept from the start; the rest of the results (the rate
/// windows and measures) are made on all cores when <see cref="Results"/> is first read.
/// </summary>
/// <example>
/// <code>
/// var evaluation = Evaluation.At(school.Ledger, Policy.Default, new LocalDate(2025, 12, 19));
/// Console.WriteLine(evaluation.Count(Tier.Three));
/// </code>
/// </example>
public sealed class Evaluation
{
    // What every later pass reads (the replay, the signals, the counts) is kept per pupil: the tier and the criteria
    // met, 6 bytes. The whole result (216 bytes a pupil: three windows and the measures, 0.6 GB for the country) is
    // made when first read, or a batch at a time as the datasets write it (ResultsAsRead).
    private readonly Tier?[] _tiers;
    private readonly CriterionSet[] _met;
    private PupilResult[]? _results;
    private readonly Lock _resultsMade = new();
    private readonly Parallelism _parallelism;

    private Evaluation(DayLedger ledger, RulesEngine engine, TierEvaluator tierRules, AsOf asOf, Tier?[] tiers, CriterionSet[] met, Parallelism parallelism)
    {
        _parallelism = parallelism;
        Ledger = ledger;
        Policy = engine.Policy;
        Day = asOf;
        Engine = engine;
        TierRules = tierRules;
        _tiers = tiers;
        _met = met;
        PupilsOnRoll = tiers.Count(t => t is not null);
    }

    /// <summary>The ledger evaluated.</summary>
    public DayLedger Ledger { get; }

    /// <summary>The policy whose criteria and tier rules were applied.</summary>
    public Policy Policy { get; }

    /// <summary>The as-of date T.</summary>
    public LocalDate AsOf => Day.Date;

    /// <summary>The pupils evaluated: every pupil of the ledger, by its index there, on the roll at T or not.</summary>
    public int PupilCount => _tiers.Length;

    /// <summary>
    /// The pupils on the school's roll at T (enrolled on a school day of the week of T): those placed in a tier. A
    /// pupil of the ledger who left before the week of T has no tier, no result and meets nothing.
    /// </summary>
    public int PupilsOnRoll { get; }

    /// <summary>
    /// The pupils of the ledger not on the roll at T. In a run they all left before the week of T: a pupil list's
    /// pupils who join after T are not read, and a pupil without one is enrolled all year.
    /// </summary>
    public int PupilsLeft => PupilCount - PupilsOnRoll;

    /// <summary>Every pupil's result, by ledger index: made on the cores <see cref="At(DayLedger, Policy, LocalDate)"/> had when first read, then kept.</summary>
    public ReadOnlySpan<PupilResult> Results
    {
        get
        {
            // Read per pupil by the report's tables: no lock once made.
            if (Volatile.Read(ref _results) is { } made)
                return made;
            lock (_resultsMade)
                return _results ??= AllResults(_parallelism);
        }
    }

    /// <summary>Every pupil's tier, by ledger index; null for a pupil not on the roll at T (<see cref="PupilsOnRoll"/>).</summary>
    public ReadOnlySpan<Tier?> Tiers => _tiers;

    internal AsOf Day { get; }

    internal Tier?[] TierArray => _tiers;

    /// <summary>The criteria each pupil meets, by ledger index (what <see cref="Results"/> holds as <see cref="PupilResult.Met"/>).</summary>
    internal CriterionSet[] MetArray => _met;

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
    public IReadOnlyList<TierReason> Reasons(int pupil) => TierRules.Reasons(in Results[pupil]);

    /// <summary>
    /// Who picks <paramref name="pupil"/> up (criteria §6), in the order a SAT goes through them: the owner of each
    /// reason behind the tier, a criterion by its own owner (LATE-REP goes to the mentor, whatever the pupil's
    /// absence), a rate threshold by the pupil's dominant absence type (criteria §4). Empty for tier 1.
    /// </summary>
    public IReadOnlyList<Owner> OwnersOf(int pupil) => [.. Reasons(pupil).SelectMany(r => OwnersOf(pupil, r)).Distinct().Order()];

    /// <summary>The reasons that set <paramref name="pupil"/>'s tier (<see cref="TierEvaluator.ReasonsAt"/>): what a move up is about.</summary>
    public IReadOnlyList<TierReason> ReasonsForTier(int pupil) =>
        _tiers[pupil] is { } tier ? TierRules.ReasonsAt(in Results[pupil], tier) : [];

    /// <summary>The owners of the reasons that set <paramref name="pupil"/>'s tier: who hears of a move up.</summary>
    public IReadOnlyList<Owner> OwnersOfTier(int pupil) => [.. ReasonsForTier(pupil).SelectMany(r => OwnersOf(pupil, r)).Distinct().Order()];

    /// <summary>The owners a reason belongs to, as <see cref="OwnersOf(int)"/> routes it.</summary>
    internal IReadOnlyList<Owner> OwnersOf(int pupil, TierReason reason) =>
        reason.Criterion is { } id ? Engine.Criterion(id).Owners : [Owners.OfDominantAbsence(Results[pupil].Measures.DominantAbsence)];

    /// <summary>The criteria <paramref name="pupil"/> meets, with their evidence and the day each was first met.</summary>
    public IReadOnlyList<Signal> Signals(int pupil) => Explain([pupil], Parallelism.Serial);

    /// <summary>
    /// The DUO meldingen (first and last day) of each pupil's school year up to T, or up to its last school day for one
    /// who left: all of them, whether LPW-16U still holds or not (it lapses 4 school weeks after the latest).
    /// </summary>
    internal Dictionary<int, HashSet<(LocalDate First, LocalDate Last)>> Meldingen(IEnumerable<int> pupils)
    {
        var facts = Engine.NewFacts(Ledger);
        var meldingen = new Dictionary<int, HashSet<(LocalDate, LocalDate)>>();
        foreach (var pupil in pupils)
        {
            facts.Reset(pupil, Day);
            meldingen[pupil] = [.. facts.Meldingen.ToArray().Select(m => (facts.Date(m.First), facts.Date(m.Last)))];
        }
        return meldingen;
    }

    /// <summary>
    /// Pupils who left before the week of T, as each left: the tier and signals at its own last school day
    /// (enrolled_until). What the SAT hands over, and a DUO melding that fell due in the week of leaving. On every
    /// core: in the week after June's exams a national run has hundreds of thousands.
    /// </summary>
    internal (Tier Tier, List<Signal> Signals)[] AtLeaving(IReadOnlyList<int> pupils)
    {
        // One AsOf per leaving day (a few a week), made before the cores share them.
        var lastDays = new Dictionary<int, AsOf>();
        foreach (var pupil in pupils)
        {
            if (_tiers[pupil] is not null || Ledger.Enrolment(pupil) is not { IsEmpty: false, Last: >= 0 } enrolment)
                throw new ArgumentException($"Pupil {pupil} has not left: it is on the roll at T, or was never enrolled.", nameof(pupils));
            if (!lastDays.ContainsKey(enrolment.Last))
                lastDays[enrolment.Last] = new AsOf(Ledger.Calendar, Ledger.EnrolledUntil(pupil));
        }
        var atLeaving = new (Tier, List<Signal>)[pupils.Count];
        PupilRanges.ForEach(pupils.Count, _parallelism, () => (Facts: Engine.NewFacts(Ledger), Explainer: new SignalExplainer(Engine, Ledger)), (from, to, worker) =>
        {
            for (var i = from; i < to; i++)
            {
                var lastDay = lastDays[Ledger.Enrolment(pupils[i]).Last];
                Engine.Evaluate(worker.Facts, pupils[i], lastDay, out var result, TierRules.WindowsRead);
                var signals = new List<Signal>();
                worker.Explainer.Explain(pupils[i], lastDay, result.Met, signals);
                atLeaving[i] = (TierRules.Place(in result), signals);
            }
        }, _ => { });
        return atLeaving;
    }

    /// <summary>Evaluates every pupil of <paramref name="ledger"/> at <paramref name="asOf"/>, a date in the ledger's school year, on all cores.</summary>
    public static Evaluation At(DayLedger ledger, Policy policy, LocalDate asOf) => At(ledger, policy, asOf, Parallelism.Default);

    internal static Evaluation At(DayLedger ledger, Policy policy, LocalDate asOf, Parallelism parallelism)
    {
        CheckAsOf(ledger.Calendar, asOf);
        var engine = new RulesEngine(policy);
        var tierRules = new TierEvaluator(policy);
        var day = new AsOf(ledger.Calendar, asOf);
        var tiers = new Tier?[ledger.PupilCount];
        var met = new CriterionSet[ledger.PupilCount];
        PupilRanges.ForEach(ledger.PupilCount, parallelism, () => engine.NewFacts(ledger), (from, to, facts) =>
        {
            // The rules decide, then tiering places the pupil from what they decided; the rules never see a tier.
            // Every criterion is evaluated whatever the parts; the tier reads the criteria met and the windows of
            // its rate rules, so the rest of the result (the other windows, the measures) waits until it is read.
            for (var p = from; p < to; p++)
            {
                engine.Evaluate(facts, p, day, out var result, tierRules.WindowsRead);
                tiers[p] = facts.OnRoll ? tierRules.Place(in result) : null;
                met[p] = result.Met;
            }
        }, _ => { });
        return new Evaluation(ledger, engine, tierRules, day, tiers, met, parallelism);
    }

    /// <summary>Every pupil's whole result, on the cores <paramref name="parallelism"/> allows: the criteria met are known.</summary>
    private PupilResult[] AllResults(Parallelism parallelism)
    {
        var results = new PupilResult[PupilCount];
        PupilRanges.ForEach(PupilCount, parallelism, () => Engine.NewFacts(Ledger), (from, to, facts) =>
        {
            for (var p = from; p < to; p++)
                Engine.Complete(facts, p, Day, _met[p], out results[p]);
        }, _ => { });
        return results;
    }

    /// <summary>
    /// The whole results of the pupils in <paramref name="order"/>, in that order, for one pass: those kept when
    /// something read <see cref="Results"/> already (a school's report), else made a batch of pupils at a time on
    /// every core as they are read and let go, so that a national run's 0.6 GB of results never exist at once.
    /// </summary>
    internal IEnumerable<(int Pupil, PupilResult Result)> ResultsAsRead(IReadOnlyList<int> order, Parallelism parallelism, int batch = AsReadBatch)
    {
        if (Volatile.Read(ref _results) is { } whole)
        {
            foreach (var pupil in order)
                yield return (pupil, whole[pupil]);
            yield break;
        }
        var made = new PupilResult[Math.Min(batch, order.Count)];
        for (var start = 0; start < order.Count; start += batch)
        {
            var count = Math.Min(batch, order.Count - start);
            PupilRanges.ForEach(count, parallelism, () => Engine.NewFacts(Ledger), (from, to, facts) =>
            {
                for (var i = from; i < to; i++)
                    Engine.Complete(facts, order[start + i], Day, _met[order[start + i]], out made[i]);
            }, _ => { });
            for (var i = 0; i < count; i++)
                yield return (order[start + i], made[i]);
        }
    }

    /// <summary>
    /// Pupils a batch of <see cref="ResultsAsRead"/> and <see cref="ExplainAsRead"/>: 14 MB of results, ~15 000 signals,
    /// 16 blocks of 4 096 pupils to share over the cores.
    /// </summary>
    private const int AsReadBatch = 1 << 16;

    /// <summary>
    /// Pupils meeting each criterion, by <see cref="CriterionId"/>. A signal is made per criterion met
    /// (<see cref="SignalExplainer"/>), so these are also the signals' counts, known before any is made.
    /// </summary>
    internal int[] PupilsMeeting()
    {
        var counts = new int[CriterionIds.All.Count];
        foreach (var met in _met)
        {
            foreach (var criterion in met)
                counts[(int)criterion]++;
        }
        return counts;
    }

    /// <summary>
    /// Refuses an as-of date outside the calendar's school year or before its first school day: no window would hold
    /// a day, and every pupil would stand in tier 1 without anyone being told.
    /// </summary>
    internal static void CheckAsOf(SchoolCalendar calendar, LocalDate asOf)
    {
        if (!calendar.Year.Contains(asOf))
            throw new UserError(Texts.AsOfOutsideSchoolYear(asOf, calendar.Year.ToString()), Setting.AsOf);
        // A calendar without a school day (a replacing calendar file that makes the whole year free) is the calendar's
        // mistake, not the date's.
        if (calendar.DayCount == 0)
            throw new UserError(Texts.Run.NoSchoolDayInCalendar(calendar.Year.ToString()), Setting.Calendar);
        if (asOf < calendar.Date(0))
            throw new UserError(Texts.Run.AsOfBeforeFirstSchoolDay(asOf, calendar.Year.ToString(), calendar.Date(0)), Setting.AsOf);
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
    internal IEnumerable<Signal> ExplainAsRead(IReadOnlyList<int> order, Parallelism parallelism, int batch = AsReadBatch)
    {
        for (var from = 0; from < order.Count; from += batch)
        {
            foreach (var signal in Explain(order, from, Math.Min(batch, order.Count - from), parallelism))
                yield return signal;
        }
    }

    private List<Signal> Explain(IReadOnlyList<int> order, int start, int count, Parallelism parallelism)
    {
        var block = (int)Math.Clamp(parallelism.MinRange * 4L, 1, 4096);
        var blocks = new List<Signal>[(count + block - 1) / block];
        Parallel.For(0, blocks.Length, new ParallelOptions { MaxDegreeOfParallelism = parallelism.MaxDegree }, () => new SignalExplainer(Engine, Ledger), (b, _, explainer) =>
        {
            var signals = new List<Signal>();
            for (var i = start + b * block; i < start + Math.Min(count, (b + 1) * block); i++)
            {
                if (!_met[order[i]].IsEmpty)
                    explainer.Explain(order[i], Day, _met[order[i]], signals);
            }
            blocks[b] = signals;
            return explainer;
        }, _ => { });
        return [.. blocks.SelectMany(b => b)];
    }
}
