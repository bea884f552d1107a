using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using BenchmarkDotNet.Attributes;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// Ingestion of lesson-hour absence rows (canonical profile) into the ledger builder, one file: by one reader, as a
/// run reads (the file's SHA-256 runs beside it on the other core), and in parts on all cores (CsvParts).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class IngestBenchmark
{
    private string _path = "";

    [Params(100_000)]
    public int Pupils { get; set; }

    /// <summary>In parts on both cores (CsvParts), or by one reader.</summary>
    [Params(true, false)]
    public bool Parts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = BenchmarkData.LessonHourCsv(Pupils);
        ThroughputConfig.Register(nameof(Ingest), new FileInfo(_path).Length, File.ReadLines(_path).LongCount() - 1);
    }

    [Benchmark]
    public long Ingest() => IngestOnce(_path, Parts);

    internal static long IngestOnce(string path, bool parts = false)
    {
        var builder = new LedgerBuilder(BenchmarkData.Calendar);
        using var rejects = new RejectSink(null, Language.English);
        // As of the end of the school year: every row of the file is read into the ledger, none ignored as later than T.
        var settings = new IngestSettings(BenchmarkData.Calendar.Date(BenchmarkData.Calendar.DayCount - 1), Profile.Load("canonical"), "", null, Language.English)
        {
            Parts = parts ? PartSettings.AllCores : PartSettings.Serial,
        };
        var result = CsvInput.Read(path, settings, builder, rejects, null);
        return result.Account.RowsRead;
    }
}
