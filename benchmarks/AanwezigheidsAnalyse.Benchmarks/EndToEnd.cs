using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// The end-to-end harness: <c>aanwezigheid analyze</c> as a user runs it (its own process, both cores, charts off
/// unless asked) on generated lesson-hour exports of several sizes, next to DuckDB computing the same per-pupil
/// rates from the same CSV in its own process; checks that both give the same numbers and prints a Markdown
/// table for benchmarks/README.md. Whole runs of a second or more: a stopwatch per run, not BenchmarkDotNet.
/// </summary>
internal static class EndToEnd
{
    private const string Usage = "e2e [--sizes 10000,100000,1000000] [--runs N] [--charts] [--no-duckdb] [--cli PATH]";

    public static int Run(string[] args)
    {
        var sizes = new[] { 10_000, 100_000, 1_000_000 };
        var runs = 1;
        var charts = false;
        var duckdb = true;
        string? cliPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes" when i + 1 < args.Length:
                    sizes = [.. args[++i].Split(',').Select(s => int.Parse(s.Replace("_", ""), CultureInfo.InvariantCulture))];
                    break;
                case "--runs" when i + 1 < args.Length:
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--charts":
                    charts = true;
                    break;
                case "--no-duckdb":
                    duckdb = false;
                    break;
                case "--cli" when i + 1 < args.Length:
                    // A published build (the single file a school runs, ReadyToRun), instead of the Release build beside the harness.
                    cliPath = Path.GetFullPath(args[++i]);
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }

        var cli = cliPath ?? CliAssembly();
        Console.WriteLine($"# analyze end to end on {Environment.ProcessorCount} cores, .NET {Environment.Version}; {runs} run(s) per size, the fastest counts; {cli}");
        var rows = new List<string>
        {
            "| pupils | input | rows | analyze | MB/s | M rows/s | pupils/s | peak memory | per pupil | DuckDB rates | DuckDB peak | DuckDB ÷ analyze | same rates |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        };
        var disagreements = 0;
        foreach (var pupils in sizes)
        {
            var watch = Stopwatch.StartNew();
            var csv = BenchmarkData.LessonHourCsv(pupils);
            var bytes = new FileInfo(csv).Length;
            Console.WriteLine($"{pupils:N0} pupils: {csv} ({bytes / 1e6:N0} MB, ready in {watch.Elapsed.TotalSeconds:N0} s)");

            var output = Path.Combine(Path.GetTempPath(), $"aanwezigheid-e2e-{pupils}");
            var analyze = Enumerable.Range(0, runs).Select(_ => Analyze(cli, csv, output, charts)).MinBy(a => a.Seconds)!;
            Console.WriteLine($"  analyze: {analyze.Seconds:N2} s, peak {analyze.PeakMb:N0} MB; stages {analyze.Stages}");

            // DuckDB writes beside the run, not into it: a run's folder holds nothing but its own outputs (issue 10).
            var duckOutput = output + "-duckdb";
            Directory.CreateDirectory(duckOutput);
            var duck = duckdb ? Enumerable.Range(0, runs).Select(_ => DuckDb(csv, duckOutput)).MinBy(d => d.Seconds) : null;
            var same = "–";
            if (duck is not null)
            {
                var (duckPupils, analyzePupils, matched, differing) = DuckDbRates.Compare(Path.Combine(duckOutput, "duckdb-rates.parquet"), Path.Combine(output, "pupils.parquet"));
                var agree = duckPupils == analyzePupils && matched == analyzePupils && differing == 0;
                same = agree
                    ? $"yes ({matched:N0} pupils × {DuckDbRates.RateColumns().Count()} rates)"
                    : $"NO: {duckPupils:N0} vs {analyzePupils:N0} pupils, {matched:N0} matched, {differing:N0} differ";
                disagreements += agree ? 0 : 1;
                Console.WriteLine($"  duckdb: {duck.Seconds:N2} s, peak {duck.PeakMb:N0} MB; same rates: {same}");
            }
            var duckColumns = duck is null
                ? "– | – | – | –"
                : string.Create(CultureInfo.InvariantCulture, $"{duck.Seconds:N2} s | {duck.PeakMb:N0} MB | {duck.Seconds / analyze.Seconds:N1}× | {same}");
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {pupils:N0} | {bytes / 1e6:N0} MB | {analyze.Rows / 1e6:N1} M | {analyze.Seconds:N2} s | {bytes / 1e6 / analyze.Seconds:N0} | {analyze.Rows / 1e6 / analyze.Seconds:N1} | {pupils / analyze.Seconds:N0} | {analyze.PeakMb:N0} MB | {analyze.PeakMb * 1e3 / pupils:N1} kB | {duckColumns} |"));
        }
        Console.WriteLine();
        rows.ForEach(Console.WriteLine);
        if (disagreements > 0)
            Console.Error.WriteLine($"analyze and DuckDB disagree at {disagreements} size(s): the comparison is void until that is explained");
        return disagreements > 0 ? 1 : 0;
    }

    private sealed record Timing(double Seconds, long PeakMb, long Rows, string Stages);

    /// <summary>Runs the CLI on <paramref name="csv"/> in a child process; rows, peak memory and stages come from its run.json.</summary>
    private static Timing Analyze(string cli, string csv, string output, bool charts)
    {
        Warm(csv);
        var dll = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        string[] args =
        [
            .. dll ? [cli] : Array.Empty<string>(), "analyze", csv, "--as-of", BenchmarkData.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--region", "midden", "--out", output, .. charts ? Array.Empty<string>() : ["--no-charts"],
        ];
        var seconds = Child(dll ? "dotnet" : cli, args);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "run.json")));
        var root = manifest.RootElement;
        var stages = string.Join(", ", root.GetProperty("durations_ms").EnumerateObject()
            .Where(d => d.Name != "total" && d.Value.GetInt64() > 0).Select(d => $"{d.Name} {d.Value.GetInt64() / 1000.0:N2}"));
        return new Timing(seconds, root.GetProperty("peak_working_set_mb").GetInt64(), root.GetProperty("rows").GetProperty("read").GetInt64(), stages);
    }

    /// <summary>Runs <see cref="DuckDbRates"/> in a child process of this harness, so that its peak memory is its own.</summary>
    private static Timing DuckDb(string csv, string output)
    {
        Warm(csv);
        var result = Path.Combine(output, "duckdb-rates.parquet");
        var report = Path.Combine(output, "duckdb-run.txt");
        var seconds = Child("dotnet", [typeof(EndToEnd).Assembly.Location, "duckdb", csv, result, report]);
        var parts = File.ReadAllText(report).Split(' ');
        return new Timing(seconds, long.Parse(parts[1], CultureInfo.InvariantCulture), 0, $"query {parts[0]} s");
    }

    /// <summary>The child side of <see cref="DuckDb"/>: <c>duckdb CSV RESULT REPORT</c>.</summary>
    public static int DuckDbChild(string[] args)
    {
        var seconds = DuckDbRates.Run(args[0], BenchmarkData.Calendar, BenchmarkData.AsOf, args[1], Environment.ProcessorCount);
        File.WriteAllText(args[2], string.Create(CultureInfo.InvariantCulture, $"{seconds:F2} {Process.GetCurrentProcess().PeakWorkingSet64 / 1_000_000}"));
        return 0;
    }

    /// <summary>
    /// Reads the file once, untimed, so that every measured process starts with it in the page cache. This machine
    /// keeps only part of a large file cached between runs (3.9 of 5.3 GiB of the national file, 124 of 196 MiB of the
    /// 100 000-pupil one, with 14 GB free), and whoever reads first would otherwise pay the disk for the other: the
    /// national `analyze` read in 25 s cold against 14 s warm, while DuckDB, run right after it, found the file cached.
    /// </summary>
    private static void Warm(string csv)
    {
        var buffer = new byte[1 << 20];
        using var stream = new FileStream(csv, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        while (stream.Read(buffer) > 0)
        {
        }
    }

    private static double Child(string program, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var seconds = watch.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        return seconds;
    }

    /// <summary>The CLI as built beside this harness (Release, by the project reference), found from the repository root.</summary>
    private static string CliAssembly()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AanwezigheidsAnalyse.sln")))
            directory = directory.Parent;
        var configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        var cli = directory is null ? null : Path.Combine(directory.FullName, "src", "AanwezigheidsAnalyse.Cli", "bin", configuration, "net10.0", "aanwezigheid.dll");
        return cli is not null && File.Exists(cli)
            ? cli
            : throw new InvalidOperationException($"aanwezigheid.dll not found ({cli}); run from the repository: dotnet run -c Release --project benchmarks/AanwezigheidsAnalyse.Benchmarks -- e2e");
    }
}
