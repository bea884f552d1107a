using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// The weekly replay: every pupil re-evaluated at the end of every school week of a full synthetic year (38 weeks),
/// on one core; a "row" in the throughput columns is one pupil-week. Beside it in the same stage, weekly.parquet's
/// minutes per school and week, one pass over every pupil's records: on one core and on every core.
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
        var pupilWeeks = (long)Pupils * WeeklyReplay.Run(_atT, Parallelism.Serial).Weeks;
        ThroughputConfig.Register(nameof(ReplayYear), 0, pupilWeeks);
        ThroughputConfig.Register(nameof(WeekMinutesOneCore), 0, pupilWeeks);
        ThroughputConfig.Register(nameof(WeekMinutesEveryCore), 0, pupilWeeks);
    }

    /// <summary>Returns the weeks replayed, so the work cannot be optimised away.</summary>
    [Benchmark]
    public int ReplayYear() => WeeklyReplay.Run(_atT, Parallelism.Serial).Weeks;

    [Benchmark]
    public long WeekMinutesOneCore() => WeekMinutes.Count(_atT.Ledger, _atT.Day.Week + 1, _atT.Day.Day, Parallelism.Serial).Scheduled(0, 0);

    [Benchmark]
    public long WeekMinutesEveryCore() => WeekMinutes.Count(_atT.Ledger, _atT.Day.Week + 1, _atT.Day.Day, Parallelism.Default).Scheduled(0, 0);
}
