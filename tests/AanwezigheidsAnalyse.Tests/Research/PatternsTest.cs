using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Research;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Research;

/// <summary>patterns (issue 12): profiles are shares, every pupil-year in one cluster, shares per school and year add up, the same seed gives the same bytes, and a centroid is said in words.</summary>
public sealed class PatternsTest : TempFolder
{
    [Fact]
    public async Task TwoYears_AreClusteredTogether_EveryPupilOnce_SharesAddUp_AndTheSameSeedGivesTheSameBytes()
    {
        var files = Generator.Write(new GeneratorOptions { Pupils = 1500, Schools = 3, Seed = 5, SchoolYear = new SchoolYear(2024), Years = 2 }, PathOf("y.csv"), null);
        var options = new PatternsOptions
        {
            Years = [new LoadOptions { Inputs = [files[0].Path], AsOf = new LocalDate(2025, 7, 18) }, new LoadOptions { Inputs = [files[1].Path], AsOf = new LocalDate(2026, 7, 17) }],
        };

        var result = Patterns.Run(options, PathOf("p1"));
        Patterns.Run(options, PathOf("p2"));

        Assert.Contains(result.Clusters.Count, options.ClusterCounts);
        Assert.Equal(result.DaviesBouldin.MinBy(d => d.Value).Key, result.Clusters.Count); // the stated criterion chose k
        Assert.Equal(result.Pupils, result.Clusters.Sum(c => c.Pupils));
        Assert.All(result.Clusters, c => Assert.False(string.IsNullOrWhiteSpace(c.Description.Dutch)));
        var pupils = await ParquetDump.RowsAsync(Path.Combine(PathOf("p1"), "patterns.parquet"));
        Assert.Equal(result.Pupils, pupils.Count);
        Assert.Equal([2024, 2025], pupils.Select(p => Convert.ToInt32(p["school_year"], System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order());
        double D(IReadOnlyDictionary<string, object?> row, string name) => Convert.ToDouble(row[name], System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(pupils, p =>
        {
            Assert.Equal(1, new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Sum(d => D(p, d)), 3);
            Assert.Equal(1, new[] { "sick", "unauthorized", "other_authorized" }.Sum(k => D(p, k)), 3);
            Assert.Equal(1, new[] { "autumn", "winter", "spring" }.Sum(s => D(p, s)), 3);
            Assert.All(Patterns.ProfileNames, n => Assert.InRange(D(p, n), 0, 1));
        });
        // A pupil's absence rate is the year's, as analyze gives it (it was absent ÷ the days with absence: 0,6 for 2 %).
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [files[1].Path], AsOf = new LocalDate(2026, 7, 17), OutputDirectory = PathOf("a"), Charts = false });
        var ytd = (await ParquetDump.RowsAsync(Path.Combine(PathOf("a"), "pupils.parquet")))
            .ToDictionary(r => ((string)r["school_id"]!, (string)r["pupil_key"]!), r => D(r, "absence_rate_ytd"));
        var lastYear = pupils.Where(p => Convert.ToInt32(p["school_year"], System.Globalization.CultureInfo.InvariantCulture) == 2025).ToList();
        Assert.NotEmpty(lastYear);
        Assert.All(lastYear, p => Assert.Equal(ytd[((string)p["school_id"]!, (string)p["pupil_key"]!)], D(p, "absence_rate"), 5));
        var bySchool = await ParquetDump.RowsAsync(Path.Combine(PathOf("p1"), "patterns_by_school.parquet"));
        Assert.All(bySchool.GroupBy(r => (r["school_id"], r["school_year"])), g => Assert.Equal(1, g.Sum(r => D(r, "share")), 4)); // each share rounded to 6 decimals
        // The years in the other order give the same clusters (k-means++ took its first centres in file order).
        Patterns.Run(options with { Years = [options.Years[1], options.Years[0]] }, PathOf("p3"));
        foreach (var name in new[] { "patterns.parquet", "clusters.parquet", "patterns_by_school.parquet" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(PathOf("p1"), name)), File.ReadAllBytes(Path.Combine(PathOf("p2"), name)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(PathOf("p1"), name)), File.ReadAllBytes(Path.Combine(PathOf("p3"), name)));
        }

        // With a key: no pupil number in patterns.parquet, each pupil under the pseudonym analyze gives it with that key
        // (patterns.parquet wrote raw numbers, whatever the researcher's agreement said), and the same clusters.
        var key = PathOf("regio.key");
        File.WriteAllText(key, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        Patterns.Run(options with { PseudonymizeKeyFile = key }, PathOf("p4"));
        await Analysis.RunAsync(new AnalyzeOptions { Inputs = [files[1].Path], AsOf = new LocalDate(2026, 7, 17), OutputDirectory = PathOf("ak"), Charts = false, PseudonymizeKeyFile = key });
        var pseudonyms = (await ParquetDump.RowsAsync(Path.Combine(PathOf("ak"), "pupils.parquet"))).Select(r => ((string)r["school_id"]!, (string)r["pupil_key"]!)).ToHashSet();
        var keyed = await ParquetDump.RowsAsync(Path.Combine(PathOf("p4"), "patterns.parquet"));
        Assert.Equal(pupils.Count, keyed.Count);
        Assert.Empty(keyed.Select(r => (string)r["pupil_key"]!).Intersect(pupils.Select(r => (string)r["pupil_key"]!)));
        Assert.All(keyed.Where(r => Convert.ToInt32(r["school_year"], System.Globalization.CultureInfo.InvariantCulture) == 2025),
            r => Assert.Contains(((string)r["school_id"]!, (string)r["pupil_key"]!), pseudonyms));
        Assert.Equal(File.ReadAllBytes(Path.Combine(PathOf("p1"), "clusters.parquet")), File.ReadAllBytes(Path.Combine(PathOf("p4"), "clusters.parquet")));
        Assert.Contains("\"key_fingerprint\"", File.ReadAllText(Path.Combine(PathOf("p4"), "patterns.json")));
    }

    /// <summary>
    /// Pupils of one or two absence profiles between them: k-means cannot make more clusters than there are different
    /// points (ML.NET stopped with "too few examples": exit 3), so the run is refused with what to do.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void PupilsOfTooFewDifferentProfiles_AreAUserMistake_NotAnInternalError(int profiles)
    {
        var export = PathOf("eender.csv");
        // Twenty pupils, each sick on the same ten Mondays (or, for the second profile, Tuesdays) of the autumn.
        File.WriteAllLines(export, ["school_id,pupil_id,group,date,status", .. Enumerable.Range(0, 20).SelectMany(p => Enumerable.Range(0, 10).Select(w =>
            $"00AA,{4700 + p},2B,{new DateOnly(2025, 9, 1).AddDays(7 * w + p % profiles):yyyy-MM-dd},sick"))]);
        var options = new PatternsOptions { Years = [new LoadOptions { Inputs = [export], AsOf = new LocalDate(2025, 12, 19) }] };

        var error = Assert.Throws<UserError>(() => Patterns.Run(options, PathOf("p")));

        Assert.Contains($"{profiles} verschillende profielen", error.In(Language.Dutch), StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("p")) && Directory.EnumerateFileSystemEntries(PathOf("p")).Any());
    }

    [Fact]
    public void ACentroid_IsSaidInWords()
    {
        float[] mondayTruant = [0.55f, 0.1f, 0.1f, 0.1f, 0.15f, 0.2f, 0.1f, 0.7f, 0.1f, 0.85f, 0.05f, 0.9f, 0.1f, 0f, 0.3f, 0.3f, 0.4f, 0.1f];
        float[] spread = [0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0.4f, 0.2f, 0.2f, 0.4f, 0.3f, 0.3f, 0.3f, 0.4f, 0.3f, 0.3f, 0.3f, 0.4f, 0.1f];

        Assert.Equal("Vooral op maandag, bijna alleen ongeoorloofd, vaak het laatste lesuur, losse dagen", Patterns.Describe(mondayTruant).Dutch);
        Assert.Equal("Mostly on Monday, almost only unauthorised, often the last lesson, single days", Patterns.Describe(mondayTruant).English);
        Assert.Equal("Verspreid over dagen, uren en soorten verzuim", Patterns.Describe(spread).Dutch);
    }

    [Theory]
    [InlineData("--to", "2026-07-17", "--to", "2025-07-18", "--to", "2024-07-19")] // three dates for one file
    [InlineData("--to", "17-07-2026")]
    [InlineData("--to", "2023-07-14")] // a school year without rows
    public async Task AMistake_IsExit2_AndNothingWritten(params string[] arguments)
    {
        Generator.Write(new GeneratorOptions { Pupils = 60, Seed = 2 }, PathOf("jaar.csv"), null);

        var run = await CliProcess.RunAsync(Path.GetDirectoryName(PathOf("jaar.csv"))!, ["patterns", PathOf("jaar.csv"), "--out", PathOf("patronen"), .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("patronen")));
    }

    /// <summary>Two years' files with one --to, or two --to in the wrong order: a year was dropped without a word.</summary>
    [Theory]
    [InlineData("2026-07-17")]
    [InlineData("2026-07-17", "2025-07-18")]
    public async Task AFileOfAnotherSchoolYear_IsExit2_NamingIt(params string[] dates)
    {
        var files = Generator.Write(new GeneratorOptions { Pupils = 60, Seed = 2, SchoolYear = new SchoolYear(2024), Years = 2 }, PathOf("y.csv"), null);

        var run = await CliProcess.RunAsync(Path.GetDirectoryName(PathOf("y.csv"))!,
            ["patterns", files[0].Path, files[1].Path, "--out", PathOf("patronen"), .. dates.SelectMany(d => new[] { "--to", d })]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{files[0].Path}' heeft geen enkele regel in schooljaar", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("patronen")));
    }
}
