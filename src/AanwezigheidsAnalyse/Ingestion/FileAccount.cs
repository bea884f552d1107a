using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The accounting of one input file: every row read is accepted, ignored for a documented reason, or rejected
/// (README, "The pipeline": <c>accepted + ignored + rejected = read</c>). Written to run.json and printed by <c>validate</c>.
/// </summary>
public sealed class FileAccount
{
    /// <summary>The file's full path.</summary>
    public required string Path { get; init; }

    /// <summary>SHA-256 of the file's bytes, lower-case hex.</summary>
    public string Sha256 { get; internal set; } = "";

    /// <summary>The file's size in bytes.</summary>
    public long Bytes { get; internal set; }

    /// <summary>The text encoding detected (<c>utf-8</c>, <c>utf-8-bom</c>, <c>windows-1252</c>, <c>utf-16</c>), or <c>parquet</c>.</summary>
    public string Encoding { get; internal set; } = "";

    /// <summary>The field separator (<c>;</c>, <c>,</c>, <c>tab</c>); empty for Parquet.</summary>
    public string Separator { get; internal set; } = "";

    /// <summary>The profile the file was read with.</summary>
    public string Profile { get; internal set; } = "";

    /// <summary>How the profile was chosen: "given", "detected" or "parquet" (the canonical columns of a Parquet file).</summary>
    public string ProfileChoice { get; internal set; } = "";

    /// <summary>The header row (or Parquet columns) the profile was bound to.</summary>
    public List<string> Headers { get; internal set; } = [];

    /// <summary>Rows read, header excluded.</summary>
    public long RowsRead { get; internal set; }

    /// <summary>Rows that registered attendance.</summary>
    public long Accepted { get; internal set; }

    /// <summary>Rows ignored for one of the <see cref="IgnoreReason"/>s.</summary>
    public long Ignored { get; internal set; }

    /// <summary>Rows rejected for one of the <see cref="RejectReason"/>s (each is in rejects.csv).</summary>
    public long Rejected { get; internal set; }

    /// <summary>Accepted rows that registered a slot, day or minutes already registered with the same code.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Accepted rows whose slot was registered with another code; the precedence decided.</summary>
    public long Conflicts { get; internal set; }

    // Counted per row in arrays; the dictionaries below are made when asked, for run.json and validate.
    private readonly long[] _ignoredBy = new long[Enum.GetValues<IgnoreReason>().Length];
    private readonly long[] _rejectedBy = new long[Enum.GetValues<RejectReason>().Length];

    /// <summary>Ignored rows per reason, the reasons that occurred, in the order of their keys.</summary>
    public IReadOnlyDictionary<IgnoreReason, long> IgnoredBy => Counts<IgnoreReason>(_ignoredBy, r => r.Code());

    /// <summary>Rejected rows per reason, the reasons that occurred, in the order of their keys.</summary>
    public IReadOnlyDictionary<RejectReason, long> RejectedBy => Counts<RejectReason>(_rejectedBy, r => r.Code());

    /// <summary>Rows per code as written in the export (folded), with the category it maps to or "unknown".</summary>
    public List<CodeCount> Codes { get; internal set; } = [];

    /// <summary>The first date of an accepted row.</summary>
    public LocalDate? FirstDate { get; internal set; }

    /// <summary>The last date of an accepted row.</summary>
    public LocalDate? LastDate { get; internal set; }

    /// <summary>Rejected ÷ read.</summary>
    public double RejectRate => RowsRead == 0 ? 0 : (double)Rejected / RowsRead;

    /// <summary>True when every row read is accounted for.</summary>
    public bool IsBalanced => Accepted + Ignored + Rejected == RowsRead;

    /// <summary>Rows whose pupil number is a BSN (see <see cref="PupilNumberCheck"/>).</summary>
    internal BsnSightings Bsns { get; } = new();

    /// <summary>
    /// Each file once, of reads made once per school year (backtest and train over years): a row is accepted in its own
    /// year's read and ignored in the others', so the accepted rows add up. A row rejected before its date is read (the
    /// pupil number, the school, a date that is none) is rejected in every read, and counted once; one rejected after
    /// (a code, a slot, minutes, no school day) only in its own year's read, and those add up. The provenance of a
    /// re-run: the later year's file read "0 rows accepted".
    /// </summary>
    internal static List<FileAccount> AcrossYears(IEnumerable<FileAccount> reads) =>
    [
        .. reads.GroupBy(f => f.Path, StringComparer.Ordinal).Select(g =>
        {
            var first = g.First();
            static long BeforeTheDate(FileAccount f) => f.RejectedBy.Where(r => r.Key is RejectReason.PupilMissing or RejectReason.PupilTooLong
                or RejectReason.PupilNotANumber or RejectReason.SchoolInvalid or RejectReason.DateMissing or RejectReason.DateInvalid).Sum(r => r.Value);
            var rejected = g.Max(BeforeTheDate) + g.Sum(f => f.Rejected - BeforeTheDate(f));
            var accepted = g.Sum(f => f.Accepted);
            return new FileAccount
            {
                Path = first.Path, Sha256 = first.Sha256, Bytes = first.Bytes, Encoding = first.Encoding, Separator = first.Separator,
                Profile = first.Profile, ProfileChoice = first.ProfileChoice, Headers = first.Headers, RowsRead = first.RowsRead,
                Accepted = accepted, Rejected = rejected, Ignored = first.RowsRead - accepted - rejected,
                FirstDate = g.Min(f => f.FirstDate), LastDate = g.Max(f => f.LastDate),
            };
        }),
    ];

    /// <summary>Rows whose school cell was empty in a file with a school column, read as the run's --school-id (or no school).</summary>
    internal long BlankSchoolRows { get; set; }

    /// <summary>The school column's index; -1 when the file has none (its rows are the run's --school-id, or no school).</summary>
    internal int SchoolColumn { get; set; } = -1;

    /// <summary>Whole-day slot rows (no lesson) whose date carries a clock time other than midnight: a lesson's time, or the registration's.</summary>
    internal long TimedWholeDays { get; set; }

    /// <summary>Notifications ignored as <see cref="IgnoreReason.NoLesson"/>, by the ISO weekday they start on (index 1-7).</summary>
    internal long[] NoLessonOn { get; } = new long[8];

    internal void IgnoreNoLesson(NodaTime.IsoDayOfWeek weekday)
    {
        Ignore(IgnoreReason.NoLesson);
        NoLessonOn[(int)weekday]++;
    }

    internal void Ignore(IgnoreReason reason, long rows = 1)
    {
        Ignored += rows;
        _ignoredBy[(int)reason] += rows;
    }

    internal void Reject(RejectReason reason)
    {
        Rejected++;
        _rejectedBy[(int)reason]++;
    }

    /// <summary>The non-zero counts by reason (reasons are numbered 0, 1, … in declaration order), sorted by key.</summary>
    private static SortedDictionary<T, long> Counts<T>(long[] counts, Func<T, string> code)
        where T : struct, Enum
    {
        var dictionary = new SortedDictionary<T, long>(Comparer<T>.Create((a, b) => string.CompareOrdinal(code(a), code(b))));
        var reasons = Enum.GetValues<T>();
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
                dictionary[reasons[i]] = counts[i];
        }
        return dictionary;
    }

    /// <summary>Rows ignored for their date (before the school year, after T), and the latest of them, per school year.</summary>
    private Dictionary<int, (long Rows, LocalDate Latest)>? _ignoredByYear;

    /// <summary>
    /// Rows with a valid date and the latest date, per school year: the accepted rows in T's year, the rows ignored
    /// for their date in theirs. Where <c>validate</c> without a date looks for the export's own school year.
    /// </summary>
    internal IEnumerable<(Calendar.SchoolYear Year, long Rows, LocalDate Latest)> DatesByYear()
    {
        FlushIgnoredYear();
        foreach (var (year, (rows, latest)) in _ignoredByYear ?? [])
            yield return (new Calendar.SchoolYear(year), rows, latest);
        if (Accepted > 0 && LastDate is { } last)
            yield return (Calendar.SchoolYear.Containing(last), Accepted, last);
    }

    /// <summary>The school year being counted, row by row: ignored rows come in runs of one year, so a row costs a compare, and the dictionary is touched when the year changes.</summary>
    private Calendar.SchoolYear? _ignoredYear;
    private long _ignoredYearRows;
    private LocalDate _ignoredYearLatest;

    internal void SeeIgnoredDate(LocalDate date)
    {
        if (_ignoredYear is not { } year || !year.Contains(date))
        {
            FlushIgnoredYear();
            _ignoredYear = Calendar.SchoolYear.Containing(date);
            _ignoredYearLatest = date;
        }
        _ignoredYearRows++;
        if (date > _ignoredYearLatest)
            _ignoredYearLatest = date;
    }

    private void FlushIgnoredYear()
    {
        if (_ignoredYear is not { } year || _ignoredYearRows == 0)
            return;
        _ignoredByYear ??= [];
        var (rows, latest) = _ignoredByYear.GetValueOrDefault(year.StartYear, (0, _ignoredYearLatest));
        _ignoredByYear[year.StartYear] = (rows + _ignoredYearRows, _ignoredYearLatest > latest ? _ignoredYearLatest : latest);
        _ignoredYearRows = 0;
    }

    /// <summary>Adds the counts of one part of this file, read on another core (<see cref="CsvParts"/>), whose "lines" are byte offsets that <paramref name="lineAt"/> turns into lines.</summary>
    internal void Absorb(FileAccount part, Func<long, long> lineAt)
    {
        RowsRead += part.RowsRead;
        Accepted += part.Accepted;
        Ignored += part.Ignored;
        Rejected += part.Rejected;
        Duplicates += part.Duplicates;
        Conflicts += part.Conflicts;
        Bsns.Absorb(part.Bsns, lineAt);
        for (var i = 0; i < _ignoredBy.Length; i++)
            _ignoredBy[i] += part._ignoredBy[i];
        for (var i = 0; i < NoLessonOn.Length; i++)
            NoLessonOn[i] += part.NoLessonOn[i];
        BlankSchoolRows += part.BlankSchoolRows;
        TimedWholeDays += part.TimedWholeDays;
        SchoolColumn = part.SchoolColumn; // every part reads the file's columns
        for (var i = 0; i < _rejectedBy.Length; i++)
            _rejectedBy[i] += part._rejectedBy[i];
        if (part.FirstDate is { } first)
            SeeDate(first);
        if (part.LastDate is { } last)
            SeeDate(last);
        FlushIgnoredYear();
        part.FlushIgnoredYear();
        foreach (var (year, (rows, latest)) in part._ignoredByYear ?? [])
        {
            _ignoredByYear ??= [];
            var (had, was) = _ignoredByYear.GetValueOrDefault(year, (0, latest));
            _ignoredByYear[year] = (had + rows, latest > was ? latest : was);
        }
    }

    internal void SeeDate(LocalDate date)
    {
        if (FirstDate is null || date < FirstDate)
            FirstDate = date;
        if (LastDate is null || date > LastDate)
            LastDate = date;
    }
}

/// <summary>Rows of one code in one file.</summary>
/// <param name="Code">The code as the export writes it, folded (case, accents, spacing).</param>
/// <param name="Category">The category it maps to, or "unknown".</param>
/// <param name="Rows">Rows with this code.</param>
public sealed record CodeCount(string Code, string Category, long Rows);
