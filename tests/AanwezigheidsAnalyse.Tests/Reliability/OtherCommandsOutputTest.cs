using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Research;
using AanwezigheidsAnalyse.Tests.Support;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Reliability;

/// <summary>
/// A folder of one command's outputs given as another's --out: a trained model, given to analyze by forgetting
/// --model, was replaced by a weekly run without a word. Each command replaces its own outputs only.
/// </summary>
public sealed class OtherCommandsOutputTest : TempFolder
{
    private string Export()
    {
        var export = PathOf("export.csv");
        File.WriteAllText(export, "pupil_id,date,slot,status\n1,2025-12-01,1,sick\n2,2025-12-02,1,unauthorized\n");
        return export;
    }

    private AnalyzeOptions Analyze(string output) => new() { Inputs = [Export()], AsOf = new LocalDate(2025, 12, 19), OutputDirectory = output, Charts = false };

    [Theory]
    [InlineData("metrics.json", "model.zip", "train")]
    [InlineData("model.zip", "model.md", "train")] // a model folder that lost its metrics.json
    [InlineData("backtest.json", "backtest.parquet", "backtest")]
    [InlineData("patterns.json", "patterns.parquet", "patterns")]
    public async Task AnalyzeIntoAnotherCommandsFolder_IsRefused_AndItsFilesStay(string signature, string data, string command)
    {
        var folder = PathOf("model");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, signature), "{}");
        File.WriteAllText(Path.Combine(folder, data), "werk van dagen");

        var error = await Assert.ThrowsAsync<UserError>(() => Analysis.RunAsync(Analyze(folder)));

        Assert.Equal(Setting.Output, error.About);
        Assert.Contains($"'{command}'", error.In(Language.English), StringComparison.Ordinal);
        Assert.Equal("werk van dagen", File.ReadAllText(Path.Combine(folder, data)));
    }

    [Fact]
    public async Task ARunsOwnFolder_IsReplacedByTheNextRun_AndPatternsRefusesIt()
    {
        var folder = PathOf("2025-12-19");
        await Analysis.RunAsync(Analyze(folder));
        await Analysis.RunAsync(Analyze(folder)); // analyze replaces its own

        var error = Assert.Throws<UserError>(() => Patterns.Run(new PatternsOptions { Years = [new LoadOptions { Inputs = [Export()], AsOf = new LocalDate(2025, 12, 19) }] }, folder));

        Assert.Contains("'analyze'", error.In(Language.English), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "pupils.parquet")));
    }
}
