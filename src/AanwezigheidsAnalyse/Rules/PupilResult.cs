using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>Everything the engine decides about one pupil at one as-of date, without allocating.</summary>
public struct PupilResult
{
    public WindowTotals Ytd;
    public WindowTotals Weeks4;
    public WindowTotals Weeks8;
    public PupilMeasures Measures;

    /// <summary>Bit i set when <c>CriterionIds.All[i]</c> holds.</summary>
    public uint Met;

    /// <summary>Bit j set when the rate threshold of tier rule j holds on enough scheduled days.</summary>
    public uint RateReasons;

    public byte Tier;

    public readonly bool IsMet(int criterionIndex) => (Met & (1u << criterionIndex)) != 0;

    public readonly WindowTotals Window(RateWindow window) => window switch
    {
        RateWindow.Ytd => Ytd,
        RateWindow.Weeks4 => Weeks4,
        _ => Weeks8,
    };
}

/// <summary>
/// The measures behind the criteria, output for every pupil with fixed windows, so that a column always means
/// what its name says whatever the policy (RULES.md defaults: 2 months, 12 and 4 school weeks, 1 month).
/// </summary>
public struct PupilMeasures
{
    /// <summary>Sick episodes that started in the last 2 months.</summary>
    public int SickEpisodes2m;

    /// <summary>Sick episodes of 1–2 school days that started in the last 2 months.</summary>
    public int ShortSickEpisodes2m;

    /// <summary>Sick episodes that started in the last 12 school weeks.</summary>
    public int SickEpisodes12w;

    /// <summary>The longest sick episode running at T or ended in the last 4 school weeks, in school days.</summary>
    public int LongestSickEpisodeDays;

    /// <summary>The sick episode running at T, in school days; 0 when the pupil is not sick at T.</summary>
    public int RunningSickEpisodeDays;

    /// <summary>Sick days in the last month.</summary>
    public int SickDays1m;

    /// <summary>Sent-home-sick days in the last 2 months.</summary>
    public int SentHomeSickDays2m;

    /// <summary>Consecutive school weeks up to T with attendance below 50 % (LR-50).</summary>
    public int WeeksBelow50;

    /// <summary>Consecutive school weeks up to T without any education (TZ-0).</summary>
    public int WeeksWithoutEducation;

    /// <summary>Unauthorized minutes in the last 4 school weeks: the plain sliding sum (RULES §2).</summary>
    public int UnauthorizedMinutes4w;

    /// <summary>Late arrivals in the last 4 school weeks.</summary>
    public int LateArrivals4w;

    /// <summary>School days in the last 15 school weeks with at least 25 % of scheduled time absent.</summary>
    public int AbsenceDays15w;

    /// <summary>DUO meldingen "16 uur in 4 weken" of the school year up to T.</summary>
    public int DuoMeldingen;

    /// <summary>The absence category with the most minutes in the last 8 school weeks, or None.</summary>
    public Category DominantAbsence;
}
