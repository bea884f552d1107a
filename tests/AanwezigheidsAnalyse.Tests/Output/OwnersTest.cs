using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// Whom the report puts a pupil before. "Oppakken door" (criteria §6): the owner of each reason behind its tier, a
/// criterion by its own owner, not by the pupil's dominant absence type (a pupil flagged only for LATE-REP goes to
/// the mentor, even when its little absence is sickness). And every thuiszitter is listed, not only those over 3 months.
/// </summary>
public sealed class OwnersTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-owners-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task LateOnlyPupil_IsForTheMentor_NotForTheJeugdarts()
    {
        var rows = new List<string> { "pupil_id,group,date,slot,status", "7,2B,2025-11-03,3,sick" };
        foreach (var day in new[] { "2025-11-10", "2025-11-12", "2025-11-17", "2025-11-19", "2025-11-24" })
            rows.Add($"7,2B,{day},1,late");
        var export = Path.Combine(_dir.FullName, "e.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var list = Path.Combine(_dir.FullName, "l.csv");
        File.WriteAllText(list, "pupil_id,group,enrolled_from\n7,2B,2025-08-01\n8,2B,2025-08-01\n");
        var output = Path.Combine(_dir.FullName, "o");
        using var run = await Analysis.PrepareAsync(new AnalyzeOptions
        {
            Inputs = [export],
            PupilsFile = list,
            AsOf = D("2025-11-28"),
            OutputDirectory = output,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            Language = Language.English,
        });
        var pupil = Enumerable.Range(0, run.Ledger.PupilCount).Single(p => run.Ledger.PupilId(p) == "7");
        Assert.Equal(AanwezigheidsAnalyse.Tiering.Tier.Two, run.TierOf(pupil));
        Assert.Equal(AanwezigheidsAnalyse.Ledger.Category.Sick, run.ResultOf(pupil).Measures.DominantAbsence);
        Assert.Equal([AanwezigheidsAnalyse.Rules.Owner.Mentor], run.Evaluation.OwnersOf(pupil));

        await Analysis.WriteAsync(run, new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = output, Language = Language.English });
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        var row = html[html.IndexOf("><td>7</td><td>", html.IndexOf("id=\"pupils\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.EndsWith("<td>mentor</td>", row);
    }

    [Fact]
    public async Task PupilAtHomeForSevenWeeks_IsListedAsAThuiszitter_ThoughNotYetThreeMonths()
    {
        // Unauthorised every school day of the 7 school weeks up to T: TZ-0 and TZ-LPW, not TZ-3M.
        var rows = new List<string> { "pupil_id,group,date,status" };
        var calendar = AanwezigheidsAnalyse.Tests.Support.TestPipeline.Midden2025;
        foreach (var day in Enumerable.Range(calendar.LastOnOrBefore(D("2025-11-28")) - 34, 35).Select(calendar.Date))
            rows.Add($"9,3A,{day:yyyy-MM-dd},unauthorized");
        var export = Path.Combine(_dir.FullName, "home.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var output = Path.Combine(_dir.FullName, "home");
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English });
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<strong>1</strong> pupil at home (no education for over 4 weeks), not for over 3 months", html);
        var section = html[html.IndexOf("At home: no education for over 4 weeks", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</table>", StringComparison.Ordinal)];
        // Unauthorised: leerplicht's case (TZ-LPW), said in its own column; not over 3 months.
        Assert.Contains("<td>9</td><td>3A</td><td>7</td><td>yes</td><td></td>", section);
        Assert.Contains("Unauthorised: attendance officer (TZ-LPW)", section);
    }

    [Fact]
    public async Task ReducedTimetablePupil_InTierThree_SaysWhatItsAbsenceIs()
    {
        // Half of every school day on a reduced timetable: 0 % sick, 0 % unauthorised, yet tier 3.
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        var calendar = AanwezigheidsAnalyse.Tests.Support.TestPipeline.Midden2025;
        foreach (var day in Enumerable.Range(calendar.LastOnOrBefore(D("2025-11-28")) - 39, 40).Select(calendar.Date))
        {
            foreach (var slot in new[] { 4, 5, 6, 7 })
                rows.Add($"5,4C,{day:yyyy-MM-dd},{slot},reduced_timetable");
        }
        var export = Path.Combine(_dir.FullName, "ltv.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var output = Path.Combine(_dir.FullName, "ltv");
        foreach (var (language, words) in new[] { (Language.English, "reduced timetable"), (Language.Dutch, "lestijdverkorting") })
        {
            await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = language });
            var html = File.ReadAllText(Path.Combine(output, "report.html"));
            var row = html[html.IndexOf("><td>5</td><td>", html.IndexOf("id=\"pupils\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
            row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
            Assert.Contains("<td class=\"tier t3\">3</td>", row);
            Assert.Contains($"<td>{words}</td>", row);
        }
    }

    /// <summary>
    /// LR-50 is picked up by "zorgcoördinator + leerplicht (leerrecht)" (criteria §6): a pupil who newly meets it is on
    /// both owners' lists and the table names both. It was on the zorgcoördinator's list alone, while the legend said
    /// leerplicht too.
    /// </summary>
    [Fact]
    public async Task PupilNewlyUnderHalfOfEducation_IsOnTheZorgcoordinatorsAndTheAttendanceOfficersList()
    {
        // A reduced timetable (4 of 7 lessons) on every school day from the autumn holiday to T: 5 school weeks
        // below 50 %, so LR-50 holds this week and not last week. Nothing unauthorised.
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        var calendar = AanwezigheidsAnalyse.Tests.Support.TestPipeline.Midden2025;
        foreach (var day in Enumerable.Range(calendar.LastOnOrBefore(D("2025-11-28")) - 24, 25).Select(calendar.Date))
        {
            foreach (var slot in new[] { 4, 5, 6, 7 })
                rows.Add($"6,2C,{day:yyyy-MM-dd},{slot},reduced_timetable");
        }
        var export = Path.Combine(_dir.FullName, "lr50.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var output = Path.Combine(_dir.FullName, "lr50");
        var options = new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English };
        using (var run = await Analysis.PrepareAsync(options))
        {
            Assert.Equal(D("2025-10-27"), run.Ledger.Calendar.Date(calendar.LastOnOrBefore(D("2025-11-28")) - 24)); // the Monday after the autumn holiday
            Assert.Contains(run.Signals, s => s.Criterion == AanwezigheidsAnalyse.Rules.CriterionId.Lr50);
            Assert.Equal([AanwezigheidsAnalyse.Rules.Owner.Leerplicht, AanwezigheidsAnalyse.Rules.Owner.Zorgcoordinator], run.Evaluation.OwnersOf(0));
        }
        await Analysis.RunAsync(options);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        foreach (var owner in new[] { "For the attendance officer", "For the care coordinator" })
        {
            var list = html[html.IndexOf(owner, StringComparison.Ordinal)..];
            list = list[..list.IndexOf("</table>", StringComparison.Ordinal)];
            Assert.Contains("<td>6</td>", list);
            Assert.Contains("LR-50", list);
        }
        var row = html[html.IndexOf("><td>6</td><td>", html.IndexOf("id=\"pupils\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.EndsWith("<td>attendance officer, care coordinator</td>", row);
        var lists = File.ReadAllText(Path.Combine(output, "actielijsten.csv"));
        Assert.Contains("For the attendance officer (unauthorised absence, right to education);6;", lists);
    }

    [Fact]
    public async Task DuoMeldingFallingDueInTheWeekOfT_IsListedAsNew_ApartFromTheYearsEarlierOnes()
    {
        // 20 unauthorised lessons (1000 minutes ≥ 16 hours) on 3–6 November: a melding; LPW-16U holds last week too.
        // Another 20 on 24–27 November, the week of T: a second melding, to file now.
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        foreach (var day in new[] { "2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-24", "2025-11-25", "2025-11-26", "2025-11-27" })
        {
            foreach (var slot in new[] { 1, 2, 3, 4, 5 })
                rows.Add($"3,1B,{day},{slot},unauthorized");
        }
        var export = Path.Combine(_dir.FullName, "duo.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var output = Path.Combine(_dir.FullName, "duo");
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = Language.English });
        var html = File.ReadAllText(Path.Combine(output, "report.html"));

        var forOfficer = html[html.IndexOf("For the attendance officer", StringComparison.Ordinal)..];
        forOfficer = forOfficer[..forOfficer.IndexOf("<h3>", 10, StringComparison.Ordinal)];
        Assert.Contains("report 24 Nov – 27 Nov", forOfficer);
        Assert.DoesNotContain("report 3 Nov", forOfficer);
        // The headline counts meldingen to make now, not the pupils with LPW-16U this year (one melding due, one earlier).
        Assert.Contains("<strong>1</strong> DUO report to make now (16 hours unauthorised), for 1 pupil</li>", html);

        var duo = html[html.IndexOf("Report to DUO: 16 hours", StringComparison.Ordinal)..];
        duo = duo[..duo.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("><td>3</td><td>1B</td><td class=\"due\">report 24 Nov – 27 Nov: 16.7 hours unauthorised</td><td>1 report, from 3 Nov to 6 Nov</td></tr>", duo);
    }
}
