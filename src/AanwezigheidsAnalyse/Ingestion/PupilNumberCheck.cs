using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Ingestion;

/// <summary>
/// A pupil-number column that holds BSNs. A nine-digit BSN is refused row by row (<see cref="Disclosure.LooksLikePupilId"/>),
/// but Excel drops a BSN's leading zeros, and 012345672 becomes 12345672: a pupil number to the row's check, and then
/// every output's pupil key. One such number cannot be told from a school's own: about one in eleven numbers of
/// seven or eight digits passes the eleven-test with zeros in front. A column of them can: there they all pass.
/// </summary>
internal static class PupilNumberCheck
{
    /// <summary>Shorter numbers seen before their share decides alone, without a BSN refused in the same run.</summary>
    internal const int MinShorterAlone = 10;

    /// <summary>
    /// Stops the run (a <see cref="UserError"/>) when at least half of the pupil numbers of seven or eight digits are
    /// BSNs with their zeros dropped, and either a row held a nine-digit BSN as its pupil number or there are at least
    /// <see cref="MinShorterAlone"/> such numbers. A school's own numbers pass one in eleven.
    /// </summary>
    public static void RefuseBsns(DayLedger ledger, IReadOnlyList<FileAccount> files, PupilListSummary? list)
    {
        int shorter = 0, bsns = 0;
        Span<char> padded = stackalloc char[9];
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var id = ledger.PupilId(p);
            if (id.Length is not (7 or 8) || id.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
                continue;
            shorter++;
            padded.Fill('0');
            id.AsSpan().CopyTo(padded[(9 - id.Length)..]);
            if (Disclosure.HoldsBsn<char>(padded))
                bsns++;
        }
        // The pupil list is read first: its pupils are the ledger's first.
        var sightings = (list is null ? [] : new[] { (list.Path, list.Bsns) }).Concat(files.Select(f => (f.Path, f.Bsns))).ToList();
        var rows = sightings.Sum(s => s.Bsns.Rows);
        if (bsns == 0 || bsns * 2 < shorter || (rows == 0 && shorter < MinShorterAlone))
            return;
        var (path, first) = sightings.FirstOrDefault(s => s.Bsns.Rows > 0);
        throw new UserError(first is null
            ? Texts.PupilNumbersAreBsns(bsns, shorter, string.Join(", ", sightings.Select(s => s.Path)))
            : Texts.PupilNumbersAreBsns(bsns, shorter, rows, path, first.FirstLine, first.Column), Setting.Inputs);
    }
}

/// <summary>Rows of a file whose pupil number is a BSN: how many, and the first one's line and column.</summary>
internal sealed class BsnSightings
{
    public long Rows { get; private set; }

    public long FirstLine { get; private set; }

    public string Column { get; private set; } = "";

    public void See(long line, string column)
    {
        if (Rows++ == 0 || line < FirstLine)
            (FirstLine, Column) = (line, column);
    }

    /// <summary>Adds a part of the same file read on another core, whose "lines" are byte offsets (<see cref="CsvParts"/>); parts come in file order.</summary>
    public void Absorb(BsnSightings part, Func<long, long> lineAt)
    {
        if (part.Rows == 0)
            return;
        if (Rows == 0)
            (FirstLine, Column) = (lineAt(part.FirstLine), part.Column);
        Rows += part.Rows;
    }
}
