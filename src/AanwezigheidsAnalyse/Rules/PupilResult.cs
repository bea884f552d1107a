using System.Diagnostics.CodeAnalysis;
using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>
/// What the rules decide about one pupil at one as-of date, without allocating: the totals over the three rate
/// windows, the measures behind the criteria, and the criteria met. The tier is Tiering's, from this.
/// </summary>
public struct PupilResult
{
    /// <summary>Totals over the school year to T.</summary>
    public WindowTotals Ytd;

    /// <summary>Totals over the last 4 school weeks.</summary>
    public WindowTotals Weeks4;

    /// <summary>Totals over the last 8 school weeks.</summary>
    public WindowTotals Weeks8;

    /// <summary>The measures behind the criteria, with docs/criteria.md's default windows.</summary>
    public PupilMeasures Measures;

    /// <summary>The criteria that hold at T.</summary>
    public CriterionSet Met;

    /// <summary>The totals over a rate window (a reference: the tier rules read it for every pupil and week).</summary>
    [UnscopedRef]
    public readonly ref readonly WindowTotals Window(RateWindow window)
    {
        switch (window)
        {
            case RateWindow.Ytd:
                return ref Ytd;
            case RateWindow.Weeks4:
                return ref Weeks4;
            default:
                return ref Weeks8;
        }
    }
}

/// <summary>
/// The measures behind the criteria, output for every pupil with fixed windows, so that a column always means
/// what its name says whatever the policy (docs/criteria.md defaults: 2 months, 12 and 4 school weeks, 1 month).
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

    /// <summary>Unauthorized minutes in the last 4 school weeks: the plain sliding sum (criteria §2).</summary>
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
