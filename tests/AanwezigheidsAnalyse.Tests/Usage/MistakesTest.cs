using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Usage;

/// <summary>Mistakes a SAT makes on a Monday morning, caught by the tool as it is run (issue 14).</summary>
public sealed class MistakesTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-mistakes-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(_dir.FullName, name)).FullName;

    private string Export(string folder, int pupils = 120)
    {
        var path = Path.Combine(folder, "export.csv");
        Generator.Write(new GeneratorOptions { Pupils = pupils, Seed = 3, Until = new LocalDate(2025, 12, 19) }, path, null);
        return path;
    }

    [Fact]
    public async Task Validate_WithoutAsOf_ChecksTheDataOwnYear_AndWritesRejectsInTheWorkingDirectory()
    {
        var export = Export(Folder("export"));
        var work = Folder("work");

        var run = await CliProcess.RunAsync(work, "validate", export);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Peildatum: 2025-12-19", run.Out);
        Assert.DoesNotContain("geaccepteerd 0 ", run.Out); // today's date would have ignored every row
        Assert.True(File.Exists(Path.Combine(work, "rejects.csv")));
        Assert.Contains(Path.Combine(work, "rejects.csv"), run.Out);
        Assert.Equal(["export.csv"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(export)!).Select(Path.GetFileName));
    }

    /// <summary>
    /// A file-size limit reached while writing (a FAT32 stick, a quota) is said as such, exit 2: .NET reports EFBIG as an
    /// ArgumentOutOfRangeException, which gave exit 3 "internal error" (an adversarial pass). Nothing is left half-written.
    /// </summary>
    [Theory]
    [InlineData(64)] // a chart fails first, on one of two cores: the error came wrapped (a review)
    [InlineData(100)] // the report fails first
    public async Task AFileSizeLimit_IsSaid_Exit2_NotAnInternalError(int kilobytes)
    {
        var export = Export(Folder("export"));
        var work = Folder("work");

        var run = await CliProcess.RunWithFileSizeLimitAsync(work, kilobytes, "analyze", export, "--as-of", "2025-12-19", "--out", "uit");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FAT32", run.Error);
        Assert.DoesNotContain("Interne fout", run.Error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    /// <summary>An export of a header alone is refused by validate as by analyze: it said "0 rows" and exited 0, a clean file.</summary>
    [Fact]
    public async Task Validate_AHeaderOnlyExport_IsExit2LikeAnalyze()
    {
        var export = Path.Combine(Folder("export"), "leeg.csv");
        File.WriteAllText(export, "pupil_id,date,slot,status\n");

        var validate = await CliProcess.RunAsync(Folder("work"), "validate", export, "--as-of", "2025-12-19");
        var analyze = await CliProcess.RunAsync(Folder("work"), "analyze", export, "--as-of", "2025-12-19", "--out", "uit");

        Assert.Equal(2, validate.ExitCode);
        Assert.Equal(2, analyze.ExitCode);
        Assert.Contains("Er valt niets te analyseren", validate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithAPupilList_ChecksItAgainstTheDataOwnYear()
    {
        // Without --as-of the date comes from the data; the list is read against it, not against today.
        var folder = Folder("lijst");
        var export = Path.Combine(folder, "export.csv");
        var list = Path.Combine(folder, "leerlingen.csv");
        Generator.Write(new GeneratorOptions { Pupils = 120, Seed = 3, Until = new LocalDate(2025, 12, 19) }, export, list);
        var work = Folder("work-lijst");

        var run = await CliProcess.RunAsync(work, "validate", export, "--pupils", list, "--lang", "en");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("not on the pupil list", run.Out);

        // The same list with dates the wrong way round on one row: exit 2, naming the line.
        var lines = File.ReadAllLines(list);
        var fields = lines[3].Split(',');
        (fields[^2], fields[^1]) = ("2025-10-01", "2025-09-15");
        lines[3] = string.Join(',', fields);
        File.WriteAllLines(list, lines);
        var refused = await CliProcess.RunAsync(work, "validate", export, "--pupils", list, "--lang", "en");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("(line 4)", refused.Error);
    }

    /// <summary>
    /// The reject limit written the Dutch way, as the help itself writes it: 0,01 was read as 1 (a thousands
    /// separator), and an export with 5 % bad rows passed with exit 0.
    /// </summary>
    [Theory]
    [InlineData("0,01", 1)]
    [InlineData("0.01", 1)]
    [InlineData("1 %", 1)]
    [InlineData("0,5", 0)]
    public async Task TheRejectLimit_ReadsADecimalComma(string limit, int exitCode)
    {
        var export = Path.Combine(Folder("export"), "export.csv");
        Generator.Write(new GeneratorOptions { Pupils = 120, Seed = 3, Until = new LocalDate(2025, 12, 19), Noise = 0.05 }, export, null);

        var run = await CliProcess.RunAsync(Folder("work"), "analyze", export, "--as-of", "2025-12-19", "--no-charts", "--max-reject-rate", limit, "--out", "uit");

        Assert.Equal(exitCode, run.ExitCode);
    }

    [Theory]
    [InlineData("1.000,5")]
    [InlineData("0,0,1")]
    [InlineData("1e-2")]
    [InlineData("een procent")]
    public async Task ARejectLimitThatIsNoNumber_IsAUserMistake(string limit)
    {
        var export = Export(Folder("export"));

        var run = await CliProcess.RunAsync(Folder("work"), "analyze", export, "--as-of", "2025-12-19", "--max-reject-rate", limit, "--out", "uit");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--max-reject-rate '{limit}' is geen getal", run.Error, StringComparison.Ordinal);
    }

    /// <summary>A date or number the options cannot read is said in the user's language only, --lang before or after it.</summary>
    [Theory]
    [InlineData("nl", false, "--as-of '2025-13-01' is geen datum in de vorm jjjj-mm-dd.", "is not a date")]
    [InlineData("en", false, "--as-of '2025-13-01' is not a date in the form yyyy-mm-dd.", "geen datum")]
    [InlineData("EN", true, "--as-of '2025-13-01' is not a date in the form yyyy-mm-dd.", "geen datum")]
    public async Task AnOptionThatCannotBeRead_IsSaidInOneLanguage(string language, bool langFirst, string expected, string other)
    {
        var export = Export(Folder("export"));
        string[] lang = ["--lang", language];
        string[] rest = ["analyze", export, "--as-of", "2025-13-01", "--max-reject-rate", "1,0,0", "--out", "uit"];

        var run = await CliProcess.RunAsync(Folder("work"), langFirst ? [rest[0], .. lang, .. rest[1..]] : [.. rest, .. lang]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains(language == "nl" ? "'1,0,0' is geen getal" : "'1,0,0' is not a number", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(other, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(" / ", run.Error, StringComparison.Ordinal);
    }

    /// <summary>validate's --rejects replaces an earlier rejects file, and nothing else: not the pupil list, not a note.</summary>
    [Fact]
    public async Task Validate_WritesRejectsOverAnEarlierRejectsFileOnly()
    {
        var export = Export(Folder("export"));
        var work = Folder("work");
        var list = Path.Combine(work, "leerlingen.csv");
        File.WriteAllText(list, "leerlingnummer;klas\n4700;1A\n");
        var note = Path.Combine(work, "notities.txt");
        File.WriteAllText(note, "niet weggooien");

        foreach (var target in new[] { list, note })
        {
            var refused = await CliProcess.RunAsync(work, "validate", export, "--rejects", target);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("wordt niet overschreven", refused.Error, StringComparison.Ordinal);
        }
        Assert.Equal("leerlingnummer;klas\n4700;1A\n", File.ReadAllText(list));
        Assert.Equal("niet weggooien", File.ReadAllText(note));

        var rejects = Path.Combine(work, "afgekeurd.csv");
        Assert.Equal(0, (await CliProcess.RunAsync(work, "validate", export, "--rejects", rejects)).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(work, "validate", export, "--rejects", rejects, "--lang", "en")).ExitCode); // Dutch header, English run: ours
        Assert.StartsWith("file;line;column", File.ReadAllText(rejects).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EN", 0, "Peildatum", false)]
    [InlineData("fr", 2, "'fr' kan hier niet; kies uit: nl, en.", true)]
    public async Task TheLanguage_IsReadInAnyCase_AndAnotherIsRefused(string lang, int exitCode, string said, bool inError)
    {
        var export = Export(Folder("export"));

        var run = await CliProcess.RunAsync(Folder("work"), "validate", export, "--lang", lang);

        Assert.Equal(exitCode, run.ExitCode);
        if (inError)
            Assert.Contains(said, run.Error, StringComparison.Ordinal);
        else
            Assert.DoesNotContain(said, run.Out, StringComparison.Ordinal); // English: "As of", not "Peildatum"
    }

    [Fact]
    public async Task AMistypedOption_IsCalledAnOption_NotAMissingFile()
    {
        var export = Export(Folder("export"));

        var run = await CliProcess.RunAsync(Folder("work"), "analyze", export, "--as-of", "2025-12-19", "--bogus", "--out", "uit");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--bogus' is geen optie van deze opdracht", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderPerWeek_LastWeeksFolderIsFoundWithoutPrevious()
    {
        var export = Export(Folder("export"));
        var weeks = Folder("uitvoer");
        var first = await CliProcess.RunAsync(weeks, "analyze", export, "--as-of", "2025-12-12", "--out", "2025-12-12", "--no-charts");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("herberekend", first.Out);

        var second = await CliProcess.RunAsync(weeks, "analyze", export, "--as-of", "2025-12-19", "--out", "2025-12-19", "--no-charts");

        Assert.Equal(0, second.ExitCode);
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(weeks, "2025-12-19", "run.json")));
        Assert.Contains(Path.Combine(weeks, "2025-12-12"), manifest.RootElement.GetProperty("previous").GetString());
    }

    [Fact]
    public async Task AFolderOfALaterWeek_IsPassedOver_NotUsedAsLastWeek()
    {
        var export = Export(Folder("export"));
        var weeks = Folder("uitvoer");
        Assert.Equal(0, (await CliProcess.RunAsync(weeks, "analyze", export, "--as-of", "2025-12-19", "--out", "2025-12-19", "--no-charts")).ExitCode);

        var earlier = await CliProcess.RunAsync(weeks, "analyze", export, "--as-of", "2025-12-12", "--out", "2025-12-12", "--no-charts");

        Assert.Equal(0, earlier.ExitCode);
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(weeks, "2025-12-12", "run.json")));
        Assert.Equal("replay", manifest.RootElement.GetProperty("previous").GetString());
    }

    [Fact]
    public async Task Previous_MadeWithAnotherPolicy_IsUsedWithAWarning()
    {
        var export = Export(Folder("export"));
        var weeks = Folder("uitvoer");
        Assert.Equal(0, (await CliProcess.RunAsync(weeks, "analyze", export, "--as-of", "2025-12-12", "--out", "w50", "--no-charts")).ExitCode);

        var run = await CliProcess.RunAsync(weeks, "analyze", export, "--as-of", "2025-12-19", "--out", "w51", "--previous", "w50", "--policy", "dfe-england", "--no-charts");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("beleid 'kearney-nl'", run.Out);
        Assert.Contains("'dfe-england'", run.Out);
    }

    [Fact]
    public async Task AReplacedCalendar_WithoutTheSummerHoliday_IsNamed()
    {
        var folder = Folder("export");
        var export = Export(folder);
        var calendar = Path.Combine(folder, "mbo-kalender.json");
        File.WriteAllText(calendar, """{ "replace_builtin": true, "free_days": [ { "name": "herfst", "first": "2025-10-20", "last": "2025-10-24" } ] }""");

        var run = await CliProcess.RunAsync(folder, "analyze", export, "--as-of", "2025-12-19", "--calendar", calendar, "--out", Path.Combine(_dir.FullName, "uit"), "--no-charts");
        var builtIn = await CliProcess.RunAsync(folder, "analyze", export, "--as-of", "2025-12-19", "--out", Path.Combine(_dir.FullName, "uit2"), "--no-charts");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("zomervakantie niet in het kalenderbestand", run.Out);
        Assert.DoesNotContain("zomervakantie niet in het kalenderbestand", builtIn.Out);
    }

    [Fact]
    public async Task ACalendarWithoutASchoolDay_IsNamed_NotTheDate()
    {
        var folder = Folder("export-vrij");
        var export = Export(folder);
        var calendar = Path.Combine(folder, "alles-vrij.json");
        File.WriteAllText(calendar, """{ "replace_builtin": true, "free_days": [ { "name": "alles", "first": "2025-08-01", "last": "2026-07-31" } ] }""");

        var run = await CliProcess.RunAsync(folder, "analyze", export, "--as-of", "2025-12-19", "--calendar", calendar, "--out", Path.Combine(_dir.FullName, "uit-vrij"), "--no-charts", "--lang", "en");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--calendar: The calendar has no school day in school year 2025-2026", run.Error);
    }

    [Fact]
    public async Task TheHelpAndTheParserMessages_AreDutch_UnlessEnglishIsAsked()
    {
        var work = Folder("work");

        var dutch = await CliProcess.RunAsync(work, "analyze", "--help");
        var english = await CliProcess.RunAsync(work, "analyze", "--help", "--lang", "en");
        var french = await CliProcess.RunAsync(work, "analyze", "export.csv", "--as-of", "2025-12-19", "--out", "uit", "--lang", "fr");
        var missing = await CliProcess.RunAsync(work, "analyze", "export.csv", "--out", "uit");

        Assert.Equal(0, dutch.ExitCode);
        Assert.Contains("Gebruik:", dutch.Out);
        Assert.Contains("Opties:", dutch.Out);
        Assert.DoesNotContain("Usage:", dutch.Out);
        Assert.DoesNotContain("Show help", dutch.Out);
        Assert.Contains("Usage:", english.Out);
        Assert.Equal(2, french.ExitCode); // not quietly Dutch
        Assert.Contains("'fr' kan hier niet; kies uit: nl, en.", french.Error);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("De optie --as-of is verplicht.", missing.Error);
        Assert.DoesNotContain("required", missing.Error);
    }

    [Fact]
    public async Task ARunWithCharts_SaysOnlyItsOwnWords_OnTheConsole()
    {
        var export = Export(Folder("export"), pupils: 400);

        var run = await CliProcess.RunAsync(_dir.FullName, "analyze", export, "--as-of", "2025-12-19", "--out", "uitvoer");

        // The chart library's native part once wrote "Unsupported path effect in addPaint." for every dashed line.
        Assert.Equal(0, run.ExitCode);
        Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line =>
            Assert.Matches("^(Inlezen|Regels toepassen|Uitvoer schrijven|export\\.csv: )", line));
    }

    [Fact]
    public async Task Validate_WithoutAsOf_IsNotMovedByATypoDatedInAnotherYear()
    {
        var folder = Folder("export");
        var export = Export(folder);
        File.AppendAllText(export, TypoLike(export) + "\n");
        var work = Folder("work");

        var run = await CliProcess.RunAsync(work, "validate", export);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Peildatum: 2025-12-19", run.Out);
    }

    /// <summary>A copy of the export's last row, dated 2099.</summary>
    private static string TypoLike(string export) =>
        System.Text.RegularExpressions.Regex.Replace(File.ReadLines(export).Last(), @"\d{4}-\d{2}-\d{2}", "2099-10-01");

    [Fact]
    public async Task Validate_IntoAFolderThatCannotTakeRejects_SaysSo()
    {
        var export = Export(Folder("export"));

        var run = await CliProcess.RunAsync(_dir.FullName, "validate", export, "--rejects", Path.Combine(_dir.FullName, "nope", "rejects.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("--rejects: ", run.Error);
        Assert.DoesNotContain(".tmp", run.Error);
    }

    [Fact]
    public async Task Previous_OfAnotherSchool_IsRefused_NamingTheSchool()
    {
        var folder = Folder("export");
        var other = Path.Combine(folder, "andere-school.csv");
        Generator.Write(new GeneratorOptions { Pupils = 120, Seed = 4, SchoolId = "11AA", Until = new LocalDate(2025, 12, 19) }, other, null);
        var weeks = Folder("uitvoer");
        Assert.Equal(0, (await CliProcess.RunAsync(weeks, "analyze", other, "--as-of", "2025-12-12", "--out", "w50", "--no-charts")).ExitCode);

        var run = await CliProcess.RunAsync(weeks, "analyze", Export(folder), "--as-of", "2025-12-19", "--out", "w51", "--previous", "w50", "--no-charts");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("andere school (11AA)", run.Error);
    }
}
