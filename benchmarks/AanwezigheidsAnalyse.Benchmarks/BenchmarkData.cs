using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Synthetic;

namespace AanwezigheidsAnalyse.Benchmarks;

/// <summary>Generated inputs, cached in the temp directory by size and seed: large data is generated, never committed.</summary>
internal static class BenchmarkData
{
    public static readonly SchoolYear SchoolYear = new(2025);

    /// <summary>The school calendar of every benchmark: 2025-2026, regio midden.</summary>
    public static readonly SchoolCalendar Calendar = CalendarFactory.Create(SchoolYear, Region.Midden);

    /// <summary>The as-of date of every benchmark: the last Friday before the summer holiday of 2025-2026 (regio midden).</summary>
    public static readonly NodaTime.LocalDate AsOf = new(2026, 6, 26);

    /// <summary>
    /// A full school year of lesson-hour absence rows (canonical profile) for VO pupils in schools of about a
    /// thousand, as a school administration system would export them for the country.
    /// </summary>
    public static string LessonHourCsv(int pupils, int seed = 42)
    {
        var schools = Math.Max(1, pupils / 1000);
        var path = Path.Combine(Path.GetTempPath(), $"aanwezigheid-bench-vo-{pupils}-{schools}-{seed}.csv");
        if (!File.Exists(path))
            Generator.Write(new GeneratorOptions { Pupils = pupils, Schools = schools, Seed = seed, SchoolYear = SchoolYear }, path); // written atomically
        return path;
    }
}
