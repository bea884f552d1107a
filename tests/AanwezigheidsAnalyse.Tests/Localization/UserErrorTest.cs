using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Synthetic;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Localization;

/// <summary>
/// A library error says what went wrong and which setting it is about, in both languages, without naming a
/// command-line flag: a notebook has no flags. The CLI puts the flag in front.
/// </summary>
public sealed class UserErrorTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-errors-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string> Cases() => ["as-of", "calendar year", "profile", "pupil list", "previous", "key", "policy", "timetable", "pupils to generate"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LibraryError_NamesItsSetting_AndTheCliAddsTheFlag(string mistake)
    {
        var export = File("export.csv", "pupil_id,date,status\n1,2025-10-01,sick\n");
        var options = new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = Path.Combine(_dir.FullName, "out"), Charts = false };
        (Setting Setting, string Flag, Func<Task> Act) c = mistake switch
        {
            "as-of" => (Setting.AsOf, "--as-of", () => Analysis.RunAsync(options with { AsOf = D("2025-08-20") })),
            "calendar year" => (Setting.Calendar, "--calendar", () => Task.FromResult(CalendarFactory.Create(new SchoolYear(2031), Region.Zuid))),
            "profile" => (Setting.Profile, "--profile", () => Analysis.RunAsync(options with { Profile = "no-such-profile" })),
            "pupil list" => (Setting.PupilList, "--pupils", () => Analysis.RunAsync(options with { PupilsFile = Path.Combine(_dir.FullName, "nope.csv") })),
            "previous" => (Setting.Previous, "--previous", () => Analysis.RunAsync(options with { PreviousDirectory = _dir.FullName })),
            "key" => (Setting.PseudonymizeKey, "--pseudonymize-key", () => Analysis.RunAsync(options with { PseudonymizeKeyFile = File("key.txt", "kort") })),
            "policy" => (Setting.Policy, "--policy", () => Task.FromResult(Policy.Load("no-such-policy"))),
            "timetable" => (Setting.Timetable, "--timetable", () => Task.FromResult(Exports.Load(options with { Timetable = "no-such-timetable" }))),
            _ => (Setting.GeneratePupils, "--pupils", () => Task.FromResult(Generator.Write(new GeneratorOptions { Pupils = 0 }, Path.Combine(_dir.FullName, "g.csv")))),
        };
        var error = await Assert.ThrowsAsync<UserError>(c.Act);
        Assert.Equal(c.Setting, error.About);
        Assert.DoesNotContain("--", error.Dutch);
        Assert.DoesNotContain("--", error.English);
        Assert.NotEqual(error.Dutch, error.English);
        Assert.StartsWith(c.Flag + ": ", AanwezigheidsAnalyse.Cli.Messages.Of(error, Language.Dutch));
        Assert.EndsWith(error.English, AanwezigheidsAnalyse.Cli.Messages.Of(error, Language.English));
    }
}
