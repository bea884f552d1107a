using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Places a pupil in one of Kearney's three tiers (RULES §4): the first tier rule, from the top, whose rate
/// threshold or criteria hold; tier 1 otherwise. A rate counts only over at least
/// <see cref="Policy.MinScheduledDaysForRate"/> scheduled school days. Every reason that holds is kept, not only
/// the first, for tier_reasons.
/// </summary>
public sealed class TierEvaluator
{
    private readonly Rule[] _rules;
    private readonly int _minDays;

    public TierEvaluator(Policy policy)
    {
        _minDays = policy.MinScheduledDaysForRate;
        _rules = [.. policy.Tiers.OrderByDescending(r => r.Tier).Select(r => new Rule(
            r.Tier,
            r.Rate is { } rate ? RateWindows.Parse(rate.Window) : null,
            r.Rate?.AtLeast ?? double.PositiveInfinity,
            r.Rate?.Label,
            Mask(r.Criteria ?? [])))];
    }

    /// <summary>Whether a tier rule reads the rate over <paramref name="window"/> (the weekly replay computes no other).</summary>
    public bool Uses(RateWindow window) => _rules.Any(r => r.Window == window);

    /// <summary>The reason labels of the rate thresholds, by the bit <see cref="PupilResult.RateReasons"/> uses.</summary>
    public IReadOnlyList<string?> RateLabels => [.. _rules.Select(r => r.Label)];

    public byte Tier(ref PupilResult result)
    {
        byte tier = 1;
        result.RateReasons = 0;
        for (var i = 0; i < _rules.Length; i++)
        {
            ref readonly var rule = ref _rules[i];
            var rateHolds = false;
            if (rule.Window is { } window)
            {
                var totals = result.Window(window);
                rateHolds = totals.ScheduledDays >= _minDays && totals.Scheduled > 0
                    && totals.Absent >= rule.AtLeast * totals.Scheduled;
                if (rateHolds)
                    result.RateReasons |= 1u << i;
            }
            if ((rateHolds || (result.Met & rule.Criteria) != 0) && rule.Tier > tier)
                tier = (byte)rule.Tier;
        }
        return tier;
    }

    /// <summary>tier_reasons: the rate thresholds that hold, then the criteria, in RULES.md order.</summary>
    public List<string> Reasons(in PupilResult result)
    {
        var reasons = new List<string>();
        for (var i = 0; i < _rules.Length; i++)
        {
            if ((result.RateReasons & (1u << i)) != 0 && _rules[i].Label is { } label)
                reasons.Add(label);
        }
        for (var i = 0; i < CriterionIds.All.Count; i++)
        {
            if (result.IsMet(i))
                reasons.Add(CriterionIds.All[i]);
        }
        return reasons;
    }

    private static uint Mask(IEnumerable<string> patterns)
    {
        var mask = 0u;
        foreach (var pattern in patterns)
        {
            for (var i = 0; i < CriterionIds.All.Count; i++)
            {
                if (TierRule.Matches(pattern, CriterionIds.All[i]))
                    mask |= 1u << i;
            }
        }
        return mask;
    }

    private readonly record struct Rule(int Tier, RateWindow? Window, double AtLeast, string? Label, uint Criteria);
}
