using AanwezigheidsAnalyse.Output;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// Writing the three datasets (pupils, signals, weekly) with Parquet.Net from an analysed run of a generated
/// school year, alone or with the school partitions too (<c>--partitioned</c>); the analysis itself runs once in the
/// setup. MB/s is of the three single files, rows are their rows.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ParquetBenchmark
{
    private AnalysisRun _run = null!;
    private string _output = "";

    [Params(100_000)]
    public int Pupils { get; set; }

    [Params(false, true)]
    public bool Partitioned { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _output = Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-parquet-{Pupils}");
        EmptyOutput();
        var options = AnalyzeBenchmark.Options(BenchmarkData.LessonHourCsv(Pupils), _output);
        _run = Analysis.PrepareAsync(options).GetAwaiter().GetResult();
        var files = WriteDatasets().Where(f => Path.GetDirectoryName(f) == _output);
        var rows = _run.Ledger.PupilCount + _run.Signals.Count + (long)_run.Replay.Weeks * _run.Ledger.Schools.Count;
        ThroughputConfig.Register(nameof(WriteDatasets), files.Sum(f => new FileInfo(f).Length), rows);
    }

    /// <summary>A run writes its files new (never over a file that is there): each write gets an empty folder.</summary>
    [IterationSetup]
    public void EmptyOutput()
    {
        if (Directory.Exists(_output))
            Directory.Delete(_output, recursive: true);
        Directory.CreateDirectory(_output);
    }

    [GlobalCleanup]
    public void Cleanup() => _run?.Dispose();

    [Benchmark]
    public List<string> WriteDatasets() => Datasets.WriteAsync(_run, _output, Partitioned).GetAwaiter().GetResult();
}
