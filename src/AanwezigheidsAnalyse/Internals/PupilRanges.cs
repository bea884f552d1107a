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
        var ranges = (int)((pupils + (long)size - 1) / size);
        var cores = parallelism.MaxDegree > 0 ? Math.Min(parallelism.MaxDegree, Environment.ProcessorCount) : Environment.ProcessorCount;
        var workers = Math.Min(cores, ranges);
        // One worker per core, each taking the next range until none is left (a core that finishes early takes another).
        // Not Parallel.ForEach's per-task state: it starts a new task, with new scratch, whenever one has run a while,
        // which made 7 to 11 workers on two cores, each with the replay's counts per school and week (16 MB nationally).
        var next = -1;
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            var worker = createWorker();
            for (int range; (range = Interlocked.Increment(ref next)) < ranges;)
                run(range * size, (int)Math.Min(pupils, (long)(range + 1) * size), worker);
            merge(worker);
        });
    }
}
