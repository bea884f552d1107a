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
}
