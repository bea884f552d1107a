using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse.Research;

/// <summary>
/// What the early-warning model sees of a pupil at an as-of date (README, "The researcher"): only measures the rules
/// core computes at that date, so nothing after it (a test shifts the data after T and the features at T stay), and
/// no protected attribute (no sex, age, origin, school type or class: the school is not a feature either).
/// </summary>
public static class Features
{
    /// <summary>The features, in the model's order.</summary>
    public static readonly string[] Names =
    [
        "absence_rate_ytd", "absence_rate_8w", "absence_rate_4w", "absence_rate_previous_4w",
        "sick_rate_8w", "sick_rate_4w", "unauthorized_rate_8w", "unauthorized_rate_4w",
        "sick_episodes_2m", "short_sick_episodes_2m", "sick_episodes_12w", "longest_sick_episode_days", "running_sick_episode_days", "sick_days_1m",
        "weeks_below_50", "weeks_without_education", "unauthorized_hours_4w", "late_arrivals_4w", "absence_days_15w",
        "tier", "weeks_in_tier", "criteria_met", "scheduled_days_ytd", "absence_rate_last_year",
    ];

    /// <summary>The number of features.</summary>
    public const int Count = 24;

    /// <summary>
    /// Every pupil's features at each of <paramref name="asOfWeeks"/>, evaluated under the default policy at the end of
    /// every school week from the first (the weeks in tier need the tiers before); null where the pupil is not on the
    /// roll at that week's end (not enrolled yet, or left). Indexed [pupil][as-of]. <paramref name="lastYear"/> gives a pupil's absence of the
    /// school year before (same school and pupil number), -1 when unknown.
    /// </summary>
    internal static float[]?[][] At(DayLedger ledger, AsOf[] weekEnds, int[] asOfWeeks, Func<int, float>? lastYear = null)
    {
        var engine = new RulesEngine(Policy.Default);
        var tiers = new TierEvaluator(Policy.Default);
        var features = new float[]?[ledger.PupilCount][];
        var last = asOfWeeks.Length == 0 ? -1 : asOfWeeks[^1];
        PupilRanges.ForEach(ledger.PupilCount, Parallelism.Default, () => engine.NewFacts(ledger), (from, to, facts) =>
        {
            for (var p = from; p < to; p++)
            {
                features[p] = new float[]?[asOfWeeks.Length];
                if (last < 0)
                    continue;
                var candidates = engine.Candidates(facts, p, weekEnds[last]); // those the year cannot meet are known not to hold
                Tier? lastTier = null;
                var run = 0;
                for (int w = 0, j = 0; w <= last; w++)
                {
                    engine.Evaluate(facts, p, weekEnds[w], out var result, ResultParts.All, candidates);
                    Tier? tier = facts.OnRoll ? tiers.Place(in result) : null;
                    run = tier == lastTier ? run + 1 : 1;
                    lastTier = tier;
                    if (j < asOfWeeks.Length && asOfWeeks[j] == w)
                        features[p][j++] = tier is { } t ? Of(in result, t, run, lastYear?.Invoke(p) ?? -1) : null;
                }
            }
        }, _ => { });
        return features;
    }

    /// <summary>The features of one pupil's result at an as-of date.</summary>
    internal static float[] Of(in PupilResult r, Tier tier, int weeksInTier, float lastYear)
    {
        var m = r.Measures;
        var previousScheduled = r.Weeks8.Scheduled - r.Weeks4.Scheduled;
        float Rate(in WindowTotals w, Category? c = null) => w.Scheduled > 0 ? (float)w.Rate(c) : 0;
        return
        [
            Rate(in r.Ytd), Rate(in r.Weeks8), Rate(in r.Weeks4),
            previousScheduled > 0 ? (float)(r.Weeks8.Absent - r.Weeks4.Absent) / previousScheduled : 0,
            Rate(in r.Weeks8, Category.Sick), Rate(in r.Weeks4, Category.Sick), Rate(in r.Weeks8, Category.Unauthorized), Rate(in r.Weeks4, Category.Unauthorized),
            m.SickEpisodes2m, m.ShortSickEpisodes2m, m.SickEpisodes12w, m.LongestSickEpisodeDays, m.RunningSickEpisodeDays, m.SickDays1m,
            m.WeeksBelow50, m.WeeksWithoutEducation, m.UnauthorizedMinutes4w / 60f, m.LateArrivals4w, m.AbsenceDays15w,
            (int)tier, weeksInTier, r.Met.Count, r.Ytd.ScheduledDays, lastYear,
        ];
    }
}
