using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// A pupil-number column that holds BSNs. A nine-digit BSN is refused row by row (<see cref="Disclosure.LooksLikePupilId"/>),
/// but Excel drops a BSN's leading zeros, and 012345672 becomes 12345672 (or 12.345.672 in a column formatted with
/// thousands separators): a pupil number to the row's check, and then every output's pupil key. One such number
/// cannot be told from a school's own: about one in eleven numbers of seven or eight digits passes the eleven-test
/// with zeros in front. A school's column of them can: there they all pass.
/// </summary>
internal static class PupilNumberCheck
{
    /// <summary>A school's numbers of 7 or 8 digits seen before their share decides alone.</summary>
    internal const int MinShorterAlone = 10;

    /// <summary>Pupils with a nine-digit BSN as their number that make the column suspect: more than one typed in by mistake.</summary>
    internal const int MinBsnPupils = 3;

    /// <summary>
    /// Stops the run (a <see cref="UserError"/>) when, at a school, at least half of the pupil numbers of seven or eight
    /// digits (their digits alone) are BSNs with their zeros dropped, and either at least <see cref="MinBsnPupils"/>
    /// pupils of the run had a nine-digit BSN as their number or the school has at least
    /// <see cref="MinShorterAlone"/> such numbers. Per school, so that another school's own numbers do not hide a column of BSNs.
    /// Also when at least half of a file's rows (an export's, or the pupil list's) have a nine-digit BSN as their number,
    /// of at least <see cref="MinBsnPupils"/> pupils.
    /// </summary>
    public static void RefuseBsns(DayLedger ledger, IReadOnlyList<FileAccount> files, PupilListSummary? list)
    {
        var shorter = new int[ledger.Schools.Count];
        var bsns = new int[ledger.Schools.Count];
        // HoldsBsn reads a value's digits alone, so zeros put in front make the nine digits of a BSN whose zeros were dropped.
        Span<char> padded = stackalloc char[9 + RowReaders.MaxPupilIdLength];
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var id = ledger.PupilId(p).AsSpan();
            var digits = Disclosure.CountDigits(id);
            if (digits is not (7 or 8) || id.Length > RowReaders.MaxPupilIdLength)
                continue;
            shorter[ledger.SchoolIndex(p)]++;
            padded[..(9 - digits)].Fill('0');
            id.CopyTo(padded[(9 - digits)..]);
            if (Disclosure.HoldsBsn<char>(padded[..(9 - digits + id.Length)]))
                bsns[ledger.SchoolIndex(p)]++;
        }
        // The pupil list is read first: its pupils are the ledger's first.
        var sightings = (list is null ? [] : new[] { (list.Path, list.Bsns) }).Concat(files.Select(f => (f.Path, f.Bsns))).ToList();
        var bsnPupils = BsnSightings.DistinctPupils(sightings.Select(s => s.Bsns));
        // The school with the most such numbers is named: another school's few own numbers may pass by chance.
        var named = -1;
        for (var school = 0; school < shorter.Length; school++)
        {
            if (bsns[school] == 0 || bsns[school] * 2 < shorter[school] || (bsnPupils < MinBsnPupils && shorter[school] < MinShorterAlone))
                continue;
            if (named < 0 || bsns[school] > bsns[named])
                named = school;
        }
        if (named < 0)
        {
            // A column of whole BSNs alone: each row is refused on its own, and an export of nothing but BSNs was an
            // analysis of no pupils (exit 0 with --max-reject-rate 1). At least half of a file's rows, of a few pupils.
            var read = files.Select(f => (f.Path, f.Bsns, Rows: f.RowsRead));
            if (list is not null)
                read = read.Prepend((list.Path, list.Bsns, Rows: (long)list.Pupils + list.Duplicates + list.Rejected + list.NotEnrolledThisYear));
            foreach (var (file, seen, rows) in read)
            {
                if (rows > 0 && seen.Rows * 2 >= rows && BsnSightings.DistinctPupils([seen]) >= MinBsnPupils)
                    throw new UserError(Texts.PupilNumberColumnOfBsns(file, seen.Rows, rows, seen.FirstLine, seen.Column), Setting.Inputs);
            }
            return;
        }
        var (path, first) = sightings.FirstOrDefault(s => s.Bsns.Rows > 0);
        var name = ledger.Schools[named];
        throw new UserError(first is null
            ? Texts.PupilNumbersAreBsns(name, bsns[named], shorter[named])
            : Texts.PupilNumbersAreBsns(name, bsns[named], shorter[named], bsnPupils, path, first.FirstLine, first.Column), Setting.Inputs);
    }
}

/// <summary>Rows of a file whose pupil number is a BSN: how many, of how many pupils (a few, to tell a typo from a column), and the first one's line and column.</summary>
internal sealed class BsnSightings
{
    // Only whether there are a few is asked: the set stays small, and its numbers never leave the process.
    private const int MaxPupils = 16;
    private readonly HashSet<int> _pupils = [];

    public long Rows { get; private set; }

    public long FirstLine { get; private set; }

    public string Column { get; private set; } = "";

    /// <summary>A row at <paramref name="line"/> whose pupil number <paramref name="value"/> holds a BSN (<see cref="Disclosure.HoldsBsn{T}"/>).</summary>
    public void See(long line, string column, ReadOnlySpan<byte> value)
    {
        if (Rows++ == 0 || line < FirstLine)
            (FirstLine, Column) = (line, column);
        if (_pupils.Count < MaxPupils)
        {
            var number = 0;
            foreach (var c in value)
            {
                if (c - '0' is var digit && (uint)digit <= 9)
                    number = number * 10 + digit;
            }
            _pupils.Add(number);
        }
    }

    /// <summary>Adds a part of the same file read on another core, whose "lines" are byte offsets (<see cref="CsvParts"/>); parts come in file order.</summary>
    public void Absorb(BsnSightings part, Func<long, long> lineAt)
    {
        if (part.Rows == 0)
            return;
        if (Rows == 0)
            (FirstLine, Column) = (lineAt(part.FirstLine), part.Column);
        Rows += part.Rows;
        _pupils.UnionWith(part._pupils.Take(MaxPupils - _pupils.Count));
    }

    /// <summary>The pupils of all the files' sightings, up to a few.</summary>
    public static int DistinctPupils(IEnumerable<BsnSightings> sightings) => sightings.SelectMany(s => s._pupils).Distinct().Count();
}
