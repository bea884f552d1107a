using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Synthetic;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// The day ledger on its own: a school year of lesson-hour registrations (generated beforehand, so neither the
/// generator nor the CSV reader is timed) registered slot by slot, then built into the per-pupil day records
/// and bitsets the rules read. One core.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class LedgerBenchmark
{
    private static readonly Timetable Timetable = Timetable.Bundled("vo-standaard");

    private string[] _pupilIds = [];
    private (int Pupil, SyntheticRegistration Registration)[] _registrations = [];

    [Params(100_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pupils = Generator.Pupils(new GeneratorOptions { Pupils = Pupils, Seed = 42 }, BenchmarkData.Calendar, SchoolType.Vo).ToList();
        _pupilIds = [.. pupils.Select(p => p.PupilId)];
        _registrations = [.. pupils.SelectMany((p, i) => p.Registrations.Select(r => (i, r)))];
        ThroughputConfig.Register(nameof(RegisterAndBuild), 0, _registrations.Length);
    }

    /// <summary>Returns the pupil-days with registrations, so the work cannot be optimised away.</summary>
    [Benchmark]
    public int RegisterAndBuild()
    {
        var builder = new LedgerBuilder(BenchmarkData.Calendar);
        var school = builder.SchoolFor("");
        var index = new int[_pupilIds.Length];
        for (var i = 0; i < index.Length; i++)
            index[i] = builder.PupilFor(school, _pupilIds[i]);
        foreach (var (pupil, r) in _registrations)
            builder.RegisterSlot(index[pupil], r.Day, r.Slot, r.Category);
        return builder.Build(Timetable, fullRegister: false).RecordCount;
    }
}
