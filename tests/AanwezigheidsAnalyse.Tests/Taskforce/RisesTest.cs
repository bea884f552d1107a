using AanwezigheidsAnalyse.Taskforce;

namespace AanwezigheidsAnalyse.Tests.Taskforce;

/// <summary>
/// "Which categories rise" (issue 11): a planted rise in one measure in one school type is found and nothing else is
/// flagged; on data without a rise, the false-alarm rate over 100 seeds stays near the 5 % the correction promises.
/// </summary>
public sealed class RisesTest
{
    private static readonly string[] Types = ["PO", "VO", "MBO"];

    /// <summary>
    /// 20 weeks of schools of three types, each school with its own level of absence and weekly noise (±30 %);
    /// with <paramref name="rise"/>, the unauthorised absence of VO schools is 1.5× in the last 8 weeks.
    /// </summary>
    private static List<SchoolWeek> Region(int seed, int schoolsPerType, bool rise)
    {
        var random = new Random(seed);
        var weeks = new List<SchoolWeek>();
        for (var s = 0; s < schoolsPerType * Types.Length; s++)
        {
            var type = Types[s % Types.Length];
            double[] level = [0.05 + (0.02 * random.NextDouble()), 0.03 + (0.01 * random.NextDouble()), 0.01 + (0.01 * random.NextDouble())];
            for (var w = 0; w < 20; w++)
            {
                var scheduled = 100_000.0;
                var minutes = level.Select((l, m) => scheduled * l * (0.7 + (0.6 * random.NextDouble())) * (rise && type == "VO" && m == 2 && w >= 12 ? 1.5 : 1)).ToArray();
                weeks.Add(new SchoolWeek($"{type}-{s:000}", w, scheduled, minutes));
            }
        }
        return weeks;
    }

    private static IEnumerable<(string, string)> GroupsOf(string school) => [("alle", "alle scholen"), ("schooltype", school.Split('-')[0])];

    [Fact]
    public void APlantedRise_IsFound_InItsMeasureAndSchoolType_AndNothingElse()
    {
        var rises = Rises.Find(Region(seed: 1, schoolsPerType: 12, rise: true), GroupsOf);

        var flagged = rises.Where(r => r.Significant).ToList();
        Assert.Contains(flagged, r => r.Group == "VO" && r.Measure == "unauthorized" && r.Weeks == 8);
        Assert.All(flagged, r => Assert.True(r.Measure == "unauthorized" && r.Group is "VO" or "alle scholen", $"{r.Group} {r.Measure} {r.Weeks}"));
    }

    [Fact]
    public void WithoutARise_FalseAlarmsOn100Seeds_StayNearFivePercent()
    {
        var alarms = Enumerable.Range(1, 100).Count(seed => Rises.Find(Region(seed, schoolsPerType: 12, rise: false), GroupsOf).Any(r => r.Significant));

        // Holm keeps the chance of any false alarm per run at or below 5 %; measured here: see the closing note.
        Assert.InRange(alarms, 0, 8);
    }

    [Fact]
    public void TooFewSchools_SayNothing()
    {
        var rises = Rises.Find(Region(seed: 2, schoolsPerType: 3, rise: true), GroupsOf);

        Assert.All(rises.Where(r => r.Dimension == "schooltype"), r => Assert.True(r.TooFew));
        Assert.DoesNotContain(rises, r => r.Significant && r.Dimension == "schooltype");
    }

    [Theory]
    [InlineData(6, 6, 1.0 / 64)]
    [InlineData(0, 10, 1.0)]
    [InlineData(8, 10, 56.0 / 1024)]
    public void TheSignTest_IsTheBinomialTail(int up, int n, double expected)
    {
        Assert.Equal(expected, Rises.SignTestUp(up, n), 12);
    }
}
