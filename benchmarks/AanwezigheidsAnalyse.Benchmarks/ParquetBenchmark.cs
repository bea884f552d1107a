using AanwezigheidsAnalyse.Output;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// Writing the three datasets (pupils, signals, weekly) with Parquet.Net from an analysed run of a generated
/// school year; the analysis itself runs once in the setup. MB/s is of Parquet written, rows are output rows.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParquetBenchmark
{
    private AnalysisRun _run = null!;
    private string _output = "";

    [Params(100_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _output = Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-parquet-{Pupils}");
        Directory.CreateDirectory(_output);
        var options = AnalyzeBenchmark.Options(BenchmarkData.LessonHourCsv(Pupils), _output);
        _run = Analysis.PrepareAsync(options).GetAwaiter().GetResult();
        var files = WriteDatasets();
        var rows = _run.Ledger.PupilCount + _run.Signals.Count + (long)_run.Replay.Weeks * _run.Ledger.Schools.Count;
        ThroughputConfig.Register(nameof(WriteDatasets), files.Sum(f => new FileInfo(f).Length), rows);
    }

    [GlobalCleanup]
    public void Cleanup() => _run?.Dispose();

    [Benchmark]
    public List<string> WriteDatasets() => Datasets.WriteAsync(_run, _output, partitioned: false).GetAwaiter().GetResult();
}
