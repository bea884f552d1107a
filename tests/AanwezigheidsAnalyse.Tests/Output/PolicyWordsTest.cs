using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Output;

/// <summary>
/// The report says the numbers of the policy it ran with. Under a regional reading (ZZV-LONG at 5 days, LPW-16U at
/// 12.5 hours) it listed pupils under "meer dan 10 schooldagen" and meldingen under "16 uur", and a changed policy file
/// read as the bundled one (an adversarial pass over the policies).
/// </summary>
public sealed class PolicyWordsTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-policywords-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task ARegionalPolicy_IsReportedWithItsOwnNumbers_AndItsFile()
    {
        var rows = new List<string> { "pupil_id,group,date,slot,status" };
        foreach (var day in new[] { "2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13", "2025-11-14" })
            rows.Add($"1,2B,{day},,sick"); // 5 school days sick: ZZV-LONG at 5, not at the default's 11
        foreach (var day in new[] { "2025-11-17", "2025-11-18", "2025-11-19" })
        {
            foreach (var slot in new[] { 1, 2, 3, 4, 5 })
                rows.Add($"2,2B,{day},{slot},unauthorized"); // 15 lessons of 50 minutes: 12.5 hours, a melding at 12.5, none at 16
        }
        var export = Path.Combine(_dir.FullName, "e.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var policy = Path.Combine(_dir.FullName, "amsterdam.json");
        File.WriteAllText(policy, """
            { "name": "amsterdam", "description": "regionale lezing",
              "criteria": { "ZZV-SHORT": { "min_episodes": 4 }, "ZZV-LONG": { "min_days": 5 }, "LPW-16U": { "hours": 12.5 } },
              "tiers": [ { "tier": 3, "rate": { "window": "8w", "at_least": 0.2 }, "criteria": ["LR-50", "TZ-*"] },
                         { "tier": 2, "rate": { "window": "8w", "at_least": 0.1 }, "criteria": ["ZZV-*", "MAZL-*", "KPA-*", "LPW-16U", "PREV-10U", "LATE-REP"] } ] }
            """);
        foreach (var (language, expected, absent) in new[]
        {
            (Language.Dutch, new[] { "Vaak kort ziek: 4× of vaker 1–2 dagen ziek in 2 maanden", "Lang ziek: meer dan 4 schooldagen achter elkaar", "DUO-melding: 12,5 uur ongeoorloofd in 4 schoolweken (LPW-16U)", "de dag waarop de 12,5 uur bereikt werd", "nu te doen (12,5 uur ongeoorloofd)", "uit het bestand amsterdam.json, SHA-256 " }, "16 uur"),
            (Language.English, new[] { "Report to DUO: 12.5 hours unauthorised in 4 school weeks (LPW-16U)", "Must report to DUO: 12.5 hours in 4 school weeks", "the day the 12.5 hours were reached", "from the file amsterdam.json, SHA-256 " }, "16 hours"),
        })
        {
            var output = Path.Combine(_dir.FullName, $"o-{language}");
            var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Language = language, Policy = policy });
            var html = File.ReadAllText(Path.Combine(output, "report.html"));
            Assert.All(expected, text => Assert.Contains(System.Net.WebUtility.HtmlEncode(text), html));
            Assert.DoesNotContain(absent, html);
            Assert.Contains("ZZV-LONG", File.ReadAllText(Path.Combine(output, "leerlingen-trede-2-3.csv")));
            Assert.Contains(result.Manifest.Policy!.Sha256[..12], html);
        }
    }
}
