using System.Security.Cryptography;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Taskforce;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Taskforce;

/// <summary>trends (issue 11): every published count equals a naive sum of the schools' weekly files, none is small, and none can be recovered from its dimension's total.</summary>
public sealed class TrendsTest : TempFolder
{
    [Fact]
    public async Task Trends_EqualTheNaiveSums_HideSmallCounts_AndKeepSchoolsWithoutFacts()
    {
        var export = PathOf("regio.csv");
        Generator.Write(new GeneratorOptions { Pupils = 450, Schools = 3, Seed = 5, Until = new LocalDate(2025, 12, 19) }, export, null);
        var key = PathOf("regio.key");
        File.WriteAllText(key, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        var run = PathOf("w51");
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = new LocalDate(2025, 12, 19), OutputDirectory = run, Partitioned = true, Charts = false, PseudonymizeKeyFile = key });
        var dataset = PathOf("regio");
        Collection.Run(new CollectOptions { Inputs = [run], Into = dataset });
        var schools = PathOf("scholen.csv");
        File.WriteAllLines(schools, ["BRIN;Schooltype;Gemeente", "00AA;VO;Utrecht", "00AB;vo;Zeist"]); // 00AC has no facts

        var rows = Trends.Run(new TrendsOptions { Dataset = dataset, Output = PathOf("uit"), SchoolsFile = schools }).Rows;

        // The naive sums, from the run's own weekly.parquet: per school and week, each count.
        var weekly = await ParquetDump.RowsAsync(Path.Combine(run, "weekly.parquet"));
        string Group(string dimension, string school) => dimension switch
        {
            "alle" => "alle scholen",
            "schooltype" => school == "00AC" ? "onbekend" : "VO",
            "gemeente" => school switch { "00AA" => "Utrecht", "00AB" => "Zeist", _ => "onbekend" },
            "regio" or "samenwerkingsverband" => "onbekend",
            _ => school,
        };
        foreach (var row in rows)
        {
            var members = weekly.Where(w => ParquetDump.Format(w["week_start"]) == row.WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                && Group(row.Dimension, (string)w["school_id"]!) == row.Group).ToList();
            Assert.Equal(members.Count, row.Schools);
            if (row.AbsenceRate is { } rate)
            {
                double Sum(string column) => members.Sum(w => Convert.ToDouble(w[column], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(Sum("absent_minutes") / Sum("scheduled_minutes"), rate, 6);
            }
            for (var c = 0; c < Trends.CountNames.Length; c++)
            {
                var naive = members.Sum(w => Convert.ToInt64(w[Trends.CountNames[c]], System.Globalization.CultureInfo.InvariantCulture));
                if (row.Counts[c] is { } published)
                {
                    Assert.Equal(naive, published);
                    Assert.True(published == 0 || published >= Suppression.DefaultMinCell, $"{row.Dimension} {row.Group} {Trends.CountNames[c]} = {published}");
                }
                else
                {
                    Assert.InRange(naive, 1, long.MaxValue); // only a count with pupils is hidden
                }
            }
        }
        // No school dropped: in every dimension and week, the groups hold all three schools.
        Assert.All(rows.GroupBy(r => (r.Dimension, r.WeekStart)), g => Assert.Equal(3, g.Sum(r => r.Schools)));
        // No hidden count is the only one hidden beside a published total for all schools (that total minus the
        // others would give it away).
        foreach (var week in rows.GroupBy(r => (r.Dimension, r.WeekStart)).Where(g => g.Key.Dimension != "alle"))
        {
            var all = rows.Single(r => r.Dimension == "alle" && r.WeekStart == week.Key.WeekStart);
            for (var c = 0; c < Trends.CountNames.Length; c++)
                Assert.False(week.Count(r => r.Counts[c] is null) == 1 && all.Counts[c] is not null, $"{week.Key} {Trends.CountNames[c]}");
        }
        Assert.Contains(rows, r => r.Counts.Any(v => v is null));
        Assert.True(File.Exists(Path.Combine(PathOf("uit"), "trends", "weekly.parquet")));

        // trends.html as a partner opens it, in headless Chromium: the charts, one per gemeente, and the latest week
        // with its suppressed counts shown as "< 5", not as numbers.
        var chromium = Environment.GetEnvironmentVariable("AANWEZIGHEID_CHROMIUM") is { Length: > 0 } configured ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
        if (chromium is null)
            return; // the school report's browser test names the missing Chromium; CI has it
        var start = new System.Diagnostics.ProcessStartInfo(chromium,
            $"--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir={PathOf("profiel")} --dump-dom {new Uri(Path.Combine(PathOf("uit"), "trends.html")).AbsoluteUri}")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var browser = System.Diagnostics.Process.Start(start)!;
        var dom = await browser.StandardOutput.ReadToEndAsync();
        await browser.WaitForExitAsync();
        Assert.Contains("Verzuim in de regio", dom);
        Assert.Equal(4 + 3, System.Text.RegularExpressions.Regex.Matches(dom, "<img src=\"data:image/png;base64,").Count); // 4 charts, 3 gemeenten
        Assert.Contains("&lt; 5", dom);
        Assert.Contains("Te weinig scholen om iets te zeggen", dom); // three schools: the rise test does not speak
        Assert.DoesNotContain("http://", dom.Replace("http://www.w3.org", "", StringComparison.Ordinal));
    }
}
