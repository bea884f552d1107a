using System.Globalization;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse;

/// <summary>The options of <c>aanwezigheid validate</c>: how to read the exports, and where the rejected rows go.</summary>
public sealed record ValidateOptions : LoadOptions
{
    /// <summary>Where rejects.csv is written.</summary>
    public required string RejectsFile { get; init; }

    /// <summary>The share of rejected rows a file may have before the export counts as unusable.</summary>
    public double MaxRejectRate { get; init; } = 0.01;

    /// <summary>
    /// True when the user gave no as-of date: <see cref="LoadOptions.AsOf"/> (today) is then only a first guess, and
    /// the exports are validated as of their own last date, in that date's school year. Today would ignore every row
    /// of an export from an earlier school year, and say nothing of its codes.
    /// </summary>
    public bool AsOfFromData { get; init; }
}

/// <summary>The outcome of <c>validate</c>: the lines to print and the exit code.</summary>
/// <param name="ExitCode">0 usable; 1 unknown codes or too many rejected rows.</param>
/// <param name="Lines">The lines to print.</param>
/// <param name="Ingest">The accounting of every file.</param>
/// <param name="Pupils">The pupils found.</param>
public sealed record ValidationReport(int ExitCode, IReadOnlyList<string> Lines, IngestResult Ingest, int Pupils);

/// <summary>
/// Reads and maps exports without analysing them (README, "Command line"): row accounting per file and per code, unknown
/// codes with their counts, the date range and the pupils; writes the rejects file. An export is unusable
/// (exit 1) when it has unknown codes or crosses the reject-rate limit.
/// </summary>
public static class Validation
{
    /// <summary>The folder of the rejects file takes a file: a read-only working folder is said before any reading.</summary>
    private static void CheckWritable(string rejectsFile)
    {
        var folder = Path.GetDirectoryName(rejectsFile) ?? ".";
        try
        {
            using (File.Create(Path.Combine(folder, $".aanwezigheid-probe-{Guid.NewGuid():N}"), 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError(Texts.CannotWriteRejects(folder), Setting.RejectsFile);
        }
    }

    /// <summary>
    /// Writes a starting profile for an export no bundled profile reads (README, "Profiles"), and says what is left
    /// for the user to fill in. Reads the header and the codes only; nothing is analysed.
    /// </summary>
    public static IReadOnlyList<string> SuggestProfile(string export, string profileFile, Language language)
    {
        var s = ProfileSuggestion.Write(export, profileFile);
        return [Texts.Validate.ProfileSuggested(language, s.Export, s.Path, s.Template, s.Mapped, s.Unmapped, s.KnownCodes, s.UnknownCodes, s.HiddenCodes, s.Rows)];
    }

    /// <summary>Reads the exports of <paramref name="options"/> and says what is in them.</summary>
    public static ValidationReport Run(ValidateOptions options, IProgress<IngestProgress>? progress = null)
    {
        var language = options.Language;
        Analysis.CheckMaxRejectRate(options.MaxRejectRate);
        var rejectsFile = Path.GetFullPath(options.RejectsFile);
        if (Directory.Exists(rejectsFile))
            throw new UserError(Texts.IsAFolder(Setting.RejectsFile, options.RejectsFile), Setting.RejectsFile);
        if (options.Inputs.Any(i => Path.GetFullPath(i) == rejectsFile) || (options.PupilsFile is { } list && Path.GetFullPath(list) == rejectsFile))
            throw new UserError(Texts.RejectsFileIsInput(options.RejectsFile), Setting.RejectsFile);
        if (File.Exists(rejectsFile) && !Internals.ExcelCsv.HasHeader(rejectsFile, Texts.RejectsHeader))
            throw new UserError(Texts.RejectsFileWouldReplace(options.RejectsFile), Setting.RejectsFile);
        // An analysis's folder is one unit: a rejects file of validate's own does not belong among its files.
        if (Path.GetDirectoryName(rejectsFile) is { } folder && File.Exists(Path.Combine(folder, "run.json")) && File.Exists(Path.Combine(folder, "pupils.parquet")))
            throw new UserError(Texts.OutputInsideOutput(rejectsFile, folder), Setting.RejectsFile);
        CheckWritable(rejectsFile);
        // A date taken from the data is not known yet: the pupil list, whose enrolments are read against T, waits for it.
        var loaded = Exports.Load(options.AsOfFromData ? options with { PupilsFile = null } : options, options.RejectsFile, progress);
        var lines = new List<string>();
        // The export's own school year: the one most of its rows fall in (a typo dated 2099 does not move it), as
        // of its latest date there.
        var byYear = loaded.Ingest.Files.SelectMany(f => f.DatesByYear()).GroupBy(y => y.Year)
            .Select(g => (Rows: g.Sum(y => y.Rows), Latest: g.Max(y => y.Latest))).ToList();
        if (options.AsOfFromData && byYear.Count > 0 && byYear.OrderByDescending(y => y.Rows).ThenByDescending(y => y.Latest).First().Latest is var latest)
        {
            // Read again only when the first reading used another school year, or cut rows off after its date, or
            // left the pupil list for now.
            if (Calendar.SchoolYear.Containing(latest) != Calendar.SchoolYear.Containing(options.AsOf) || latest > options.AsOf || options.PupilsFile is not null)
                loaded = Exports.Load(options with { AsOf = latest }, options.RejectsFile, progress);
            lines.Add(Texts.Validate.AsOfFromData(language, latest));
        }
        var ingest = loaded.Ingest;
        Analysis.CheckHasRows(ingest, loaded.PupilList);

        var exitCode = 0;
        foreach (var file in ingest.Files)
        {
            lines.Add(file.Path);
            lines.Add(Texts.Validate.FileRead(language, file.Profile, file.ProfileChoice, file.Encoding, file.Separator, file.Bytes, file.Sha256));
            lines.Add(Texts.Validate.Rows(language, file.RowsRead, file.Accepted, file.Duplicates, file.Conflicts, file.Ignored, file.Rejected, file.RejectRate));
            if (file.FirstDate is { } first && file.LastDate is { } last)
                lines.Add(Texts.Validate.Dates(language, first, last));
            foreach (var (reason, count) in file.IgnoredBy)
                lines.Add(Texts.Validate.Ignored(language, reason.Describe().In(language), count));
            foreach (var (reason, count) in file.RejectedBy)
                lines.Add(Texts.Validate.Rejected(language, reason.Describe().In(language), count));
            lines.Add("  codes:");
            // run.json keeps the hidden codes' stable key; a person reads it in the run's language.
            string Shown(string code) => code == Ingestion.CodeResolver.HiddenCode ? Texts.Validate.HiddenCodes(language) : code;
            foreach (var code in file.Codes)
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"    {Shown(code.Code),-28} {code.Category,-20} {code.Rows,10}"));
            var unknown = file.Codes.Where(c => c.Category == "unknown").ToList();
            if (unknown.Count > 0)
            {
                exitCode = 1;
                lines.Add(Texts.Validate.UnknownCodes(language, unknown.Count, string.Join(", ", unknown.Select(c => string.Create(CultureInfo.InvariantCulture, $"'{Shown(c.Code)}' ({c.Rows}×)")))));
            }
            if (file.RejectRate > options.MaxRejectRate)
            {
                exitCode = 1;
                lines.Add("  " + Analysis.RejectRateMessage(file, options.MaxRejectRate, language));
            }
        }
        lines.Add(Texts.Validate.PupilsAndDenominator(language, loaded.Ledger.PupilCount, ingest.Denominator.In(language)));
        lines.Add(Texts.Validate.RejectedRowsIn(language, rejectsFile));
        lines.AddRange(ingest.Warnings);
        if (loaded.PupilList is { Rejected: > 0 } refused)
            lines.Add(Texts.Run.PupilListRowsRejected(language, refused.Path, refused.Rejected, refused.RejectedLines));
        if (loaded.PupilList is { Duplicates: > 0 } merged)
            lines.Add(Texts.PupilListDuplicates(merged.Path, merged.ListedMoreThanOnce).In(language));
        if (loaded.PupilList is { Pupils: > 0 } listed && loaded.Ledger.PupilCount - listed.Pupils is > 0 and var unlisted)
            lines.Add(Texts.Run.NotOnPupilList(language, unlisted, loaded.Ledger.PupilCount, 0, []));
        return new ValidationReport(exitCode, lines, ingest, loaded.Ledger.PupilCount);
    }
}
