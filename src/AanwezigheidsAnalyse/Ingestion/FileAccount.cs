using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The accounting of one input file: every row read is accepted, ignored for a documented reason, or rejected
/// (SPEC §2: <c>accepted + ignored + rejected = read</c>). Written to run.json and printed by <c>validate</c>.
/// </summary>
public sealed class FileAccount
{
    public required string Path { get; init; }

    public string Sha256 { get; set; } = "";

    public long Bytes { get; set; }

    public string Encoding { get; set; } = "";

    public string Separator { get; set; } = "";

    public string Profile { get; set; } = "";

    /// <summary>How the profile was chosen: "given" or "detected".</summary>
    public string ProfileChoice { get; set; } = "";

    public List<string> Headers { get; set; } = [];

    public long RowsRead { get; set; }

    public long Accepted { get; set; }

    public long Ignored { get; set; }

    public long Rejected { get; set; }

    /// <summary>Accepted rows that registered a slot, day or minutes already registered with the same code.</summary>
    public long Duplicates { get; set; }

    /// <summary>Accepted rows whose slot was registered with another code; the precedence decided.</summary>
    public long Conflicts { get; set; }

    /// <summary>Accepted rows whose date was a school day outside a pupil's enrolment are ignored, not here.</summary>
    public SortedDictionary<string, long> IgnoredBy { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, long> RejectedBy { get; } = new(StringComparer.Ordinal);

    /// <summary>Rows per code as written in the export (folded), with the category it maps to or "unknown".</summary>
    public List<CodeCount> Codes { get; set; } = [];

    public LocalDate? FirstDate { get; set; }

    public LocalDate? LastDate { get; set; }

    public double RejectRate => RowsRead == 0 ? 0 : (double)Rejected / RowsRead;

    public bool IsBalanced => Accepted + Ignored + Rejected == RowsRead;

    public void Ignore(string reason, long rows = 1)
    {
        Ignored += rows;
        IgnoredBy[reason] = IgnoredBy.GetValueOrDefault(reason) + rows;
    }

    public void Reject(string reason)
    {
        Rejected++;
        RejectedBy[reason] = RejectedBy.GetValueOrDefault(reason) + 1;
    }

    public void SeeDate(LocalDate date)
    {
        if (FirstDate is null || date < FirstDate)
            FirstDate = date;
        if (LastDate is null || date > LastDate)
            LastDate = date;
    }
}

/// <summary>Rows of one code in one file.</summary>
public sealed record CodeCount(string Code, string Category, long Rows);
