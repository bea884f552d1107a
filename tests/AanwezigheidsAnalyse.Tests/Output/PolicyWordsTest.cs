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

    /// <summary>A rule for tier 1 without a rate holds nothing and is no mistake: tier 1 is every pupil's without one (a review).</summary>
    [Fact]
    public void ARuleForTierOne_WithoutARate_StillLoads()
    {
        var policy = Path.Combine(_dir.FullName, "een.json");
        File.WriteAllText(policy, """{ "name": "p", "tiers": [ { "tier": 3, "criteria": ["TZ-0"] }, { "tier": 1 } ] }""");
        Assert.Equal(2, AanwezigheidsAnalyse.Rules.Policy.Load(policy).Tiers.Count);
    }

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
        foreach (var day in new[] { "2025-09-08", "2025-10-06", "2025-11-03", "2025-11-24" })
            rows.Add($"3,2B,{day},,sick"); // the 4th sick report in the year, in the week of T: MAZL-FREQ over 40 school weeks, not over 12
        var export = Path.Combine(_dir.FullName, "e.csv");
        File.WriteAllText(export, string.Join("\n", rows) + "\n");
        var policy = Path.Combine(_dir.FullName, "amsterdam.json");
        File.WriteAllText(policy, """
            { "name": "amsterdam", "description": "regionale lezing",
              "criteria": { "ZZV-SHORT": { "min_episodes": 4 }, "ZZV-LONG": { "min_days": 5 }, "LPW-16U": { "hours": 12.5 },
                            "MAZL-FREQ": { "school_weeks": 40 }, "TZ-0": { "more_than_weeks": 1 }, "TZ-3M": { "more_than_months": 1 } },
              "tiers": [ { "tier": 3, "rate": { "window": "8w", "at_least": 0.2 }, "criteria": ["LR-50", "TZ-*"] },
                         { "tier": 2, "rate": { "window": "8w", "at_least": 0.1 }, "criteria": ["ZZV-*", "MAZL-*", "KPA-*", "LPW-16U", "PREV-10U", "LATE-REP"] } ] }
            """);
        foreach (var (language, expected, absent) in new[]
        {
            (Language.Dutch, new[] { "Vaak kort ziek: 4× of vaker 1–2 dagen ziek in 2 maanden", "Lang ziek: meer dan 4 schooldagen achter elkaar", "DUO-melding: 12,5 uur ongeoorloofd in 4 schoolweken (LPW-16U)", "de dag waarop de 12,5 uur bereikt werd", "nu te doen (12,5 uur ongeoorloofd)", "uit het bestand amsterdam.json, SHA-256 ",
                "M@ZL: 4e ziekmelding binnen 40 schoolweken", "4e ziekmelding binnen 40 schoolweken: ", "Thuiszitter: geen onderwijs, langer dan 1 schoolweek", "Thuiszitter langer dan 1 maand" }, "16 uur"),
            (Language.English, new[] { "Report to DUO: 12.5 hours unauthorised in 4 school weeks (LPW-16U)", "Must report to DUO: 12.5 hours in 4 school weeks", "the day the 12.5 hours were reached", "from the file amsterdam.json, SHA-256 ",
                "M@ZL: 4th sick report in 40 school weeks", "sick report no. 4 within 40 school weeks: ", "At home: no education for over 1 week (TZ-0, TZ-LPW)", "At home for over 1 month" }, "16 hours"),
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
