using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tests.Support;
using FsCheck.Xunit;

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
            // Who picks it up as signals.parquet says it: LR-50's leerplicht (leerrecht) was missing from the legend.
            Assert.Contains(System.Net.WebUtility.HtmlEncode(Policy.Default.Criteria.Create().Single(c => c.Id == id).PickedUpBy.In(language)), row);
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

    /// <summary>
    /// A share on the page is rounded down to a tenth of a percent: 19,96 % printed "20,0%" beside a threshold of 20 %
    /// in tier 2, and 9,96 % "10,0%" beside "no reason left" (an explainability pass). Shown, a share never reaches a
    /// threshold it did not reach, and loses less than a tenth of a percent.
    /// </summary>
    [Property(MaxTest = 500)]
    public bool APercentShown_IsTheShareRoundedDown(int minutes, FsCheck.PositiveInt scheduled)
    {
        var share = (double)Math.Clamp(Math.Abs(minutes % (scheduled.Get + 1)), 0, scheduled.Get) / scheduled.Get;
        var shown = double.Parse(AanwezigheidsAnalyse.Localization.Texts.Page.Percent(Language.English, share).TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100;
        return shown <= share + 1e-12 && share - shown < 0.001 + 1e-12;
    }

    [Theory]
    [InlineData(2795, 14000, "19,9%")]
    [InlineData(1395, 14000, "9,9%")]
    [InlineData(2800, 14000, "20,0%")]
    [InlineData(29, 100, "29,0%")]
    [InlineData(0, 100, "0,0%")]
    public void APercent_ByHand(int minutes, int scheduled, string shown) =>
        Assert.Equal(shown, AanwezigheidsAnalyse.Localization.Texts.Page.Percent(Language.Dutch, (double)minutes / scheduled));
}
