using NodaTime;

namespace AanwezigheidsAnalyse.Output;

/// <summary>
/// <c>datasets/_manifest.json</c> of a partitioned run (README, "The Taskforce"): what <c>collect</c> needs to know of
/// the run a school hands over, without its run.json (which names the school's files).
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>The file's name inside <c>datasets/</c>.</summary>
    public const string FileName = "_manifest.json";

    /// <summary>The tool's version that wrote the run.</summary>
    public required string Version { get; init; }

    /// <summary>The as-of date T.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>The school year of T.</summary>
    public required string SchoolYear { get; init; }

    /// <summary>The schools of the run (school_id of the partitions).</summary>
    public required IReadOnlyList<string> Schools { get; init; }

    /// <summary>True when pupil_key is a pseudonym.</summary>
    public required bool Pseudonymised { get; init; }

    /// <summary>The fingerprint of the pseudonymisation key, or null.</summary>
    public string? KeyFingerprint { get; init; }

    /// <summary>The policy's name.</summary>
    public required string Policy { get; init; }

    /// <summary>SHA-256 of the policy file: two runs with one policy version have one hash.</summary>
    public required string PolicySha256 { get; init; }

    /// <summary>When the run was made (ISO 8601, UTC): of two runs of one school and week, collect keeps the later. Null in runs of older versions.</summary>
    public string? CreatedAt { get; init; }

    internal static DatasetManifest Of(AnalysisRun run, Instant created) => new()
    {
        CreatedAt = NodaTime.Text.InstantPattern.ExtendedIso.Format(created),
        Version = typeof(DatasetManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        AsOf = run.AsOf.Date,
        SchoolYear = run.Calendar.Year.ToString(),
        Schools = [.. Enumerable.Range(0, run.Ledger.Schools.Count).Where(run.Ledger.SchoolHasPupils).Select(s => run.Ledger.Schools[s]).Order(StringComparer.Ordinal)],
        Pseudonymised = run.Pseudonymised,
        KeyFingerprint = run.KeyFingerprint,
        Policy = run.Policy.Name,
        PolicySha256 = run.Policy.Hash,
    };
}
