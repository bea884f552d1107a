using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// Ingestion of lesson-hour absence rows (canonical profile) into the ledger builder, one file, one core for
/// the reader (the file's SHA-256 runs beside it on the other core).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class IngestBenchmark
{
    private static readonly SchoolCalendar Calendar = CalendarFactory.Create(BenchmarkData.SchoolYear, Region.Midden);

    private string _path = "";

    [Params(100_000)]
    public int Pupils { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = BenchmarkData.LessonHourCsv(Pupils);
        ThroughputConfig.Register(nameof(Ingest), new FileInfo(_path).Length, File.ReadLines(_path).LongCount() - 1);
    }

    [Benchmark]
    public long Ingest() => IngestOnce(_path);

    internal static long IngestOnce(string path)
    {
        var builder = new LedgerBuilder(Calendar);
        using var rejects = new RejectSink(null, Language.English);
        var settings = new IngestSettings(new LocalDate(2026, 7, 31), Profile.Load("canonical"), "", null, Language.English);
        var result = ExportReader.Read(path, settings, builder, rejects);
        return result.Account.RowsRead;
    }
}
