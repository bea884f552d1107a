using AanwezigheidsAnalyse.Output;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// The axes of the week charts as a reader sees them: the week of T always dated, no two dates so close that they
/// print over each other (a 29-week year read "16 m23 mrt"), and about eight dates whatever the number of weeks.
/// </summary>
public sealed class ChartAxesTest
{
    [Theory]
    [InlineData(new double[] { 0, 1, 2 }, 2.2, new double[0])]                 // a 2-pupil chart: no tick between 0 and 1
    [InlineData(new double[] { 0, 2, 4 }, 4.4, new double[] { 1, 3 })]
    [InlineData(new double[] { 0, 5, 10 }, 10, new double[] { 1, 2, 3, 4, 6, 7, 8, 9 })]
    [InlineData(new double[] { 0, 20, 40 }, 44, new double[] { 4, 8, 12, 16, 24, 28, 32, 36, 44 })]
    public void PupilCountAxes_HaveMinorTicksOnWholeNumbersOnly(double[] major, double top, double[] minor) =>
        Assert.Equal(minor, new Charts.WholeMinorTicks().GetMinorTicks(major, new ScottPlot.CoordinateRange(0, top)));

    [Fact]
    public void WeekDates_EndWithTheWeekOfT_AndNeverCrowdIt()
    {
        for (var weeks = 1; weeks <= 60; weeks++)
        {
            var positions = Charts.WeekTickPositions(weeks);
            var step = Math.Max(1, (weeks + 7) / 8);

            Assert.Equal(0, positions[0]);
            Assert.Equal(weeks - 1, positions[^1]);
            for (var i = 1; i < positions.Length; i++)
                Assert.True(positions[i] - positions[i - 1] >= Math.Max(1, (step + 1) / 2), $"{weeks} weeks: dates at {positions[i - 1]} and {positions[i]} are closer than half of {step} weeks");
            Assert.InRange(positions.Length, Math.Min(weeks, 5), 10);
        }
    }
}
