using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Output;
using SkiaSharp;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// Charts are encoded with faster PNG settings than ScottPlot's own (one row filter, zlib level 3): the pixels must be
/// exactly those ScottPlot draws, only the compression differs.
/// </summary>
public sealed class ChartPngTest
{
    private static string Samples([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "samples");

    [Fact]
    public async Task APng_HoldsThePixelsScottPlotDraws()
    {
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions
        {
            Inputs = [Path.Combine(Samples(), "vo-school-2025-herfst.csv")],
            PupilsFile = Path.Combine(Samples(), "vo-school-2025-leerlingen.csv"),
            AsOf = D("2025-12-19"),
            OutputDirectory = "unused",
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
        });
        foreach (var (plot, width, height) in new[] { (Charts.Heatmap(run), 900, 380), (Charts.NewPlot("één lijn"), 260, 180) })
        {
            using var ours = SKBitmap.Decode(Charts.Png(plot, width, height));
            using var theirs = SKBitmap.Decode(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));

            Assert.Equal((width, height), (ours.Width, ours.Height));
            Assert.Equal(theirs.ColorType, ours.ColorType);
            Assert.True(theirs.GetPixelSpan().SequenceEqual(ours.GetPixelSpan()), $"the {width}×{height} chart's pixels differ from ScottPlot's");
        }
    }
}
