using System.Diagnostics;
using AanwezigheidsAnalyse.Tests.Support;
using SkiaSharp;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// Renders report.html in headless Chromium, as a person would open it from disk, and checks what shows: the
/// action lists in the rendered page, and the pyramid's colours in the pixels. Needs Debian's chromium
/// (.ci/run installs it and sets AANWEZIGHEID_CHROMIUM); without it the test is skipped, and CI counts a skip as
/// a failure.
/// </summary>
public sealed class ReportBrowserTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-browser-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string? Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("AANWEZIGHEID_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
            return configured;
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);
    }

    [SkippableFact]
    public async Task Report_InHeadlessChromium_ShowsTheActionListsAndThePyramid()
    {
        var chromium = Chromium();
        Skip.If(chromium is null, "Chromium is not installed (apt-get install chromium); .ci/run installs it.");

        var output = Path.Combine(_dir.FullName, "out");
        await GoldenRun.AnalyzeAsync(output);
        var report = new Uri(Path.Combine(output, "report.html")).AbsoluteUri;

        var dom = Run(chromium!, $"--dump-dom {report}");
        Assert.Contains("Actie deze week", dom);
        Assert.Contains("DUO-melding", dom);
        Assert.Contains("Voor de leerplichtambtenaar", dom);
        Assert.Contains("PREV-10U", dom);
        Assert.Contains("alt=\"Kearney-piramide: trede 1 30, trede 2 8, trede 3 2 leerlingen\"", dom);
        Assert.DoesNotContain("http://", dom.Replace("http://www.w3.org", ""));  // no network: nothing to fetch
        Assert.DoesNotContain("https://", dom);

        // The criteria legend, and both lists for Excel offered from the page itself (';', BOM, Dutch decimals).
        Assert.Contains("id=\"criteria\"", dom);
        Assert.Matches("<td class=\"id\">KPA-10IN15</td><td>[^<]+</td>", dom);
        foreach (var name in new[] { "actielijsten.csv", "leerlingen-trede-2-3.csv" })
        {
            var link = System.Text.RegularExpressions.Regex.Match(dom, $"download=\"{name}\" href=\"data:text/csv;charset=utf-8;base64,([^\"]+)\"");
            Assert.True(link.Success, $"no download link for {name}");
            var bytes = Convert.FromBase64String(link.Groups[1].Value);
            Assert.Equal(File.ReadAllBytes(Path.Combine(output, name)), bytes);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            Assert.Contains(";", System.Text.Encoding.UTF8.GetString(bytes));
        }
        Assert.Matches(";\\d+,\\d;", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(output, "leerlingen-trede-2-3.csv"))));

        // The class filter, opened on one class: every row of another class in every list is hidden, its own shown.
        var oneClass = Run(chromium!, $"--dump-dom {report}#klas=2C");
        var rows = System.Text.RegularExpressions.Regex.Matches(oneClass, "<tr data-class=\"([^\"]*)\"[^>]*?( style=\"display: none;\")?>");
        Assert.Contains(rows, r => r.Groups[1].Value == "2C" && !r.Groups[2].Success);
        Assert.Contains(rows, r => r.Groups[1].Value != "2C");
        Assert.All(rows.Where(r => r.Groups[1].Value != "2C"), r => Assert.True(r.Groups[2].Success, $"a row of class {r.Groups[1].Value} is shown"));
        // A list the class leaves empty says so, and the page says its counts are the whole school's (a visual review:
        // headings of "(18)" stood over empty tables). Every list has a row shown: the class's or the empty one.
        Assert.Contains("Geen leerling van deze klas in deze lijst.", oneClass);
        Assert.Contains("gelden voor de hele school", oneClass);
        foreach (System.Text.RegularExpressions.Match body in System.Text.RegularExpressions.Regex.Matches(oneClass, "<tbody>(.*?)</tbody>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            if (body.Value.Contains("data-class=", StringComparison.Ordinal))
                Assert.Matches("<tr(?![^>]*display: none)[^>]*>", body.Groups[1].Value);
        }

        // Printed, the page is A4 (595 × 842 points), every page of it.
        var pdf = Path.Combine(_dir.FullName, "report.pdf");
        Run(chromium!, $"--no-pdf-header-footer --print-to-pdf={pdf} {report}");
        var boxes = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf)), @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]");
        Assert.NotEmpty(boxes);
        Assert.All(boxes, box => Assert.True(Math.Abs(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 595) < 1
            && Math.Abs(double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - 842) < 1, $"a page of {box.Value}, not A4"));

        var screenshot = Path.Combine(_dir.FullName, "report.png");
        Run(chromium!, $"--window-size=1280,3600 --screenshot={screenshot} {report}");
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        int Count(SKColor target)
        {
            var count = 0;
            for (var y = 0; y < bitmap.Height; y += 2)
            {
                for (var x = 0; x < bitmap.Width; x += 2)
                {
                    var c = bitmap.GetPixel(x, y);
                    if (Math.Abs(c.Red - target.Red) < 12 && Math.Abs(c.Green - target.Green) < 12 && Math.Abs(c.Blue - target.Blue) < 12)
                        count++;
                }
            }
            return count;
        }
        // The pyramid's bands: green (tier 1) is the widest, then orange and red; sampled every other pixel.
        Assert.True(Count(SKColor.Parse("#4c9a5b")) > 5000, "the pyramid's green band is not on the page");
        Assert.True(Count(SKColor.Parse("#f0a030")) > 2000, "the pyramid's orange band is not on the page");
        Assert.True(Count(SKColor.Parse("#c8413a")) > 500, "the pyramid's red top is not on the page");
    }

    [SkippableFact]
    public async Task ClassFilter_TakesAClassWithAnAmpersandOrTwoSpaces_AsItIs()
    {
        var chromium = Chromium();
        Skip.If(chromium is null, "Chromium is not installed (apt-get install chromium); .ci/run installs it.");

        // Nine pupils sick every day for three weeks, three in each of three classes with awkward names.
        var export = new System.Text.StringBuilder("pupil_id;date;status;group\n");
        string[] classes = ["2A&B", "1  A", "3C"];
        for (var p = 0; p < 9; p++)
        {
            for (var d = new NodaTime.LocalDate(2025, 9, 22); d <= new NodaTime.LocalDate(2025, 10, 10); d = d.PlusDays(1))
            {
                if (d.DayOfWeek is not (NodaTime.IsoDayOfWeek.Saturday or NodaTime.IsoDayOfWeek.Sunday))
                    export.Append(System.Globalization.CultureInfo.InvariantCulture, $"{1001 + p};{d:yyyy-MM-dd};sick;{classes[p / 3]}\n");
            }
        }
        var path = Path.Combine(_dir.FullName, "klassen.csv");
        File.WriteAllText(path, export.ToString());
        var output = Path.Combine(_dir.FullName, "klassen");
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [path], AsOf = new NodaTime.LocalDate(2025, 10, 10), OutputDirectory = output });
        var report = new Uri(Path.Combine(output, "report.html")).AbsoluteUri;

        foreach (var (hash, shown) in new[] { ("2A%26B", "2A&amp;B"), ("1%20%20A", "1  A") })
        {
            var dom = Run(chromium!, $"--dump-dom {report}#klas={hash}");
            var rows = System.Text.RegularExpressions.Regex.Matches(dom, "<tr data-class=\"([^\"]*)\"[^>]*?( style=\"display: none;\")?>");
            Assert.Contains(rows, r => r.Groups[1].Value == shown && !r.Groups[2].Success);
            Assert.All(rows.Where(r => r.Groups[1].Value != shown), r => Assert.True(r.Groups[2].Success, $"a row of class '{r.Groups[1].Value}' is shown for '{shown}'"));
        }
    }

    private string Run(string chromium, string arguments)
    {
        var profile = Path.Combine(_dir.FullName, "profile-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium,
            "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking " +
            $"--disable-component-update --disable-sync --user-data-dir={profile} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true); // no stray browser left behind by a failed test
            Assert.Fail("Chromium did not finish in 90 s");
        }
        return stdout.Result;
    }
}
