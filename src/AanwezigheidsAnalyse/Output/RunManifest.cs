using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using NodaTime;

namespace AanwezigheidsAnalyse.Output;

/// <summary>run.json (SPEC §5): what was read, with which settings, what came out and how long it took.</summary>
public sealed record RunManifest
{
    public string Tool { get; init; } = "aanwezigheid";

    public string Version { get; init; } = typeof(RunManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public required string Command { get; init; }

    public required LocalDate AsOf { get; init; }

    public required string SchoolYear { get; init; }

    public required CalendarInfo Calendar { get; init; }

    public PolicyInfo? Policy { get; init; }

    public required string Timetable { get; init; }

    /// <summary>Where scheduled time came from (SPEC §4.3).</summary>
    public required string Denominator { get; init; }

    public required IReadOnlyList<FileAccount> Inputs { get; init; }

    public PupilListInfo? PupilList { get; init; }

    public required RowTotals Rows { get; init; }

    public int Pupils { get; init; }

    public SortedDictionary<string, int>? PupilsPerTier { get; init; }

    public SortedDictionary<string, int>? PupilsPerCriterion { get; init; }

    /// <summary>Where last week's tiers came from: "replay" or the --previous directory.</summary>
    public string? Previous { get; init; }

    public bool Pseudonymised { get; init; }

    /// <summary>The process's peak working set, for the benchmark harness and for planning national runs.</summary>
    public long PeakWorkingSetMb { get; init; }

    public List<string> Notes { get; init; } = [];

    public List<string> Warnings { get; init; } = [];

    public SortedDictionary<string, long> DurationsMs { get; init; } = new(StringComparer.Ordinal);

    public List<string> Outputs { get; init; } = [];

    public int ExitCode { get; set; }
}

public sealed record CalendarInfo(string Description, int SchoolDays, int SchoolWeeks, LocalDate? FirstSchoolDay, LocalDate? LastSchoolDay, IReadOnlyList<string> FreePeriods)
{
    /// <summary>What run.json says of a calendar.</summary>
    public static CalendarInfo Of(SchoolCalendar calendar) => new(
        calendar.Description,
        calendar.DayCount,
        calendar.WeekCount,
        calendar.DayCount > 0 ? calendar.Date(0) : null,
        calendar.DayCount > 0 ? calendar.Date(calendar.DayCount - 1) : null,
        [.. calendar.FreePeriods.Select(p => p.ToString())]);
}

public sealed record PolicyInfo(string Name, string Source, string Sha256);

public sealed record PupilListInfo(string Path, int Pupils, int NotEnrolledThisYear, int Rejected);

public sealed record RowTotals(long Read, long Accepted, long Ignored, long Rejected);
