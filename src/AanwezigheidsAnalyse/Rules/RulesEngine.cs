using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules.Criteria;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// Evaluates a policy for one pupil at one as-of date: rates over the three windows, the measures, every
/// criterion the policy switches on, and the tier. The caller owns the <see cref="PupilFacts"/> scratch and
/// reuses it, so a run over a million pupils allocates nothing per pupil.
/// </summary>
public sealed class RulesEngine
{
    private readonly Criterion[] _criteria;
    private readonly int[] _bit; // per criterion: its index in CriterionIds.All
    private readonly bool[] _tierWindows; // per RateWindow: read by a tier rule

    public RulesEngine(Policy policy)
    {
        Policy = policy;
        _criteria = [.. Criterion.For(policy)];
        _bit = [.. _criteria.Select(c => IndexOf(c.Id))];
        Tiers = new TierEvaluator(policy);
        _tierWindows = [.. Enum.GetValues<RateWindow>().Select(Tiers.Uses)];
    }

    public Policy Policy { get; }

    public IReadOnlyList<Criterion> Criteria => _criteria;

    public TierEvaluator Tiers { get; }

    public static int IndexOf(string criterionId)
    {
        for (var i = 0; i < CriterionIds.All.Count; i++)
        {
            if (CriterionIds.All[i] == criterionId)
                return i;
        }
        throw new ArgumentException($"Unknown criterion '{criterionId}'.", nameof(criterionId));
    }

    public Criterion CriterionById(string id) => _criteria.First(c => c.Id == id);

    /// <summary>
    /// Evaluates one pupil; <paramref name="facts"/> is reset to the pupil and as-of date here. Without
    /// <paramref name="measures"/> only rates, criteria and the tier are computed (the weekly replay needs no more).
    /// </summary>
    public void Evaluate(DayLedger ledger, int pupil, AsOf asOf, PupilFacts facts, out PupilResult result, bool measures = true)
    {
        facts.Reset(ledger, Policy, pupil, asOf);
        result = default;
        if (!facts.HasDays)
        {
            result.Tier = 1; // no school day yet (or no longer): nothing to act on
            return;
        }

        // Without measures (the weekly replay) only the windows the tier rules read: the year to date walks
        // every record of the pupil, at every week end of the replay.
        if (measures || _tierWindows[(int)RateWindow.Ytd])
            result.Ytd = facts.Totals(facts.First);
        if (measures || _tierWindows[(int)RateWindow.Weeks8])
            result.Weeks8 = facts.Totals(facts.WeeksFrom(8));
        if (measures || _tierWindows[(int)RateWindow.Weeks4])
            result.Weeks4 = facts.Totals(facts.WeeksFrom(4));
        if (measures)
            Measure(facts, ref result);

        for (var i = 0; i < _criteria.Length; i++)
        {
            if (_criteria[i].Evaluate(facts, out _))
                result.Met |= 1u << _bit[i];
        }
        result.Tier = Tiers.Tier(ref result);
    }

    private static void Measure(PupilFacts facts, ref PupilResult result)
    {
        ref var m = ref result.Measures;
        var twoMonths = facts.MonthsFrom(2);
        var fourWeeks = facts.WeeksFrom(4);
        m.SickEpisodes2m = facts.CountEpisodesStarted(twoMonths);
        m.ShortSickEpisodes2m = facts.CountEpisodesStarted(twoMonths, maxLength: 2);
        m.SickEpisodes12w = facts.CountEpisodesStarted(facts.WeeksFrom(12));
        var longest = facts.LongestEpisodeEndedFrom(fourWeeks);
        m.LongestSickEpisodeDays = longest < 0 ? 0 : facts.EpisodeLength(longest);
        m.RunningSickEpisodeDays = facts.RunningEpisodeLength;
        m.SickDays1m = facts.CountSickDays(facts.MonthsFrom(1));
        m.SentHomeSickDays2m = facts.CountSentHomeDays(twoMonths);
        m.WeeksBelow50 = facts.WeeksBelow(0.5);
        m.WeeksWithoutEducation = facts.WeeksWithoutEducation();
        m.UnauthorizedMinutes4w = result.Weeks4.Minutes[Category.Unauthorized.MinutesIndex()];
        m.LateArrivals4w = result.Weeks4.LateArrivals;
        m.AbsenceDays15w = facts.CountAbsenceDays(facts.WeeksFrom(15), 0.25);
        m.DuoMeldingen = facts.Meldingen.Count;
        m.DominantAbsence = Dominant(in result.Weeks8);
    }

    /// <summary>The absence category with the most minutes; the first in category order on a tie (RULES §4).</summary>
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
