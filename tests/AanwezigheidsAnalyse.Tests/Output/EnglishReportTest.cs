using System.Text.RegularExpressions;
using AanwezigheidsAnalyse.Tests.Support;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>The English report has no Dutch left in it, except the terms of art a Dutch SAT and its partners use (issue 14).</summary>
public sealed partial class EnglishReportTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-english-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Common Dutch words that no English sentence holds; as whole words, any case.</summary>
    private static readonly string[] DutchWords =
    [
        "de", "het", "een", "van", "en", "niet", "geen", "leerling", "leerlingen", "verzuim", "trede", "treden", "ziek", "weken",
        "schoolweken", "regio", "vorige", "nieuw", "klas", "alle", "meldplicht", "peildatum", "regels", "bestand", "uur", "dagen",
    ];

    [Fact]
    public async Task TheEnglishReport_HasNoDutchWords()
    {
        var output = Path.Combine(_dir.FullName, "en");
        await GoldenRun.AnalyzeAsync(output, Language.English);

        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var text = Tags().Replace(Scripts().Replace(html, " "), " ");
        var words = Words().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();

        var dutch = DutchWords.Where(words.Contains).ToList();
        Assert.True(dutch.Count == 0, "Dutch in the English report: " + string.Join(", ", dutch));
    }

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\p{L}+")]
    private static partial Regex Words();
}
