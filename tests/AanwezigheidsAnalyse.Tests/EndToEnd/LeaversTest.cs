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
    public async Task APupilWhoLeftLastWeek_IsListed_WithItsTierOnLeaving()
    {
        var options = School("report");
        await Analysis.RunAsync(options);

        var html = File.ReadAllText(Path.Combine(options.OutputDirectory, "report.html"));
        Assert.Contains("<h3>Left since last week <span class=\"n\">(1)</span></h3>", html);
        Assert.Contains("<li><strong>1</strong> pupil who left since last week</li>", html);
        Assert.Contains("<tr data-class=\"2A\" data-tier=\"\"><td>1</td><td>2A</td><td class=\"tier t3\">3</td><td>21 Nov</td>", html);
        Assert.Contains("2 pupils · 2 left earlier this year (no tier)", html);

        // In the spreadsheet without a tier now: last week's is in the words.
        var line = Assert.Single(File.ReadAllLines(Path.Combine(options.OutputDirectory, "actielijsten.csv")), l => l.StartsWith("Left since last week;", StringComparison.Ordinal));
        Assert.StartsWith("Left since last week;1;2A;;\"Left, last school day 21 November 2025; tier 3 on leaving: ", line);
    }

    [Fact]
    public async Task EveryPupilGoneBeforeTheWeekOfT_StopsTheRun_NamingTheLastDay()
    {
        // A week after pupil 3's last day, and pupil 4's enrolment ended too: nobody left to place.
        var options = School("gone");
        File.WriteAllText(options.PupilsFile!, "pupil_id;group;enrolled_from;enrolled_until\n1;2A;2025-09-01;2025-11-21\n2;2A;2025-09-01;2025-10-10\n3;2A;2025-09-01;2025-11-25\n4;2A;2025-09-01;2025-11-25\n");
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options with { AsOf = D("2025-12-05") }));
        Assert.Equal(Setting.PupilList, error.About);
        Assert.Contains("All 4 pupils left earlier; the last of them to leave had 2025-11-25 as their last school day.", error.In(Language.English));
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

    [Fact]
    public async Task ADuoMeldingDueInTheWeekOfLeaving_IsOnTheDuoList_MarkedLeft()
    {
        // Monday runs. Pupil 5 misses lessons 1–7 (50 minutes each) without leave on Monday to Wednesday 17–19
        // November: 17,5 clock hours, a DUO melding on Wednesday. It leaves on Friday 21 November. The run of Monday
        // 17 November saw one such day; the run of Monday 24 November has pupil 5 off the roll, and the melding due.
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        foreach (var date in new[] { "2025-11-17", "2025-11-18", "2025-11-19" })
            rows.AddRange(Enumerable.Range(1, 7).Select(slot => $"5,3C,{date},{slot},unauthorized"));
        rows.Add("6,3C,2025-11-18,2,sick");
        var export = Path.Combine(_dir.FullName, "duo.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var pupils = Path.Combine(_dir.FullName, "duo-leerlingen.csv");
        File.WriteAllText(pupils, "pupil_id;group;enrolled_from;enrolled_until\n5;3C;2025-09-01;2025-11-21\n6;3C;2025-09-01;\n");
        AnalyzeOptions On(string date) => new()
        {
            Inputs = [export],
            PupilsFile = pupils,
            AsOf = D(date),
            OutputDirectory = Path.Combine(_dir.FullName, "weken", date),
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            Language = Language.English,
        };
        await Analysis.RunAsync(On("2025-11-17"));
        var result = await Analysis.RunAsync(On("2025-11-24"));

        Assert.Equal(1, result.Manifest.PupilsLeft);
        var html = File.ReadAllText(Path.Combine(On("2025-11-24").OutputDirectory, "report.html"));
        Assert.Contains("<td>5 (left)</td><td>3C</td><td class=\"due\">report 17 Nov – 19 Nov: 17.5 hours unauthorised</td>", html);
        var actions = File.ReadAllLines(Path.Combine(On("2025-11-24").OutputDirectory, "actielijsten.csv"));
        Assert.Contains("report 17 Nov – 19 Nov", Assert.Single(actions, l => l.Contains(";5;3C;;left | ", StringComparison.Ordinal)));
        // The state on leaving, not last Monday's (one day of absence then, tier 1 and no criterion).
        Assert.StartsWith("Left since last week;5;3C;;\"Left, last school day 21 November 2025; tier 2 on leaving: LPW-16U, PREV-10U", Assert.Single(actions, l => l.StartsWith("Left since last week;5;", StringComparison.Ordinal)));

        // Without last week's folder, last week is replayed: the melding ended before its end, and is on the list
        // as last week's (not "now"), as it is for a pupil on the roll.
        var replayed = On("2025-11-24") with { OutputDirectory = Path.Combine(_dir.FullName, "zonder-vorige") };
        await Analysis.RunAsync(replayed);
        var again = File.ReadAllText(Path.Combine(replayed.OutputDirectory, "report.html"));
        Assert.Contains("<td>5 (left)</td><td>3C</td><td></td><td>1 report, from 17 Nov to 19 Nov</td>", again);

        // A week later pupil 5 is gone from every list.
        var later = await Analysis.RunAsync(On("2025-12-01"));
        Assert.Equal(1, later.Manifest.PupilsLeft);
        Assert.DoesNotContain(File.ReadAllLines(Path.Combine(On("2025-12-01").OutputDirectory, "actielijsten.csv")), l => l.Contains(";5;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AListOfAnotherSchool_StopsTheRun()
    {
        // Ten listed pupils without a registration, ten registered pupils not listed: two schools, not one.
        var export = Path.Combine(_dir.FullName, "ander.csv");
        File.WriteAllText(export, "school_id,pupil_id,date,slot,status\n" + string.Concat(Enumerable.Range(1, 10).Select(p => $"99ZZ,{p},2025-10-01,1,sick\n")));
        var pupils = Path.Combine(_dir.FullName, "ander-leerlingen.csv");
        File.WriteAllText(pupils, "school_id;pupil_id\n" + string.Concat(Enumerable.Range(101, 10).Select(p => $"98YY;{p}\n")));
        var options = new AnalyzeOptions { Inputs = [export], PupilsFile = pupils, AsOf = D("2025-11-28"), OutputDirectory = Path.Combine(_dir.FullName, "ander"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden };
        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Equal(Setting.PupilList, error.About);
        Assert.Contains("none of the 10 pupils of the list has a registration, and none of the 10 pupils of the export is on the list (list: 98YY; export: 99ZZ)", error.English);

        // One pupil in common is a school whose list has many pupils never absent: read.
        File.AppendAllText(export, "99ZZ,101,2025-10-02,1,sick\n");
        File.WriteAllText(pupils, "school_id;pupil_id\n" + string.Concat(Enumerable.Range(101, 10).Select(p => $"99ZZ;{p}\n")));
        Assert.Equal(0, (await Analysis.RunAsync(options)).ExitCode);
    }

    [Fact]
    public async Task ListMistakes_AreNamed_NotSwallowed()
    {
        var options = School("mistakes");
        // Dates the wrong way round: before, the pupil counted as not enrolled this year, then as unlisted all year.
        File.WriteAllText(options.PupilsFile!, "pupil_id;group;enrolled_from;enrolled_until\n1;2A;2025-10-01;2025-09-15\n4;2A;2025-09-01;\n2;2A;2025-10-01;2025-09-30\n");
        var swapped = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Equal("Pupil list '" + options.PupilsFile + "': in 2 row(s) the date in column 'enrolled_until' lies before the one in column 'enrolled_from' (line 2, 4). Correct the dates, or leave the leaving date empty when the pupil is still enrolled.", swapped.In(Language.English));

        // Last year's list: before, every pupil of the export counted as unlisted, without a note.
        File.WriteAllText(options.PupilsFile!, "pupil_id;group;enrolled_from;enrolled_until\n1;2A;2024-09-02;2025-07-11\n4;2A;2024-08-26;2025-06-30\n");
        var old = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(options));
        Assert.Contains("none of its 2 pupils is enrolled in school year 2025-2026 up to the as-of date 2025-11-28 (the enrolments run from 2024-08-26 to 2025-07-11)", old.In(Language.English));
        Assert.Equal(Setting.PupilList, old.About);
        Assert.False(Directory.Exists(options.OutputDirectory));
    }

    [Fact]
    public async Task RegistrationsAfterTheLeavingDate_AreSaid_AndNotCounted()
    {
        // Pupil 2 of the school is registered sick until 10 October, its last day; a week more makes 5 rows outside.
        var options = School("after");
        File.AppendAllLines(options.Inputs[0], Enumerable.Range(0, 5).Select(i => $"2,2A,{Midden2025.Date(Midden2025.IndexOf(D("2025-10-13")) + i):yyyy-MM-dd},,sick"));
        var result = await Analysis.RunAsync(options);
        Assert.Equal(5, result.Manifest.Inputs[0].IgnoredBy[AanwezigheidsAnalyse.Ingestion.IgnoreReason.OutsideEnrolment]);
        Assert.Contains(result.Manifest.Notes, n => n.StartsWith("5 registration(s) fall outside their pupil's enrolment on the pupil list", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASchoolWhosePupilsMostlyLeft_IsNamedInANote_OthersNot()
    {
        var export = Path.Combine(_dir.FullName, "twee.csv");
        File.WriteAllText(export, "school_id,pupil_id,date,slot,status\n00AA,1,2025-10-01,1,sick\n00AB,3,2025-10-01,1,sick\n");
        var pupils = Path.Combine(_dir.FullName, "twee-leerlingen.csv");
        File.WriteAllText(pupils, "school_id;pupil_id;enrolled_from;enrolled_until\n00AA;1;2025-09-01;\n00AA;2;2025-09-01;2025-10-10\n00AB;3;2025-09-01;2025-10-10\n00AB;4;2025-09-01;2025-10-31\n");
        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = pupils, AsOf = D("2025-11-28"), OutputDirectory = Path.Combine(_dir.FullName, "twee"), Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English });
        Assert.Equal(["School 00AB: 2 of the 2 pupils left before the week of 2025-11-28 and have no tier. Is the as-of date right, and is the pupil list a current one?"],
            result.Manifest.Notes.Where(n => n.Contains("left before the week", StringComparison.Ordinal)));
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
