using System.Text.Json.Serialization;
using AanwezigheidsAnalyse.Tests.Support;
using Parquet.Serialization;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.EndToEnd;

/// <summary>
/// Pupils who left (enrolled_until before the week of T) have no tier at T: no row, no place in the pyramid or the
/// weekly counts after their week of leaving, and one line in the report the week after they left. Hand-worked on
/// the calendar of midden 2025 (herfstvakantie 20–24 October), T = Friday 28 November (week 48).
/// </summary>
public sealed class LeaversTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-leavers-");

    public void Dispose() => _dir.Delete(recursive: true);

    // Pupil 1 is sick every school day from Monday 27 October and leaves on Friday 21 November (week 47): last week
    // 4 of its 8 school weeks (22 September – 21 November, the holiday skipped) were sick, 50 %: tier 3.
    // Pupil 2 is sick for the three weeks before the holiday and leaves on Friday 10 October.
    // Pupil 3 leaves on Tuesday 25 November, in the week of T: still on the roll this week.
    // Pupil 4 stays, and misses one lesson.
    private AnalyzeOptions School(string output)
    {
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        void Sick(string pupil, string from, string until)
        {
            for (var day = Midden2025.IndexOf(D(from)); day <= Midden2025.IndexOf(D(until)); day++)
                rows.Add($"{pupil},2A,{Midden2025.Date(day):yyyy-MM-dd},,sick");
        }
        Sick("1", "2025-10-27", "2025-11-21");
        Sick("2", "2025-09-22", "2025-10-10");
        Sick("3", "2025-11-24", "2025-11-25");
        rows.Add("4,2A,2025-11-26,3,unauthorized");
        var export = Path.Combine(_dir.FullName, "export.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var pupils = Path.Combine(_dir.FullName, "leerlingen.csv");
        File.WriteAllText(pupils, "pupil_id;group;enrolled_from;enrolled_until\n1;2A;2025-09-01;2025-11-21\n2;2A;2025-09-01;2025-10-10\n3;2A;2025-09-01;2025-11-25\n4;2A;2025-09-01;\n");
        return new AnalyzeOptions
        {
            Inputs = [export],
            PupilsFile = pupils,
            AsOf = D("2025-11-28"),
            OutputDirectory = Path.Combine(_dir.FullName, output),
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            Language = Language.English,
        };
    }

    [Fact]
    public async Task PupilsWhoLeftBeforeTheWeekOfT_HaveNoTier_NoRow_AndAreCountedApart()
    {
        var options = School("out");
        var result = await Analysis.RunAsync(options);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Manifest.Pupils);
        Assert.Equal(2, result.Manifest.PupilsLeft);
        Assert.Equal(2, result.Manifest.PupilsPerTier!.Values.Sum());
        Assert.Contains(result.Summary, l => l.EndsWith("Left before this week, without a tier: 2.", StringComparison.Ordinal));

        var pupils = (await ParquetSerializer.DeserializeAsync<PupilRow>(Path.Combine(options.OutputDirectory, "pupils.parquet"))).Data;
        Assert.Equal(["3", "4"], pupils.Select(p => p.PupilKey));
        Assert.Equal(new DateOnly(2025, 11, 25), pupils[0].EnrolledUntil);
        var signals = (await ParquetSerializer.DeserializeAsync<SignalRow>(Path.Combine(options.OutputDirectory, "signals.parquet"))).Data;
        Assert.DoesNotContain(signals, s => s.PupilKey is "1" or "2");
    }

    [Fact]
    public async Task WeeklyCounts_PlaceAPupilUpToItsWeekOfLeaving_AndNotAfter()
    {
        var options = School("weekly");
        await Analysis.RunAsync(options);

        var weeks = (await ParquetSerializer.DeserializeAsync<WeekTiers>(Path.Combine(options.OutputDirectory, "weekly.parquet"))).Data
            .ToDictionary(w => w.Week, w => (w.Tier1, w.Tier2, w.Tier3));
        // Week 41 (6–10 October): all four, pupil 2 in tier 3 (three of its three school weeks sick).
        Assert.Equal((3, 0, 1), weeks["2025-W41"]);
        // Week 44, after the holiday: pupil 2 has left; pupil 1 falls sick.
        Assert.Equal(3, Sum(weeks["2025-W44"]));
        // Week 47: pupil 1's last week, in tier 3; week 48: pupils 3 and 4 only.
        Assert.Equal(1, weeks["2025-W47"].Tier3);
        Assert.Equal(3, Sum(weeks["2025-W47"]));
        Assert.Equal(2, Sum(weeks["2025-W48"]));

        static int Sum((int, int, int) t) => t.Item1 + t.Item2 + t.Item3;
    }

    [Fact]
    public async Task APupilWhoLeftLastWeek_IsListedOnce_WithLastWeeksTier()
    {
        var options = School("report");
        await Analysis.RunAsync(options);

        var html = File.ReadAllText(Path.Combine(options.OutputDirectory, "report.html"));
        Assert.Contains("<h3>Left since last week <span class=\"n\">(1)</span></h3>", html);
        Assert.Contains("<li><strong>1</strong> pupils who left since last week</li>", html);
        Assert.Contains("<tr data-class=\"2A\" data-tier=\"\"><td>1</td><td>2A</td><td class=\"tier t3\">3</td><td>21 Nov</td>", html);
        Assert.Contains("2 pupils · 2 left earlier this year (no tier)", html);

        // In the spreadsheet without a tier now: last week's is in the words.
        var line = Assert.Single(File.ReadAllLines(Path.Combine(options.OutputDirectory, "actielijsten.csv")), l => l.StartsWith("Left since last week;", StringComparison.Ordinal));
        Assert.StartsWith("Left since last week;1;2A;;\"Left, last school day 2025-11-21; tier 3 last week: ", line);
    }

    [Fact]
    public async Task EveryPupilGoneBeforeTheWeekOfT_StopsTheRun_NamingTheLastDay()
    {
        // A week after pupil 3's last day, and pupil 4's enrolment ended too: nobody left to place.
        var options = School("gone");
        File.WriteAllText(options.PupilsFile!, "pupil_id;group;enrolled_from;enrolled_until\n1;2A;2025-09-01;2025-11-21\n2;2A;2025-09-01;2025-10-10\n3;2A;2025-09-01;2025-11-25\n4;2A;2025-09-01;2025-11-25\n");
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options with { AsOf = D("2025-12-05") }));
        Assert.Equal(Setting.PupilList, error.About);
        Assert.Contains("All 4 pupils left earlier, the last on 2025-11-25", error.In(Language.English));
        Assert.False(Directory.Exists(options.OutputDirectory));
    }

    [Fact]
    public async Task MostPupilsGone_IsSaidInANote()
    {
        // Three of the four have left by 5 December: the list may be an old one.
        var options = School("most");
        var result = await Analysis.RunAsync(options with { AsOf = D("2025-12-05") });
        Assert.Equal(1, result.Manifest.Pupils);
        Assert.Contains(result.Manifest.Notes, n => n.StartsWith("3 of the 4 pupils left before the week of 2025-12-05", StringComparison.Ordinal));
    }

    /// <summary>The tier counts of a row of weekly.parquet.</summary>
    public sealed class WeekTiers
    {
        [JsonPropertyName("week")] public string Week { get; set; } = "";
        [JsonPropertyName("pupils_tier_1")] public int Tier1 { get; set; }
        [JsonPropertyName("pupils_tier_2")] public int Tier2 { get; set; }
        [JsonPropertyName("pupils_tier_3")] public int Tier3 { get; set; }
    }
}
