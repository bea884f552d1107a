using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;
using CsvHelper;
using NodaTime;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// The school's pupil list (leerlingenlijst; README, "Pupil list"): pupil number, class and enrolment dates. It puts the
/// pupils who were never absent at the base of the pyramid, and limits every window to the enrolment. Only
/// these columns are read; names, addresses and other personal columns are never touched.
/// </summary>
internal static class PupilList
{
    private static readonly string[] PupilColumns = ["pupil_id", "stamnr", "stamnummer", "leerlingnummer", "leerling_id", "llnr"];
    private static readonly string[] GroupColumns = ["group", "klas", "groep", "stamgroep", "klas/groep"];
    private static readonly string[] SchoolColumns = ["school_id", "brin", "brinnummer", "school"];
    private static readonly string[] StartColumns = ["enrolled_from", "start", "inschrijfdatum", "datum inschrijving", "begindatum", "ingangsdatum"];
    private static readonly string[] EndColumns = ["enrolled_until", "end", "uitschrijfdatum", "datum uitschrijving", "einddatum"];

    public static PupilListSummary Read(string path, LedgerBuilder builder, string defaultSchool, LocalDate asOf)
    {
        if (!File.Exists(path))
            throw new UserError(Texts.FileMissing(Setting.PupilList, path), Setting.PupilList);
        var calendar = builder.Calendar;
        var (encoding, _, _) = InputSniffer.DetectEncoding(path);
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { Encoding = encoding, TrimWhitespace = true, TrackLineNumbers = true });
        var headers = csv.Headers.Select(Fold.Header).ToArray();
        int Find(string[] names) => names.Select(n => Array.IndexOf(headers, Fold.Header(n))).FirstOrDefault(i => i >= 0, -1);
        var pupilColumn = Find(PupilColumns);
        if (pupilColumn < 0)
            throw new UserError(Texts.PupilListWithoutPupilColumn(path, string.Join(", ", PupilColumns), HeaderRow.Describe(csv.Headers)), Setting.PupilList);
        var groupColumn = Find(GroupColumns);
        var schoolColumn = Find(SchoolColumns);
        var startColumn = Find(StartColumns);
        var endColumn = Find(EndColumns);
        var dates = new DateResolver(calendar, calendar.Year.LastDay, ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy"]);
        var defaultSchoolIndex = builder.SchoolFor(defaultSchool);

        int pupils = 0, notEnrolled = 0, rejected = 0;
        while (csv.Read())
        {
            var id = csv.GetSpan(pupilColumn);
            if (id.IsEmpty || id.Length > RowReaders.MaxPupilIdLength)
            {
                rejected++;
                continue;
            }
            LocalDate? start = null, end = null;
            if (startColumn >= 0 && csv.GetSpan(startColumn) is { IsEmpty: false } startText)
            {
                if (!dates.TryParse(startText, out var value))
                    throw BadDate(path, csv, startColumn);
                start = value;
            }
            if (endColumn >= 0 && csv.GetSpan(endColumn) is { IsEmpty: false } endText)
            {
                if (!dates.TryParse(endText, out var value))
                    throw BadDate(path, csv, endColumn);
                end = value;
            }
            var first = start is { } s ? calendar.FirstAfter(s.PlusDays(-1)) : 0;
            var last = end is { } e ? calendar.LastOnOrBefore(e) : calendar.DayCount - 1;
            if (first > last || first > calendar.LastOnOrBefore(asOf))
            {
                notEnrolled++;
                continue;
            }
            var school = schoolColumn >= 0 && csv.GetSpan(schoolColumn) is { IsEmpty: false } schoolText
                ? builder.SchoolFor(schoolText) : defaultSchoolIndex;
            var pupil = builder.PupilFor(school, id);
            builder.SetEnrolment(pupil, new SchoolDayRange(first, last));
            if (groupColumn >= 0 && csv.GetSpan(groupColumn) is { IsEmpty: false } group)
                builder.SetGroup(pupil, builder.GroupFor(group), first);
            pupils++;
        }
        return new PupilListSummary(Path.GetFullPath(path), pupils, notEnrolled, rejected, schoolColumn < 0 ? pupils : 0);
    }

    private static UserError BadDate(string path, CsvReader csv, int column) =>
        new(Texts.PupilListBadDate(path, csv.LineNumber, csv.Headers[column], csv.GetString(column)), Setting.PupilList);
}

/// <summary>What was read from the pupil list.</summary>
/// <param name="Path">The list's full path.</param>
/// <param name="Pupils">Pupils enrolled this school year up to T.</param>
/// <param name="NotEnrolledThisYear">Rows of pupils whose enrolment does not touch the school year up to T.</param>
/// <param name="Rejected">Rows without a usable pupil number.</param>
/// <param name="WithoutSchool">Pupils counted under the default school, for a list without a school column.</param>
public sealed record PupilListSummary(string Path, int Pupils, int NotEnrolledThisYear, int Rejected, int WithoutSchool);
