using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Research;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Research;

/// <summary>
/// train (issue 12): the features at T use nothing after T; the same seed gives the same model and metrics; the
/// split in time keeps a horizon between the training labels and the test weeks.
/// </summary>
public sealed class TrainingTest : TempFolder
{
    private string Export(int pupils, int seed)
    {
        var path = PathOf($"jaar-{pupils}-{seed}.csv");
        if (!File.Exists(path))
            Generator.Write(new GeneratorOptions { Pupils = pupils, Schools = 2, Seed = seed }, path, null);
        return path;
    }

    [Fact]
    public void TheFeaturesAtT_UseNothingAfterT()
    {
        // The same export read up to T and read whole (rows after T changed by the rest of the year): at the end of
        // T's school week every pupil's features are the same.
        var export = Export(pupils: 300, seed: 9);
        var t = new LocalDate(2026, 1, 30);
        var whole = Exports.Load(new LoadOptions { Inputs = [export], AsOf = new LocalDate(2026, 7, 17) }).Ledger;
        var upToT = Exports.Load(new LoadOptions { Inputs = [export], AsOf = t }).Ledger;
        var calendar = whole.Calendar;
        var week = calendar.WeekOf(calendar.LastOnOrBefore(t));
        var weekEnds = Enumerable.Range(0, week + 1).Select(w => new AsOf(calendar, calendar.Date(calendar.WeekLastDay(w)))).ToArray();

        var after = Features.At(whole, weekEnds, [week]);
        var before = Features.At(upToT, [.. weekEnds.Select(w => new AsOf(upToT.Calendar, w.Date))], [week]);

        var byPupil = Enumerable.Range(0, upToT.PupilCount).ToDictionary(p => (upToT.SchoolId(p), upToT.PupilId(p)), p => before[p][0]);
        var compared = 0;
        for (var p = 0; p < whole.PupilCount; p++)
        {
            if (after[p][0] is not { } features)
                continue; // not yet at school by T
            if (byPupil.TryGetValue((whole.SchoolId(p), whole.PupilId(p)), out var atT))
            {
                Assert.Equal(features, atT);
                compared++;
            }
            else
            {
                // Known only from rows after T (an export of absences alone, without a pupil list): nothing absent up to T.
                Assert.Equal(0f, features[Array.IndexOf(Features.Names, "absence_rate_ytd")]);
            }
        }
        Assert.True(compared > 250, $"{compared} pupils compared");
    }

    [Fact]
    public void TheSameSeed_GivesTheSameModel_AndTheSplitKeepsAHorizonBetweenTrainAndTest()
    {
        var options = new TrainOptions
        {
            Input = new LoadOptions { Inputs = [Export(pupils: 3000, seed: 7)], AsOf = new LocalDate(2026, 7, 17) },
            From = new LocalDate(2025, 9, 19),
            To = new LocalDate(2026, 5, 29),
            Outcome = Outcome.Tier3,
            Horizon = 4,
        };

        var first = Training.Run(options, PathOf("m1"));
        var second = Training.Run(options, PathOf("m2"));

        Assert.Equal(File.ReadAllText(Path.Combine(PathOf("m1"), "metrics.json")), File.ReadAllText(Path.Combine(PathOf("m2"), "metrics.json")));
        // Byte for byte: analyze names a model by its SHA-256, and ML.NET stamped the zip's entries with the time.
        Assert.Equal(File.ReadAllBytes(Path.Combine(PathOf("m1"), "model.zip")), File.ReadAllBytes(Path.Combine(PathOf("m2"), "model.zip")));
        Assert.Equal(first.RocAuc, second.RocAuc);
        Assert.InRange(first.RocAuc, 0.5, 1); // better than chance on the generator's drifting pupils
        var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf("m1"), "metrics.json"))).RootElement;
        var trainLast = LocalDate.FromDateTime(DateTime.Parse(metrics.GetProperty("train_weeks")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var testFirst = LocalDate.FromDateTime(DateTime.Parse(metrics.GetProperty("test_weeks")[0].GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(Period.Between(trainLast, testFirst, PeriodUnits.Weeks).Weeks >= 4, $"{trainLast} .. {testFirst}");
        Assert.Equal(first.Rules.Flagged, first.Model.Flagged); // compared at the rules' number of flags
        Assert.All(new[] { "model.zip", "metrics.json", "model.md" }, f => Assert.True(File.Exists(Path.Combine(PathOf("m1"), f))));
        Assert.Contains("synthetic", File.ReadAllText(Path.Combine(PathOf("m1"), "model.md")).Replace("generate", "synthetic", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(RiskModel.Load(PathOf("m1")).TrainedOverYears); // one school year: last year was unknown in training too
        // A criterion that flagged nobody has no precision, as in backtest; it read 0 (an adversarial pass).
        Assert.All(first.Criteria, f => Assert.Equal(f.Flagged > 0 ? (double)f.TruePositives / f.Flagged : null, f.Precision));
        Assert.Contains(first.Criteria, f => f.Flagged == 0);
    }

    /// <summary>
    /// Within one school year the test weeks are the same pupils later on. Leaving out every row of the test period
    /// gives the same model: no training label, nor anything else it learns from, read those rows. "Absence 10 %" held
    /// from a week on to the end of the data, and read them (an adversarial pass).
    /// </summary>
    [Theory]
    [InlineData(Outcome.Absence10)]
    [InlineData(Outcome.Tier3)]
    public void TheModel_ReadsNothingOfTheTestWeeks(Outcome outcome)
    {
        // With the pupil list, as without one a pupil is known from its rows, those of the test weeks included.
        var (export, list) = (PathOf("listed.csv"), PathOf("listed-leerlingen.csv"));
        if (!File.Exists(export))
            Generator.Write(new GeneratorOptions { Pupils = 800, Schools = 2, Seed = 3 }, export, list);
        var options = new TrainOptions
        {
            Input = new LoadOptions { Inputs = [export], PupilsFile = list, AsOf = new LocalDate(2026, 7, 17) },
            From = new LocalDate(2025, 9, 12),
            To = new LocalDate(2026, 6, 26),
            Outcome = outcome,
            Horizon = 4,
        };
        var whole = Training.Run(options, PathOf($"whole-{outcome}"));
        var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf($"whole-{outcome}"), "metrics.json"))).RootElement;
        var testFirst = metrics.GetProperty("test_weeks")[0].GetString()!;
        // The rows of pupils with an even number from the Monday of the first test week on (ISO dates compare as text);
        // the odd ones keep the data as long as it was, so that the weeks stay the same.
        var monday = LocalDate.FromDateTime(DateTime.Parse(testFirst, System.Globalization.CultureInfo.InvariantCulture)).PlusDays(-4).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lines = File.ReadAllLines(export);
        var cut = PathOf($"cut-{outcome}.csv");
        File.WriteAllLines(cut, lines.Where((line, i) => i == 0 || line.Split(',') is var f && (string.CompareOrdinal(f[3], monday) < 0 || f[1][^1] % 2 == 1)));
        Assert.True(File.ReadAllLines(cut).Length < lines.Length - 1000, "rows left out");

        var cutRun = Training.Run(options with { Input = options.Input with { Inputs = [cut] } }, PathOf($"cut-{outcome}"));

        Assert.Equal(whole.TrainExamples, cutRun.TrainExamples);
        Assert.Equal(ModelEntries(PathOf($"whole-{outcome}")), ModelEntries(PathOf($"cut-{outcome}")));
        Assert.NotEqual(whole.TestExamples + whole.TestPositives * 1_000_000, cutRun.TestExamples + cutRun.TestPositives * 1_000_000); // the test weeks did change
    }

    /// <summary>Every entry of model.zip by name, with its bytes in hexadecimal.</summary>
    private static SortedDictionary<string, string> ModelEntries(string folder)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(folder, "model.zip"));
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            entries[entry.FullName] = Convert.ToHexString(bytes.ToArray());
        }
        return entries;
    }

    private string Schools()
    {
        File.WriteAllText(PathOf("scholen.csv"), "school_id;schooltype\n00AA;VO\n");
        return PathOf("scholen.csv");
    }

    [Fact]
    public void OverTwoSchoolYears_TheEarlierTrains_AndTheLaterTests()
    {
        var files = Generator.Write(new GeneratorOptions { Pupils = 1500, Schools = 2, Seed = 6, SchoolYear = new AanwezigheidsAnalyse.Calendar.SchoolYear(2024), Years = 2 }, PathOf("y.csv"), null);

        var metrics = Training.Run(new TrainOptions
        {
            Input = new LoadOptions { Inputs = [.. files.Select(f => f.Path)], AsOf = new LocalDate(2026, 7, 17) },
            From = new LocalDate(2024, 9, 13),
            To = new LocalDate(2026, 5, 29),
            Outcome = Outcome.Tier3,
            Horizon = 4,
            SchoolsFile = Schools(),
        }, PathOf("m"));

        // Fairness per school type, from the schools file: a school it does not list is "onbekend", not dropped.
        Assert.Equal(["VO", "onbekend"], metrics.PerGroup.Select(g => g.Group));
        Assert.Equal(metrics.TestExamples, metrics.PerGroup.Sum(g => g.Examples));
        Assert.Contains("Per schooltype", File.ReadAllText(Path.Combine(PathOf("m"), "model.md")), StringComparison.Ordinal);

        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf("m"), "metrics.json"))).RootElement;
        Assert.StartsWith("2025-0", json.GetProperty("train_weeks")[1].GetString(), StringComparison.Ordinal); // the first year's last weeks
        Assert.StartsWith("2025-09", json.GetProperty("test_weeks")[0].GetString(), StringComparison.Ordinal); // the second year from its start
        Assert.True(metrics.TrainExamples > 0 && metrics.TestExamples > 0);
        // The feature of last year's absence is there; the training year has no year before it, so its median is unknown (-1).
        var baseline = json.GetProperty("feature_baseline").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        Assert.Equal(-1, baseline[Array.IndexOf(Features.Names, "absence_rate_last_year")]); // the training year has no year before it
        // Each year's file with the rows accepted in its own year's read (the later one read "0 rows accepted").
        Assert.All(json.GetProperty("inputs").EnumerateArray(), f =>
        {
            Assert.True(f.GetProperty("accepted").GetInt64() > 0, f.GetProperty("file").GetString());
            Assert.Equal(f.GetProperty("rows_read").GetInt64(), f.GetProperty("accepted").GetInt64() + f.GetProperty("rejected").GetInt64());
        });
        // A weekly run gives last year's absence as unknown: the model card and the run say so for a model of years.
        Assert.True(RiskModel.Load(PathOf("m")).TrainedOverYears);
        Assert.Contains("`absence_rate_last_year`", File.ReadAllText(Path.Combine(PathOf("m"), "model.md")), StringComparison.Ordinal);
    }

    /// <summary>Every feature a driver can be is said in words of its own ("korte inschrijving" stood for two others).</summary>
    [Fact]
    public void EveryFeature_HasItsOwnWords()
    {
        foreach (var language in new[] { AanwezigheidsAnalyse.Localization.Language.Dutch, AanwezigheidsAnalyse.Localization.Language.English })
        {
            Assert.All(Features.Names, name => Assert.NotEqual(name, AanwezigheidsAnalyse.Localization.Texts.Page.FeatureWords(language, name)));
            Assert.Contains("vorig schooljaar", AanwezigheidsAnalyse.Localization.Texts.Page.FeatureWords(AanwezigheidsAnalyse.Localization.Language.Dutch, "absence_rate_last_year"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--from", "2026-05-01", "--to", "2026-05-29")] // too few weeks for a horizon between train and test
    [InlineData("--from", "2026-05-29", "--to", "2025-09-19")] // the period the wrong way round
    [InlineData("--from", "2025-09-19", "--to", "2026-05-29", "--outcome", "thuiszitter")] // 40 pupils: nobody at home
    [InlineData("--from", "2025-09-19", "--to", "2026-05-29", "--horizon", "60")]
    public async Task AMistake_IsExit2_WithAMessage_AndNoModel(params string[] arguments)
    {
        var export = Export(pupils: 40, seed: 2);

        var run = await CliProcess.RunAsync(Path.GetDirectoryName(export)!, ["train", export, "--out", PathOf("model"), .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PathOf("model")));
    }
}
