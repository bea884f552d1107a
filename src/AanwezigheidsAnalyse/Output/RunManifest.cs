using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using System.Text.Json.Serialization;
using NodaTime;

namespace AanwezigheidsAnalyse.Output;

/// <summary>run.json (README, "Output"): what was read, with which settings, what came out and how long it took.</summary>
public sealed partial record RunManifest
{
    /// <summary>The tool that wrote the run.</summary>
    [JsonInclude]
    public string Tool { get; internal set; } = "aanwezigheid";

    /// <summary>The tool's version.</summary>
    [JsonInclude]
    public string Version { get; internal set; } = typeof(RunManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The command: <c>analyze</c>.</summary>
    public required string Command { get; init; }

    /// <summary>The as-of date T.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The school year of T, e.g. 2025-2026.</summary>
    public required string SchoolYear { get; init; }

    /// <summary>The school calendar.</summary>
    public required CalendarInfo Calendar { get; init; }

    /// <summary>The policy applied.</summary>
    public PolicyInfo? Policy { get; init; }

    /// <summary>The timetable scheduled time comes from, and where it was read.</summary>
    public required string Timetable { get; init; }

    /// <summary>Where scheduled time came from (README, "Scheduled time").</summary>
    public required string Denominator { get; init; }

    /// <summary>Every input file with its SHA-256 and row accounting.</summary>
    public required IReadOnlyList<FileAccount> Inputs { get; init; }

    /// <summary>The pupil list, when one was read.</summary>
    public PupilListInfo? PupilList { get; init; }

    /// <summary>Rows over all input files: <c>accepted + ignored + rejected = read</c>.</summary>
    public required RowTotals Rows { get; init; }

    /// <summary>The pupils analysed: those on the school's roll at T (enrolled on a school day of the week of T).</summary>
    public int Pupils { get; init; }

    /// <summary>Pupils enrolled earlier this school year who left before the week of T: no tier, and not in the datasets.</summary>
    public int PupilsLeft { get; init; }

    /// <summary>Pupils per tier ("1", "2", "3") at T.</summary>
    public SortedDictionary<string, int>? PupilsPerTier { get; init; }

    /// <summary>Pupils per criterion id met at T.</summary>
    public SortedDictionary<string, int>? PupilsPerCriterion { get; init; }

    /// <summary>Where last week's tiers came from: "replay" or the --previous directory.</summary>
    public string? Previous { get; init; }

    /// <summary>True when pupil_key is a pseudonym.</summary>
    public bool Pseudonymised { get; init; }

    /// <summary>The fingerprint of the pseudonymisation key (never the key itself), so that runs made with one key can be told.</summary>
    public string? KeyFingerprint { get; init; }

    /// <summary>With --model: the early-warning model that made risk_score, so that a re-run can be checked against it.</summary>
    public ModelInfo? Model { get; init; }

    /// <summary>The process's peak working set, for the benchmark harness and for planning national runs.</summary>
    public long PeakWorkingSetMb { get; init; }

    /// <summary>What the reader should know about this run, in its language.</summary>
    [JsonInclude]
    public List<string> Notes { get; internal set; } = [];

    /// <summary>What went wrong that did not stop the run, in its language.</summary>
    [JsonInclude]
    public List<string> Warnings { get; internal set; } = [];

    /// <summary>Milliseconds per stage, and the total.</summary>
    [JsonInclude]
    public SortedDictionary<string, long> DurationsMs { get; internal set; } = new(StringComparer.Ordinal);

    /// <summary>Every file written, relative to the output directory.</summary>
    [JsonInclude]
    public List<string> Outputs { get; internal set; } = [];

    /// <summary>The run's exit code.</summary>
    public int ExitCode { get; set; }

    /// <summary>run.json's and datasets/_manifest.json's metadata, made at build time (<see cref="Internals.Json.ForContext"/>), written indented.</summary>
    [JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
    [JsonSerializable(typeof(RunManifest))]
    [JsonSerializable(typeof(DatasetManifest))]
    internal sealed partial class ManifestFormat : JsonSerializerContext
    {
        public static ManifestFormat Instance { get; } = new(Internals.Json.ForContext(indented: true));
    }
}

/// <summary>What run.json says of the school calendar.</summary>
/// <param name="Description">Where the free days come from.</param>
/// <param name="SchoolDays">School days in the year.</param>
/// <param name="SchoolWeeks">School weeks in the year.</param>
/// <param name="FirstSchoolDay">The first school day, if any.</param>
/// <param name="LastSchoolDay">The last school day, if any.</param>
/// <param name="FreePeriods">Every free period of the year.</param>
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

/// <summary>What run.json says of the policy.</summary>
/// <param name="Name">The policy's name.</param>
/// <param name="Source">A bundled name or the file's path.</param>
/// <param name="Sha256">SHA-256 of the policy file's bytes.</param>
public sealed record PolicyInfo(string Name, string Source, string Sha256);

/// <summary>What run.json says of the early-warning model (<c>analyze --model</c>).</summary>
/// <param name="Path">The model's folder, as given.</param>
/// <param name="Sha256">SHA-256 of its model.zip.</param>
/// <param name="Outcome">The outcome it warns of.</param>
/// <param name="Horizon">Its horizon in school weeks.</param>
/// <param name="TrainWeeks">Its first and last training as-of week.</param>
/// <param name="TestWeeks">Its first and last test as-of week.</param>
/// <param name="Timetable">The timetable of the data it learned from; null for a model of a version that did not say.</param>
/// <param name="PrimarySchool">Whether the data it learned from were a primary school's (most class names "groep …", or a timetable of dagdelen); null for a model of a version that did not say.</param>
public sealed record ModelInfo(string Path, string Sha256, string Outcome, int Horizon, IReadOnlyList<string> TrainWeeks, IReadOnlyList<string> TestWeeks, string? Timetable, bool? PrimarySchool);

/// <summary>What run.json says of the pupil list.</summary>
/// <param name="Path">The list's path.</param>
/// <param name="Pupils">Pupils enrolled this school year up to T.</param>
/// <param name="NotEnrolledThisYear">Rows of pupils not enrolled this school year up to T.</param>
/// <param name="Rejected">Rows without a usable pupil number.</param>
public sealed record PupilListInfo(string Path, int Pupils, int NotEnrolledThisYear, int Rejected);

/// <summary>Rows over all input files.</summary>
/// <param name="Read">Rows read.</param>
/// <param name="Accepted">Rows that registered attendance.</param>
/// <param name="Ignored">Rows ignored for a documented reason.</param>
/// <param name="Rejected">Rows rejected, each in rejects.csv.</param>
public sealed record RowTotals(long Read, long Accepted, long Ignored, long Rejected);
