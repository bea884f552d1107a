using System.Net;
using System.Text.RegularExpressions;
using AanwezigheidsAnalyse.Tests.Support;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// Golden tests on a small fixed dataset (40 pupils of school 00AA, autumn 2025, in Golden/): the schemas and
/// values of the three datasets and the text of the report. After an intended change, regenerate the expected
/// files with AANWEZIGHEID_UPDATE_GOLDEN=1 dotnet test, and read the diff before committing it.
/// </summary>
public sealed partial class GoldenTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-golden-");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<string> RunAsync(Language language)
    {
        var output = Path.Combine(_dir.FullName, language.ToString());
        await GoldenRun.AnalyzeAsync(output, language);
        return output;
    }

    [Theory]
    [InlineData("pupils.parquet")]
    [InlineData("signals.parquet")]
    [InlineData("weekly.parquet")]
    public async Task Dataset_FixedInput_MatchesTheGoldenSchemaAndValues(string dataset)
    {
        var output = await RunAsync(Language.Dutch);
        await Compare(Path.ChangeExtension(dataset, ".txt"), await ParquetDump.TextAsync(Path.Combine(output, dataset)));
    }

    [Theory]
    [InlineData(Language.Dutch, "report-nl.txt")]
    [InlineData(Language.English, "report-en.txt")]
    public async Task Report_FixedInput_MatchesTheGoldenText(Language language, string golden)
    {
        var output = await RunAsync(language);
        await Compare(golden, TextOf(await File.ReadAllTextAsync(Path.Combine(output, "report.html"))));
    }

    /// <summary>What a person reads: the text of the page, without markup, styles, scripts or embedded images.</summary>
    internal static string TextOf(string html)
    {
        html = Regex.Replace(html, "<(style|script)[^>]*>.*?</\\1>", "", RegexOptions.Singleline);
        html = Regex.Replace(html, "<(br|p|div|tr|h[1-6]|li|section|figure|table)[^>]*>", "\n");
        html = Regex.Replace(html, "<td[^>]*>|<th[^>]*>", " | ");
        html = Regex.Replace(html, "<[^>]+>", "");
        var lines = WebUtility.HtmlDecode(html).Split('\n').Select(l => Regex.Replace(l, "[ \\t]+", " ").Trim()).Where(l => l.Length > 0);
        return string.Join("\n", lines) + "\n";
    }

    private static async Task Compare(string name, string actual)
    {
        var path = Path.Combine(GoldenRun.Directory(), "expected", name);
        if (Environment.GetEnvironmentVariable("AANWEZIGHEID_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual);
        }
        Assert.True(File.Exists(path), $"No golden file {path}: run with AANWEZIGHEID_UPDATE_GOLDEN=1 once, and review it.");
        var expected = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (expected == actual)
            return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        Assert.Fail($"{name} differs at line {first + 1}:\n expected: {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n actual:   {(first < actualLines.Length ? actualLines[first] : "<end>")}");
    }
}
