using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Synthetic;
using AanwezigheidsAnalyse.Tiering;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// Every criterion and the tier for every pupil at one as-of date, over a full school year of realistic
/// synthetic registrations, on one core (issue target: 1 million pupils in under a second); and the two halves a run
/// does since 2026-12-04: the criteria with the tier's windows only (the rules stage), then the rest of the results
/// from the criteria met (as the datasets are written).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class RulesBenchmark
{
    private DayLedger _ledger = null!;
    private RulesEngine _engine = null!;
    private TierEvaluator _tiers = null!;
    private AsOf _asOf = null!;
    private PupilFacts _facts = null!;
    private CriterionSet[] _met = null!;

    [Params(1_000_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _ledger = BuildLedger(Pupils);
        _engine = new RulesEngine(Policy.Default);
        _tiers = new TierEvaluator(Policy.Default);
        _facts = _engine.NewFacts(_ledger);
        _asOf = new AsOf(_ledger.Calendar, BenchmarkData.AsOf);
        _met = new CriterionSet[_ledger.PupilCount];
        for (var p = 0; p < _met.Length; p++)
        {
            _engine.Evaluate(_facts, p, _asOf, out var result);
            _met[p] = result.Met;
        }
        foreach (var name in new[] { nameof(EvaluateAllPupils), nameof(PlaceAllPupils), nameof(CompleteAllPupils) })
            ThroughputConfig.Register(name, 0, Pupils);
    }

    /// <summary>Returns the number of tier-3 pupils, so the work cannot be optimised away.</summary>
    [Benchmark]
    public int EvaluateAllPupils() => EvaluateOnce(_engine, _tiers, _ledger.PupilCount, _asOf, _facts);

    /// <summary>What Evaluation.At does per pupil: the criteria and the windows the tier rules read, and the tier.</summary>
    [Benchmark]
    public int PlaceAllPupils()
    {
        var tier3 = 0;
        for (var p = 0; p < _ledger.PupilCount; p++)
        {
            _engine.Evaluate(_facts, p, _asOf, out var result, _tiers.WindowsRead);
            tier3 += _tiers.Place(in result) == Tier.Three ? 1 : 0;
        }
        return tier3;
    }

    /// <summary>What the datasets add per pupil: the windows and measures, the criteria met being known.</summary>
    [Benchmark]
    public int CompleteAllPupils()
    {
        var sick = 0;
        for (var p = 0; p < _ledger.PupilCount; p++)
        {
            _engine.Complete(_facts, p, _asOf, _met[p], out var result);
            sick += result.Measures.SickEpisodes2m;
        }
        return sick;
    }

    internal static int EvaluateOnce(RulesEngine engine, TierEvaluator tiers, int pupils, AsOf asOf, PupilFacts facts)
    {
        var tier3 = 0;
        for (var p = 0; p < pupils; p++)
        {
            engine.Evaluate(facts, p, asOf, out var result);
            tier3 += tiers.Place(in result) == Tier.Three ? 1 : 0;
        }
        return tier3;
    }

    /// <summary>A whole school year of synthetic pupils, registered straight into the ledger (no CSV in between).</summary>
    internal static DayLedger BuildLedger(int pupils, int seed = 42)
    {
        var calendar = BenchmarkData.Calendar;
        var timetable = Timetable.Bundled("vo-standaard");
        var builder = new LedgerBuilder(calendar);
        var school = builder.SchoolFor("");
        foreach (var pupil in Generator.Pupils(new GeneratorOptions { Pupils = pupils, Seed = seed }, calendar, SchoolType.Vo))
        {
            var index = builder.PupilFor(school, pupil.PupilId);
            foreach (var r in pupil.Registrations)
                builder.RegisterSlot(index, r.Day, r.Slot, r.Category);
        }
        return builder.Build(timetable, fullRegister: false);
    }
}
