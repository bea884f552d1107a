using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Kearney's tiers (criteria §4), with the praktijkkaart's meaning. The number is the tier as outputs write it. A
/// pupil has a tier at a date when on the school's roll then (enrolled on a school day of that week, up to the date);
/// before enrolment and after the week of leaving it has none (<c>Tier?</c> null), at T as in the weekly replay.
/// </summary>
public enum Tier : byte
{
    /// <summary>Tier 1: komt (bijna) altijd naar school.</summary>
    One = 1,

    /// <summary>Tier 2: beginnend verzuim.</summary>
    Two = 2,

    /// <summary>Tier 3: structureel en zwaar verzuim.</summary>
    Three = 3,
}

/// <summary>Where a pupil's tier went since last week (criteria §5).</summary>
public enum TierChange
{
    /// <summary>No tier last week.</summary>
    New,

    /// <summary>A higher tier than last week.</summary>
    Up,

    /// <summary>A lower tier than last week.</summary>
    Down,

    /// <summary>The same tier as last week.</summary>
    Same,
}

/// <summary>Names of tiers and changes.</summary>
public static class Tiers
{
    /// <summary>Tiers 1 to 3.</summary>
    public static IReadOnlyList<Tier> All { get; } = [Tier.One, Tier.Two, Tier.Three];

    /// <summary>The tier's number, as outputs write it.</summary>
    public static int Number(this Tier tier) => (int)tier;

    /// <summary>The tier's meaning on the praktijkkaart.</summary>
    public static Phrase Meaning(this Tier tier) => tier switch
    {
        Tier.One => new("komt (bijna) altijd naar school", "(almost) always attends"),
        Tier.Two => new("beginnend verzuim", "emerging absence"),
        _ => new("structureel en zwaar verzuim", "chronic and severe absence"),
    };

    /// <summary>The change from <paramref name="previous"/> to <paramref name="now"/>.</summary>
    public static TierChange Change(Tier? previous, Tier now) => previous switch
    {
        null => TierChange.New,
        var p when now > p => TierChange.Up,
        var p when now < p => TierChange.Down,
        _ => TierChange.Same,
    };

    /// <summary><c>up</c>, <c>down</c>, <c>same</c> or <c>new</c>, as pupils.parquet writes it.</summary>
    public static string Code(this TierChange change) => change switch
    {
        TierChange.Up => "up",
        TierChange.Down => "down",
        TierChange.Same => "same",
        _ => "new",
    };

    /// <summary>The change for people: omhoog, omlaag, gelijk, nieuw.</summary>
    public static Phrase Words(this TierChange change) => change switch
    {
        TierChange.Up => new("omhoog", "up"),
        TierChange.Down => new("omlaag", "down"),
        TierChange.Same => new("gelijk", "same"),
        _ => new("nieuw", "new"),
    };
}

/// <summary>
/// One reason behind a tier (tier_reasons): a rate threshold of the policy that holds, or a criterion that is met.
/// Exactly one of <see cref="Rate"/> and <see cref="Criterion"/> is set.
/// </summary>
public readonly record struct TierReason
{
    /// <summary>A rate threshold that holds.</summary>
    public TierReason(RateThreshold rate)
    {
        Rate = rate;
        Code = rate.Code;
    }

    /// <summary>A criterion that is met.</summary>
    public TierReason(CriterionId criterion)
    {
        Criterion = criterion;
        Code = criterion.Code();
    }

    /// <summary>The rate threshold that holds, or null.</summary>
    public RateThreshold? Rate { get; }

    /// <summary>The criterion that is met, or null.</summary>
    public CriterionId? Criterion { get; }

    /// <summary>The reason as tier_reasons writes it: <c>RATE-8W-20</c> or a criterion id.</summary>
    public string Code { get; }

    /// <summary>The reason for people: a rate threshold in words ("verzuim 8 wk ≥ 20 %"), a criterion by its id.</summary>
    public string Describe(Language language)
    {
        if (Rate is not { } rate)
            return Criterion!.Value.Code();
        return rate.Describe(language, rate.Window.Short().In(language));
    }

    /// <inheritdoc/>
    public override string ToString() => Code;
}
