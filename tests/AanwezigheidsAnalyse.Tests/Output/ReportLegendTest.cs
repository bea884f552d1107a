using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>The report explains every criterion id it uses: id, meaning, who picks it up and where it comes from.</summary>
public sealed class ReportLegendTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-legend-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Theory]
    [InlineData(Language.Dutch)]
    [InlineData(Language.English)]
    public async Task Report_HasALegendRowForEveryCriterionOfThePolicy(Language language)
    {
        var output = Path.Combine(_dir.FullName, language.ToString());
        await GoldenRun.AnalyzeAsync(output, language);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var legend = html[html.IndexOf("<section id=\"criteria\">", StringComparison.Ordinal)..];
        legend = legend[..legend.IndexOf("</section>", StringComparison.Ordinal)];
        foreach (var id in Policy.Default.Criteria.Create().Select(c => c.Id))
        {
            var row = legend[legend.IndexOf($"<td class=\"id\">{id.Code()}</td>", StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.Contains(System.Net.WebUtility.HtmlEncode(id.Label().In(language)), row);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(id.Source().In(language)), row);
        }
        Assert.Contains("href=\"#criteria\"", html);
    }

    /// <summary>
    /// With DUO meldingen to make, the report says how and by when (Inspectie: "onverwijld (binnen 5 werkdagen)"), in
    /// the SAT's words; the sample has two pupils with meldingen this week.
    /// </summary>
    [Fact]
    public async Task DuoMeldingen_SayByWhenAndHow()
    {
        var samples = Path.Combine(AanwezigheidsAnalyse.Tests.Library.LayeringTest.RepositoryRoot(), "samples");
        var output = Path.Combine(_dir.FullName, "duo");
        await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Path.Combine(samples, "vo-school-2025-herfst.csv")],
            PupilsFile = Path.Combine(samples, "vo-school-2025-leerlingen.csv"),
            AsOf = new NodaTime.LocalDate(2025, 12, 19),
            OutputDirectory = output,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
        });
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var duo = html[html.IndexOf("DUO-melding: 16 uur ongeoorloofd in 4 schoolweken (LPW-16U)", StringComparison.Ordinal)..];
        Assert.Contains("binnen 5 werkdagen na de einddatum", duo[..duo.IndexOf("</table>", StringComparison.Ordinal)]);
    }
}
