using System.Collections.Concurrent;
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
    private static readonly ConcurrentDictionary<string, (long Bytes, long Rows)> Sizes = new();

    public ThroughputConfig()
    {
        AddJob(Job.Default.WithWarmupCount(1).WithIterationCount(5).WithLaunchCount(1).WithInvocationCount(1).WithUnrollFactor(1));
        AddColumn(new Column("MB/s", (bytes, rows, seconds) => bytes / 1e6 / seconds));
        AddColumn(new Column("M rows/s", (bytes, rows, seconds) => rows / seconds / 1e6));
        AddColumn(new Column("ns/row", (bytes, rows, seconds) => seconds * 1e9 / rows));
        AddColumn(new AllocationPerRowColumn());
    }

    /// <summary>Benchmarks call this from their setup, which runs in the benchmark process; the size file carries it to the host.</summary>
    public static void Register(string benchmark, long bytes, long rows)
    {
        Sizes[benchmark] = (bytes, rows);
        File.WriteAllText(SizeFile(benchmark), $"{bytes} {rows}");
    }

    internal static (long Bytes, long Rows)? SizeOf(string benchmark)
    {
        if (Sizes.TryGetValue(benchmark, out var size))
            return size;
        var file = SizeFile(benchmark);
        if (!File.Exists(file))
            return null;
        var parts = File.ReadAllText(file).Split(' ');
        return (long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string SizeFile(string benchmark) => Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-size-{benchmark}.txt");

    private sealed class Column(string name, Func<long, long, double, double> compute) : IColumn
    {
        public string Id => name;
        public string ColumnName => name;
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => name;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || SizeOf(benchmarkCase.Descriptor.WorkloadMethod.Name) is not { } size)
                return "-";
            return compute(size.Bytes, size.Rows, stats.Mean / 1e9).ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }

    private sealed class AllocationPerRowColumn : IColumn
    {
        public string Id => "B/row";
        public string ColumnName => "Alloc B/row";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 1;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Managed bytes allocated per input row";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            if (allocated is not { } bytes || SizeOf(benchmarkCase.Descriptor.WorkloadMethod.Name) is not { } size)
                return "-";
            return ((double)bytes / size.Rows).ToString("N2", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
