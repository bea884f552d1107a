using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Output;
using SkiaSharp;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// The weekday × lesuur heatmap as the SAT sees it: the colour of every cell, read from the rendered image where
/// the cell's weekday label and number are, follows the absence rate of that weekday and lesuur (darker is more).
/// A golden text file cannot see a map whose colour rows are upside down; this test does.
/// </summary>
public sealed class HeatmapTest
{
    private static string Samples([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "samples");

    /// <summary>The README's sample school, prepared as of 19 December 2025 (no files written).</summary>
    internal static Task<AnalysisRun> Sample() => Analysis.PrepareAsync(new AnalyzeOptions
    {
        Inputs = [Path.Combine(Samples(), "vo-school-2025-herfst.csv")],
        PupilsFile = Path.Combine(Samples(), "vo-school-2025-leerlingen.csv"),
        AsOf = D("2025-12-19"),
        OutputDirectory = "unused",
        Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
    });

    [Fact]
    public async Task CellColours_FollowTheRatesOfTheirWeekdayAndSlot()
    {
        using var run = await Sample();
        var plot = Charts.Heatmap(run);
        using var bitmap = SKBitmap.Decode(Charts.Png(plot, 900, 380));

        var counts = SlotAbsence.Count(run.Ledger, run.AsOf.Day);
        var slots = Enumerable.Range(0, Timetable.MaxSlots).Where(s => Enumerable.Range(0, 5).Any(d => counts.Scheduled[d, s] > 0)).ToArray();
        var cells = new List<(double Rate, int Darkness, string Where)>();
        for (var d = 0; d < 5; d++)
        {
            for (var i = 0; i < slots.Length; i++)
            {
                if (counts.Scheduled[d, slots[i]] == 0)
                    continue;
                // Left of the cell's centre, clear of the number printed in it; on the row of the weekday's label.
                var pixel = plot.GetPixel(new ScottPlot.Coordinates(i - 0.35, 4 - d));
                var colour = bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
                var rate = 100.0 * counts.Absent[d, slots[i]] / counts.Scheduled[d, slots[i]];
                cells.Add((rate, 3 * 255 - colour.Red - colour.Green - colour.Blue, $"day {d} slot {slots[i]}"));
            }
        }
        Assert.True(cells.Select(c => c.Rate).Distinct().Count() > 5, "the sample should have different rates to compare");
        // The scale starts at 0 %: the palest cell of the sample (a few percent absent) is not the colour of none.
        var palest = cells.MinBy(c => c.Rate);
        Assert.True(palest.Rate > 0);
        Assert.True(palest.Darkness > 3 * 255 - 0xff - 0xf5 - 0xeb + 30, $"{palest.Where} ({palest.Rate:0.0} %) is drawn as pale as 0 %");
        foreach (var a in cells)
        {
            foreach (var b in cells.Where(b => b.Rate > a.Rate + 0.5))
                Assert.True(b.Darkness >= a.Darkness, $"{b.Where} ({b.Rate:0.0} %) is lighter than {a.Where} ({a.Rate:0.0} %)");
        }
    }

    /// <summary>
    /// An export of day rows (dag-minuten) registers no lessons: its map was a column of 0,0 beside a weekly chart of
    /// 3–7 % absence (a visual review). It shows the weekdays, each the share of its scheduled minutes absent, read day
    /// by day from the ledger here, and coloured darker for more.
    /// </summary>
    [Fact]
    public async Task DayRows_GetTheirWeekdaysFromTheMinutes()
    {
        var folder = Directory.CreateTempSubdirectory("aanwezigheid-heatmap-");
        try
        {
            var export = Path.Combine(folder.FullName, "dag.csv");
            AanwezigheidsAnalyse.Synthetic.Generator.Write(new AanwezigheidsAnalyse.Synthetic.GeneratorOptions
            {
                Pupils = 200,
                Seed = 5,
                Until = D("2025-12-19"),
                Shape = AanwezigheidsAnalyse.Synthetic.ExportShape.DagMinuten,
            }, export);
            using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-12-19"), OutputDirectory = "unused", Region = AanwezigheidsAnalyse.Calendar.Region.Midden });
            var counts = SlotAbsence.Count(run.Ledger, run.AsOf.Day);
            Assert.True(counts.DaysOnly);
            var (absent, scheduled) = (new long[5], new long[5]);
            for (var p = 0; p < run.Ledger.PupilCount; p++)
            {
                for (var day = 0; day <= run.AsOf.Day; day++)
                {
                    var w = (int)run.Calendar.Weekday(day) - 1;
                    scheduled[w] += run.Ledger.ScheduledOn(p, day);
                    absent[w] += run.Ledger.RecordOn(p, day)?.Absent ?? 0;
                }
            }
            Assert.Equal(scheduled, counts.ScheduledMinutes);
            Assert.Equal(absent, counts.AbsentMinutes);

            var plot = Charts.Heatmap(run);
            using var bitmap = SKBitmap.Decode(Charts.Png(plot, 900, 380));
            var cells = Enumerable.Range(0, 5).Select(d =>
            {
                var pixel = plot.GetPixel(new ScottPlot.Coordinates(-0.35, 4 - d));
                var colour = bitmap.GetPixel((int)pixel.X, (int)pixel.Y);
                return (Rate: 100.0 * absent[d] / scheduled[d], Darkness: 3 * 255 - colour.Red - colour.Green - colour.Blue);
            }).ToList();
            foreach (var a in cells)
            {
                foreach (var b in cells.Where(b => b.Rate > a.Rate + 0.05))
                    Assert.True(b.Darkness >= a.Darkness, $"{b.Rate:0.00} % is lighter than {a.Rate:0.00} %");
            }
            // The report's alt text is the title drawn: no "lesuur" for a map without lessons.
            var written = Charts.Write(run, Path.Combine(folder.FullName, "charts"));
            Assert.Equal("Verzuim per weekdag (% van de geplande tijd)", written.Titles["verzuim-weekdag-lesuur"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Charts are encoded with faster PNG settings than ScottPlot's own (one row filter, zlib level 3): the pixels must
    /// be exactly those ScottPlot draws, only the compression differs.
    /// </summary>
    [Fact]
    public async Task ThePng_HoldsThePixelsScottPlotDraws()
    {
        using var run = await Sample();
        foreach (var (plot, width, height) in new[] { (Charts.Heatmap(run), 900, 380), (Charts.NewPlot("één lijn", AanwezigheidsAnalyse.Localization.Language.Dutch), 260, 180) })
        {
            using var ours = SKBitmap.Decode(Charts.Png(plot, width, height));
            var thread = System.Globalization.CultureInfo.CurrentCulture;
            System.Globalization.CultureInfo.CurrentCulture = AanwezigheidsAnalyse.Localization.Language.Dutch.Culture(); // the sample's, as ours is drawn
            using var theirs = SKBitmap.Decode(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
            System.Globalization.CultureInfo.CurrentCulture = thread;

            Assert.Equal((width, height), (ours.Width, ours.Height));
            Assert.Equal(theirs.ColorType, ours.ColorType);
            Assert.True(theirs.GetPixelSpan().SequenceEqual(ours.GetPixelSpan()), $"the {width}×{height} chart's pixels differ from ScottPlot's");
        }
    }

    /// <summary>A Dutch chart writes its axes' numbers with a decimal comma, as its cells and tables do; an English one with a point.</summary>
    [Theory]
    [InlineData("nl", ",")]
    [InlineData("en", ".")]
    public void AxisNumbers_AreInTheChartsLanguage(string language, string separator)
    {
        var plot = Charts.NewPlot("getallen", language == "nl" ? AanwezigheidsAnalyse.Localization.Language.Dutch : AanwezigheidsAnalyse.Localization.Language.English);
        plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 0, 1 });
        plot.Axes.SetLimits(0, 1, 0, 1);
        var numbers = System.Text.RegularExpressions.Regex.Matches(Charts.Svg(plot, 400, 300), @">\s*0([.,])\d+\s*<").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.Equal(separator, n));
    }

    [Fact]
    public async Task TheSvg_DrawsEveryCellAsASharpSquare()
    {
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions
        {
            Inputs = [Path.Combine(Samples(), "vo-school-2025-herfst.csv")],
            AsOf = D("2025-12-19"),
            OutputDirectory = "unused",
        });

        var svg = Charts.Svg(Charts.Heatmap(run), 900, 380);

        // The cells are a bitmap of one pixel per cell; stretched without this, a browser blurs them into each other.
        var images = System.Text.RegularExpressions.Regex.Matches(svg, "<image [^>]*>");
        Assert.NotEmpty(images);
        Assert.All(images, image => Assert.Contains("image-rendering=\"pixelated\"", image.Value));

        // Skia numbers clip paths from one counter per process: drawn again (as charts drawn side by side are, in
        // any order), the document is the same bytes.
        Assert.Equal(svg, Charts.Svg(Charts.Heatmap(run), 900, 380));
    }
}
