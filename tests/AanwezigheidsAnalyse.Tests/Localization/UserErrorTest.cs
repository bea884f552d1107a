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

    public static TheoryData<string> Cases() => ["as-of", "evaluation before school", "evaluation in another year", "calendar year", "profile", "pupil list", "previous", "key", "policy", "timetable", "pupils to generate", "year to generate"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LibraryError_NamesItsSetting_AndTheCliAddsTheFlag(string mistake)
    {
        var export = File("export.csv", "pupil_id,date,status\n1,2025-10-01,sick\n");
        var options = new AnalyzeOptions { Inputs = [export], AsOf = D("2025-11-28"), OutputDirectory = Path.Combine(_dir.FullName, "out"), Charts = false };
        (Setting Setting, string Flag, Func<Task> Act) c = mistake switch
        {
            "as-of" => (Setting.AsOf, "--as-of", () => Analysis.RunAsync(options with { AsOf = D("2025-08-20") })),
            // A notebook evaluating a loaded ledger: a date before the first school day would put everyone in tier 1.
            "evaluation before school" => (Setting.AsOf, "--as-of", () => Task.FromResult(AanwezigheidsAnalyse.Tiering.Evaluation.At(Exports.Load(options).Ledger, Policy.Default, D("2025-08-25")))),
            "evaluation in another year" => (Setting.AsOf, "--as-of", () => Task.FromResult(AanwezigheidsAnalyse.Tiering.Evaluation.At(Exports.Load(options).Ledger, Policy.Default, D("2026-09-01")))),
            "calendar year" => (Setting.Calendar, "--calendar", () => Task.FromResult(CalendarFactory.Create(new SchoolYear(2031), Region.Zuid))),
            "profile" => (Setting.Profile, "--profile", () => Analysis.RunAsync(options with { Profile = "no-such-profile" })),
            "pupil list" => (Setting.PupilList, "--pupils", () => Analysis.RunAsync(options with { PupilsFile = Path.Combine(_dir.FullName, "nope.csv") })),
            "previous" => (Setting.Previous, "--previous", () => Analysis.RunAsync(options with { PreviousDirectory = _dir.FullName })),
            "key" => (Setting.PseudonymizeKey, "--pseudonymize-key", () => Analysis.RunAsync(options with { PseudonymizeKeyFile = File("key.txt", "kort") })),
            "policy" => (Setting.Policy, "--policy", () => Task.FromResult(Policy.Load("no-such-policy"))),
            "timetable" => (Setting.Timetable, "--timetable", () => Task.FromResult(Exports.Load(options with { Timetable = "no-such-timetable" }))),
            "year to generate" => (Setting.GenerateSchoolYear, "--school-year", () => Task.FromResult(Generator.Write(new GeneratorOptions { SchoolYear = new SchoolYear(1800) }, Path.Combine(_dir.FullName, "g.csv")))),
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

    [Fact]
    public void EmptyExport_SaysItIsEmpty_WithoutBlamingTheProfile()
    {
        var empty = File("leeg.csv", "\n\n");
        var error = Assert.Throws<UserError>(() => Exports.Load(new LoadOptions { Inputs = [empty], AsOf = D("2025-11-28") }));
        Assert.Equal(Setting.Inputs, error.About);
        Assert.EndsWith("is leeg.", error.Dutch, StringComparison.Ordinal);
        Assert.EndsWith("is empty.", error.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\r\n\t ")]
    [InlineData("\uFEFF\n")]
    public void EmptyDataFile_SaysItIsEmpty_NotThatACommaIsWrong(string text)
    {
        var policy = File("leeg-beleid.json", text);
        var error = Assert.Throws<UserError>(() => Policy.Load(policy));
        Assert.Equal(Setting.Policy, error.About);
        Assert.EndsWith("is leeg.", error.Dutch, StringComparison.Ordinal);
        var timetable = File("leeg-rooster.json", text);
        Assert.EndsWith("is empty.", Assert.Throws<UserError>(() => AanwezigheidsAnalyse.Ledger.Timetable.Load(timetable)).English, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyWithAWrongValue_SaysTheValueIsWrong_NotThatTheJsonIs()
    {
        var policy = File("beleid.json", """{ "name": "x", "tiers": [ { "tier": 2, "rate": { "window": "99w", "at_least": 0.1 } } ] }""");
        var error = Assert.Throws<UserError>(() => Policy.Load(policy));
        Assert.Contains("heeft een waarde die niet klopt (regel 1, kolom ", error.Dutch, StringComparison.Ordinal);
        Assert.Contains("99w", error.Dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("JSON", error.Dutch, StringComparison.Ordinal);
    }

    /// <summary>
    /// A category, shape or unit written as a number, or as two names, is refused, as a misspelt name is: "category": 3
    /// was read as the fourth category, off-site education, which counts as attended (truancy gone without a word), 99
    /// crashed, and "present, late" was the two combined.
    /// </summary>
    [Theory]
    [InlineData("\"category\": 3", "$.codes[0].category")]
    [InlineData("\"category\": 99", "$.codes[0].category")]
    [InlineData("\"category\": \"3\"", "$.codes[0].category")]
    [InlineData("\"category\": \"present, late\"", "$.codes[0].category")] // the two combined: off-site education
    [InlineData("\"category\": \"sick, suspended\"", "$.codes[0].category")] // combined into no category: an internal error
    public void AProfileEnumAsANumber_IsAWrongValue(string code, string path)
    {
        var profile = File($"profiel-{Guid.NewGuid():N}.json", $$$"""{ "name": "eigen", "columns": { "pupil_id": ["Leerlingcode"], "date": ["Datum"], "slot": ["Uur"], "code": ["Verzuimcode"] }, "codes": [ { "code": "SP", {{{code}}} } ] }""");

        var error = Assert.Throws<UserError>(() => Profile.Load(profile));

        Assert.Equal(Setting.Profile, error.About);
        Assert.Contains(path, error.English, StringComparison.Ordinal);
    }

    /// <summary>A file that vanished, or that may not be read, is said in the user's language: the runtime's own message is English.</summary>
    [Fact]
    public void AFileThatCannotBeReadOrWritten_IsSaidInTheUsersLanguage()
    {
        var missing = Path.Combine(_dir.FullName, "weg.csv");
        var gone = Assert.ThrowsAny<IOException>(() => System.IO.File.ReadAllText(missing));
        var denied = new UnauthorizedAccessException($"Access to the path '{missing}' is denied.");

        Assert.Equal($"Lezen of schrijven mislukt: het bestand '{missing}' bestaat niet (meer). Is het verplaatst of verwijderd terwijl het programma liep?", AanwezigheidsAnalyse.Cli.Messages.OfIo(gone, Language.Dutch));
        Assert.StartsWith($"Lezen of schrijven mislukt: geen toegang tot '{missing}'.", AanwezigheidsAnalyse.Cli.Messages.OfIo(denied, Language.Dutch));
        Assert.StartsWith($"Reading or writing failed: no access to '{missing}'.", AanwezigheidsAnalyse.Cli.Messages.OfIo(denied, Language.English));
        Assert.StartsWith("Schrijven mislukt: de schijf is vol.", AanwezigheidsAnalyse.Cli.Messages.OfIo(new IOException("No space left on device : '/tmp/x'"), Language.Dutch));
    }

    /// <summary>The research commands have no --as-of: their last date is --to (a regression pass).</summary>
    [Theory]
    [InlineData("patterns", "--to: ")]
    [InlineData("backtest", "--to: ")]
    [InlineData("analyze", "--as-of: ")]
    public void TheAsOfDate_IsNamedByTheCommandsOwnFlag(string command, string start) =>
        Assert.StartsWith(start, AanwezigheidsAnalyse.Cli.Messages.Of(new UserError(new("datum", "date"), Setting.AsOf), Language.Dutch, command));
}
