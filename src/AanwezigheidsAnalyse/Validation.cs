using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse;

/// <summary>The options of <c>aanwezigheid validate</c>.</summary>
public sealed record ValidateOptions
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required LocalDate AsOf { get; init; }

    public string? Profile { get; init; }

    public Region Region { get; init; } = Region.Midden;

    public string? CalendarFile { get; init; }

    public required string RejectsFile { get; init; }

    public double MaxRejectRate { get; init; } = 0.01;

    public Language Language { get; init; } = Language.Dutch;
}

/// <summary>The outcome of <c>validate</c>: the lines to print and the exit code.</summary>
public sealed record ValidationReport(int ExitCode, IReadOnlyList<string> Lines, IngestResult Ingest, int Pupils);

/// <summary>
/// Reads and maps exports without analysing them (SPEC §3): row accounting per file and per code, unknown
/// codes with their counts, the date range and the pupils; writes the rejects file. An export is unusable
/// (exit 1) when it has unknown codes or crosses the reject-rate limit.
/// </summary>
public static class Validation
{
    public static ValidationReport Run(ValidateOptions options, IProgress<IngestProgress>? progress = null)
    {
        var language = options.Language;
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language == Language.Dutch ? "nl-NL" : "en-GB");
        string T(FormattableString nl, FormattableString en) => (language == Language.Dutch ? nl : en).ToString(culture);
        var calendar = CalendarFactory.Create(SchoolYear.Containing(options.AsOf), options.Region, options.CalendarFile);
        var profile = options.Profile is null ? null : Profile.Load(options.Profile);
        var builder = new LedgerBuilder(calendar);
        IngestResult ingest;
        using (var rejects = new RejectSink(options.RejectsFile, language))
        {
            ingest = Ingest.Run(options.Inputs, new IngestSettings(options.AsOf, profile, "", null, language), null, builder, rejects, progress);
            rejects.Complete();
        }

        var lines = new List<string>();
        var exitCode = 0;
        foreach (var file in ingest.Files)
        {
            lines.Add($"{file.Path}");
            lines.Add(T(
                $"  profiel {file.Profile} ({(file.ProfileChoice == "detected" ? "herkend" : "gekozen")}), codering {file.Encoding}, scheidingsteken '{file.Separator}', {file.Bytes:N0} bytes, sha256 {file.Sha256}",
                $"  profile {file.Profile} ({file.ProfileChoice}), encoding {file.Encoding}, separator '{file.Separator}', {file.Bytes:N0} bytes, sha256 {file.Sha256}"));
            lines.Add(T(
                $"  regels gelezen {file.RowsRead}: geaccepteerd {file.Accepted} (waarvan dubbel {file.Duplicates}, tegenstrijdig {file.Conflicts}), genegeerd {file.Ignored}, afgekeurd {file.Rejected} ({file.RejectRate:P2})",
                $"  rows read {file.RowsRead}: accepted {file.Accepted} (duplicates {file.Duplicates}, conflicts {file.Conflicts}), ignored {file.Ignored}, rejected {file.Rejected} ({file.RejectRate:P2})"));
            if (file.FirstDate is { } first && file.LastDate is { } last)
                lines.Add(T($"  datums {first:yyyy-MM-dd} t/m {last:yyyy-MM-dd}", $"  dates {first:yyyy-MM-dd} to {last:yyyy-MM-dd}"));
            foreach (var (reason, count) in file.IgnoredBy)
                lines.Add(T($"  genegeerd, {Reasons.Describe(reason, language)}: {count}", $"  ignored, {Reasons.Describe(reason, language)}: {count}"));
            foreach (var (reason, count) in file.RejectedBy)
                lines.Add(T($"  afgekeurd, {Reasons.Describe(reason, language)}: {count}", $"  rejected, {Reasons.Describe(reason, language)}: {count}"));
            lines.Add("  codes:");
            foreach (var code in file.Codes)
                lines.Add($"    {code.Code,-24} {code.Category,-20} {code.Rows,10}");
            var unknown = file.Codes.Where(c => c.Category == "unknown").ToList();
            if (unknown.Count > 0)
            {
                exitCode = 1;
                lines.Add(T(
                    $"  ONBEKENDE CODES ({unknown.Count}): {string.Join(", ", unknown.Select(c => $"'{c.Code}' ({c.Rows}×)"))}. Voeg ze toe aan de codetabel van een eigen profiel (--profile BESTAND).",
                    $"  UNKNOWN CODES ({unknown.Count}): {string.Join(", ", unknown.Select(c => $"'{c.Code}' ({c.Rows}×)"))}. Add them to the code table of a profile of your own (--profile FILE)."));
            }
            if (file.RejectRate > options.MaxRejectRate)
            {
                exitCode = 1;
                lines.Add("  " + Analysis.RejectRateMessage(file, options.MaxRejectRate, language));
            }
        }
        var ledger = builder.Build(ingest.Timetable, ingest.FullRegister, ingest.Denominator);
        lines.Add(T($"Leerlingen: {ledger.PupilCount}. Noemer: {ingest.Denominator}.", $"Pupils: {ledger.PupilCount}. Denominator: {ingest.Denominator}."));
        lines.Add(T($"Afgekeurde regels: {options.RejectsFile}", $"Rejected rows: {options.RejectsFile}"));
        lines.AddRange(ingest.Warnings);
        return new ValidationReport(exitCode, lines, ingest, ledger.PupilCount);
    }
}
