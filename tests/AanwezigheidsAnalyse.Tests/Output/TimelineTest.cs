using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using SkiaSharp;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// A pupil's timeline as the SAT sees it: every school day a bar, coloured as high as the share of the day's scheduled
/// time the pupil missed, a late arrival a mark of its own, a day without lesson time white. It coloured the whole day
/// for any absence, so one lesson late looked like a day away (a visual review), and a late morning in a primary school
/// like a morning away (an adversarial pass). Read from the rendered image, day by day, against the ledger's minutes.
/// </summary>
public sealed class TimelineTest : Support.TempFolder
{
    private static readonly Category[] Missed =
        [Category.Sick, Category.SentHomeSick, Category.AuthorizedOther, Category.Unauthorized, Category.Suspended, Category.ReducedTimetable];

    /// <summary>The coloured share of the day's bar the ledger asks for.</summary>
    private static double Expected(DayRecord record)
    {
        var missed = record.Scheduled > 0 || record.Absent > 0 ? Math.Min(1, Missed.Sum(c => record.Minutes.Of(c)) / (double)Math.Max(record.Scheduled, record.Absent)) : 0;
        return record.LateArrivals > 0 || record.Minutes.Of(Category.Late) > 0 ? Math.Min(1, missed + Charts.LateMark) : missed;
    }

    /// <summary>Every day of the pupil's records: the share of its bar's pixels in a category's colour, and what its middle pixel is.</summary>
    private static List<(DayRecord Record, double Coloured, int Pixels, SKColor Middle)> Read(AnalysisRun run, int pupil)
    {
        var palette = Charts.CategoryColors.Values.Select(c => new SKColor(c.R, c.G, c.B)).ToHashSet();
        var plot = Charts.Timeline(run, pupil);
        using var bitmap = SKBitmap.Decode(Charts.Png(plot, 1800, 600));
        var days = new List<(DayRecord, double, int, SKColor)>();
        foreach (var record in run.Ledger.Records(pupil).ToArray().Where(r => r.Day <= run.AsOf.Day))
        {
            var bottom = plot.GetPixel(new ScottPlot.Coordinates(record.Day + 0.45, 0));
            var top = plot.GetPixel(new ScottPlot.Coordinates(record.Day + 0.45, 1));
            var (pixels, coloured) = (0, 0);
            for (var y = (int)Math.Ceiling(top.Y) + 2; y < (int)Math.Floor(bottom.Y) - 2; y++)
            {
                pixels++;
                coloured += palette.Contains(bitmap.GetPixel((int)bottom.X, y).WithAlpha(255)) ? 1 : 0;
            }
            days.Add((record, (double)coloured / pixels, pixels, bitmap.GetPixel((int)bottom.X, (int)((top.Y + bottom.Y) / 2))));
        }
        return days;
    }

    [Fact]
    public async Task EveryDaysBar_IsColouredAsHighAsTheShareOfTheDayMissed()
    {
        using var run = await HeatmapTest.Sample();
        var ledger = run.Ledger;
        // Pupils with days partly missed and days wholly missed, so that both kinds of bar are read.
        var pupils = Enumerable.Range(0, ledger.PupilCount)
            .Where(p => ledger.Records(p).ToArray().Any(r => Expected(r) is > 0 and < 0.5) && ledger.Records(p).ToArray().Any(r => Expected(r) == 1))
            .Take(4).ToList();
        Assert.Equal(4, pupils.Count);

        var (partly, wholly) = (0, 0);
        foreach (var pupil in pupils)
        {
            foreach (var (record, coloured, pixels, _) in Read(run, pupil))
            {
                var expected = Expected(record);
                Assert.True(Math.Abs(coloured - expected) <= 5.0 / pixels,
                    $"pupil {ledger.PupilId(pupil)}, {run.Calendar.Date(record.Day)}: {coloured:0.000} of the bar coloured for a share of {expected:0.000}");
                partly += expected is > 0 and < 0.5 ? 1 : 0;
                wholly += expected == 1 ? 1 : 0;
            }
        }
        Assert.True(partly > 0 && wholly > 0);
    }

    /// <summary>A primary school's late morning is a mark, not a morning away; an exempt day is white, not a day attended.</summary>
    [Fact]
    public async Task ALateMorning_IsAMark_AndAnExemptDay_IsWhite()
    {
        var export = PathOf("po.csv");
        File.WriteAllLines(export,
        [
            "pupil_id,group,date,slot,status",
            "4701,groep 5,2025-09-01,,sick", "4701,groep 5,2025-09-02,ochtend,late", "4701,groep 5,2025-09-03,,exempt",
            "4701,groep 5,2025-09-04,middag,unauthorized", "4701,groep 5,2025-09-05,ochtend,sick",
        ]);
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-09-05"), OutputDirectory = "unused", Region = AanwezigheidsAnalyse.Calendar.Region.Midden });
        var days = Read(run, 0).ToDictionary(d => run.Calendar.Date(d.Record.Day).Day);

        Assert.Equal(1, days[1].Coloured, 2);                                   // a day ill
        Assert.Equal(Charts.LateMark, days[2].Coloured, 1);                    // late: a mark, not 210 of 330 minutes
        Assert.Equal(0, days[3].Coloured);                                     // exempt: nothing coloured …
        Assert.Equal(new SKColor(0xff, 0xff, 0xff), days[3].Middle);           // … and white, not the grey of a day attended
        Assert.Equal(120 / 330.0, days[4].Coloured, 1);                        // the afternoon of a day
        Assert.Equal(210 / 330.0, days[5].Coloured, 1);                        // the morning of a day
    }
}
