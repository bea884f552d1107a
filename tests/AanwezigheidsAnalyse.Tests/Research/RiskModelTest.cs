using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Research;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Research;

/// <summary>analyze --model (issue 12): a risk score and its drivers per pupil, and the report's "mogelijk risico", rendered in Chromium.</summary>
public sealed class RiskModelTest : TempFolder
{
    private static string Samples([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "samples");

    [Fact]
    public async Task Analyze_WithAModel_ScoresEveryPupil_NamesDrivers_AndTheReportShowsTheSection()
    {
        var year = PathOf("jaar.csv");
        Generator.Write(new GeneratorOptions { Pupils = 3000, Schools = 2, Seed = 7 }, year, null);
        Training.Run(new TrainOptions
        {
            Input = new LoadOptions { Inputs = [year], AsOf = new LocalDate(2026, 7, 17) },
            From = new LocalDate(2025, 9, 19),
            To = new LocalDate(2026, 5, 29),
            Outcome = Outcome.Tier3,
            Horizon = 4,
        }, PathOf("model"));
        // The README's sample school, as a SAT runs it, with the model.
        await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Path.Combine(Samples(), "vo-school-2025-herfst.csv")],
            PupilsFile = Path.Combine(Samples(), "vo-school-2025-leerlingen.csv"),
            AsOf = new LocalDate(2025, 12, 19),
            OutputDirectory = PathOf("uit"),
            Model = PathOf("model"),
        });

        var pupils = await ParquetDump.RowsAsync(Path.Combine(PathOf("uit"), "pupils.parquet"));
        Assert.All(pupils, p =>
        {
            Assert.InRange(Convert.ToDouble(p["risk_score"], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
            var drivers = ((System.Collections.IEnumerable)p["risk_drivers"]!).Cast<object>().Select(d => d.ToString()!).ToList();
            Assert.InRange(drivers.Count, 0, 3);
            Assert.All(drivers, d => Assert.Contains(d, Features.Names));
        });
        // Scores differ between pupils: the model reads them, it is not a constant.
        Assert.True(pupils.Select(p => p["risk_score"]).Distinct().Count() > 10);
        var html = await File.ReadAllTextAsync(Path.Combine(PathOf("uit"), "report.html"));
        Assert.Contains("id=\"risico\"", html, StringComparison.Ordinal);

        // The model was trained on the default policy's measures: another --policy changes the tiers, not the scores
        // (weeks in tier came from the run's own replay, and 377 of 1 253 scores moved).
        await Analysis.RunAsync(new AnalyzeOptions
        {
            Inputs = [Path.Combine(Samples(), "vo-school-2025-herfst.csv")],
            PupilsFile = Path.Combine(Samples(), "vo-school-2025-leerlingen.csv"),
            AsOf = new LocalDate(2025, 12, 19),
            OutputDirectory = PathOf("uit-aw"),
            Model = PathOf("model"),
            Policy = "attendance-works",
            Charts = false,
        });
        var otherPolicy = (await ParquetDump.RowsAsync(Path.Combine(PathOf("uit-aw"), "pupils.parquet"))).ToDictionary(p => (string)p["pupil_key"]!, p => p["risk_score"]);
        Assert.All(pupils, p => Assert.Equal(p["risk_score"], otherPolicy[(string)p["pupil_key"]!]));
        Assert.NotEqual(pupils.Select(p => p["tier"]), (await ParquetDump.RowsAsync(Path.Combine(PathOf("uit-aw"), "pupils.parquet"))).Select(p => p["tier"]));

        // A metrics.json with a baseline value missing, or one that is no number, beside a model that loads: a user
        // mistake (exit 2), not an index out of range (exit 3) in the middle of scoring.
        foreach (var damage in new Func<System.Text.Json.Nodes.JsonArray, System.Text.Json.Nodes.JsonArray>[] { b => [.. b.Take(3).Select(v => v!.DeepClone())], b => [.. b.Select(v => (System.Text.Json.Nodes.JsonNode?)1e39)] })
        {
            var damaged = Directory.CreateDirectory(PathOf($"beschadigd-{Guid.NewGuid():N}")).FullName;
            File.Copy(Path.Combine(PathOf("model"), "model.zip"), Path.Combine(damaged, "model.zip"));
            var metrics = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(PathOf("model"), "metrics.json")))!;
            metrics["feature_baseline"] = damage(metrics["feature_baseline"]!.AsArray());
            File.WriteAllText(Path.Combine(damaged, "metrics.json"), metrics.ToJsonString());
            Assert.Throws<UserError>(() => RiskModel.Load(damaged));
        }
        // run.json names the model that made risk_score: a re-run can be checked against it.
        var model = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PathOf("uit"), "run.json"))).RootElement.GetProperty("model");
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(PathOf("model"), "model.zip")))), model.GetProperty("sha256").GetString());
        Assert.Equal(("tier3", 4, "vo-standaard", false), (model.GetProperty("outcome").GetString(), model.GetProperty("horizon").GetInt32(), model.GetProperty("timetable").GetString(), model.GetProperty("primary_school").GetBoolean()));
        Assert.DoesNotContain(Texts.Research.ModelOfOtherKindOfSchool(Language.Dutch, learnedFromPrimary: false), File.ReadAllText(Path.Combine(PathOf("uit"), "run.json")), StringComparison.Ordinal);

        // A model of a secondary school, applied to a primary school: said (it was not), whether its export is in
        // dagdelen (po-standaard) or in day minutes (read under vo-standaard, so the timetable does not tell).
        // In dagdelen with groups named "5B" too, as the dagdelen say it (a review: the class names alone did not).
        foreach (var (shape, groep) in new[] { (ExportShape.DagdeelPo, true), (ExportShape.DagMinuten, true), (ExportShape.DagdeelPo, false) })
        {
            var primary = PathOf($"po-{shape}-{groep}.csv");
            Generator.Write(new GeneratorOptions { Pupils = 200, Seed = 4, SchoolType = SchoolType.Po, SchoolId = "34CD", Shape = shape }, primary, null);
            if (!groep)
                File.WriteAllText(primary, File.ReadAllText(primary).Replace("groep ", "", StringComparison.OrdinalIgnoreCase));
            using var run = await Analysis.PrepareAsync(new AnalyzeOptions { Inputs = [primary], AsOf = new LocalDate(2025, 12, 19), OutputDirectory = PathOf($"uit-po-{shape}-{groep}"), Model = PathOf("model"), Charts = false, Language = Language.English });
            Assert.Contains(Texts.Research.ModelOfOtherKindOfSchool(Language.English, learnedFromPrimary: false), run.Notes);
        }

        // An outcome no train writes, a horizon outside 1-52 ("binnen -5 schoolweken" in the report), or training or
        // test weeks edited away (an index out of range, exit 3): not a model of ours.
        foreach (var (field, value) in new (string, System.Text.Json.Nodes.JsonNode)[] { ("outcome", "bogus"), ("horizon", -5), ("horizon", 0), ("train_weeks", new System.Text.Json.Nodes.JsonArray()), ("test_weeks", new System.Text.Json.Nodes.JsonArray("2026-04-03")) })
        {
            var damaged = Directory.CreateDirectory(PathOf($"veld-{Guid.NewGuid():N}")).FullName;
            File.Copy(Path.Combine(PathOf("model"), "model.zip"), Path.Combine(damaged, "model.zip"));
            var metrics = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(PathOf("model"), "metrics.json")))!;
            metrics[field] = value;
            File.WriteAllText(Path.Combine(damaged, "metrics.json"), metrics.ToJsonString());
            Assert.Throws<UserError>(() => RiskModel.Load(damaged));
        }

        // The zip beside a metrics.json is its model: another one (copied over from a model of another outcome) is
        // refused, and a metrics.json of before the hash was written still loads (an adversarial pass).
        var written = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(PathOf("model"), "metrics.json")))!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(PathOf("model"), "model.zip")))), (string?)written["model_sha256"]);
        foreach (var (hash, refused) in new[] { (new string('0', 64), true), ((string?)null, false) })
        {
            var other = Directory.CreateDirectory(PathOf($"ander-{refused}")).FullName;
            File.Copy(Path.Combine(PathOf("model"), "model.zip"), Path.Combine(other, "model.zip"));
            var metrics = written.DeepClone().AsObject();
            if (hash is null)
                metrics.Remove("model_sha256");
            else
                metrics["model_sha256"] = hash;
            File.WriteAllText(Path.Combine(other, "metrics.json"), metrics.ToJsonString());
            if (refused)
                Assert.Contains("is not the model of the metrics.json beside it", Assert.Throws<UserError>(() => RiskModel.Load(other)).English);
            else
                Assert.Equal("tier3", RiskModel.Load(other).Outcome);
        }

        if (await Browser.DomAsync(Path.Combine(PathOf("uit"), "report.html"), PathOf("profiel")) is not { } dom)
            return; // the school report's browser test names the missing Chromium; CI has it
        Assert.Contains("Mogelijk risico", dom, StringComparison.Ordinal);
        Assert.Contains("geen oordeel", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderWithoutAModel_IsAUserError_BeforeAnythingIsRead()
    {
        Directory.CreateDirectory(PathOf("leeg"));

        var error = Assert.Throws<UserError>(() => RiskModel.Load(PathOf("leeg")));
        // Named by its flag, as other refusals are (a regression pass: it named none).
        Assert.StartsWith("--model: ", AanwezigheidsAnalyse.Cli.Messages.Of(error, AanwezigheidsAnalyse.Localization.Language.Dutch, "analyze"));
        File.WriteAllText(PathOf("leeg/model.zip"), "geen zip");
        File.WriteAllText(PathOf("leeg/metrics.json"), "{}");
        Assert.Throws<UserError>(() => RiskModel.Load(PathOf("leeg")));
    }
}
