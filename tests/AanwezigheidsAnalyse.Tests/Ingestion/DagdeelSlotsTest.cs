using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// A canonical export in dagdelen (slot <c>ochtend</c>, <c>middag</c>) was read with the lesson-hour default
/// timetable: every morning a 50-minute lesuur 1, so a pupil sick every morning for five weeks was absent a seventh of
/// the time and in tier 2, not half of it and in tier 3, without a word. Such a file is now read with po-standaard;
/// dagdelen beside lesson hours, or under a lesson-hour timetable someone chose, stop the run.
/// </summary>
public sealed class DagdeelSlotsTest : Support.TempFolder
{
    private const string Header = "school_id,pupil_id,group,date,slot,status";

    private static readonly string[] Statuses = ["sick", "unauthorized", "authorized_other", "late", "present"];

    private static readonly Gen<string[]> DagdeelRows =
        (from pupil in Gen.Choose(1, 6)
         from day in Gen.Choose(0, 24)
         from slot in Gen.Elements("ochtend", "middag", "Ochtend", "MIDDAG")
         from status in Gen.Elements(Statuses)
         select $"12AB,{4700 + pupil},groep 5,{new DateOnly(2025, 9, 1).AddDays(day / 5 * 7 + day % 5):yyyy-MM-dd},{slot},{status}").ArrayOf().Where(r => r.Length > 0);

    private async Task<(AnalysisResult Result, string Output)> Analyse(string[] rows, string? timetable)
    {
        var export = PathOf($"export-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(export, [Header, .. rows]);
        var output = PathOf($"uit-{Guid.NewGuid():N}");
        var result = await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [export],
            AsOf = D("2025-10-03"),
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            OutputDirectory = output,
            Charts = false,
            Timetable = timetable,
            MaxRejectRate = 1,
        });
        return (result, output);
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>Read without a timetable, a file of dagdelen gives what --timetable po-standaard gives, and says so.</summary>
    [Property(MaxTest = 6)]
    public Property DagdelenWithoutATimetable_AreReadAsWithPoStandaard() => Prop.ForAll(DagdeelRows.ToArbitrary(), rows =>
    {
        var (auto, autoOut) = Analyse(rows, null).GetAwaiter().GetResult();
        var (given, givenOut) = Analyse(rows, "po-standaard").GetAwaiter().GetResult();
        foreach (var dataset in new[] { "pupils.parquet", "signals.parquet", "weekly.parquet" })
            Assert.Equal(Hash(Path.Combine(givenOut, dataset)), Hash(Path.Combine(autoOut, dataset)));
        Assert.Contains(auto.Summary, line => line.Contains("po-standaard", StringComparison.Ordinal) && line.Contains("dagdelen", StringComparison.Ordinal));
        Assert.DoesNotContain(given.Summary, line => line.Contains("noemt dagdelen", StringComparison.Ordinal));
    });

    /// <summary>The hand-worked case: five pupils sick every morning for five weeks are absent half of the time (po-standaard: 3½ of 5½ hours on four days, Wednesday morning only).</summary>
    [Fact]
    public async Task SickEveryMorning_IsTierThree()
    {
        var rows = Enumerable.Range(0, 25).SelectMany(day => Enumerable.Range(1, 5).Select(p =>
            $"12AB,{4700 + p},groep 5,{new DateOnly(2025, 9, 1).AddDays(day / 5 * 7 + day % 5):yyyy-MM-dd},ochtend,sick")).ToArray();
        var (result, output) = await Analyse(rows, null);
        var pupils = await Support.ParquetDump.RowsAsync(Path.Combine(output, "pupils.parquet"));
        Assert.Equal(5, pupils.Count);
        // Four days of 3½ of 5½ hours and Wednesday's 3½ of 3½: (4 × 210 + 210) / (4 × 330 + 210) of the time.
        Assert.All(pupils, p => Assert.Equal((4 * 210 + 210) / (4 * 330.0 + 210), Convert.ToDouble(p["absence_rate_ytd"], System.Globalization.CultureInfo.InvariantCulture), 6));
        Assert.All(pupils, p => Assert.Equal(3, Convert.ToInt32(p["tier"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task DagdelenBesideLessonHours_StopTheRun_UnderAnyTimetable()
    {
        string[] rows = ["12AB,4701,groep 5,2025-09-01,ochtend,sick", "12AB,4702,groep 5,2025-09-01,middag,unauthorized", "12AB,4799,groep 5,2025-09-02,3e uur,sick"];
        foreach (var timetable in new[] { null, "po-standaard", "vo-standaard" })
        {
            var error = await Assert.ThrowsAsync<UserError>(() => Analyse(rows, timetable));
            Assert.Contains("2 keer een dagdeel", error.In(Language.Dutch), StringComparison.Ordinal);
            Assert.Contains("1 keer een lesuur", error.In(Language.Dutch), StringComparison.Ordinal);
        }
    }

    /// <summary>Dagdelen under a timetable of lesson hours someone chose: stopped. The numbers 1 and 2 beside them are dagdelen under po-standaard.</summary>
    [Fact]
    public async Task DagdelenUnderAChosenLessonHourTimetable_StopTheRun_AndOneAndTwoBesideThemAreDagdelenUnderPoStandaard()
    {
        string[] rows = ["12AB,4701,groep 5,2025-09-01,ochtend,sick", "12AB,4702,groep 5,2025-09-01,middag,unauthorized", "12AB,4702,groep 5,2025-09-02,2,sick"];
        var error = await Assert.ThrowsAsync<UserError>(() => Analyse(rows, "vo-standaard"));
        Assert.Equal(Setting.Timetable, error.About);
        Assert.Contains("2 keer een dagdeel", error.In(Language.Dutch), StringComparison.Ordinal);

        Assert.Equal(0, (await Analyse(rows, "po-standaard")).Result.ExitCode);
    }

    /// <summary>
    /// One run, one timetable: an export in dagdelen beside one in lesson hours was read with the first one's
    /// timetable (a warning beside it), in either order.
    /// </summary>
    [Fact]
    public async Task AnExportInDagdelen_BesideOneInLessonHours_StopsTheRun_InEitherOrder()
    {
        var dagdelen = PathOf("dagdelen.csv");
        File.WriteAllLines(dagdelen, [Header, "12AB,4701,groep 5,2025-09-01,ochtend,sick", "12AB,4702,groep 5,2025-09-01,middag,unauthorized"]);
        var lessons = PathOf("lesuren.csv");
        File.WriteAllLines(lessons, [Header, "12AB,4801,2B,2025-09-01,1,sick", "12AB,4802,2B,2025-09-01,5,unauthorized"]);
        foreach (var inputs in new[] { new[] { dagdelen, lessons }, [lessons, dagdelen] })
        {
            var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(new AnalyzeOptions
            {
                Inputs = inputs,
                AsOf = D("2025-10-03"),
                OutputDirectory = PathOf($"uit-{Guid.NewGuid():N}"),
                Charts = false,
                MaxRejectRate = 1,
            }));
            Assert.Contains("dagdelen.csv' heeft dagdelen", error.In(Language.Dutch), StringComparison.Ordinal);
        }
    }

    /// <summary>A profile's own words for lesson hours ("eerste" for lesuur 1) are lesson hours, not dagdelen.</summary>
    [Fact]
    public async Task AProfilesOwnSlotWords_AreLessonHours()
    {
        var profile = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Repository(), "src", "AanwezigheidsAnalyse", "Resources", "profiles", "canonical.json")))!;
        profile["name"] = "eigen";
        profile["slot_names"] = new System.Text.Json.Nodes.JsonObject { ["eerste"] = 1, ["tweede"] = 2, ["derde"] = 3 };
        var file = PathOf("eigen.json");
        File.WriteAllText(file, profile.ToJsonString());
        var export = PathOf("export.csv");
        File.WriteAllLines(export, [Header, "12AB,4701,2B,2025-09-01,eerste,sick", "12AB,4701,2B,2025-09-01,derde,sick", "12AB,4702,2B,2025-09-02,tweede,unauthorized"]);

        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-10-03"), OutputDirectory = PathOf("uit"), Charts = false, Profile = file });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("vo-standaard", result.Manifest.Timetable, StringComparison.Ordinal);
    }

    /// <summary>A profile of dagdelen with words of its own ("nm.") reads them as dagdelen, beside ochtend.</summary>
    [Fact]
    public async Task ADagdeelProfilesOwnWords_AreDagdelen()
    {
        var profile = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Repository(), "src", "AanwezigheidsAnalyse", "Resources", "profiles", "canonical.json")))!;
        profile["name"] = "eigen-po";
        profile["slot_kind"] = "dagdeel";
        profile["slot_names"] = new System.Text.Json.Nodes.JsonObject { ["ochtend"] = 1, ["vm."] = 1, ["nm."] = 2 };
        var file = PathOf("eigen-po.json");
        File.WriteAllText(file, profile.ToJsonString());
        var export = PathOf("export.csv");
        File.WriteAllLines(export, [Header, "12AB,4701,groep 5,2025-09-01,ochtend,sick", "12AB,4701,groep 5,2025-09-01,nm.,sick", "12AB,4702,groep 5,2025-09-02,vm.,unauthorized"]);

        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], AsOf = D("2025-10-03"), OutputDirectory = PathOf("uit"), Charts = false, Profile = file });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("po-standaard", result.Manifest.Timetable, StringComparison.Ordinal);
    }

    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..");
    /// <summary>
    /// A primary school's notifications (melding-interval) were read with the profile's lesson-hour timetable: a
    /// morning was lesuur 1 of 50 minutes, and a generated school of 200 had 3 pupils in tier 3 instead of 9, without a
    /// word (a regression pass). Every group called "groep …" and a lesson-hour timetable nobody chose now stop the run;
    /// with po-standaard the notifications give, pupil by pupil, the tiers of the same school exported in dagdelen.
    /// </summary>
    [Theory]
    [InlineData(AanwezigheidsAnalyse.Synthetic.ExportShape.MeldingLesuur)]
    [InlineData(AanwezigheidsAnalyse.Synthetic.ExportShape.MeldingTijd)]
    public async Task APrimarySchoolsNotifications_WithoutATimetable_StopTheRun_AndWithPoStandaard_GiveTheDagdeelTiers(AanwezigheidsAnalyse.Synthetic.ExportShape shape)
    {
        var options = new AanwezigheidsAnalyse.Synthetic.GeneratorOptions
        {
            Pupils = 200,
            Seed = 11,
            SchoolType = AanwezigheidsAnalyse.Synthetic.SchoolType.Po,
            Until = new NodaTime.LocalDate(2025, 12, 19),
        };
        async Task<(AnalysisResult Result, string Output)> Run(AanwezigheidsAnalyse.Synthetic.ExportShape exportShape, string? timetable)
        {
            var export = PathOf($"{exportShape}-{Guid.NewGuid():N}.csv");
            AanwezigheidsAnalyse.Synthetic.Generator.Write(options with { Shape = exportShape }, export);
            var output = PathOf($"uit-{Guid.NewGuid():N}");
            var result = await Analysis.RunAsync(new AnalyzeOptions
            {
                Inputs = [export],
                AsOf = D("2025-12-19"),
                OutputDirectory = output,
                Charts = false,
                Timetable = timetable,
            });
            return (result, output);
        }
        async Task<Dictionary<string, int>> Tiers(string output) =>
            (await Support.ParquetDump.RowsAsync(Path.Combine(output, "pupils.parquet"))).ToDictionary(
                p => Convert.ToString(p["pupil_key"], System.Globalization.CultureInfo.InvariantCulture)!,
                p => Convert.ToInt32(p["tier"], System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<UserError>(() => Run(shape, null));
        Assert.Equal(Setting.Timetable, error.About);
        Assert.Contains("--timetable po-standaard", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.Contains("'groep …'", error.In(Language.English), StringComparison.Ordinal);

        var dagdelen = await Tiers((await Run(AanwezigheidsAnalyse.Synthetic.ExportShape.DagdeelPo, null)).Output);
        var notifications = await Tiers((await Run(shape, "po-standaard")).Output);
        Assert.Contains(3, dagdelen.Values);
        Assert.Equal(dagdelen.OrderBy(p => p.Key), notifications.OrderBy(p => p.Key));

        // Somebody who knows the school has lesson hours says so, and the run goes on.
        Assert.Equal(0, (await Run(shape, "vo-standaard")).Result.ExitCode);
    }

    [Theory]
    [InlineData("groep 6D", true)]
    [InlineData("Groep 1/2a", true)]
    [InlineData("gr. 8", true)]
    [InlineData("GR 7 b", true)]
    [InlineData("Gr8", true)]
    [InlineData("Groep 8 (Dolfijnen)", true)]
    [InlineData("Groep 7B juf Anne", true)]
    [InlineData("Combinatiegroep 3/4", true)]
    [InlineData("groepje 4", true)]
    [InlineData("\u200bgroep 4", true)]
    [InlineData("1A", false)]
    [InlineData("H3b", false)]
    [InlineData("Klas 3A", false)]
    [InlineData("gr 12", false)]
    [InlineData("AGR3", false)]
    [InlineData("Dolfijnen", false)]
    public void APrimarySchoolsGroup_IsCalledGroep(string group, bool primary) =>
        Assert.Equal(primary, AanwezigheidsAnalyse.Ingestion.PrimaryGroups.Looks(group));

    /// <summary>
    /// An adversarial pass: a primary school's notifications beside a secondary school's in one run were read with
    /// lesson hours (the check asked whether every group of the run was a "groep"); one group named after an animal let
    /// a whole primary school through. A school at least half of whose groups are "groep …" stops the run.
    /// </summary>
    [Fact]
    public async Task APrimarySchool_BesideASecondaryOne_OrWithAGroupNamedOtherwise_StopsTheRun()
    {
        AanwezigheidsAnalyse.Synthetic.GeneratorOptions Options(AanwezigheidsAnalyse.Synthetic.SchoolType type, string school) => new()
        {
            Pupils = 120,
            Seed = 7,
            SchoolType = type,
            SchoolId = school,
            Shape = AanwezigheidsAnalyse.Synthetic.ExportShape.MeldingLesuur,
            Until = new NodaTime.LocalDate(2025, 12, 19),
        };
        var primary = PathOf("po.csv");
        AanwezigheidsAnalyse.Synthetic.Generator.Write(Options(AanwezigheidsAnalyse.Synthetic.SchoolType.Po, "11AA"), primary);
        var secondary = PathOf("vo.csv");
        AanwezigheidsAnalyse.Synthetic.Generator.Write(Options(AanwezigheidsAnalyse.Synthetic.SchoolType.Vo, "22BB"), secondary);
        var animals = PathOf("po-dieren.csv");
        File.WriteAllText(animals, File.ReadAllText(primary).Replace("groep 8A", "De Dolfijnen", StringComparison.Ordinal)
            .Replace("groep 7", "Groep 7 (juf Anne) ", StringComparison.Ordinal));
        Assert.Contains("De Dolfijnen", File.ReadAllText(animals), StringComparison.Ordinal);

        foreach (var inputs in new[] { new[] { primary, secondary }, [secondary, primary], [animals] })
        {
            var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(new AnalyzeOptions
            {
                Inputs = inputs,
                AsOf = D("2025-12-19"),
                OutputDirectory = PathOf($"uit-{Guid.NewGuid():N}"),
                Charts = false,
            }));
            Assert.Equal(Setting.Timetable, error.About);
        }
        // The secondary school alone is not stopped.
        Assert.Equal(0, (await Analysis.RunAsync(new AnalyzeOptions { Inputs = [secondary], AsOf = D("2025-12-19"), OutputDirectory = PathOf("vo-uit"), Charts = false })).ExitCode);
    }

    /// <summary>
    /// A primary school whose groups are called "6D": nothing said, and 3 pupils in tier 3 instead of 9 (an adversarial
    /// pass). Lessons that are only ever 1 or 2 are said; a secondary school's notifications are not.
    /// </summary>
    [Fact]
    public async Task NotificationsOfLessonsOneAndTwoOnly_AreSaid()
    {
        AanwezigheidsAnalyse.Synthetic.GeneratorOptions Options(AanwezigheidsAnalyse.Synthetic.SchoolType type) => new()
        {
            Pupils = 150,
            Seed = 9,
            SchoolType = type,
            Shape = AanwezigheidsAnalyse.Synthetic.ExportShape.MeldingLesuur,
            Until = new NodaTime.LocalDate(2025, 12, 19),
        };
        var generated = PathOf("po-groep.csv");
        AanwezigheidsAnalyse.Synthetic.Generator.Write(Options(AanwezigheidsAnalyse.Synthetic.SchoolType.Po), generated);
        var primary = PathOf("po-6d.csv");
        File.WriteAllText(primary, File.ReadAllText(generated).Replace(";groep ", ";", StringComparison.Ordinal));
        var secondary = PathOf("vo.csv");
        AanwezigheidsAnalyse.Synthetic.Generator.Write(Options(AanwezigheidsAnalyse.Synthetic.SchoolType.Vo), secondary);

        AnalysisResult Run(string input) => Analysis.RunAsync(new AnalyzeOptions { Inputs = [input], AsOf = D("2025-12-19"), OutputDirectory = PathOf($"uit-{Guid.NewGuid():N}"), Charts = false }).GetAwaiter().GetResult();
        Assert.Contains(Run(primary).Manifest.Warnings, w => w.Contains("alleen lesuur 1 en 2", StringComparison.Ordinal) && w.Contains("--timetable po-standaard", StringComparison.Ordinal));
        Assert.DoesNotContain(Run(secondary).Manifest.Warnings, w => w.Contains("alleen lesuur 1 en 2", StringComparison.Ordinal));
    }

    /// <summary>
    /// Each file is read with its own timetable, the run counts with one: a primary school's dagdelen beside its
    /// notifications by time (read in the default's lesson hours) only warned, and a morning was four lessons (a review).
    /// </summary>
    [Fact]
    public async Task FilesOfTwoTimetables_StopTheRun_UnlessOneIsChosen()
    {
        var dagdelen = PathOf("dagdelen.csv");
        File.WriteAllLines(dagdelen, [Header, "12AB,4701,groep 5,2025-09-01,ochtend,sick", "12AB,4702,groep 5,2025-09-01,middag,unauthorized"]);
        var notifications = PathOf("meldingen.csv");
        File.WriteAllLines(notifications, ["Leerlingnummer;Klas;Begindatum;Begintijd;Einddatum;Eindtijd;Absentiereden;BRIN", "4701;groep 5;02-09-2025;08:30;02-09-2025;12:00;Z;12AB"]);
        AnalyzeOptions Options(string? timetable) => new() { Inputs = [dagdelen, notifications], AsOf = D("2025-10-03"), OutputDirectory = PathOf($"uit-{Guid.NewGuid():N}"), Charts = false, Timetable = timetable };

        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Options(null)));
        Assert.Equal(Setting.Timetable, error.About);
        Assert.Contains("meldingen.csv' hoort bij rooster vo-standaard", error.In(Language.Dutch), StringComparison.Ordinal);
        var chosen = await Analysis.RunAsync(Options("po-standaard"));
        Assert.Equal(0, chosen.ExitCode);
    }

    /// <summary>
    /// A lesson hour the timetable has no times for counted no minutes: a primary school's notifications of lesuur 3–6
    /// read with po-standaard (as the message above asks) were accepted, and four weeks of daily truancy were tier 1
    /// (an adversarial pass). Such rows are rejected, named, with what to do.
    /// </summary>
    [Fact]
    public async Task ASlotTheTimetableDoesNotHave_IsRejected_NotCountedAsNothing()
    {
        string[] rows = ["12AB,4701,groep 5,2025-09-01,1,sick", "12AB,4702,groep 5,2025-09-02,3,unauthorized", "12AB,4702,groep 5,2025-09-03,6,unauthorized"];
        var (result, output) = await Analyse(rows, "po-standaard");
        Assert.Equal(2, result.Manifest.Inputs[0].Rejected);
        var rejects = File.ReadAllText(Path.Combine(output, "rejects.csv"));
        Assert.Equal(2, rejects.Split("slot_not_in_timetable").Length - 1);

        // vo-standaard has times for lesuur 0–9: a 10th hour is rejected, an 8th adds to the day.
        (result, _) = await Analyse(["12AB,4801,2B,2025-09-01,8,sick", "12AB,4801,2B,2025-09-01,12,sick"], "vo-standaard");
        Assert.Equal(1, result.Manifest.Inputs[0].Rejected);
        Assert.Equal(1, result.Manifest.Inputs[0].Accepted);

        var notifications = PathOf("meldingen.csv");
        File.WriteAllLines(notifications,
        [
            "Leerlingnummer;Klas;Begindatum;Beginlesuur;Einddatum;Eindlesuur;Absentiereden", "3001;groep 7B;24-11-2025;3;24-11-2025;6;S",
            "3001;groep 7B;25-11-2025;1;25-11-2025;2;S",
            "3001;groep 7B;27-11-2025;1;27-11-2025;6;S",    // a range with lessons the timetable has: those count (a review)
            "3001;groep 7B;28-11-2025;5;01-12-2025;2;S",    // over several days the other days count
        ]);
        var run = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [notifications], AsOf = D("2025-12-19"), OutputDirectory = PathOf("m-uit"), Charts = false, Timetable = "po-standaard", MaxRejectRate = 1 });
        Assert.Equal((1L, 3L), (run.Manifest.Inputs[0].Rejected, run.Manifest.Inputs[0].Accepted));
    }
}
