using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// `analyze` end to end on a generated lesson-hour export (a full school year of absence rows): ingestion,
/// ledger, rules, signals and the Parquet datasets, as the CLI runs it (both cores; charts off).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class AnalyzeBenchmark
{
    private string _input = "";
    private string _output = "";

    [Params(100_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = BenchmarkData.LessonHourCsv(Pupils);
        _output = Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-out-{Pupils}");
        ThroughputConfig.Register(nameof(Analyze), new FileInfo(_input).Length, File.ReadLines(_input).LongCount() - 1);
    }

    [Benchmark]
    public int Analyze() => AnalyzeOnce(_input, _output);

    internal static int AnalyzeOnce(string input, string output) =>
        Analysis.RunAsync(Options(input, output)).GetAwaiter().GetResult().Manifest.Pupils;

    internal static AnalyzeOptions Options(string input, string output) => new()
    {
        Inputs = [input],
        AsOf = BenchmarkData.AsOf,
        OutputDirectory = output,
        Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
        Charts = false,
    };
}
