using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Synthetic;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ingestion;

/// <summary>
/// Any canonical dataset written out in any bundled shape (lesson rows, dagdelen, intervals by lesuur or by
/// clock time, day rows), with any separator, encoding, date format and export mess, reads back to the same
/// ledger; and corrupting k rows gives exactly k rejects and leaves the rest unchanged.
/// </summary>
public class ShapesPropertyTest
{
    private static readonly LocalDate Until = D("2025-10-10"); // six school weeks of region midden

    public sealed record Dataset(IReadOnlyList<SyntheticPupil> Pupils, bool Po)
    {
        public override string ToString() => $"{(Po ? "PO" : "VO")}: " + string.Join(" | ", Pupils.Select(p =>
            $"{p.PupilId}/{p.Group}: " + string.Join(",", p.Registrations.Select(r => $"{r.Day}.{r.Slot}={r.Category.Name()}"))));
    }

    private static readonly Category[] Written =
    [
        Category.Sick, Category.Sick, Category.Sick, Category.SentHomeSick, Category.Unauthorized, Category.Unauthorized,
        Category.AuthorizedOther, Category.Late, Category.Late, Category.Suspended, Category.ReducedTimetable, Category.Exempt,
        Category.OffSiteEducation, Category.Present, Category.Ignore,
    ];

    private static Gen<SyntheticPupil> PupilGen(int index, bool po) =>
        // A primary school's groups: every group called "groep …" under a lesson-hour timetable nobody chose stops a run.
        from className in po ? Gen.Elements("groep 7", "Groep 1/2a", "3Hé") : Gen.Elements("1A", "2B", "3Hé", "4Vï")
        from registrations in Gen.Choose(0, 40).SelectMany(n => Gen.ListOf(
            from day in Gen.Choose(0, Midden2025.LastOnOrBefore(Until))
            from slot in po ? Gen.Choose(1, 2) : Gen.Frequency((8, Gen.Choose(1, 7)), (1, Gen.Choose(0, 9)))
            from wholeDay in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            from category in Gen.Elements(Written)
            select (day, slot, wholeDay, category), n))
        select new SyntheticPupil($"{1000 + index}", className, Archetype.Regular, Expand(registrations, po));

    /// <summary>Whole days become every timetabled slot; a slot is registered once (duplicates have their own tests).</summary>
    private static List<SyntheticRegistration> Expand(IEnumerable<(int Day, int Slot, bool WholeDay, Category Category)> raw, bool po)
    {
        var timetable = Timetable.Bundled(po ? "po-standaard" : "vo-standaard");
        var result = new List<SyntheticRegistration>();
        var seen = new HashSet<(int, int)>();
        foreach (var (day, slot, wholeDay, category) in raw)
        {
            var slots = wholeDay ? Enumerable.Range(0, 16).Where(s => (timetable.ScheduledSlots(0, Midden2025.Date(day).DayOfWeek) & (1 << s)) != 0) : [slot];
            foreach (var s in slots)
            {
                if (seen.Add((day, s)))
                    result.Add(new SyntheticRegistration(day, s, category));
            }
        }
        return [.. result.OrderBy(r => r.Day).ThenBy(r => r.Slot)];
    }

    /// <summary>
    /// An absence export with the odd "present" registration: at most half of the counted rows say present, else
    /// the canonical reference would be read as a full register (README, "Scheduled time") while shapes that
    /// cannot say present (absence notifications) are not, and the two ledgers rightly differ.
    /// </summary>
    private static Gen<Dataset> DatasetGen(bool po) =>
        (from count in Gen.Choose(1, 4)
         from pupils in Gen.CollectToList(Enumerable.Range(0, count).Select(i => PupilGen(i, po)))
         select new Dataset([.. pupils.Where(p => p.Registrations.Count > 0 || p.PupilId.EndsWith('0'))], po))
        .Where(d =>
        {
            var rows = d.Pupils.SelectMany(p => p.Registrations).Where(r => r.Category != Category.Ignore).ToList();
            return rows.Count(r => r.Category == Category.Present) * 2 <= rows.Count;
        });

    private static Gen<ExportStyle> StyleGen =>
        from separator in Gen.Elements(';', ',', '\t')
        from windows1252 in Gen.Elements(false, true)
        from bom in Gen.Elements(false, true)
        from dateFormat in Gen.Elements("dd-MM-yyyy", "d-M-yyyy", "yyyy-MM-dd")
        from quoteAll in Gen.Elements(false, true)
        from newLine in Gen.Elements("\r\n", "\n")
        from trailing in Gen.Elements(false, true)
        from blank in Gen.Elements(false, true)
        from footer in Gen.Elements(false, true)
        from codeCase in Gen.Choose(0, 2)
        from names in Gen.Elements(false, true)
        select new ExportStyle
        {
            Separator = separator,
            Windows1252 = windows1252,
            ByteOrderMark = bom && !windows1252,
            DateFormat = dateFormat,
            QuoteAll = quoteAll,
            NewLine = newLine,
            TrailingEmptyColumns = trailing,
            BlankLines = blank,
            ExcelFooter = footer,
            CodeCase = codeCase,
            WithNames = names,
        };

    internal sealed record Case(Dataset Data, ExportShape Shape, ExportStyle Style);

    private static Arbitrary<Case> Cases =>
        (from shape in Gen.Elements(ExportShape.Canonical, ExportShape.LesuurNl, ExportShape.DagdeelPo, ExportShape.MeldingLesuur, ExportShape.MeldingTijd, ExportShape.DagMinuten)
         from data in DatasetGen(po: shape == ExportShape.DagdeelPo)
         from style in StyleGen
         select new Case(data, shape, style)).ToArbitrary();

    private static string ExpectedProfile(ExportShape shape) => shape switch
    {
        ExportShape.Canonical => "canonical",
        ExportShape.LesuurNl => "lesuur-nl",
        ExportShape.DagdeelPo => "dagdeel-po",
        ExportShape.DagMinuten => "dag-minuten",
        _ => "melding-interval",
    };

    [Property(MaxTest = 120)]
    public Property AnyShapeAndStyle_ReadsBackToTheCanonicalLedger() => Prop.ForAll(Cases, c =>
    {
        var reference = Read(c.Data, ExportShape.Canonical, new ExportStyle(), c.Data.Po ? "po-standaard" : null);
        var read = Read(c.Data, c.Shape, c.Style, null);

        Assert.Equal(ExpectedProfile(c.Shape), read.Ingest.Files[0].Profile);
        Assert.Equal(0, read.Ingest.Rejected);
        Assert.True(read.Ingest.Files[0].IsBalanced);
        AssertSameLedger(reference.Ledger, read.Ledger, lateArrivals: c.Shape != ExportShape.DagMinuten);
        return true;
    });

    /// <summary>Writes a dataset in a shape and style and reads it back through detection.</summary>
    private static Ingested Read(Dataset data, ExportShape shape, ExportStyle style, string? timetable)
    {
        var dir = Directory.CreateTempSubdirectory("aanwezigheid-shapes-");
        try
        {
            var path = Path.Combine(dir.FullName, "export.csv");
            var tt = Timetable.Bundled(shape == ExportShape.DagdeelPo || timetable == "po-standaard" ? "po-standaard" : "vo-standaard");
            using (var stream = File.Create(path))
                ExportWriter.Write(stream, shape, style, Midden2025, tt, data.Pupils, until: Until);
            return IngestPaths([path], Until, profile: null, calendar: null, Path.Combine(dir.FullName, "rejects.csv"), timetable);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The same pupils, classes, and per school day up to T the same scheduled minutes and absence per category.</summary>
    internal static void AssertSameLedger(DayLedger expected, DayLedger actual, bool lateArrivals, LocalDate? asOf = null)
    {
        var through = expected.Calendar.LastOnOrBefore(asOf ?? Until);
        var expectedPupils = Enumerable.Range(0, expected.PupilCount).ToDictionary(expected.PupilId);
        var actualPupils = Enumerable.Range(0, actual.PupilCount).ToDictionary(actual.PupilId);
        // A pupil whose only rows were ignored codes is known to one reader and not to another: compare the rest.
        foreach (var (id, e) in expectedPupils)
        {
            if (!actualPupils.TryGetValue(id, out var a))
            {
                Assert.True(expected.Records(e).IsEmpty, $"pupil {id} is missing");
                continue;
            }
            Assert.Equal(expected.Group(e), actual.Group(a));
            for (var day = 0; day <= through; day++)
            {
                var er = expected.RecordOn(e, day);
                var ar = actual.RecordOn(a, day);
                Assert.True(expected.ScheduledOn(e, day) == actual.ScheduledOn(a, day),
                    $"pupil {id} day {expected.Calendar.Date(day)}: scheduled {expected.ScheduledOn(e, day)} vs {actual.ScheduledOn(a, day)}");
                foreach (var category in Categories.Absent.Append(Category.Late))
                {
                    var em = er?.Minutes.Of(category) ?? 0;
                    var am = ar?.Minutes.Of(category) ?? 0;
                    Assert.True(em == am, $"pupil {id} day {expected.Calendar.Date(day)} {category.Name()}: {em} vs {am}");
                }
                if (lateArrivals)
                    Assert.Equal(er?.LateArrivals ?? 0, ar?.LateArrivals ?? 0);
            }
        }
        // A full register lists pupils who were never absent; the canonical absence export does not.
        foreach (var (id, a) in actualPupils)
        {
            if (expectedPupils.ContainsKey(id))
                continue;
            foreach (var record in actual.Records(a).ToArray())
                Assert.True(record.Absent == 0 && record.LateArrivals == 0, $"pupil {id} is new and has absence");
        }
    }

    // ---- corruption ----

    public sealed record Corruption(Dataset Data, IReadOnlyList<(int Row, int Kind)> Faults);

    private static Arbitrary<Corruption> Corruptions =>
        (from data in DatasetGen(po: false).Where(d => d.Pupils.Sum(p => p.Registrations.Count(r => r.Category != Category.Ignore)) > 0)
         from faults in Gen.Choose(1, 8).SelectMany(k => Gen.ListOf(Gen.Zip(Gen.Choose(0, 10_000), Gen.Choose(0, 5)), k))
         select new Corruption(data, [.. faults])).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property CorruptingKRows_GivesKRejects_AndLeavesTheRestUnchanged() => Prop.ForAll(Corruptions, c =>
    {
        var rows = c.Data.Pupils.SelectMany(p => p.Registrations.Select(r => (Pupil: p, Registration: r))).ToList();
        var corrupted = new Dictionary<int, int>();
        foreach (var (row, kind) in c.Faults)
            corrupted.TryAdd(row % rows.Count, kind);

        string Line(int i)
        {
            var (pupil, r) = rows[i];
            var fields = new[] { pupil.PupilId, pupil.Group, Midden2025.Date(r.Day).ToString("yyyy-MM-dd", null), r.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Category.Name() };
            if (corrupted.TryGetValue(i, out var kind))
            {
                switch (kind)
                {
                    case 0: fields[2] = "2025-13-45"; break;        // no date
                    case 1: fields[2] = "2025-09-06"; break;        // a Saturday
                    case 2: fields[4] = "sickish"; break;           // unknown code
                    case 3: fields[3] = "lesuur 99"; break;         // no slot
                    case 4: fields[0] = ""; break;                  // no pupil
                    default: fields[2] = "14-09-2025"; break;       // a Sunday, in another format
                }
            }
            return string.Join(";", fields);
        }

        var text = "pupil_id;group;date;slot;status\n" + string.Concat(Enumerable.Range(0, rows.Count).Select(i => Line(i) + "\n"));
        var read = Ingest(text, Until);
        Assert.Equal(corrupted.Count, read.Ingest.Rejected);
        Assert.True(read.Ingest.Files[0].IsBalanced);
        Assert.Equal(corrupted.Count + 1, read.Rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        // Every reject names the line the row is on (the header is line 1).
        foreach (var line in read.Rejects.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
            Assert.Contains(int.Parse(line.Split(';')[1], System.Globalization.CultureInfo.InvariantCulture) - 2, corrupted.Keys);

        var clean = c.Data with
        {
            Pupils = [.. c.Data.Pupils.Select(p => p with { Registrations = [.. p.Registrations.Where(r => !corrupted.ContainsKey(rows.FindIndex(x => x.Pupil == p && x.Registration == r)))] })],
        };
        var expected = Read(clean, ExportShape.Canonical, new ExportStyle(), null);
        AssertSameLedger(expected.Ledger, read.Ledger, lateArrivals: true);
        return true;
    });
}
