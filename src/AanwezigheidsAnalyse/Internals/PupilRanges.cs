using System.Collections.Concurrent;

namespace AanwezigheidsAnalyse.Internals;

/// <summary>
/// Splits the pupils of a run over the cores in contiguous ranges (a few per core, so a core that finishes early
/// takes another), each worker with its own scratch state, merged at the end. No pupils, no work.
/// </summary>
internal static class PupilRanges
{
    public static void ForEach<TWorker>(int pupils, Func<TWorker> createWorker, Action<int, int, TWorker> run, Action<TWorker> merge)
    {
        if (pupils <= 0)
            return;
        var ranges = Partitioner.Create(0, pupils, Math.Max(1024, pupils / (Environment.ProcessorCount * 4) + 1));
        Parallel.ForEach(ranges, createWorker, (range, _, worker) =>
        {
            run(range.Item1, range.Item2, worker);
            return worker;
        }, merge);
    }
}
