using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>
/// A short job (each operation reads hundreds of megabytes) with MB/s, rows/s, ns/row and bytes allocated per row
/// next to BenchmarkDotNet's own columns.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        // Without dynamic PGO, as the CLI runs (its project file says why): a kernel is measured as a run executes it.
        AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1).WithInvocationCount(1).WithUnrollFactor(1)
            .WithEnvironmentVariable("DOTNET_TieredPGO", "0"));
        AddColumn(new Column("MB/s", "megabytes of input (or output) per second", (size, seconds, _) => size.Bytes > 0 ? size.Bytes / 1e6 / seconds : null));
        AddColumn(new Column("M rows/s", "millions of rows per second", (size, seconds, _) => size.Rows / seconds / 1e6));
        AddColumn(new Column("ns/row", "nanoseconds per row", (size, seconds, _) => seconds * 1e9 / size.Rows));
        AddColumn(new Column("Alloc B/row", "managed bytes allocated per row", (size, _, allocated) => allocated is { } bytes ? (double)bytes / size.Rows : null));
    }

    /// <summary>
    /// Benchmarks call this from their setup, which runs in the benchmark process; a file carries the size to the
    /// host process, which computes the columns. <paramref name="bytes"/> is 0 when the work has no input file.
    /// </summary>
    public static void Register(string benchmark, long bytes, long rows) =>
        File.WriteAllText(SizeFile(benchmark), string.Create(CultureInfo.InvariantCulture, $"{bytes} {rows}"));

    private static (long Bytes, long Rows)? SizeOf(string benchmark)
    {
        var file = SizeFile(benchmark);
        if (!File.Exists(file))
            return null;
        var parts = File.ReadAllText(file).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string SizeFile(string benchmark) => Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-size-{benchmark}.txt");

    /// <summary>A column computed from the registered size, the mean time in seconds and the bytes allocated per operation.</summary>
    private sealed class Column(string name, string legend, Func<(long Bytes, long Rows), double, long?, double?> compute) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || SizeOf(benchmarkCase.Descriptor.WorkloadMethod.Name) is not { } size)
                return "-";
            var value = compute(size, stats.Mean / 1e9, report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase));
            return value is { } v ? v.ToString("N1", CultureInfo.InvariantCulture) : "-";
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
