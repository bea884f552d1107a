using AanwezigheidsAnalyse.Calendar;
using NodaTime;

namespace AanwezigheidsAnalyse;

/// <summary>The options of <c>aanwezigheid analyze</c> (SPEC §3).</summary>
public sealed record AnalyzeOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required LocalDate AsOf { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>A bundled profile name or a profile file; null to detect from the header.</summary>
    public string? Profile { get; init; }

    public Region Region { get; init; } = Region.Midden;

    /// <summary>True when the user chose the region; the report says when the default was used.</summary>
    public bool RegionGiven { get; init; }

    public string? CalendarFile { get; init; }

    /// <summary>A bundled policy name or a policy file.</summary>
    public string Policy { get; init; } = "kearney-nl";

    /// <summary>A bundled timetable name or a timetable file; null for the profile's.</summary>
    public string? Timetable { get; init; }

    /// <summary>The school's pupil list (leerlingenlijst), so that pupils without registrations count too.</summary>
    public string? PupilsFile { get; init; }

    /// <summary>Last week's output directory, for tier transitions.</summary>
    public string? PreviousDirectory { get; init; }

    public string? PseudonymizeKeyFile { get; init; }

    public Language Language { get; init; } = Language.Dutch;

    public bool Charts { get; init; } = true;

    public double MaxRejectRate { get; init; } = 0.01;

    /// <summary>The school's id (e.g. its BRIN) for rows of exports without a school column.</summary>
    public string SchoolId { get; init; } = "";

    /// <summary>Write the datasets Hive-style partitioned (<c>school_id=…/as_of=…/</c>) as well.</summary>
    public bool Partitioned { get; init; }
}
