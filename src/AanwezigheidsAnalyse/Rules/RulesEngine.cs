using System.Numerics;
using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules.Criteria;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>What <see cref="RulesEngine.Evaluate(PupilFacts, int, AsOf, out PupilResult, ResultParts)"/> computes besides the criteria: the rate windows and the measures.</summary>
[Flags]
internal enum ResultParts
{
    /// <summary>The criteria only.</summary>
    None = 0,

    /// <summary>Totals over the school year to T.</summary>
    Ytd = 1,

    /// <summary>Totals over the last 4 school weeks.</summary>
    Weeks4 = 2,

    /// <summary>Totals over the last 8 school weeks.</summary>
    Weeks8 = 4,

    /// <summary>The measures of pupils.parquet.</summary>
    Measures = 8,

    /// <summary>Everything.</summary>
    All = Ytd | Weeks4 | Weeks8 | Measures,
}

/// <summary>
/// Evaluates a policy's criteria for one pupil at one as-of date: rates over the three windows, the measures and
/// every criterion the policy switches on. The caller owns the <see cref="PupilFacts"/> scratch and reuses it, so a
/// run over a million pupils allocates nothing per pupil.
/// </summary>
internal sealed class RulesEngine
{
    private readonly Criterion[] _criteria;
    private readonly Criterion?[] _byId;
    private readonly uint _switchedOn;

    public RulesEngine(Policy policy)
    {
        Policy = policy;
        _criteria = [.. policy.Criteria.Create()];
        _byId = new Criterion?[CriterionIds.All.Count];
        foreach (var criterion in _criteria)
        {
            _byId[(int)criterion.Id] = criterion;
            _switchedOn |= 1u << (int)criterion.Id;
            if (criterion.StartsOnlyWithARecord)
                StartingOnlyWithARecord = StartingOnlyWithARecord.With(criterion.Id);
        }
    }

    /// <summary>The criteria switched on that can start to hold only with a record (<see cref="Criterion.StartsOnlyWithARecord"/>).</summary>
    public CriterionSet StartingOnlyWithARecord { get; }

    public Policy Policy { get; }

    /// <summary>The criteria the policy switches on, in docs/criteria.md order.</summary>
    public IReadOnlyList<Criterion> Criteria => _criteria;

    /// <summary>A criterion the policy switches on.</summary>
    public Criterion Criterion(CriterionId id) =>
        _byId[(int)id] ?? throw new ArgumentException($"Policy {Policy.Name} switches {id.Code()} off.", nameof(id));

    /// <summary>Scratch for evaluating the pupils of <paramref name="ledger"/> under this engine's policy: one per core.</summary>
    public PupilFacts NewFacts(DayLedger ledger) => new(ledger, Policy);

    /// <summary>The window a result part is, when it is one.</summary>
    public static ResultParts PartOf(RateWindow window) => window switch
    {
        RateWindow.Ytd => ResultParts.Ytd,
        RateWindow.Weeks4 => ResultParts.Weeks4,
        _ => ResultParts.Weeks8,
    };

    /// <summary>
    /// Evaluates one pupil; <paramref name="facts"/> is reset to the pupil and as-of date here. The criteria are
    /// always evaluated, the windows and measures as <paramref name="parts"/> asks (the weekly replay needs only the
    /// windows the tier rules read: the year to date walks every record of the pupil, at every week end).
    /// </summary>
    public void Evaluate(PupilFacts facts, int pupil, AsOf asOf, out PupilResult result, ResultParts parts = ResultParts.All) =>
        Evaluate(facts, pupil, asOf, out result, parts, Every);

    /// <summary>
    /// <see cref="Evaluate(PupilFacts, int, AsOf, out PupilResult, ResultParts)"/> with only the criteria in
    /// <paramref name="candidates"/>: those that can hold at all by a later date (<see cref="Candidates"/>), so the
    /// others are known not to hold.
    /// </summary>
    public void Evaluate(PupilFacts facts, int pupil, AsOf asOf, out PupilResult result, ResultParts parts, CriterionSet candidates)
    {
        facts.Reset(pupil, asOf);
        result = default;
        if (!facts.OnRoll)
            return; // not enrolled yet, or no longer: nothing to act on

        Fill(facts, parts, ref result);
        // By bit, in docs/criteria.md order: a week's end in the replay evaluates a few of the sixteen.
        var met = 0u;
        for (var bits = candidates.Bits & _switchedOn; bits != 0; bits &= bits - 1)
        {
            var id = BitOperations.TrailingZeroCount(bits);
            if (_byId[id]!.Evaluate(facts, out _))
                met |= 1u << id;
        }
        result.Met = new CriterionSet(met);
    }

    /// <summary>Every criterion, as candidates: what <see cref="Evaluate(PupilFacts, int, AsOf, out PupilResult, ResultParts)"/> evaluates.</summary>
    public static CriterionSet Every { get; } = new(~0u);

    /// <summary>
    /// The criteria that can hold for <paramref name="pupil"/> at some as-of date up to <paramref name="last"/>
    /// (<see cref="Criterion.CanHoldBy"/>); every criterion when the pupil has no school day by then. For a pass over
    /// many as-of dates of one pupil: <paramref name="facts"/> are reset to <paramref name="last"/>.
    /// </summary>
    public CriterionSet Candidates(PupilFacts facts, int pupil, AsOf last)
    {
        facts.Reset(pupil, last);
        if (!facts.HasDays)
            return Every;
        var candidates = 0u;
        foreach (var criterion in _criteria)
        {
            if (criterion.CanHoldBy(facts))
                candidates |= 1u << (int)criterion.Id;
        }
        return new CriterionSet(candidates);
    }

    /// <summary>
    /// The whole result of a pupil whose criteria met at <paramref name="asOf"/> are known already (an evaluation of
    /// fewer parts at the same date: the criteria do not depend on the parts): the windows and measures, without
    /// evaluating the criteria again.
    /// </summary>
    public void Complete(PupilFacts facts, int pupil, AsOf asOf, CriterionSet met, out PupilResult result)
    {
        facts.Reset(pupil, asOf);
        result = default;
        if (!facts.OnRoll)
            return;
        Fill(facts, ResultParts.All, ref result);
        result.Met = met;
    }

    /// <summary>The windows and measures <paramref name="parts"/> asks for, of the pupil and date the facts stand on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fill(PupilFacts facts, ResultParts parts, ref PupilResult result)
    {
        if ((parts & ResultParts.Ytd) != 0)
            result.Ytd = facts.Totals(facts.First);
        if ((parts & ResultParts.Weeks8) != 0)
            result.Weeks8 = facts.Totals(facts.WeeksFrom(8));
        if ((parts & ResultParts.Weeks4) != 0)
            result.Weeks4 = facts.Totals(facts.WeeksFrom(4));
        if ((parts & ResultParts.Measures) != 0)
            Measure(facts, ref result);
    }

    private static void Measure(PupilFacts facts, ref PupilResult result)
    {
        ref var m = ref result.Measures;
        var twoMonths = facts.MonthsFrom(2);
        var fourWeeks = facts.WeeksFrom(4);
        m.SickEpisodes2m = facts.CountEpisodesStarted(twoMonths);
        m.ShortSickEpisodes2m = facts.CountEpisodesStarted(twoMonths, maxLength: 2);
        m.SickEpisodes12w = facts.CountEpisodesStarted(facts.WeeksFrom(12));
        m.LongestSickEpisodeDays = facts.LongestEpisodeEndedFrom(fourWeeks)?.Length ?? 0;
        m.RunningSickEpisodeDays = facts.RunningEpisodeLength;
        m.SickDays1m = facts.CountSickDays(facts.MonthsFrom(1));
        m.SentHomeSickDays2m = facts.CountSentHomeDays(twoMonths);
        m.WeeksBelow50 = facts.WeeksBelow(0.5);
        m.WeeksWithoutEducation = facts.WeeksWithoutEducation();
        m.UnauthorizedMinutes4w = result.Weeks4.Minutes[Category.Unauthorized.MinutesIndex()];
        m.LateArrivals4w = result.Weeks4.LateArrivals;
        m.AbsenceDays15w = facts.CountAbsenceDays(facts.WeeksFrom(15), 0.25);
        m.DuoMeldingen = facts.Meldingen.Length;
        m.DominantAbsence = Dominant(in result.Weeks8);
    }

    /// <summary>The absence category with the most minutes; the first in category order on a tie (criteria §4).</summary>
    public static Category Dominant(in WindowTotals totals)
    {
        var best = Category.None;
        var most = 0;
        foreach (var category in Categories.Absent)
        {
            var minutes = totals.Minutes[category.MinutesIndex()];
            if (minutes > most)
            {
                most = minutes;
                best = category;
            }
        }
        return best;
    }
}
