using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// "Oppakken door" (criteria §6): a pupil goes to the owner of each reason behind its tier, a criterion by its own
/// owner, not by the pupil's dominant absence type. A pupil flagged only for LATE-REP goes to the mentor, even when
/// the little absence it has is sickness.
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
        var run = await Analysis.PrepareAsync(new AnalyzeOptions
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
        var row = html[html.IndexOf("<tr><td>7</td>", html.IndexOf("id=\"pupils\"", StringComparison.Ordinal), StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.EndsWith("<td>mentor</td>", row);
    }
}
