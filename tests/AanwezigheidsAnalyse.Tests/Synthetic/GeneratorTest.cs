using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Synthetic;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Synthetic;

/// <summary>The generator lands near the figures it aims at (README), is deterministic, and counts its noise.</summary>
public sealed class GeneratorTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-generator-");

    public void Dispose() => _dir.Delete(recursive: true);

    private async Task<(AnalysisResult Result, string Output)> AnalyzeGenerated(GeneratorOptions options, LocalDate asOf)
    {
        var export = Path.Combine(_dir.FullName, $"export-{options.Seed}-{options.Pupils}.csv");
        var list = Path.Combine(_dir.FullName, $"list-{options.Seed}-{options.Pupils}.csv");
        Generator.Write(options, export, list);
        var output = Path.Combine(_dir.FullName, $"out-{options.Seed}-{asOf}");
        var result = await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [export],
            PupilsFile = list,
            AsOf = asOf,
            OutputDirectory = output,
            Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
            Charts = false,
        });
        return (result, output);
    }

    [Fact]
    public async Task VoSchool_FullYear_LandsNearTheTargets()
    {
        // README, "Synthetic data": mean absence 4-6 % over the year, about 3 sick episodes per pupil per year,
        // tier 2 about 10-20 % and tier 3 about 2-7 % at the end of the year.
        var (result, output) = await AnalyzeGenerated(new GeneratorOptions { Pupils = 3000, Seed = 5 }, new LocalDate(2026, 7, 17));
        var pupils = await AanwezigheidsAnalyse.Tests.Support.ParquetDump.RowsAsync(Path.Combine(output, "pupils.parquet"));
        var meanAbsence = pupils.Average(p => (double?)p["absence_rate_ytd"] ?? 0);
        Assert.InRange(meanAbsence, 0.03, 0.07);
        var tiers = result.Manifest.PupilsPerTier!;
        Assert.InRange(tiers["2"] / 3000.0, 0.08, 0.25);
        Assert.InRange(tiers["3"] / 3000.0, 0.015, 0.08);

        // Sick episodes per pupil per year, counted from the registrations.
        var calendar = CalendarFactory.Create(new SchoolYear(2025), Region.Midden);
        var episodes = 0;
        foreach (var pupil in Generator.Pupils(new GeneratorOptions { Pupils = 3000, Seed = 5 }, calendar, SchoolType.Vo))
        {
            var sickDays = pupil.Registrations.Where(r => r.Category is Category.Sick or Category.SentHomeSick).Select(r => r.Day).Distinct().Order().ToList();
            episodes += sickDays.Where((d, i) => i == 0 || sickDays[i - 1] != d - 1).Count();
        }
        Assert.InRange(episodes / 3000.0, 2.0, 4.5);
    }

    [Fact]
    public void Write_SameSeed_SameBytes_OtherSeed_OtherData()
    {
        string Generate(string name, int seed)
        {
            var path = Path.Combine(_dir.FullName, name);
            Generator.Write(new GeneratorOptions { Pupils = 200, Seed = seed, Until = new LocalDate(2025, 11, 1) }, path);
            return File.ReadAllText(path);
        }
        var a = Generate("a.csv", 3);
        Assert.Equal(a, Generate("b.csv", 3));
        Assert.NotEqual(a, Generate("c.csv", 4));
    }

    [Fact]
    public void Write_WithNoise_CountsWhatValidateRejectsAndIgnores()
    {
        var path = Path.Combine(_dir.FullName, "noisy.csv");
        var file = Assert.Single(Generator.Write(new GeneratorOptions { Pupils = 400, Seed = 8, Noise = 0.02, Shape = ExportShape.LesuurNl }, path));
        var report = Validation.Run(new ValidateOptions { Inputs = [path], AsOf = new LocalDate(2026, 7, 31), RejectsFile = Path.Combine(_dir.FullName, "r.csv") });
        var account = report.Ingest.Files[0];
        Assert.True(file.Noise.Rejects > 0 && file.Noise.Duplicates > 0);
        Assert.Equal(file.Noise.Rejects, account.Rejected);
        Assert.Equal(file.Noise.BadDates, account.RejectedBy[RejectReason.DateInvalid]);
        Assert.Equal(file.Noise.UnknownCodes, account.RejectedBy[RejectReason.CodeUnknown]);
        // The counts are also beside the export, for whoever runs the generator from the command line.
        using var sidecar = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file.NoiseFile!));
        Assert.Equal(file.Noise.BadDates, sidecar.RootElement.GetProperty("bad_dates").GetInt64());
        Assert.Equal(file.Noise.Duplicates, sidecar.RootElement.GetProperty("duplicates").GetInt64());
        Assert.Equal(file.Noise.Duplicates, account.Duplicates);
        Assert.Equal(file.Noise.FooterRows, account.IgnoredBy[IgnoreReason.Footer] + account.IgnoredBy[IgnoreReason.EmptyRow]);
        Assert.Equal(file.Rows + file.Noise.FooterRows, account.RowsRead);
    }

    /// <summary>generate's Parquet and its pupil list run together as its CSV and list do: the Parquet had an empty school column, and the run stopped (a regression pass).</summary>
    [Fact]
    public async Task AParquetExport_AndItsPupilList_RunTogether()
    {
        var export = Path.Combine(_dir.FullName, "school.parquet");
        var list = Path.Combine(_dir.FullName, "school-lijst.csv");
        Generator.Write(new GeneratorOptions { Pupils = 80, Seed = 2, Until = new LocalDate(2025, 11, 28) }, export, list);
        var result = await Analysis.RunAsync(new AnalyzeOptions { Inputs = [export], PupilsFile = list, AsOf = new LocalDate(2025, 11, 28), OutputDirectory = Path.Combine(_dir.FullName, "pq-uit"), Charts = false });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(80, result.Manifest.Pupils + result.Manifest.PupilsLeft);
    }

    /// <summary>
    /// A mix is three kinds of school: its files shared school codes (00AA …) and pupil numbers, so that one run or a
    /// Taskforce collection of them merged a primary school's pupils with a secondary school's (an adversarial pass).
    /// </summary>
    [Fact]
    public void AMix_GivesEachTypeItsOwnSchoolsAndPupils()
    {
        var calendar = CalendarFactory.Create(new SchoolYear(2025), Region.Midden);
        var options = new GeneratorOptions { Pupils = 300, Seed = 3, Schools = 3, SchoolType = SchoolType.Mix };
        var byType = new[] { SchoolType.Po, SchoolType.Vo, SchoolType.Mbo }.Select(t => Generator.Pupils(options, calendar, t).ToList()).ToList();
        Assert.All(byType, pupils => Assert.Equal(3, pupils.Select(p => p.SchoolId).Distinct().Count()));
        Assert.Equal(9, byType.SelectMany(pupils => pupils.Select(p => p.SchoolId)).Distinct().Count());
        Assert.Equal(900, byType.SelectMany(pupils => pupils.Select(p => p.PupilId)).Distinct().Count());
        // Without --schools each type is one school of its own, in the file's school column.
        var files = Generator.Write(options with { Schools = 1, Pupils = 60 }, Path.Combine(_dir.FullName, "mix.csv"));
        Assert.Equal(["00AA", "00AB", "00AC"], files.Select(f => File.ReadLines(f.Path).Skip(1).First().Split(',')[0]).Order());
        // One type alone keeps its codes and numbers.
        var vo = Generator.Pupils(options with { SchoolType = SchoolType.Vo }, calendar, SchoolType.Vo).ToList();
        Assert.Equal(["00AA", "00AB", "00AC"], vo.Select(p => p.SchoolId).Distinct().Order());
        Assert.Equal("100000", vo[0].PupilId);
    }

    /// <summary>--shape dagdeel-po alone wrote a VO school's lessons 3-7 under "Dagdeel", a file analyze refused.</summary>
    [Theory]
    [InlineData(SchoolType.Vo)]
    [InlineData(SchoolType.Mix)]
    public void Write_InDagdelen_IsReadWithoutARejectedRow(SchoolType type)
    {
        var path = Path.Combine(_dir.FullName, "dagdelen.csv");
        var files = Generator.Write(new GeneratorOptions { Pupils = 200, Seed = 4, Shape = ExportShape.DagdeelPo, SchoolType = type, Until = new LocalDate(2025, 12, 19) }, path);

        Assert.Contains(files, f => f.SchoolType == SchoolType.Po);
        foreach (var file in files)
        {
            var report = Validation.Run(new ValidateOptions { Inputs = [file.Path], AsOf = new LocalDate(2025, 12, 19), RejectsFile = Path.Combine(_dir.FullName, $"r-{file.SchoolType}.csv") });
            Assert.Equal(0, report.Ingest.Rejected);
            Assert.Equal(file.SchoolType == SchoolType.Po ? "dagdeel-po" : "lesuur-nl", report.Ingest.Files[0].Profile);
        }
    }

    /// <summary>
    /// Three years where the third year's file exists already: nothing is written (two years were, and a run again
    /// stopped at them; an adversarial pass). A run that fails while writing leaves none of its files.
    /// </summary>
    [Fact]
    public void SeveralYears_AreOneUnit_CheckedBeforeTheFirstIsWritten()
    {
        var export = Path.Combine(_dir.FullName, "jaren.csv");
        var third = Path.Combine(_dir.FullName, "jaren-2025-2026.csv");
        File.WriteAllText(third, "van de gebruiker");
        var options = new GeneratorOptions { Pupils = 50, Seed = 3, Years = 3, SchoolYear = new SchoolYear(2023) };
        Assert.Throws<UserError>(() => Generator.Write(options, export));
        Assert.Equal(["jaren-2025-2026.csv"], Directory.GetFiles(_dir.FullName).Select(Path.GetFileName));
        Assert.Equal("van de gebruiker", File.ReadAllText(third));

        // The second year's noise account cannot be written (its name is a folder): the run fails after the first
        // year and the second year's export were written, and those go too.
        File.Delete(third);
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "jaren-2024-2025.csv.noise.json", "bezet"));
        Assert.ThrowsAny<Exception>(() => Generator.Write(options with { Noise = 0.05 }, export));
        Assert.Equal(["jaren-2024-2025.csv.noise.json"], Directory.GetFileSystemEntries(_dir.FullName).Select(Path.GetFileName));
    }

    /// <summary>
    /// A run killed in its third year left two years' files that looked complete, and the same command then refused to
    /// run; two runs at once each wrote over the other's files (an adversarial pass). Files are now written under hidden
    /// names and named together at the end; a killed run's hidden files go with the next run; and a second run of the
    /// same name at the same time is refused.
    /// </summary>
    [Fact]
    public void AKilledRunsFiles_GoWithTheNext_AndASecondRunAtTheSameTime_IsRefused()
    {
        var export = Path.Combine(_dir.FullName, "gen.csv");
        var options = new GeneratorOptions { Pupils = 40, Seed = 3, Years = 2, SchoolYear = new SchoolYear(2024), Noise = 0.02 };
        // What a run killed while writing its second year leaves: the first year under its hidden name, and the
        // second half-written by AtomicFile.
        File.WriteAllText(Path.Combine(_dir.FullName, ".gen-2024-2025.aanwezigheid-nieuw.csv"), "jaar 1");
        File.WriteAllText(Path.Combine(_dir.FullName, ".gen-2024-2025.csv.noise.json.0123456789abcdef0123456789abcdef.tmp"), "{");
        File.WriteAllText(Path.Combine(_dir.FullName, "..gen-2025-2026.aanwezigheid-nieuw.csv.0123456789abcdef0123456789abcdef.tmp"), "half");
        File.WriteAllText(Path.Combine(_dir.FullName, ".notities.tmp"), "van de gebruiker");

        // Another run of the export's name, or of the pupil list's under another export name (a review).
        foreach (var name in new[] { ".gen.csv.aanwezigheid-lock", ".lijst.csv.aanwezigheid-lock" })
        {
            using (new FileStream(Path.Combine(_dir.FullName, name), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                var busy = Assert.Throws<UserError>(() => Generator.Write(options, export, Path.Combine(_dir.FullName, "lijst.csv")));
                Assert.Contains("al een generate", busy.In(Language.Dutch), StringComparison.Ordinal);
            }
        }
        var files = Generator.Write(options, export, Path.Combine(_dir.FullName, "lijst.csv"));

        Assert.Equal(
            [".notities.tmp", "gen-2024-2025.csv", "gen-2024-2025.csv.noise.json", "gen-2025-2026.csv", "gen-2025-2026.csv.noise.json", "lijst-2024-2025.csv", "lijst-2025-2026.csv"],
            Directory.GetFiles(_dir.FullName).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(files.Select(f => f.Path), [Path.Combine(_dir.FullName, "gen-2024-2025.csv"), Path.Combine(_dir.FullName, "gen-2025-2026.csv")]);
        Assert.All(files, f => Assert.True(File.Exists(f.PupilList) && File.Exists(f.NoiseFile)));
        Assert.StartsWith("pupil_id", File.ReadAllText(files[0].PupilList!), StringComparison.Ordinal);
    }

    [Fact]
    public void Pupils_SecondYear_MoveUpAClass_AndLeaversAreReplaced()
    {
        var options = new GeneratorOptions { Pupils = 300, Seed = 2, Years = 2 };
        var first = Generator.Pupils(options, CalendarFactory.Create(new SchoolYear(2025), Region.Midden), SchoolType.Vo, 0).ToDictionary(p => p.PupilId);
        var second = Generator.Pupils(options, CalendarFactory.Create(new SchoolYear(2026), Region.Midden), SchoolType.Vo, 1).ToList();
        var stayed = second.Where(p => first.ContainsKey(p.PupilId)).ToList();
        Assert.NotEmpty(stayed);
        Assert.All(stayed, p => Assert.Equal(int.Parse(first[p.PupilId].Group[..1], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(p.Group[..1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(stayed, p => Assert.Equal(first[p.PupilId].Archetype, p.Archetype)); // a pupil stays the kind of attender it is
        var newcomers = second.Where(p => !first.ContainsKey(p.PupilId)).ToList();
        Assert.NotEmpty(newcomers);
        Assert.All(newcomers, p => Assert.StartsWith("1", p.Group));
        Assert.Equal(first.Values.Count(p => p.Group.StartsWith('6')), newcomers.Count);
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(100_000, 100)]
    [InlineData(2_700_000, 2_700)] // the country: pupil × schools is beyond 32 bits
    public void SchoolOf_SpreadsPupilsEvenlyOverValidSchoolIds(int pupils, int schools)
    {
        var perSchool = new int[schools];
        for (var i = 0; i < pupils; i++)
            perSchool[Generator.SchoolOf(i, schools, pupils)]++;
        Assert.All(perSchool, n => Assert.InRange(n, pupils / schools, pupils / schools + 1));
        Assert.All(new[] { 0, schools / 2, schools - 1 }, s => Assert.Matches("^[0-9]{2}[A-Z]{2}$", Generator.SchoolIdOf(s)));
        Assert.Equal(schools, Enumerable.Range(0, schools).Select(Generator.SchoolIdOf).Distinct().Count());
    }

    [Fact]
    public void Pupils_WithEnrolmentChanges_RegisterOnlyWhileEnrolled()
    {
        var calendar = CalendarFactory.Create(new SchoolYear(2025), Region.Midden);
        var pupils = Generator.Pupils(new GeneratorOptions { Pupils = 2000, Seed = 4 }, calendar, SchoolType.Vo).ToList();
        var changed = pupils.Where(p => p.Enrolment.First > 0 || p.Enrolment.Last < calendar.DayCount - 1).ToList();
        Assert.InRange(changed.Count, 40, 140); // about 4 %
        Assert.All(pupils, p => Assert.All(p.Registrations, r => Assert.InRange(r.Day, p.Enrolment.First, p.Enrolment.Last)));
    }

    [Fact]
    public async Task Write_Parquet_ReadsBackAsCanonicalInput()
    {
        var csv = Path.Combine(_dir.FullName, "same.csv");
        var parquet = Path.Combine(_dir.FullName, "same.parquet");
        var options = new GeneratorOptions { Pupils = 150, Seed = 6, SchoolId = "00AA", Until = new LocalDate(2025, 11, 28) };
        Generator.Write(options, csv);
        Generator.Write(options, parquet);
        async Task<List<Dictionary<string, object?>>> Pupils(string input, string name)
        {
            var output = Path.Combine(_dir.FullName, name);
            await Analysis.RunAsync(new AnalyzeOptions { Inputs = [input], AsOf = new LocalDate(2025, 11, 28), OutputDirectory = output, Region = AanwezigheidsAnalyse.Calendar.Region.Midden, Charts = false });
            return await AanwezigheidsAnalyse.Tests.Support.ParquetDump.RowsAsync(Path.Combine(output, "pupils.parquet"));
        }
        var fromCsv = await Pupils(csv, "csv");
        var fromParquet = await Pupils(parquet, "parquet");
        Assert.NotEmpty(fromCsv);
        Assert.Equal(fromCsv.Count, fromParquet.Count);
        for (var i = 0; i < fromCsv.Count; i++)
        {
            Assert.Equal(fromCsv[i]["pupil_key"], fromParquet[i]["pupil_key"]);
            Assert.Equal(fromCsv[i]["absence_rate_ytd"], fromParquet[i]["absence_rate_ytd"]);
            Assert.Equal(fromCsv[i]["tier"], fromParquet[i]["tier"]);
        }
    }
}
