using AanwezigheidsAnalyse.Ledger;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>What ingestion of all inputs of a run hands to the ledger: the accounting and the denominator decision.</summary>
public sealed record IngestResult(
    IReadOnlyList<FileAccount> Files,
    Timetable Timetable,
    bool FullRegister,
    string Denominator,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Where scheduled time came from, in the user's language (SPEC §4.3).</summary>
    public string DenominatorIn(Language language) => language == Language.English ? Denominator : DenominatorDutch;

    internal string DenominatorDutch { get; init; } = Denominator;

    public long RowsRead => Files.Sum(f => f.RowsRead);

    public long Accepted => Files.Sum(f => f.Accepted);

    public long Ignored => Files.Sum(f => f.Ignored);

    public long Rejected => Files.Sum(f => f.Rejected);
}

/// <summary>
/// Reads every input file of a run into one <see cref="LedgerBuilder"/>, in the order given: one file per class
/// or per month, overlapping or duplicated, all land in the same ledger, where a slot registered twice counts once.
/// Then decides where scheduled time comes from (SPEC §4.3).
/// </summary>
internal static class Ingest
{
    public static IngestResult Run(
        IReadOnlyList<string> inputs,
        IngestSettings settings,
        RegisterKind? registerOverride,
        LedgerBuilder builder,
        RejectSink rejects,
        IProgress<IngestProgress>? progress)
    {
        var files = new List<FileAccount>();
        var warnings = new List<string>();
        Timetable? timetable = settings.Timetable;
        var registers = new List<RegisterKind>();
        long presentRows = 0, acceptedRows = 0;
        foreach (var input in inputs)
        {
            var result = Path.GetExtension(input).Equals(".parquet", StringComparison.OrdinalIgnoreCase)
                ? ParquetInput.Read(input, settings, builder, rejects)
                : ExportReader.Read(input, settings, builder, rejects, progress);
            files.Add(result.Account);
            if (timetable is null)
                timetable = result.Timetable;
            else if (settings.Timetable is null && timetable.Name != result.Timetable.Name)
                warnings.Add($"'{input}' uses timetable {result.Timetable.Name}, the run uses {timetable.Name} (from the first file); give --timetable to choose.");
            registers.Add(registerOverride ?? result.Profile.Register);
            presentRows += result.PresentRows;
            acceptedRows += result.Account.Accepted;
        }
        timetable ??= Timetable.Bundled("vo-standaard");

        // A full register lists every scheduled slot, "present" included; an absence-only export does not.
        // Auto: full when more than half of the accepted rows say present.
        bool full;
        string why;
        if (registers.Contains(RegisterKind.Full))
        {
            full = true;
            why = "full register (profile)";
        }
        else if (registers.All(r => r == RegisterKind.Absences))
        {
            full = false;
            why = "absences only (profile)";
        }
        else
        {
            full = acceptedRows > 0 && presentRows * 2 > acceptedRows;
            why = full
                ? $"full register (detected: {presentRows} of {acceptedRows} accepted rows are present)"
                : $"absences only (detected: {presentRows} of {acceptedRows} accepted rows are present)";
        }
        var denominator = full
            ? $"{why}: scheduled time is the registered slots; slot lengths from timetable {timetable.Name}"
            : $"{why}: scheduled time from timetable {timetable.Name} ({timetable.Source})";
        var share = $"{presentRows} van {acceptedRows} geaccepteerde regels zijn 'aanwezig'";
        var whyDutch = registers.Contains(RegisterKind.Full) ? "volledige registratie (profiel)"
            : registers.All(r => r == RegisterKind.Absences) ? "alleen verzuim (profiel)"
            : full ? $"volledige registratie (herkend: {share})" : $"alleen verzuim (herkend: {share})";
        var dutch = full
            ? $"{whyDutch}: de geplande tijd is wat geregistreerd is; lesduur uit rooster {timetable.Name}"
            : $"{whyDutch}: de geplande tijd komt uit rooster {timetable.Name}";
        return new IngestResult(files, timetable, full, denominator, warnings) { DenominatorDutch = dutch };
    }
}
