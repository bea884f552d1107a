using System.Diagnostics;
using AanwezigheidsAnalyse;
using AanwezigheidsAnalyse.Benchmarks;
using BenchmarkDotNet.Running;

// `-- e2e` runs the end-to-end harness (analyze and DuckDB, several sizes; see benchmarks/README.md);
// `-- quick ingest 100000` times one pass without BenchmarkDotNet (for iterating);
// anything else goes to BenchmarkDotNet's switcher, e.g. `-- --filter *Ingest*`.
switch (args.FirstOrDefault())
{
    case "e2e":
        return EndToEnd.Run(args[1..]);
    case "duckdb":
        return EndToEnd.DuckDbChild(args[1..]);
    case "quick":
        Quick.Run(args[1..]);
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
        return 0;
}

internal static class Quick
{
    public static void Run(string[] args)
    {
        var what = args.Length > 0 ? args[0] : "ingest";
        var pupils = args.Length > 1 && what is not ("sql" or "charts" or "settings") ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        switch (what)
        {
            case "ingest" or "ingest-parts":
                // `quick ingest N [FILE]` by one reader, as a run reads; `quick ingest-parts N` in parts on all cores (CsvParts).
                // FILE instead of the generated N-pupil file (e.g. the same rows repeated, to
                // see that allocations follow pupil-days and not rows).
                var path = args.Length > 2 ? args[2] : BenchmarkData.LessonHourCsv(pupils);
                var bytes = new FileInfo(path).Length;
                for (var i = 0; i < 5; i++)
                {
                    var allocated = GC.GetTotalAllocatedBytes(precise: true);
                    var paused = GC.GetTotalPauseDuration();
                    var collections = GC.CollectionCount(0);
                    var watch = Stopwatch.StartNew();
                    var rows = IngestBenchmark.IngestOnce(path, parts: what == "ingest-parts");
                    var seconds = watch.Elapsed.TotalSeconds;
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                    Console.WriteLine($"ingest: {rows:N0} rows, {bytes / 1e6:N0} MB in {seconds:N3} s = {bytes / 1e6 / seconds:N0} MB/s, {rows / seconds / 1e6:N2} M rows/s, allocated {allocated / 1e6:N1} MB ({(double)allocated / rows:N1} B/row), GC {(GC.GetTotalPauseDuration() - paused).TotalSeconds:N2} s in {GC.CollectionCount(0) - collections} collections");
                }
                break;
            case "probe":
                // What a read does besides reading: the whole-file UTF-8 check and the SHA-256 for run.json.
                var probed = BenchmarkData.LessonHourCsv(pupils);
                for (var i = 0; i < 3; i++)
                {
                    var w1 = Stopwatch.StartNew();
                    AanwezigheidsAnalyse.Ingestion.InputSniffer.DetectEncoding(probed);
                    var detect = w1.Elapsed.TotalSeconds;
                    w1.Restart();
                    AanwezigheidsAnalyse.Ingestion.FileHash.Sha256Async(probed).GetAwaiter().GetResult();
                    Console.WriteLine($"detect {detect:N3} s, sha256 {w1.Elapsed.TotalSeconds:N3} s");
                }
                break;
            case "scan":
                var file = BenchmarkData.LessonHourCsv(pupils);
                var size = new FileInfo(file).Length;
                foreach (var (track, trim, buffer) in new[] { (true, true, 1 << 16), (true, false, 1 << 16), (true, true, 1 << 20), (true, false, 1 << 20), (false, false, 1 << 20) })
                {
                    var watch = Stopwatch.StartNew();
                    long rows = 0, sum = 0;
                    using (var csv = CsvHelper.CsvReader.FromFile(file, new CsvHelper.CsvReaderOptions { TrackLineNumbers = track, TrimWhitespace = trim, BufferSize = buffer }))
                    {
                        while (csv.Read())
                        {
                            rows++;
                            for (var f = 0; f < 5; f++)
                                sum += csv.GetSpan(f).Length;
                        }
                    }
                    var seconds = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"scan (lines {track}, trim {trim}, buffer {buffer}): {rows:N0} rows in {seconds:N3} s = {size / 1e6 / seconds:N0} MB/s ({sum})");
                }
                break;
            case "rules":
                var watchSetup = Stopwatch.StartNew();
                var ledger = RulesBenchmark.BuildLedger(pupils);
                Console.WriteLine($"ledger of {pupils:N0} pupils, {ledger.RecordCount:N0} pupil-days with registrations, built in {watchSetup.Elapsed.TotalSeconds:N1} s");
                var engine = new AanwezigheidsAnalyse.Rules.RulesEngine(AanwezigheidsAnalyse.Rules.Policy.Default);
                var asOf = new AanwezigheidsAnalyse.Rules.AsOf(ledger.Calendar, BenchmarkData.AsOf);
                var facts = engine.NewFacts(ledger);
                for (var i = 0; i < 5; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var tier3 = RulesBenchmark.EvaluateOnce(engine, new AanwezigheidsAnalyse.Tiering.TierEvaluator(AanwezigheidsAnalyse.Rules.Policy.Default), ledger.PupilCount, asOf, facts);
                    var seconds = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"rules: {pupils:N0} pupils in {seconds:N3} s = {pupils / seconds / 1e6:N2} M pupil-evaluations/s (tier 3: {tier3:N0})");
                }
                break;
            case "signals":
                // The signals of every pupil of a synthetic year (as-of in its last week) on one core: evidence and first_met.
                var explained = AanwezigheidsAnalyse.Tiering.Evaluation.At(RulesBenchmark.BuildLedger(pupils), AanwezigheidsAnalyse.Rules.Policy.Default, BenchmarkData.AsOf);
                var everyone = Enumerable.Range(0, explained.Ledger.PupilCount).ToArray();
                for (var i = 0; i < 5; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var count = explained.Explain(everyone, AanwezigheidsAnalyse.Internals.Parallelism.Serial).Count;
                    var seconds = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"signals: {count:N0} of {pupils:N0} pupils in {seconds:N3} s = {seconds * 1e6 / count:N2} µs a signal on one core");
                }
                break;
            case "replay":
                // The weekly replay on one core, over a synthetic year (as-of in the year's last week).
                var replayed = RulesBenchmark.BuildLedger(pupils);
                var atT = AanwezigheidsAnalyse.Tiering.Evaluation.At(replayed, AanwezigheidsAnalyse.Rules.Policy.Default, BenchmarkData.AsOf);
                for (var i = 0; i < 5; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var replay = AanwezigheidsAnalyse.Tiering.WeeklyReplay.Run(atT, AanwezigheidsAnalyse.Internals.Parallelism.Serial);
                    var seconds = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"replay: {pupils:N0} pupils × {replay.Weeks} weeks in {seconds:N3} s = {pupils * (double)replay.Weeks / seconds / 1e6:N2} M pupil-weeks/s on one core");
                }
                break;
            case "settings":
                // What a run's settings stage costs cold: the calendar (holidays JSON), the policy (JSON).
                for (var i = 0; i < 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    AanwezigheidsAnalyse.Calendar.CalendarFactory.Create(new AanwezigheidsAnalyse.Calendar.SchoolYear(2025), AanwezigheidsAnalyse.Calendar.Region.Midden);
                    var calendarMs = watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    AanwezigheidsAnalyse.Rules.Policy.Load("kearney-nl");
                    Console.WriteLine($"calendar {calendarMs:N1} ms, policy {watch.Elapsed.TotalMilliseconds:N1} ms");
                }
                break;
            case "datasets":
                // The three datasets of a prepared run, written again and again (warm), each file timed alone too.
                var datasetsOut = Path.Combine(Path.GetTempPath(), $"aanwezigheid-quick-datasets-{pupils}");
                Directory.CreateDirectory(datasetsOut);
                using (var prepared = Analysis.PrepareAsync(AnalyzeBenchmark.Options(BenchmarkData.LessonHourCsv(pupils), datasetsOut)).GetAwaiter().GetResult())
                {
                    for (var i = 0; i < 4; i++)
                    {
                        foreach (var old in Directory.EnumerateFiles(datasetsOut))
                            File.Delete(old);
                        var watch = Stopwatch.StartNew();
                        AanwezigheidsAnalyse.Output.Datasets.WriteAsync(prepared, datasetsOut, partitioned: false).GetAwaiter().GetResult();
                        var together = watch.Elapsed.TotalMilliseconds;
                        var alone = new List<string>();
                        foreach (var name in new[] { "pupils", "signals", "weekly" })
                        {
                            var target = Path.Combine(datasetsOut, $"alone-{name}.parquet");
                            File.Delete(target);
                            watch.Restart();
                            (name switch
                            {
                                "pupils" => AanwezigheidsAnalyse.Internals.ColumnarWriter.WriteFileAsync(target, AanwezigheidsAnalyse.Output.Datasets.Pupils, prepared.Evaluation.ResultsAsRead(prepared.Order, AanwezigheidsAnalyse.Internals.Parallelism.Default).Select(r => new AanwezigheidsAnalyse.Output.PupilView(prepared, r.Pupil, r.Result))),
                                "signals" => AanwezigheidsAnalyse.Internals.ColumnarWriter.WriteFileAsync(target, AanwezigheidsAnalyse.Output.Datasets.Signals, prepared.Signals.Select(s => new AanwezigheidsAnalyse.Output.SignalView(prepared, s))),
                                _ => AanwezigheidsAnalyse.Internals.ColumnarWriter.WriteFileAsync(target, AanwezigheidsAnalyse.Output.Datasets.Weekly,
                                    Enumerable.Range(0, prepared.Ledger.Schools.Count).SelectMany(s => Enumerable.Range(0, prepared.Replay.Weeks).Select(w => new AanwezigheidsAnalyse.Output.WeekView(prepared, s, w)))),
                            }).GetAwaiter().GetResult();
                            alone.Add($"{name} {watch.Elapsed.TotalMilliseconds:N0} ms");
                        }
                        Console.WriteLine($"datasets: {together:N0} ms together; alone: {string.Join(", ", alone)}");
                    }
                }
                break;
            case "memory":
                // Where a run's memory peaks: the process's peak working set and the GC heap at each step.
                {
                    var process = Process.GetCurrentProcess();
                    void Show(string step)
                    {
                        process.Refresh();
                        Console.WriteLine($"{step,-32} peak {process.PeakWorkingSet64 / 1e6,8:N0} MB, now {process.WorkingSet64 / 1e6,8:N0} MB, GC heap {GC.GetTotalMemory(false) / 1e6,8:N0} MB, live {GC.GetTotalMemory(true) / 1e6,8:N0} MB");
                    }
                    var memoryOut = Path.Combine(Path.GetTempPath(), $"aanwezigheid-quick-memory-{pupils}");
                    if (Directory.Exists(memoryOut))
                        Directory.Delete(memoryOut, recursive: true);
                    var hooks = new AnalysisHooks { Step = Show, LedgerBuilt = () => Show("ledger built") };
                    var options = AnalyzeBenchmark.Options(BenchmarkData.LessonHourCsv(pupils), memoryOut);
                    using var run = Analysis.PrepareAsync(options, hooks).GetAwaiter().GetResult();
                    Show("prepared");
                    Analysis.WriteAsync(run, options).GetAwaiter().GetResult();
                    Show("written");
                }
                break;
            case "charts":
                // The charts of the README's sample, cold (the first in the process) and warm.
                var root = args.Length > 1 ? args[1] : ".";
                using (var sample = Analysis.PrepareAsync(new AnalyzeOptions
                {
                    Inputs = [Path.Combine(root, "samples/vo-school-2025-herfst.csv")],
                    PupilsFile = Path.Combine(root, "samples/vo-school-2025-leerlingen.csv"),
                    AsOf = new NodaTime.LocalDate(2025, 12, 19),
                    Region = AanwezigheidsAnalyse.Calendar.Region.Midden,
                    OutputDirectory = Path.Combine(Path.GetTempPath(), "aanwezigheid-quick-charts"),
                }).GetAwaiter().GetResult())
                {
                    for (var i = 0; i < 4; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        var set = AanwezigheidsAnalyse.Output.Charts.Write(sample, Path.Combine(Path.GetTempPath(), "aanwezigheid-quick-charts", $"c{i}"));
                        Console.WriteLine($"charts: {set.Files.Count} files in {watch.Elapsed.TotalMilliseconds:N0} ms");
                    }
                }
                break;
            case "analyze":
                var input = BenchmarkData.LessonHourCsv(pupils);
                var inputBytes = new FileInfo(input).Length;
                for (var i = 0; i < 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    AnalyzeBenchmark.AnalyzeOnce(input, Path.Combine(Path.GetTempPath(), "aanwezigheid-quick-out"));
                    var seconds = watch.Elapsed.TotalSeconds;
                    Console.WriteLine($"analyze: {pupils:N0} pupils, {inputBytes / 1e6:N0} MB in {seconds:N2} s = {inputBytes / 1e6 / seconds:N0} MB/s, {pupils / seconds:N0} pupils/s");
                }
                using (var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Path.GetTempPath(), "aanwezigheid-quick-out", "run.json"))))
                    Console.WriteLine($"stages (ms): {manifest.RootElement.GetProperty("durations_ms")}");
                break;
            case "sql":
                // Look into outputs with DuckDB, e.g. quick sql "SELECT count(*) FROM '/tmp/out/signals.parquet'".
                using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = args[1];
                    using var reader = command.ExecuteReader();
                    Console.WriteLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
                    while (reader.Read())
                        Console.WriteLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i))));
                }
                break;
            default:
                Console.WriteLine("quick ingest|ingest-parts|probe|scan|rules|signals|replay|datasets|memory|charts|analyze [pupils] | quick sql QUERY");
                break;
        }
    }
}
