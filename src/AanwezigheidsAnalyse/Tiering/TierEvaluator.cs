using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Places a pupil in one of Kearney's three tiers (criteria §4) from what the rules decided: the first tier rule,
/// from the top, whose rate threshold or criteria hold; tier 1 otherwise. A rate counts only over at least
/// <see cref="Policy.MinScheduledDaysForRate"/> scheduled school days. Every reason that holds is kept, not only
/// the first, for tier_reasons.
/// </summary>
internal sealed class TierEvaluator
{
    private readonly Rule[] _rules;
    private readonly int _minDays;

    public TierEvaluator(Policy policy)
    {
        _minDays = policy.MinScheduledDaysForRate;
        _rules = [.. policy.Tiers.OrderByDescending(r => r.Tier).Select(r => new Rule((Tier)r.Tier, r.Rate, r.CriterionSet(), r.Rate is { } rate ? new TierReason(rate) : null))];
        foreach (var rule in _rules)
        {
            if (rule.Rate is { } rate)
                WindowsRead |= RulesEngine.PartOf(rate.Window);
        }
    }

    /// <summary>The rate windows the tier rules read: all the weekly replay has the rules compute.</summary>
    public ResultParts WindowsRead { get; }

    public Tier Place(in PupilResult result)
    {
        var tier = Tier.One;
        foreach (ref readonly var rule in _rules.AsSpan())
        {
            if (rule.Tier > tier && ((rule.Rate is { } rate && Holds(rate, in result)) || result.Met.Overlaps(rule.Criteria)))
                tier = rule.Tier;
        }
        return tier;
    }

    /// <summary>
    /// tier_reasons: the rate thresholds that hold (highest tier first), then the criteria met, in docs/criteria.md
    /// order. Most pupils have none: for them no list is made (pupils.parquet asks for every pupil on the roll).
    /// </summary>
    public IReadOnlyList<TierReason> Reasons(in PupilResult result)
    {
        List<TierReason>? reasons = null;
        foreach (var rule in _rules)
        {
            if (rule.Rate is { } rate && Holds(rate, in result))
                (reasons ??= []).Add(rule.Reason!.Value);
        }
        foreach (var id in result.Met)
            (reasons ??= []).Add(new TierReason(id));
        return reasons ?? (IReadOnlyList<TierReason>)[];
    }

    /// <summary>
    /// The reasons that set <paramref name="tier"/>: those of the tier's own rules. A pupil moved from 2 to 3 by its
    /// 8-week rate may still meet KPA-25, a reason for tier 2 that does not say why it is in 3.
    /// </summary>
    public IReadOnlyList<TierReason> ReasonsAt(in PupilResult result, Tier tier)
    {
        List<TierReason>? reasons = null;
        var criteria = default(CriterionSet);
        foreach (var rule in _rules)
        {
            if (rule.Tier != tier)
                continue;
            if (rule.Rate is { } rate && Holds(rate, in result))
                (reasons ??= []).Add(rule.Reason!.Value);
            criteria = new(criteria.Bits | rule.Criteria.Bits);
        }
        foreach (var id in result.Met)
        {
            if (criteria.Contains(id))
                (reasons ??= []).Add(new TierReason(id));
        }
        return reasons ?? (IReadOnlyList<TierReason>)[];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Holds(RateThreshold rate, in PupilResult result)
    {
        ref readonly var totals = ref result.Window(rate.Window);
        return totals.ScheduledDays >= _minDays && totals.Scheduled > 0 && Shares.AtLeast(totals.Absent, totals.Scheduled, rate.AtLeast);
    }

    // Reason: the rule's rate threshold as a tier reason, made once, as its code is a string.
    private readonly record struct Rule(Tier Tier, RateThreshold? Rate, CriterionSet Criteria, TierReason? Reason);
}
