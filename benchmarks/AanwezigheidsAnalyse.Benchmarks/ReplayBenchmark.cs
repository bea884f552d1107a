using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// The weekly replay: every pupil re-evaluated at the end of every school week of a full synthetic year (38 weeks),
/// on one core; a "row" in the throughput columns is one pupil-week.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ReplayBenchmark
{
    private Evaluation _atT = null!;

    [Params(100_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _atT = Evaluation.At(RulesBenchmark.BuildLedger(Pupils), Policy.Default, BenchmarkData.AsOf);
        ThroughputConfig.Register(nameof(ReplayYear), 0, (long)Pupils * WeeklyReplay.Run(_atT, Parallelism.Serial).Weeks);
    }

    /// <summary>Returns the weeks replayed, so the work cannot be optimised away.</summary>
    [Benchmark]
    public int ReplayYear() => WeeklyReplay.Run(_atT, Parallelism.Serial).Weeks;
}
