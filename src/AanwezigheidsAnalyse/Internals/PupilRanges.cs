using System.Collections.Concurrent;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// How a pass over the pupils is split over the cores: in contiguous ranges of at least <see cref="MinRange"/>
/// pupils, on at most <see cref="MaxDegree"/> cores (-1: all). The results never depend on it; a test runs every
/// pass both ways and compares.
/// </summary>
internal readonly record struct Parallelism(int MinRange, int MaxDegree)
{
    /// <summary>A few ranges per core of at least 1024 pupils, so that a core that finishes early takes another.</summary>
    public static Parallelism Default { get; } = new(1024, -1);

    /// <summary>One range on one core: the serial pass.</summary>
    public static Parallelism Serial { get; } = new(int.MaxValue, 1);
}

/// <summary>
/// Splits the pupils of a run over the cores in contiguous ranges, each worker with its own scratch state, merged at
/// the end. No pupils, no work.
/// </summary>
internal static class PupilRanges
{
    public static void ForEach<TWorker>(int pupils, Parallelism parallelism, Func<TWorker> createWorker, Action<int, int, TWorker> run, Action<TWorker> merge)
    {
        if (pupils <= 0)
            return;
        var size = (int)Math.Min(Math.Max(parallelism.MinRange, pupils / (Environment.ProcessorCount * 4L) + 1), pupils);
        var ranges = Partitioner.Create(0, pupils, size);
        Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = parallelism.MaxDegree }, createWorker, (range, _, worker) =>
        {
            run(range.Item1, range.Item2, worker);
            return worker;
        }, merge);
    }
}
