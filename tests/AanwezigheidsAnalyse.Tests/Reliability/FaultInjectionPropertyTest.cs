using System.Globalization;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Reliability;

/// <summary>
/// Exports with faults injected between clean rows (stray quotes anywhere, truncated rows, control characters,
/// names in the wrong column, blank lines): every physical line is accounted for, every clean row is read exactly
/// as it is without the faults, and no planted name or BSN reaches rejects.csv, the accounting or a message.
/// </summary>
public sealed class FaultInjectionPropertyTest
{
    private static readonly string[] Names = ["Jansen, Piet", "Anna de Vries", "Mohamed El Amrani", "Ünal", "Zoë Bakker"];
    private const string Bsn = "123456782";
    private const string Header = "Stamnr;Naam;BSN;Klas;Datum;Lesuur;Code";
    private static readonly string[] Days = ["03-11-2025", "04-11-2025", "05-11-2025", "06-11-2025", "07-11-2025", "10-11-2025"];

    /// <summary>A clean row: pupil 4700–4719 (faults use 9000 and up, or no number at all).</summary>
    private static string CleanRow(int i) => string.Create(CultureInfo.InvariantCulture,
        $"{4700 + i % 20};{Names[i % Names.Length]};{Bsn};2B;{Days[i / 20 % Days.Length]};{1 + i / 120 % 7};{(i % 3 == 0 ? "Z" : "S")}");

    /// <summary>Fault kinds: each a line (or, for a stray quote, a line with a quote) put between clean rows.</summary>
    private static string FaultRow(int kind, int i, int position)
    {
        // A name belongs to one pupil: each fault's pupil has a name of its own (README, "Privacy": a value shared by
        // three pupils is a code or a class, one pupil's is not shown).
        var name = Names[i % Names.Length] + " " + (char)('A' + i % 26) + (char)('a' + i / 26 % 26);
        var pupil = (9000 + i).ToString(CultureInfo.InvariantCulture);
        var row = $"{pupil};{name};{Bsn};2B;{Days[i % Days.Length]};{1 + i % 7};Z";
        return kind switch
        {
            0 => row.Insert(Math.Min(position % row.Length, row.Length), "\""),          // a stray quote anywhere
            1 => row[..(position % row.Length)],                                        // truncated
            2 => row.Insert(position % row.Length, "\u0001\u0007\u001b\u007f\u0000"[position % 5].ToString()), // a control character (not a line end)
            3 => $"{name};{pupil};{Bsn};2B;{Days[i % Days.Length]};1;Z",                 // a name in the pupil column
            4 => $"{pupil};x;{Bsn};{name};{Days[i % Days.Length]};1;Z",                  // a name in the class column
            5 => $"{pupil};x;{Bsn};2B;{Days[i % Days.Length]};1;{name}",                 // a name in the code column
            6 => $"{pupil};x;{Bsn};2B;{name};1;Z",                                       // a name in the date column
            7 => $"\"{name};{pupil};{Bsn};2B;{Days[i % Days.Length]};1;Z",              // a quote opened, never closed
            _ => $"{pupil};\"{name}\nvervolg van de opmerking\";{Bsn};2B;{Days[i % Days.Length]};1;Z", // a line break in quotes
        };
    }

    private static Gen<(int Clean, (int Kind, int After, int Position)[] Faults)> Cases =>
        from clean in Gen.Choose(20, 240)
        from faults in Gen.ArrayOf(
            from kind in Gen.Choose(0, 8)
            from after in Gen.Choose(0, 240)
            from position in Gen.Choose(0, 80)
            select (kind, after, position))
        select (clean, faults);

    [Property(MaxTest = 60)]
    public Property FaultsCostTheirOwnLinesOnly_AndLeakNothing() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var clean = Enumerable.Range(0, c.Clean).Select(CleanRow).ToList();
        var lines = new List<string> { Header };
        var faultsAfter = c.Faults.ToLookup(f => Math.Min(f.After, c.Clean));
        for (var i = 0; i <= clean.Count; i++)
        {
            foreach (var (fault, n) in faultsAfter[i].Select((f, n) => (f, n)))
                lines.Add(FaultRow(fault.Kind, i * 7 + n, fault.Position));
            if (i < clean.Count)
                lines.Add(clean[i]);
        }
        var text = string.Join("\n", lines) + "\n";
        var faulted = Ingest(text, D("2025-11-14"), profile: "lesuur-nl");
        var reference = Ingest(string.Join("\n", clean.Prepend(Header)) + "\n", D("2025-11-14"), profile: "lesuur-nl");
        var file = faulted.Ingest.Files[0];

        // Every physical line (blank ones excepted) is read and accounted for.
        var physical = text.Split('\n').Skip(1).Count(l => l.Length > 0);
        Assert.Equal(physical, file.RowsRead);
        Assert.Equal(file.RowsRead, file.Accepted + file.Ignored + file.Rejected);

        // Every clean row is read as it is without the faults: the clean pupils' ledger is the reference's.
        Assert.Equal(reference.Ingest.Files[0].Accepted, c.Clean);
        for (var p = 0; p < reference.Ledger.PupilCount; p++)
        {
            var id = reference.Ledger.PupilId(p);
            var q = Pupil(faulted.Ledger, id);
            var all = new SchoolDayRange(0, Midden2025.DayCount - 1);
            var (expected, actual) = (reference.Ledger.Totals(p, all), faulted.Ledger.Totals(q, all));
            Assert.Equal((expected.Scheduled, expected.Absent, expected.LateArrivals, expected.UnauthorizedSlots, expected.Rate(Category.Sick)),
                (actual.Scheduled, actual.Absent, actual.LateArrivals, actual.UnauthorizedSlots, actual.Rate(Category.Sick)));
        }

        // Nothing planted leaks: not into rejects.csv, the code table or the headers the accounting keeps.
        var shown = faulted.Rejects + string.Join("\n", file.Codes.Select(code => code.Code));
        foreach (var word in Names.SelectMany(n => n.Split(' ', ',')).Where(w => w.Length > 3).Append(Bsn))
            Assert.DoesNotContain(word, shown, StringComparison.OrdinalIgnoreCase);
        return true;
    });
}
