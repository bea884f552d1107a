namespace AanwezigheidsAnalyse.Taskforce;

/// <summary>One school's week, as the rise test reads it: scheduled minutes and the minutes of each measure.</summary>
/// <param name="SchoolId">The school.</param>
/// <param name="Week">The week's index in the year (0 the first school week).</param>
/// <param name="Scheduled">Scheduled minutes of its pupils.</param>
/// <param name="Minutes">Minutes per measure, in <see cref="Rises.Measures"/> order.</param>
public sealed record SchoolWeek(string SchoolId, int Week, double Scheduled, double[] Minutes);

/// <summary>What the rise test says of one measure in one group of schools over one window.</summary>
/// <param name="Dimension">The dimension of the group (<c>alle</c>, <c>schooltype</c>).</param>
/// <param name="Group">The group.</param>
/// <param name="Measure">The measure (<c>absence</c>, <c>sick</c>, <c>unauthorized</c>).</param>
/// <param name="Weeks">The window: the last N school weeks against the N before.</param>
/// <param name="Before">The group's rate in the N weeks before.</param>
/// <param name="After">The group's rate in the last N weeks.</param>
/// <param name="Schools">Schools with both windows.</param>
/// <param name="SchoolsUp">Schools whose rate rose.</param>
/// <param name="SchoolsDown">Schools whose rate fell.</param>
/// <param name="P">One-sided sign-test p-value, before correction.</param>
/// <param name="AdjustedP">The p-value after Holm's correction over every test of the run.</param>
/// <param name="TooFew">True when the group has too few schools to say anything.</param>
public sealed record Rise(string Dimension, string Group, string Measure, int Weeks, double Before, double After, int Schools, int SchoolsUp, int SchoolsDown, double P, double AdjustedP, bool TooFew)
{
    /// <summary>True when the test supports a rise at the 5 % level after correction.</summary>
    public bool Significant => !TooFew && AdjustedP < Rises.Alpha && After > Before;
}

/// <summary>
/// "Which categories rise" (README, "The Taskforce"): for every measure, group of schools and window (the last 4
/// and 8 school weeks against as many weeks before), a one-sided sign test over the schools of the group: under no
/// change, a school's rate is as likely to go up as down, so the number of schools that went up is binomial(n, ½).
/// The school is the unit because a school's pupils and weeks are not independent of each other; counting minutes or
/// pupil-weeks as independent would call every wobble a rise. Holm's correction over all tests of the run keeps the
/// chance of one false alarm at or below 5 %. A group of fewer than <see cref="MinSchools"/> schools is reported as too
/// few: six schools all going up is p = 1/64.
/// </summary>
public static class Rises
{
    /// <summary>The measures, as <see cref="SchoolWeek.Minutes"/> holds them.</summary>
    public static readonly string[] Measures = ["absence", "sick", "unauthorized"];

    /// <summary>The windows, in school weeks.</summary>
    public static readonly int[] Windows = [4, 8];

    /// <summary>The family-wise error rate.</summary>
    public const double Alpha = 0.05;

    /// <summary>The fewest schools a group needs for the test to speak.</summary>
    public const int MinSchools = 6;

    /// <summary>Tests every measure for every group and window; <paramref name="groupsOf"/> gives a school's groups as (dimension, group).</summary>
    public static IReadOnlyList<Rise> Find(IReadOnlyList<SchoolWeek> weeks, Func<string, IEnumerable<(string Dimension, string Group)>> groupsOf)
    {
        var lastWeek = weeks.Count == 0 ? -1 : weeks.Max(w => w.Week);
        var bySchool = weeks.GroupBy(w => w.SchoolId).ToDictionary(g => g.Key, g => g.ToDictionary(w => w.Week));
        var tests = new List<Rise>();
        foreach (var window in Windows)
        {
            // A school's rate over a window: minutes over scheduled minutes of the weeks it has.
            double? Rate(Dictionary<int, SchoolWeek> school, int from, int to, int measure)
            {
                double minutes = 0, scheduled = 0;
                for (var w = from; w <= to; w++)
                {
                    if (school.TryGetValue(w, out var week))
                    {
                        minutes += week.Minutes[measure];
                        scheduled += week.Scheduled;
                    }
                }
                return scheduled > 0 ? minutes / scheduled : null;
            }
            var (afterFrom, beforeFrom) = (lastWeek - window + 1, lastWeek - (2 * window) + 1);
            if (beforeFrom < 0)
                continue;
            var groups = bySchool.Keys.SelectMany(s => groupsOf(s).Select(g => (Group: g, School: s))).GroupBy(x => x.Group, x => x.School);
            foreach (var group in groups.OrderBy(g => g.Key.Dimension, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal))
            {
                for (var m = 0; m < Measures.Length; m++)
                {
                    int up = 0, down = 0, schools = 0;
                    double minutesBefore = 0, scheduledBefore = 0, minutesAfter = 0, scheduledAfter = 0;
                    foreach (var school in group)
                    {
                        var data = bySchool[school];
                        if (Rate(data, beforeFrom, afterFrom - 1, m) is not { } before || Rate(data, afterFrom, lastWeek, m) is not { } after)
                            continue;
                        schools++;
                        if (after > before)
                            up++;
                        else if (after < before)
                            down++;
                        for (var w = beforeFrom; w <= lastWeek; w++)
                        {
                            if (!data.TryGetValue(w, out var week))
                                continue;
                            if (w < afterFrom)
                                (minutesBefore, scheduledBefore) = (minutesBefore + week.Minutes[m], scheduledBefore + week.Scheduled);
                            else
                                (minutesAfter, scheduledAfter) = (minutesAfter + week.Minutes[m], scheduledAfter + week.Scheduled);
                        }
                    }
                    tests.Add(new Rise(group.Key.Dimension, group.Key.Group, Measures[m], window,
                        scheduledBefore > 0 ? minutesBefore / scheduledBefore : 0, scheduledAfter > 0 ? minutesAfter / scheduledAfter : 0,
                        schools, up, down, SignTestUp(up, up + down), 1, schools < MinSchools));
                }
            }
        }
        return Holm(tests);
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

    /// <summary>Holm's step-down correction over the tests that can speak (those with enough schools).</summary>
    private static List<Rise> Holm(List<Rise> tests)
    {
        var speaking = tests.Select((t, i) => (Test: t, Index: i)).Where(x => !x.Test.TooFew).OrderBy(x => x.Test.P).ToList();
        var adjusted = tests.Select(t => 1.0).ToArray();
        var running = 0.0;
        for (var rank = 0; rank < speaking.Count; rank++)
        {
            running = Math.Max(running, Math.Min(1, (speaking.Count - rank) * speaking[rank].Test.P));
            adjusted[speaking[rank].Index] = running;
        }
        return [.. tests.Select((t, i) => t with { AdjustedP = adjusted[i] })];
    }
}
