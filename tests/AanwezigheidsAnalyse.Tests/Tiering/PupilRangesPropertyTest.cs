using AanwezigheidsAnalyse.Internals;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AanwezigheidsAnalyse.Tests.Tiering;

/// <summary>
/// Every pass over the pupils is split by <see cref="PupilRanges"/>: each pupil must be run exactly once, every
/// worker merged once, and no more workers (each with its scratch: the replay's counts per school and week) made than
/// there are cores to run them.
/// </summary>
public class PupilRangesPropertyTest
{
    [Property(MaxTest = 200)]
    public Property EveryPupilOnce_AtMostOneWorkerPerCore() => Prop.ForAll(
        Gen.Choose(0, 20_000).ToArbitrary(), Gen.Elements(1, 7, 1024, int.MaxValue).ToArbitrary(), Gen.Elements(-1, 1, 2, 64).ToArbitrary(),
        (pupils, minRange, maxDegree) =>
        {
            var runs = new int[pupils];
            var made = 0;
            var merged = 0;
            var cores = maxDegree > 0 ? Math.Min(maxDegree, Environment.ProcessorCount) : Environment.ProcessorCount;
            PupilRanges.ForEach(pupils, new Parallelism(minRange, maxDegree), () => Interlocked.Increment(ref made), (from, to, _) =>
            {
                Assert.True(from < to, $"an empty range [{from}, {to})");
                for (var p = from; p < to; p++)
                    Interlocked.Increment(ref runs[p]);
            }, _ => Interlocked.Increment(ref merged));
            Assert.All(runs, count => Assert.Equal(1, count));
            Assert.Equal(made, merged);
            Assert.InRange(made, pupils == 0 ? 0 : 1, pupils == 0 ? 0 : cores);
            return true;
        });
}
