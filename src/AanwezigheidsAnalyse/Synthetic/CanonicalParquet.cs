using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Internals;
using static AanwezigheidsAnalyse.Internals.Columns;

namespace AanwezigheidsAnalyse.Synthetic;

/// <summary>Canonical attendance rows as Parquet (for analysts and benchmarks): the canonical columns, dates as DATE.</summary>
internal static class CanonicalParquet
{
    private readonly record struct Row(SchoolCalendar Calendar, SyntheticPupil Pupil, SyntheticRegistration Registration);

    private static IReadOnlyList<Column<Row>> Schema(Column<Row> slot) =>
    [
        Text((in Row r) => r.Pupil.SchoolId, "school_id", "the school"),
        Text((in Row r) => r.Pupil.PupilId, "pupil_id", "the pupil number"),
        Text((in Row r) => r.Pupil.Group, "group", "the class"),
        Date((in Row r) => r.Calendar.Date(r.Registration.Day).ToDateOnly(), "date", "the school day"),
        slot,
        Text((in Row r) => r.Registration.Category.Name(), "status", "the canonical category"),
    ];

    private static readonly IReadOnlyList<Column<Row>> LessonHours = Schema(Int((in Row r) => r.Registration.Slot, "slot", "the lesuur"));

    // A PO school's dagdelen by name, as in the CSV: as numbers they were read as lesuur 1 and 2.
    private static readonly IReadOnlyList<Column<Row>> Dagdelen = Schema(Text((in Row r) => ExportWriter.Dagdeel(r.Registration.Slot), "slot", "the dagdeel"));

    /// <summary>Writes the rows; without <paramref name="withSchool"/> no school column, as the CSV has none then.</summary>
    public static async Task<long> WriteAsync(string path, SchoolCalendar calendar, IEnumerable<SyntheticPupil> pupils, SlotKind slots, bool withSchool)
    {
        long rows = 0;
        // An empty school column beside a pupil list without one stopped the run ("the export has a school column"),
        // where the CSV of the same school ran (a regression pass).
        var columns = (slots == SlotKind.Dagdeel ? Dagdelen : LessonHours).Where(c => withSchool || c.Name != "school_id").ToList();
        await AtomicFile.WriteAsync(path, async stream =>
            rows = await ColumnarWriter.WriteAsync(stream, columns, pupils.SelectMany(p => p.Registrations.Select(r => new Row(calendar, p, r)))));
        return rows;
    }
}
