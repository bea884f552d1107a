using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using SkiaSharp;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// A pupil's timeline as the SAT sees it: every school day a bar, coloured as high as the share of the day's scheduled
/// time the pupil missed. It coloured the whole day for any absence, so one lesson late looked like a day away (a
/// visual review). Read from the rendered image, day by day, against the day's minutes in the ledger.
/// </summary>
public sealed class TimelineTest
{
    private static readonly Category[] Missed =
        [Category.Sick, Category.SentHomeSick, Category.AuthorizedOther, Category.Unauthorized, Category.Suspended, Category.ReducedTimetable, Category.Late];

    [Fact]
    public async Task EveryDaysBar_IsColouredAsHighAsTheShareOfTheDayMissed()
    {
        using var run = await HeatmapTest.Sample();
        var ledger = run.Ledger;
        double Share(DayRecord record) => Math.Min(1, Missed.Sum(c => record.Minutes.Of(c)) / (double)Math.Max(record.Scheduled, record.Absent));
        // Pupils with days partly missed and days wholly missed, so that both kinds of bar are read.
        var pupils = Enumerable.Range(0, ledger.PupilCount)
            .Where(p => ledger.Records(p).ToArray().Any(r => Share(r) is > 0 and < 0.5) && ledger.Records(p).ToArray().Any(r => Share(r) == 1))
            .Take(4).ToList();
        Assert.Equal(4, pupils.Count);

        var (partly, wholly) = (0, 0);
        foreach (var pupil in pupils)
        {
            var plot = Charts.Timeline(run, pupil);
            const int width = 1800, height = 600;
            using var bitmap = SKBitmap.Decode(Charts.Png(plot, width, height));
            foreach (var record in ledger.Records(pupil).ToArray().Where(r => r.Day <= run.AsOf.Day))
            {
                var bottom = plot.GetPixel(new ScottPlot.Coordinates(record.Day + 0.45, 0));
                var top = plot.GetPixel(new ScottPlot.Coordinates(record.Day + 0.45, 1));
                var (pixels, coloured) = (0, 0);
                for (var y = (int)Math.Ceiling(top.Y) + 1; y < (int)Math.Floor(bottom.Y) - 1; y++)
                {
                    var colour = bitmap.GetPixel((int)bottom.X, y);
                    pixels++;
                    coloured += colour is { Red: 0xd8, Green: 0xd8, Blue: 0xd8 } ? 0 : 1;
                }
                var expected = Share(record);
                Assert.True(Math.Abs((double)coloured / pixels - expected) <= 3.0 / pixels,
                    $"pupil {ledger.PupilId(pupil)}, {run.Calendar.Date(record.Day)}: {coloured} of {pixels} pixels coloured for a share of {expected:0.000}");
                partly += expected is > 0 and < 0.5 ? 1 : 0;
                wholly += expected == 1 ? 1 : 0;
            }
        }
        Assert.True(partly > 0 && wholly > 0);
    }
}
