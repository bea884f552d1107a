using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// The signals of a full synthetic year at its last week, on one core: the evidence of every criterion met and its
/// first_met, found by evaluating the criterion a school day earlier at a time. A "row" in the throughput columns is
/// one signal.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class SignalsBenchmark
{
    private Evaluation _atT = null!;
    private int[] _order = null!;

    [Params(100_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _atT = Evaluation.At(RulesBenchmark.BuildLedger(Pupils), Policy.Default, BenchmarkData.AsOf);
        _order = [.. Enumerable.Range(0, _atT.Ledger.PupilCount)];
        ThroughputConfig.Register(nameof(ExplainYear), 0, ExplainYear());
    }

    /// <summary>Returns the number of signals, so the work cannot be optimised away.</summary>
    [Benchmark]
    public int ExplainYear() => _atT.Explain(_order, Parallelism.Serial).Count;
}
