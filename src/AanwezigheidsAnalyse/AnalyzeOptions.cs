using AanwezigheidsAnalyse.Ingestion;

namespace AanwezigheidsAnalyse;

/// <summary>The options of <c>aanwezigheid analyze</c> (README, "Command line"): how to read the exports, and what to evaluate and write.</summary>
public sealed record AnalyzeOptions : LoadOptions
{
    /// <summary>The directory the outputs are written to (made when missing).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>A bundled policy name or a policy file.</summary>
    public string Policy { get; init; } = "kearney-nl";

    /// <summary>Last week's output directory, for tier transitions; null to replay last week on this week's data.</summary>
    public string? PreviousDirectory { get; init; }

    /// <summary>A key file: pupil_key becomes a keyed HMAC-SHA-256 pseudonym in every output.</summary>
    public string? PseudonymizeKeyFile { get; init; }

    /// <summary>Write the charts and report.html.</summary>
    public bool Charts { get; init; } = true;

    /// <summary>The share of rejected rows a file may have before the run exits with code 1.</summary>
    public double MaxRejectRate { get; init; } = 0.01;

    /// <summary>Write the datasets Hive-style partitioned (<c>school_id=…/as_of=…/</c>) as well.</summary>
    public bool Partitioned { get; init; }

    /// <summary>A model folder of <c>aanwezigheid train</c>: risk_score and risk_drivers per pupil, and the report's "mogelijk risico".</summary>
    public string? Model { get; init; }
}
