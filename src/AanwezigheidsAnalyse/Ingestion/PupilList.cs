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
/// these columns are read; names, addresses and other personal columns are never touched. The list is read as
/// exports are (<see cref="CsvFiles"/>, <see cref="HeaderRow"/>, <see cref="Disclosure"/>).
/// </summary>
internal static class PupilList
{
    /// <summary>Line numbers of skipped rows a warning names: enough to find the kind of mistake.</summary>
    internal const int RejectedLinesShown = 5;

    /// <summary>Pupils on each side before a list and an export with none in common are taken for two schools.</summary>
    private const int MinPupilsToCompare = 10;

    /// <summary>
    /// Stops the run when none of the list's pupils has a registration in the exports and none of the exports' pupils
    /// is on the list: another school's list, or numbers written otherwise. Read on, every listed pupil would count
    /// as present all year and every registered one as unlisted: the school twice, half of it without absence. (In an
    /// absence-only export one listed pupil without a registration is a pupil never absent; all of them is not.)
    /// </summary>
    internal static void CheckMatchesExports(DayLedger ledger, PupilListSummary list)
    {
        // The list's pupils are the ledger's first ones (read before the exports).
        var unlisted = ledger.PupilCount - list.Pupils;
        if (list.Pupils < MinPupilsToCompare || unlisted < MinPupilsToCompare)
            return;
        for (var p = 0; p < list.Pupils; p++)
        {
            // The exempt days between two enrolments are the list's own records, not the exports'.
            foreach (var record in ledger.Records(p))
            {
                if (!EnrolmentGaps.Contain(ledger.GapsOf(p), record.Day))
                    return;
            }
        }
        static string Codes(IEnumerable<string> schools) => string.Join(", ", schools.Distinct(StringComparer.Ordinal).Where(s => s.Any(char.IsAsciiDigit)).Order(StringComparer.Ordinal).Take(3));
        throw new UserError(Texts.PupilListOtherSchool(list.Path, list.Pupils, unlisted,
            Codes(Enumerable.Range(0, list.Pupils).Select(ledger.SchoolId)), Codes(Enumerable.Range(list.Pupils, unlisted).Select(ledger.SchoolId))), Setting.PupilList);
    }

    private static readonly string[] PupilColumns = ["pupil_id", "stamnr", "stamnummer", "leerlingnummer", "leerling_id", "llnr"];
    private static readonly string[] GroupColumns = ["group", "klas", "groep", "stamgroep", "klas/groep"];
    private static readonly string[] SchoolColumns = ["school_id", "brin", "brinnummer", "school"];
    private static readonly string[] StartColumns = ["enrolled_from", "start", "inschrijfdatum", "datum inschrijving", "begindatum", "ingangsdatum"];
    private static readonly string[] EndColumns = ["enrolled_until", "end", "uitschrijfdatum", "datum uitschrijving", "einddatum"];

    /// <summary>Every column name the list is read by, for the header guard.</summary>
    public static IEnumerable<string> ColumnNames => [.. PupilColumns, .. GroupColumns, .. SchoolColumns, .. StartColumns, .. EndColumns];

    /// <summary>
    /// Reads the list into <paramref name="builder"/>. Rows under no school (a list without a school column) go to
    /// <paramref name="defaultSchool"/>. A pupil listed twice (left and came back) is enrolled from the first start
    /// to the last end, in the class of the latest enrolment, and counted in <see cref="PupilListSummary.Duplicates"/>;
    /// the school days between two enrolments are the pupil's enrolment gaps (<see cref="LedgerBuilder.GapsOf"/>).
    /// </summary>
    /// <remarks>Rows without a usable pupil number or school go to <paramref name="rejects"/>, as an export's do.</remarks>
    public static PupilListSummary Read(string path, LedgerBuilder builder, string defaultSchool, LocalDate asOf, PupilListColumns? own = null, RejectSink? rejects = null)
    {
        var calendar = builder.Calendar;
        var (encoding, _, _) = InputSniffer.DetectEncoding(path, Setting.PupilList);
        using var csv = CsvReader.FromFile(path, CsvFiles.Options(encoding, trackLineNumbers: true));
        try
        {
            return Read(path, csv, builder, calendar, defaultSchool, asOf, own ?? new(), rejects);
        }
        catch (CsvFormatException e)
        {
            throw CsvFiles.LineTooLong(path, e, csv, Setting.PupilList);
        }
    }

    private static PupilListSummary Read(string path, CsvReader csv, LedgerBuilder builder, SchoolCalendar calendar, string defaultSchool, LocalDate asOf, PupilListColumns own, RejectSink? rejects)
    {
        // A personal column is skipped by name, so that no other name can make it a pupil number or a class.
        var personal = own.PersonalColumns.Select(Fold.Header).ToHashSet(StringComparer.Ordinal);
        var headers = csv.Headers.Select(h => personal.Contains(Fold.Header(h)) ? "" : Fold.Header(h)).ToArray();
        string[] NamesOf(PupilListRole role, string[] builtIn) => [.. own.Columns.GetValueOrDefault(role) ?? [], .. builtIn];
        int Find(string[] names) => names.Select(n => Array.IndexOf(headers, Fold.Header(n))).FirstOrDefault(i => i >= 0, -1);
        var pupilNames = NamesOf(PupilListRole.PupilId, PupilColumns);
        var pupilColumn = Find(pupilNames);
        if (pupilColumn < 0)
        {
            if (csv.Headers.All(string.IsNullOrWhiteSpace))
                throw new UserError(Texts.FileEmpty(Setting.PupilList, path), Setting.PupilList);
            throw new UserError(Texts.PupilListWithoutPupilColumn(path, string.Join(", ", pupilNames), HeaderRow.Describe(csv.Headers, pupilNames)), Setting.PupilList);
        }
        var groupColumn = Find(NamesOf(PupilListRole.Group, GroupColumns));
        var schoolColumn = Find(NamesOf(PupilListRole.SchoolId, SchoolColumns));
        var startColumn = Find(NamesOf(PupilListRole.EnrolledFrom, StartColumns));
        var endColumn = Find(NamesOf(PupilListRole.EnrolledUntil, EndColumns));
        var dates = new DateResolver(calendar, calendar.Year.LastDay, own.DateFormats ?? ["yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd/MM/yyyy", "d/M/yyyy"]);
        var defaultSchoolIndex = builder.SchoolFor(defaultSchool);
        var enrolments = new Dictionary<int, (SchoolDayRange Range, int Group)>();
        var spells = new Dictionary<int, List<SchoolDayRange>>(); // of the pupils listed more than once
        var schools = new SortedSet<string>(StringComparer.Ordinal);

        int notEnrolled = 0, rejected = 0, duplicates = 0, blankSchools = 0;
        long firstBlankSchool = 0;
        LocalDate? earliestStart = null, latestEnd = null; // of the rows not enrolled this year, for the message below
        var rejectedLines = new List<long>(); // the first few, for the warning: where to look
        var (swapped, swappedLines) = (0, new List<long>());
        // Into rejects.csv with the line, the column and why, as an export's rows (they were counted only: an
        // adversarial pass); the value only where it cannot be personal.
        void Reject(int column, RejectReason reason)
        {
            if (++rejected <= RejectedLinesShown)
                rejectedLines.Add(csv.LineNumber);
            var value = System.Text.Encoding.UTF8.GetString(CsvFiles.Value(csv.GetSpan(column)));
            rejects?.Write(path, csv.LineNumber, csv.Headers[column], Disclosure.MayShowRejected(value, dateColumn: false) ? value : "", reason);
        }
        var bsns = new BsnSightings();
        Span<byte> pupilSpelling = stackalloc byte[RowReaders.MaxPupilIdLength], schoolSpelling = stackalloc byte[RowReaders.MaxPupilIdLength];
        while (CsvFiles.Read(csv))
        {
            var raw = CsvFiles.Value(csv.GetSpan(pupilColumn));
            var id = Identifiers.PupilNumber(raw, pupilSpelling);
            if (id.IsEmpty || id.Length > RowReaders.MaxPupilIdLength || !Disclosure.LooksLikePupilId(id) || Disclosure.LooksLikeUserName(raw))
            {
                // Two lists put one after the other: the second header is no pupil, and no faulty line either.
                if (HeaderRow.IsItsHeader(raw, csv.Headers[pupilColumn]))
                    continue;
                if (Disclosure.HoldsBsn(id))
                    bsns.See(csv.LineNumber, csv.Headers[pupilColumn], id);
                Reject(pupilColumn, id.IsEmpty ? RejectReason.PupilMissing : id.Length > RowReaders.MaxPupilIdLength ? RejectReason.PupilTooLong : RejectReason.PupilNotANumber);
                continue;
            }
            var start = DateOf(startColumn);
            var end = DateOf(endColumn);
            // Dates the wrong way round are a typo, not a pupil who was never there: such a pupil would count as
            // unlisted, enrolled all year. The run stops after the list, naming the first few lines.
            if (start is { } from && end is { } until && until < from)
            {
                if (++swapped <= RejectedLinesShown)
                    swappedLines.Add(csv.LineNumber);
                continue;
            }
            var first = start is { } s ? calendar.FirstAfter(s.PlusDays(-1)) : 0;
            var last = end is { } e ? calendar.LastOnOrBefore(e) : calendar.DayCount - 1;
            if (first > last || first > calendar.LastOnOrBefore(asOf))
            {
                notEnrolled++;
                (earliestStart, latestEnd) = (Earlier(earliestStart, start), Later(latestEnd, end));
                continue;
            }
            var school = defaultSchoolIndex;
            var schoolCell = schoolColumn >= 0 ? CsvFiles.Value(csv.GetSpan(schoolColumn)) : default;
            if (schoolColumn >= 0 && defaultSchool.Length == 0 && schoolCell.IsEmpty && blankSchools++ == 0)
                firstBlankSchool = csv.LineNumber;
            if (schoolColumn >= 0 && Identifiers.SchoolCode(schoolCell, schoolSpelling) is { IsEmpty: false } schoolText)
            {
                if (!Disclosure.LooksLikeSchoolId(schoolText))
                {
                    Reject(schoolColumn, RejectReason.SchoolInvalid);
                    continue;
                }
                school = builder.SchoolFor(schoolText);
                schools.Add(builder.SchoolName(school));
            }
            var pupil = builder.PupilFor(school, id);
            var group = groupColumn >= 0 && CsvFiles.Value(csv.GetSpan(groupColumn)) is { IsEmpty: false } groupText ? builder.GroupFor(groupText) : -1;
            var range = new SchoolDayRange(first, last);
            if (enrolments.TryGetValue(pupil, out var earlier))
            {
                duplicates++;
                if (!spells.TryGetValue(pupil, out var listed))
                    spells[pupil] = listed = [earlier.Range];
                listed.Add(range);
                var latest = range.First >= earlier.Range.First ? group : earlier.Group;
                range = new SchoolDayRange(Math.Min(first, earlier.Range.First), Math.Max(last, earlier.Range.Last));
                group = latest >= 0 ? latest : earlier.Group;
            }
            enrolments[pupil] = (range, group);
        }
        if (swapped > 0)
            throw new UserError(Texts.PupilListEndBeforeStart(path, swapped, swappedLines, csv.Headers[endColumn], csv.Headers[startColumn]), Setting.PupilList);
        // Not one pupil of the list enrolled this school year up to T: last year's list, or the wrong date. Read on, every
        // pupil of the export would count as unlisted, enrolled all year, without a word.
        if (enrolments.Count == 0 && notEnrolled > 0)
            throw new UserError(Texts.PupilListNobodyThisYear(path, notEnrolled, calendar.Year.ToString(), asOf, earliestStart, latestEnd), Setting.PupilList);
        // An empty school cell among named ones made its pupil one of no school, beside the same pupil of the export's
        // school: a phantom pupil in tier 1, and a note that it was not on the list (a review). As in an export, the
        // run stops unless --school-id says which school an empty cell is.
        if (blankSchools > 0 && schools.Count > 0)
            throw new UserError(Texts.PupilListSchoolCellsEmpty(path, blankSchools, firstBlankSchool, csv.Headers[schoolColumn]), Setting.SchoolId);
        // Not one usable row (names or BSNs in the pupil column, only a header): the run went on as if without a list,
        // but said nothing of it, not even that there was none (an adversarial pass).
        if (enrolments.Count == 0)
            throw new UserError(Texts.PupilListWithoutPupils(path, rejected, rejectedLines, csv.Headers[pupilColumn]), Setting.PupilList);
        foreach (var (pupil, (range, group)) in enrolments)
        {
            // A pupil who left and came back was not the school's in between: counted as attended, those weeks diluted
            // every window over them (a tier 3 read as tier 2). The gap's days are no school time (exempt), the
            // export's rows on them are outside the enrolment, and the pupil is off the roll in its weeks.
            var gaps = spells.TryGetValue(pupil, out var listed) ? Gaps(range, listed) : [];
            builder.SetEnrolment(pupil, range, gaps);
            foreach (var gap in gaps)
            {
                for (var day = gap.First; day <= gap.Last; day++)
                    builder.RegisterWholeDay(pupil, day, Category.Exempt);
            }
            if (group >= 0)
                builder.SetGroup(pupil, group, range.First);
        }
        return new PupilListSummary(Path.GetFullPath(path), enrolments.Count, notEnrolled, rejected, schoolColumn < 0 ? enrolments.Count : 0)
        {
            Duplicates = duplicates,
            ListedMoreThanOnce = spells.Count,
            RejectedLines = rejectedLines,
            Bsns = bsns,
            Schools = schoolColumn < 0 ? [] : [.. schools],
        };

        // The school days of the whole enrolment that none of the listed ones holds, as ranges.
        static SchoolDayRange[] Gaps(SchoolDayRange whole, List<SchoolDayRange> listed)
        {
            var gaps = new List<SchoolDayRange>();
            for (var day = whole.First; day <= whole.Last; day++)
            {
                if (listed.Exists(spell => spell.Contains(day)))
                    continue;
                if (gaps.Count > 0 && gaps[^1].Last == day - 1)
                    gaps[^1] = gaps[^1] with { Last = day };
                else
                    gaps.Add(new SchoolDayRange(day, day));
            }
            return [.. gaps];
        }

        static LocalDate? Earlier(LocalDate? a, LocalDate? b) => a is { } x && b is { } y ? LocalDate.Min(x, y) : a ?? b;
        static LocalDate? Later(LocalDate? a, LocalDate? b) => a is { } x && b is { } y ? LocalDate.Max(x, y) : a ?? b;

        LocalDate? DateOf(int column)
        {
            if (column < 0 || CsvFiles.Value(csv.GetSpan(column)) is not { IsEmpty: false } text)
                return null;
            if (dates.TryParse(text, out var value))
                return value;
            var shown = csv.GetString(column).Trim();
            throw new UserError(Texts.PupilListBadDate(path, csv.LineNumber, csv.Headers[column], Disclosure.IsStructural(shown) ? shown : ""), Setting.PupilList);
        }
    }

}

/// <summary>What was read from the pupil list.</summary>
/// <param name="Path">The list's full path.</param>
/// <param name="Pupils">Pupils enrolled this school year up to T.</param>
/// <param name="NotEnrolledThisYear">Rows of pupils whose enrolment does not touch the school year up to T.</param>
/// <param name="Rejected">Rows without a usable pupil number.</param>
/// <param name="WithoutSchool">Pupils counted under the default school, for a list without a school column.</param>
public sealed record PupilListSummary(string Path, int Pupils, int NotEnrolledThisYear, int Rejected, int WithoutSchool)
{
    /// <summary>Rows of a pupil listed before: their enrolments were merged.</summary>
    public int Duplicates { get; init; }

    /// <summary>The pupils of <see cref="Duplicates"/>: listed more than once.</summary>
    public int ListedMoreThanOnce { get; init; }

    /// <summary>The line numbers of the first rows <see cref="Rejected"/> (at most five).</summary>
    public IReadOnlyList<long> RejectedLines { get; init; } = [];

    /// <summary>Rows whose pupil number is a BSN (see <see cref="PupilNumberCheck"/>).</summary>
    internal BsnSightings Bsns { get; init; } = new();

    /// <summary>The schools the list names; empty for a list without a school column.</summary>
    public IReadOnlyList<string> Schools { get; init; } = [];
}
