using System.Runtime.CompilerServices;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>The fixed golden dataset (40 pupils of school 00AA, autumn 2025, in Golden/) and its analysis as of 28 November 2025.</summary>
internal static class GoldenRun
{
    /// <summary>The Golden/ folder in the source tree (golden files are regenerated there, not in bin/).</summary>
    public static string Directory([CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "..", "Golden");

    /// <summary>Runs <c>analyze</c> on the golden export and pupil list into <paramref name="output"/>.</summary>
    public static async Task<AnalysisResult> AnalyzeAsync(string output, Language language = Language.Dutch)
    {
        var result = await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Path.Combine(Directory(), "export.csv")],
            PupilsFile = Path.Combine(Directory(), "leerlingen.csv"),
            AsOf = D("2025-11-28"),
            OutputDirectory = output,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            Language = language,
        });
        Assert.Equal(0, result.ExitCode);
        return result;
    }
}
