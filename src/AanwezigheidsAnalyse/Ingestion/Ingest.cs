using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>What ingestion of all inputs of a run hands to the ledger: the accounting and the denominator decision.</summary>
public sealed record IngestResult
{
    internal IngestResult(IReadOnlyList<FileAccount> files, Timetable timetable, bool fullRegister, Phrase denominator, IReadOnlyList<string> warnings)
    {
        Files = files;
        Timetable = timetable;
        FullRegister = fullRegister;
        Denominator = denominator;
        Warnings = warnings;
    }

    /// <summary>The accounting of every input file, in the order given.</summary>
    public IReadOnlyList<FileAccount> Files { get; }

    /// <summary>The latest date of an accepted row in any file; null when none.</summary>
    public NodaTime.LocalDate? DataEnd => Files.Select(f => f.LastDate).Where(d => d is not null).Max();

    /// <summary>The timetable scheduled time comes from.</summary>
    internal Timetable Timetable { get; }

    /// <summary>The timetable's name, for run.json and the report.</summary>
    public string TimetableName => $"{Timetable.Name} ({Timetable.Source})";

    /// <summary>True when scheduled time is the registered slots (a full register), false when the timetable's.</summary>
    public bool FullRegister { get; }

    /// <summary>Where scheduled time came from, in words (README, "Scheduled time").</summary>
    public Phrase Denominator { get; }

    /// <summary>What the user should know about the inputs, in the run's language.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Rows read in all files.</summary>
    public long RowsRead => Files.Sum(f => f.RowsRead);

    /// <summary>Rows accepted in all files.</summary>
    public long Accepted => Files.Sum(f => f.Accepted);

    /// <summary>Rows ignored in all files.</summary>
    public long Ignored => Files.Sum(f => f.Ignored);

    /// <summary>Rows rejected in all files.</summary>
    public long Rejected => Files.Sum(f => f.Rejected);
}

/// <summary>
/// Reads every input file of a run into one <see cref="LedgerBuilder"/>, in the order given: one file per class
/// or per month, overlapping or duplicated, all land in the same ledger, where a slot registered twice counts once.
/// Then decides where scheduled time comes from (README, "Scheduled time").
/// </summary>
internal static class Ingest
{
    public static IngestResult Run(
        IReadOnlyList<string> inputs,
        IngestSettings settings,
        LedgerBuilder builder,
        RejectSink rejects,
        IProgress<IngestProgress>? progress)
    {
        var files = new List<FileAccount>();
        var warnings = new List<string>();
        var timetable = settings.Timetable;
        var registers = new List<RegisterKind>();
        long presentRows = 0, acceptedRows = 0;
        foreach (var input in inputs)
        {
            var result = Path.GetExtension(input).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
                ? ParquetInput.Read(input, settings, builder, rejects, progress)
                : CsvInput.Read(input, settings, builder, rejects, progress);
            files.Add(result.Account);
            if (timetable is null)
                timetable = result.Timetable;
            else if (settings.Timetable is null && timetable.Name != result.Timetable.Name)
                warnings.Add(Texts.TimetablesDiffer(input, result.Timetable.Name, timetable.Name).In(settings.Language));
            if (result.DurationsLookLikeAnotherUnit)
                warnings.Add(Texts.DurationsTooShort(input, result.Profile.Name).In(settings.Language));
            registers.Add(result.Profile.Register);
            presentRows += result.PresentRows;
            acceptedRows += result.Account.Accepted;
        }
        timetable ??= Timetable.Bundled("vo-standaard");

        // A full register lists every scheduled slot, "present" included; an absence-only export does not.
        // Auto: full when more than half of the accepted rows say present, and nearly every pupil has a row of
        // attendance (present, late, educated elsewhere).
        // Present rows of a few pupils (a majority of the rows all the same) would otherwise turn every other pupil's
        // scheduled time into its absences alone: rates of 50 % and more, tiers that are wrong, and nothing said.
        var byProfile = registers.Contains(RegisterKind.Full) ? RegisterKind.Full
            : registers.All(r => r == RegisterKind.Absences) ? RegisterKind.Absences
            : RegisterKind.Auto;
        var full = byProfile == RegisterKind.Full || (byProfile == RegisterKind.Auto && acceptedRows > 0 && presentRows * 2 > acceptedRows);
        if (full && byProfile == RegisterKind.Auto && builder.PupilsRegistering(Category.Present, Category.Late, Category.OffSiteEducation) is var (registering, present) && present < registering * 0.9)
        {
            full = false;
            warnings.Add(Texts.PresentRowsOfFewPupils(present, registering, presentRows, acceptedRows).In(settings.Language));
        }
        return new IngestResult(files, timetable, full, Texts.Denominator(byProfile == RegisterKind.Auto, full, presentRows, acceptedRows, timetable.Name, timetable.Source), warnings);
    }
}

/// <summary>A file's SHA-256 for run.json, computed on another core while the file is read.</summary>
internal static class FileHash
{
    public static Task<string> Sha256Async(string path) => Task.Run(() =>
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    });
}

/// <summary>What the reader of one file hands back.</summary>
internal sealed record ReadResult(FileAccount Account, Profile Profile, Ledger.Timetable Timetable, long PresentRows, bool DurationsLookLikeAnotherUnit);

/// <summary>The settings every input file of a run shares.</summary>
internal sealed record IngestSettings(NodaTime.LocalDate AsOf, Profile? Profile, string SchoolId, Ledger.Timetable? Timetable, Language Language)
{
    /// <summary>The pupil list read before the exports, if any: an export must put its pupils under the same schools.</summary>
    public PupilListSummary? PupilList { get; init; }

    /// <summary>How a large CSV file is cut into parts read on several cores; the default suits a run, tests cut finer.</summary>
    public PartSettings Parts { get; init; } = PartSettings.Default;
}

/// <summary>Progress of a long read, for the console: bytes of the current file and rows so far.</summary>
/// <param name="File">The file being read.</param>
/// <param name="Bytes">Bytes read so far.</param>
/// <param name="TotalBytes">The file's size.</param>
/// <param name="Rows">Rows read so far.</param>
public readonly record struct IngestProgress(string File, long Bytes, long TotalBytes, long Rows);
