using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ledger;

/// <summary>
/// The ledger keeps most day records packed in 16 bytes (minutes in at most three categories) and a pupil with a day
/// that does not pack whole. Whichever way a record was kept, it reads back as the record that was stored, through
/// every accessor the rules and outputs use; checked against the plain records as the reference.
/// </summary>
public class PackedRecordsTest
{
    private static readonly Gen<DayRecord> RecordGen =
        from day in Gen.Choose(0, 400)
        from scheduled in Gen.Choose(0, 1440)
        from late in Gen.Choose(0, 255)
        from unauthorizedSlots in Gen.Choose(0, 255)
        from scheduledSlots in Gen.Choose(0, 0xFFFF)
        from absentSlots in Gen.Choose(0, 0xFFFF)
        from categories in Gen.Choose(0, 5) // how many categories have minutes: 4 and 5 do not pack
        from which in Gen.Shuffle(Enumerable.Range(0, Categories.Counted).ToArray())
        from minutes in Gen.ArrayOf(Gen.OneOf(Gen.Choose(1, 1440), Gen.Choose(1, 60), Gen.Choose(4000, 5000)), Categories.Counted)
        select Make(day, scheduled, late, unauthorizedSlots, scheduledSlots, absentSlots, which[..categories], minutes);

    [Property(MaxTest = 2000)]
    public Property APackedRecord_ReadsAsTheRecord() => Prop.ForAll(RecordGen.ToArbitrary(), record =>
    {
        var fits = Enumerable.Range(0, Categories.Counted).Count(i => record.Minutes[i] > 0) <= 3
            && Enumerable.Range(0, Categories.Counted).All(i => record.Minutes[i] <= 4095);
        Assert.Equal(fits, PackedDay.TryPack(in record, out var packed));
        if (!fits)
            return;
        Assert.Equal(Describe(record), Describe(packed.Unpack()));
        Assert.Equal(record.Absent, packed.Absent);
        foreach (var category in Enum.GetValues<Category>().Where(c => c is not (Category.None or Category.Exempt or Category.Ignore)))
            Assert.Equal(record.Minutes.Of(category), packed.Of(category));
        var (whole, fromPacked) = (new WindowTotals { Scheduled = 500, ScheduledDays = 3 }, new WindowTotals { Scheduled = 500, ScheduledDays = 3 });
        whole.Add(in record, 300);
        packed.AddTo(ref fromPacked, 300);
        Assert.Equal(Describe(whole), Describe(fromPacked));
    });

    /// <summary>Pupils' records, some with a day that does not pack, stored from two threads in small chunks.</summary>
    [Property(MaxTest = 300)]
    public Property StoredRecords_ReadBackThroughEveryAccessor() => Prop.ForAll(
        Gen.Choose(1, 30).SelectMany(n => Gen.ListOf(Gen.Choose(0, 12).SelectMany(k => Gen.ListOf(RecordGen, k)).Select(Sorted), n)).ToArbitrary(),
        pupils =>
        {
            var counts = pupils.Select(r => r.Length).ToArray();
            var order = Enumerable.Range(0, counts.Length).Reverse().ToArray(); // chunks need not follow pupil order
            var chunks = RecordChunks.Lay(counts, order, size: 5);
            Parallel.For(0, pupils.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, p => chunks.Store(p, pupils[p]));
            chunks.Seal();
            for (var p = 0; p < pupils.Count; p++)
                Check(pupils[p], chunks.Of(p));
        });

    [Fact]
    public void AFullRegisterDayWithFourCategories_KeepsThePupilsRecordsWhole()
    {
        var builder = new LedgerBuilder(Midden2025);
        var school = builder.SchoolFor("00AA");
        var (whole, packed) = (builder.PupilFor(school, "1"), builder.PupilFor(school, "2"));
        foreach (var pupil in new[] { whole, packed })
        {
            builder.RegisterMinutes(pupil, 3, Category.Present, 200, 400);
            builder.RegisterMinutes(pupil, 3, Category.Late, 10, 400);
            builder.RegisterMinutes(pupil, 3, Category.Sick, 100, 400);
            builder.RegisterMinutes(pupil, 8, Category.Sick, 400, 400);
        }
        builder.RegisterMinutes(whole, 3, Category.Unauthorized, 90, 400);
        var ledger = builder.Build(Timetable.Bundled("vo-standaard"), fullRegister: true);

        var day3 = ledger.RecordOn(whole, 3)!.Value;
        Assert.Equal((400, 200, 10, 100, 90, 190), (day3.Scheduled, day3.Minutes.Of(Category.Present), day3.Minutes.Of(Category.Late), day3.Minutes.Of(Category.Sick), day3.Minutes.Of(Category.Unauthorized), day3.Absent));
        Assert.Equal(400, ledger.RecordOn(whole, 8)!.Value.Minutes.Of(Category.Sick));
        Assert.Equal(100, ledger.RecordOn(packed, 3)!.Value.Absent);
        var totals = ledger.Totals(whole, new SchoolDayRange(0, 10));
        Assert.Equal((800, 590, 90), (totals.Scheduled, totals.Absent, totals.Minutes[Category.Unauthorized.MinutesIndex()]));
    }

    private static void Check(DayRecord[] expected, DayRecords actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.Length == 0, actual.IsEmpty);
        Assert.Equal(expected.Select(Describe), actual.ToArray().Select(Describe));
        var enumerated = new List<string>();
        foreach (var record in actual)
            enumerated.Add(Describe(record));
        Assert.Equal(expected.Select(Describe), enumerated);
        var totals = new WindowTotals();
        var reference = new WindowTotals();
        for (var i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            Assert.Equal(Describe(e), Describe(actual[i]));
            Assert.Equal(e.Day, actual.DayOf(i));
            Assert.Equal(e.Scheduled, actual.ScheduledOf(i));
            Assert.Equal(e.Absent, actual.AbsentOf(i));
            Assert.Equal(e.LateArrivals, actual.LateArrivalsOf(i));
            Assert.Equal(e.UnauthorizedSlots, actual.UnauthorizedSlotsOf(i));
            Assert.Equal(e.Minutes.Of(Category.Unauthorized), actual.MinutesOf(i, Category.Unauthorized));
            Assert.Equal(e.Minutes.Of(Category.Sick), actual.MinutesOf(i, Category.Sick));
            actual.AddTo(ref totals, i, timetabled: i * 7);
            reference.Add(in e, i * 7);
        }
        Assert.Equal(Describe(reference), Describe(totals));
        for (var day = -1; day <= 402; day += 3)
        {
            var first = Array.FindIndex(expected, r => r.Day >= day);
            Assert.Equal(first < 0 ? expected.Length : first, actual.FirstFrom(day));
            Assert.Equal(Array.FindIndex(expected, r => r.Day == day), actual.IndexOf(day));
        }
        if (expected.Length >= 2)
            Assert.Equal(expected[1..^1].Select(Describe), actual[1..^1].ToArray().Select(Describe));
    }

    private static DayRecord Make(int day, int scheduled, int late, int unauthorizedSlots, int scheduledSlots, int absentSlots, int[] categories, int[] minutes)
    {
        var record = new DayRecord
        {
            Day = (ushort)day,
            Scheduled = (ushort)scheduled,
            LateArrivals = (byte)late,
            UnauthorizedSlots = (byte)unauthorizedSlots,
            ScheduledSlots = (ushort)scheduledSlots,
            AbsentSlots = (ushort)absentSlots,
        };
        foreach (var c in categories)
            record.Minutes[c] = (ushort)minutes[c];
        return record;
    }

    /// <summary>Distinct days in date order, as a pupil's records are.</summary>
    private static DayRecord[] Sorted(IEnumerable<DayRecord> records) =>
        [.. records.GroupBy(r => r.Day).Select(g => g.First()).OrderBy(r => r.Day)];

    private static string Describe(DayRecord r) =>
        $"{r.Day}:{r.Scheduled}/{r.ScheduledSlots}/{r.AbsentSlots}/{r.LateArrivals}/{r.UnauthorizedSlots}/{string.Join('.', Enumerable.Range(0, Categories.Counted).Select(i => r.Minutes[i]))}";

    private static string Describe(WindowTotals t) =>
        $"{t.Scheduled}/{t.ScheduledDays}/{t.LateArrivals}/{t.UnauthorizedSlots}/{string.Join('.', Enumerable.Range(0, Categories.Counted).Select(i => t.Minutes[i]))}";
}
