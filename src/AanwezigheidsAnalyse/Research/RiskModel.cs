using System.Text.Json;
using AanwezigheidsAnalyse.Localization;
using AanwezigheidsAnalyse.Output;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using Microsoft.ML;

namespace AanwezigheidsAnalyse.Research;

/// <summary>
/// A model of <c>train</c>, applied in <c>analyze --model</c> (README, "The researcher"). The drivers are measured by
/// occlusion: a feature's contribution is how much the score falls when that feature alone is set to the training
/// examples' median; the three largest positive ones are named. Model-agnostic and exact for what it says.
/// </summary>
public sealed class RiskModel
{
    private readonly PredictionEngine<Training.Example, Training.Scored> _engine;
    private readonly float[] _baseline;

    private RiskModel(PredictionEngine<Training.Example, Training.Scored> engine, float[] baseline, ModelInfo info, bool overYears)
    {
        (_engine, _baseline, Info, TrainedOverYears) = (engine, baseline, info, overYears);
    }

    /// <summary>What run.json says of the model.</summary>
    public ModelInfo Info { get; }

    /// <summary>
    /// Trained over more than one school year: it learned from last year's absence, which a weekly run gives as unknown
    /// (its scores may differ from the model card's test for it: the run says so).
    /// </summary>
    public bool TrainedOverYears { get; }

    /// <summary>The outcome the model warns of (<c>lr50</c>, …).</summary>
    public string Outcome => Info.Outcome;

    /// <summary>Its horizon in school weeks.</summary>
    public int Horizon => Info.Horizon;

    /// <summary>Reads <c>model.zip</c> and <c>metrics.json</c> from the folder <c>train</c> wrote (or beside a model.zip).</summary>
    public static RiskModel Load(string path)
    {
        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!;
        var (zip, metrics) = (Path.Combine(folder, "model.zip"), Path.Combine(folder, "metrics.json"));
        if (!File.Exists(zip) || !File.Exists(metrics))
            throw new UserError(Texts.Research.NotAModel(path), Setting.Model);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(metrics));
            var root = json.RootElement;
            var names = root.GetProperty("features").EnumerateArray().Select(e => e.GetString()).ToArray();
            if (!names.SequenceEqual(Features.Names))
                throw new UserError(Texts.Research.OtherFeatures(path), Setting.Model);
            var baseline = root.GetProperty("feature_baseline").EnumerateArray().Select(e => e.GetSingle()).ToArray();
            if (baseline.Length != Features.Count || !baseline.All(float.IsFinite))
                throw new UserError(Texts.Research.NotAModel(path), Setting.Model); // one value per feature, each a number
            // What the report says of the model: an outcome it does not know, or a horizon no train gives, is not ours.
            if (!Enum.GetValues<Outcome>().Any(o => o.Word() == root.GetProperty("outcome").GetString()) || root.GetProperty("horizon").GetInt32() is < 1 or > 52)
                throw new UserError(Texts.Research.NotAModel(path), Setting.Model);
            // A model.zip copied over from another model would be scored under this one's outcome and card (an
            // adversarial pass: a tier-3 model's scores under "lr50, horizon 8"). Models trained before the hash was
            // written have none to compare.
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(zip)));
            if (root.TryGetProperty("model_sha256", out var written) && written.GetString() != sha256)
                throw new UserError(Texts.Research.ModelNotOfItsMetrics(path), Setting.Model);
            var ml = new MLContext(seed: 0);
            var model = ml.Model.Load(zip, out _);
            string[] Weeks(string name) => [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? "")];
            var info = new ModelInfo(path, sha256,
                root.GetProperty("outcome").GetString() ?? "", root.GetProperty("horizon").GetInt32(), Weeks("train_weeks"), Weeks("test_weeks"),
                root.TryGetProperty("timetable", out var timetable) ? timetable.GetString() : null,
                root.TryGetProperty("primary_school", out var primary) ? primary.GetBoolean() : null);
            return new RiskModel(ml.Model.CreatePredictionEngine<Training.Example, Training.Scored>(model), baseline, info, OverYears(info));
        }
        // A metrics.json edited by hand (no training weeks: an index out of range) is no model either (an adversarial pass).
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IndexOutOfRangeException)
        {
            throw new UserError(Texts.Research.NotAModel(path), Setting.Model);
        }
    }

    /// <summary>Whether the first training week and the last test week lie in different school years.</summary>
    private static bool OverYears(ModelInfo info) =>
        Calendar.SchoolYear.Containing(NodaTime.Text.LocalDatePattern.Iso.Parse(info.TrainWeeks[0]).GetValueOrThrow())
            != Calendar.SchoolYear.Containing(NodaTime.Text.LocalDatePattern.Iso.Parse(info.TestWeeks[1]).GetValueOrThrow());

    /// <summary>
    /// Every pupil's risk at the as-of date of <paramref name="evaluation"/>, from the features under the default policy
    /// (the model was trained on those); null for a pupil not on the roll at T. Weeks in tier come from the run's replay,
    /// or, under another policy, from a replay under the default one: they were the run's own, and a pupil's score
    /// moved from 0,41 to 0,79 with --policy alone.
    /// </summary>
    public Risk?[] Score(Evaluation evaluation, WeeklyReplay replay)
    {
        var atT = evaluation.Policy.Hash == Policy.Default.Hash ? evaluation : Evaluation.At(evaluation.Ledger, Policy.Default, evaluation.AsOf);
        if (!ReferenceEquals(atT, evaluation))
            replay = WeeklyReplay.Run(atT);
        var risks = new Risk?[atT.PupilCount];
        lock (_engine)
        {
            for (var p = 0; p < risks.Length; p++)
            {
                if (atT.Tiers[p] is not { } tier)
                    continue; // not on the roll at T: no tier, no risk
                var features = Features.Of(in atT.Results[p], tier, Math.Max(1, replay.WeeksInTier(p)), -1); // last year unknown to a weekly run
                var score = Predict(features);
                var drivers = Enumerable.Range(0, Features.Count)
                    .Select(i => (Name: Features.Names[i], Drop: score - Predict([.. features[..i], _baseline[i], .. features[(i + 1)..]])))
                    .Where(d => d.Drop > 0.001).OrderByDescending(d => d.Drop).ThenBy(d => d.Name, StringComparer.Ordinal).Take(3).Select(d => d.Name).ToArray();
                risks[p] = new Risk(Math.Round(score, 6), drivers);
            }
        }
        return risks;
    }

    private double Predict(float[] features) => _engine.Predict(new Training.Example { Features = features }).Probability;
}
