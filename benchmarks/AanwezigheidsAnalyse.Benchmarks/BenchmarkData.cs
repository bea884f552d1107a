using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Synthetic;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>Generated inputs, cached in the temp directory by size and seed: large data is generated, never committed.</summary>
internal static class BenchmarkData
{
    public static string LessonHourCsv(int pupils, int seed = 42)
    {
        var path = Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-{pupils}-{seed}.csv");
        if (!File.Exists(path))
            Generator.Write(new GeneratorOptions { Pupils = pupils, Seed = seed, SchoolYear = new SchoolYear(2025) }, path);
        return path;
    }
}
