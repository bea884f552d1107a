namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>One school's week, as the rise test reads it: per measure a numerator and what it is a share of.</summary>
/// <param name="SchoolId">The school.</param>
/// <param name="SchoolYear">The first calendar year of the week's school year (2025 for 2025-2026).</param>
/// <param name="Week">The week's index in its school year (0 the first school week in the data).</param>
/// <param name="IsoWeek">The ISO week number, which lines the week up with the same week a year earlier.</param>
/// <param name="Numerators">Per measure: minutes of a category, or pupils meeting a criterion or in a tier.</param>
/// <param name="Denominators">Per measure: scheduled minutes, or pupils.</param>
public sealed record SchoolWeek(string SchoolId, int SchoolYear, int Week, int IsoWeek, double[] Numerators, double[] Denominators);

/// <summary>What a rise is measured against.</summary>
public enum RiseBaseline
{
    /// <summary>As many school weeks just before the window.</summary>
    WeeksBefore,

    /// <summary>The same ISO weeks of the school year before.</summary>
    LastYear,
}

/// <summary>What the rise test says of one measure in one group of schools over one window.</summary>
/// <param name="Dimension">The dimension of the group (<c>alle</c>, <c>schooltype</c>).</param>
/// <param name="Group">The group.</param>
/// <param name="Measure">The measure (see <see cref="Trends.RiseMeasures"/>).</param>
/// <param name="Weeks">The window: the last N school weeks.</param>
/// <param name="Baseline">What the window is compared with.</param>
/// <param name="Before">The group's rate in the baseline weeks.</param>
/// <param name="After">The group's rate in the last N weeks.</param>
/// <param name="Schools">Schools with both windows.</param>
/// <param name="SchoolsUp">Schools whose rate rose.</param>
/// <param name="SchoolsDown">Schools whose rate fell.</param>
/// <param name="P">One-sided sign-test p-value, before correction.</param>
/// <param name="AdjustedP">The p-value after the Benjamini-Hochberg correction over every test of the run that can speak.</param>
/// <param name="TooFew">True when the group has too few schools to say anything.</param>
public sealed record Rise(string Dimension, string Group, string Measure, int Weeks, RiseBaseline Baseline, double Before, double After, int Schools, int SchoolsUp, int SchoolsDown, double P, double AdjustedP, bool TooFew)
{
    /// <summary>True when the test supports a rise at the 5 % level after correction.</summary>
    public bool Significant => Speaks && AdjustedP < Rises.Alpha && After > Before;

    /// <summary>True when the test can say anything: enough schools in the group, and enough of them changed (ties say nothing either way).</summary>
    public bool Speaks => !TooFew && SchoolsUp + SchoolsDown >= Rises.MinSchools;
}

/// <summary>
/// "Which categories rise" (README, "The Taskforce"): for every measure, group of schools and window (the last 4
/// and 8 school weeks), against as many weeks before and against the same ISO weeks of the school year before, a
/// one-sided sign test over the schools of the group: under no change, a school's rate is as likely to go up as
/// down, so the number of schools that went up is binomial(n, ½). The school is the unit because a school's pupils
/// and weeks are not independent of each other; counting minutes or pupil-weeks as independent would call every
/// wobble a rise. With some 400 tests per run, Holm's correction would leave a real rise in one school type unseen;
/// the Benjamini-Hochberg correction keeps the chance of any false alarm in a region where nothing rises at or below
/// 5 % (as Holm does) and, where something rises, the expected share of false ones among the rises it lists. A group
/// of fewer than <see cref="MinSchools"/> schools is reported as too few, and a test where fewer than that many
/// schools changed at all (a criterion nobody meets) is left out of the correction: it could never reach 5 %.
/// </summary>
public static class Rises
{
    /// <summary>The windows, in school weeks.</summary>
    public static readonly int[] Windows = [4, 8];

    /// <summary>The false-discovery rate, and so the chance of any false alarm where nothing rises.</summary>
    public const double Alpha = 0.05;

    /// <summary>The fewest schools a group needs for the test to speak: six schools all going up is p = 1/64.</summary>
    public const int MinSchools = 6;

    /// <summary>
    /// Tests every measure for every group and window in the latest school year of <paramref name="weeks"/>;
    /// <paramref name="groupsOf"/> gives a school's groups as (dimension, group).
    /// </summary>
    public static IReadOnlyList<Rise> Find(IReadOnlyList<SchoolWeek> weeks, IReadOnlyList<string> measures, Func<string, IEnumerable<(string Dimension, string Group)>> groupsOf)
    {
        if (weeks.Count == 0)
            return [];
        var year = weeks.Max(w => w.SchoolYear);
        var current = weeks.Where(w => w.SchoolYear == year).ToList();
        var lastWeek = current.Max(w => w.Week);
        var isoOf = current.GroupBy(w => w.Week).ToDictionary(g => g.Key, g => g.First().IsoWeek);
        var bySchool = current.GroupBy(w => w.SchoolId).ToDictionary(g => g.Key, g => g.ToDictionary(w => w.Week));
        var lastYear = weeks.Where(w => w.SchoolYear == year - 1).GroupBy(w => w.SchoolId).ToDictionary(g => g.Key, g => g.ToDictionary(w => w.IsoWeek));
        // A group holding exactly the schools of a group before it (every school "onbekend" without a schools file,
        // or a region of one school type) is the same test: it is listed once, under the first ("alle" before
        // "schooltype"), and not counted twice in the correction.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groups = bySchool.Keys.SelectMany(s => groupsOf(s).Select(g => (Group: g, School: s))).GroupBy(x => x.Group, x => x.School)
            .OrderBy(g => g.Key.Dimension == "alle" ? 0 : 1).ThenBy(g => g.Key.Dimension, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Where(g => seen.Add(string.Join('\u001f', g.Order(StringComparer.Ordinal))))
            .ToList();

        var tests = new List<Rise>();
        foreach (var window in Windows)
        {
            var after = Enumerable.Range(lastWeek - window + 1, window).ToList();
            if (after[0] < 0)
                continue;
            var baselines = new List<(RiseBaseline Baseline, Func<string, IEnumerable<SchoolWeek>> Weeks)>();
            if (after[0] - window >= 0)
                baselines.Add((RiseBaseline.WeeksBefore, school => Pick(bySchool[school], Enumerable.Range(after[0] - window, window))));
            if (lastYear.Count > 0)
                baselines.Add((RiseBaseline.LastYear, school => lastYear.TryGetValue(school, out var old) ? Pick(old, after.Select(w => isoOf.GetValueOrDefault(w, -1))) : []));
            foreach (var (baseline, before) in baselines)
            {
                foreach (var group in groups)
                {
                    for (var m = 0; m < measures.Count; m++)
                    {
                        int up = 0, down = 0, schools = 0;
                        Share groupBefore = default, groupAfter = default;
                        foreach (var school in group)
                        {
                            var (b, a) = (Share.Of(before(school), m), Share.Of(Pick(bySchool[school], after), m));
                            if (b.Rate is not { } rateBefore || a.Rate is not { } rateAfter)
                                continue;
                            schools++;
                            if (rateAfter > rateBefore)
                                up++;
                            else if (rateAfter < rateBefore)
                                down++;
                            (groupBefore, groupAfter) = (groupBefore + b, groupAfter + a);
                        }
                        tests.Add(new Rise(group.Key.Dimension, group.Key.Group, measures[m], window, baseline,
                            groupBefore.Rate ?? 0, groupAfter.Rate ?? 0, schools, up, down, SignTestUp(up, up + down), 1, schools < MinSchools));
                    }
                }
            }
        }
        return BenjaminiHochberg(tests);
    }

    private static IEnumerable<SchoolWeek> Pick<TKey>(Dictionary<TKey, SchoolWeek> weeks, IEnumerable<TKey> keys) where TKey : notnull
    {
        foreach (var key in keys)
        {
            if (weeks.TryGetValue(key, out var week))
                yield return week;
        }
    }

    /// <summary>A measure summed over weeks: its numerators over its denominators.</summary>
    private readonly record struct Share(double Numerator, double Denominator)
    {
        public double? Rate => Denominator > 0 ? Numerator / Denominator : null;

        public static Share Of(IEnumerable<SchoolWeek> weeks, int measure) =>
            weeks.Aggregate(default(Share), (s, w) => s + new Share(w.Numerators[measure], w.Denominators[measure]));

        public static Share operator +(Share a, Share b) => new(a.Numerator + b.Numerator, a.Denominator + b.Denominator);
    }

    /// <summary>P(X ≥ up) for X ~ binomial(n, ½): the chance of this many or more schools going up if nothing changed. Ties are left out.</summary>
    internal static double SignTestUp(int up, int n)
    {
        if (n == 0)
            return 1;
        // In logs: n reaches the thousands nationally, where C(n, k) / 2^n underflows.
        var logFactorial = new double[n + 1];
        for (var i = 2; i <= n; i++)
            logFactorial[i] = logFactorial[i - 1] + Math.Log(i);
        var p = 0.0;
        for (var k = up; k <= n; k++)
            p += Math.Exp(logFactorial[n] - logFactorial[k] - logFactorial[n - k] - (n * Math.Log(2)));
        return Math.Min(1, p);
    }

    /// <summary>
    /// Benjamini-Hochberg adjusted p-values over the tests that can speak (<see cref="Rise.Speaks"/>); the others keep 1.
    /// </summary>
    private static List<Rise> BenjaminiHochberg(List<Rise> tests)
    {
        var speaking = tests.Select((t, i) => (Test: t, Index: i))
            .Where(x => x.Test.Speaks).OrderBy(x => x.Test.P).ToList();
        var adjusted = tests.Select(t => 1.0).ToArray();
        var running = 1.0;
        for (var rank = speaking.Count - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, speaking[rank].Test.P * speaking.Count / (rank + 1));
            adjusted[speaking[rank].Index] = running;
        }
        return [.. tests.Select((t, i) => t with { AdjustedP = adjusted[i] })];
    }
}
