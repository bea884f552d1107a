using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ledger;

/// <summary>
/// The day ledger built on several cores, each range of pupils filling its own records, is the ledger built on one:
/// every record, bitset, variant and enrolment, also for registrations outside a pupil's enrolment (left out),
/// minute registrations and classes on another timetable variant.
/// </summary>
public class ParallelBuildTest
{
    public sealed record Registration(int Pupil, int Kind, int Day, int Slot, Category Category, int Minutes);

    public sealed record Plan(int Pupils, IReadOnlyList<Registration> Registrations, IReadOnlyList<(int Pupil, int First, int Last)> Enrolments, IReadOnlyList<(int Pupil, string Group, int Day)> Groups)
    {
        public override string ToString() => $"{Pupils} pupils, {Registrations.Count} registrations, enrolments [{string.Join(", ", Enrolments)}], groups [{string.Join(", ", Groups)}]";
    }

    private static readonly Category[] Written =
    [
        Category.Sick, Category.SentHomeSick, Category.Unauthorized, Category.AuthorizedOther, Category.Late,
        Category.Exempt, Category.Present, Category.OffSiteEducation, Category.Suspended,
    ];

    private static Gen<Plan> PlanGen =>
        from pupils in Gen.Choose(1, 40)
        from registrations in Gen.Choose(0, 400).SelectMany(n => Gen.ListOf(
            from pupil in Gen.Choose(0, pupils - 1)
            from kind in Gen.Choose(0, 2)
            from day in Gen.Choose(0, Midden2025.DayCount - 1)
            from slot in Gen.Choose(0, 9)
            from category in Gen.Elements(Written)
            from minutes in Gen.Choose(0, 400)
            select new Registration(pupil, kind, day, slot, category, minutes), n))
        from enrolments in Gen.ListOf(
            from pupil in Gen.Choose(0, pupils - 1)
            from first in Gen.Choose(0, 100)
            from length in Gen.Choose(0, 120)
            select (pupil, first, first + length), 3)
        from groups in Gen.ListOf(
            from pupil in Gen.Choose(0, pupils - 1)
            from klas in Gen.Elements("1A", "2B", "groep 3")
            from day in Gen.Choose(0, 50)
            select (pupil, klas, day), 5)
        select new Plan(pupils, [.. registrations], [.. enrolments], [.. groups]);

    [Property(MaxTest = 200)]
    public Property OnSeveralCores_TheLedgerIsTheOneBuiltOnOne() => Prop.ForAll(PlanGen.ToArbitrary(), plan =>
        Assert.Equal(Describe(Build(plan, Parallelism.Serial)), Describe(Build(plan, new Parallelism(1, 2)))));

    /// <summary>
    /// Registrations in blocks of 512 cells, records in chunks just large enough for the pupil with the most: pupils
    /// spread over many blocks, filled block by block on two cores, records that do not fit in a chunk's rest start
    /// the next one, and chunks made in released blocks (which held cells before). The ledger is the one built with a
    /// run's sizes on one core.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property InSmallBlocksAndChunks_TheLedgerIsTheSame() => Prop.ForAll(PlanGen.ToArbitrary(), plan =>
        Assert.Equal(Describe(Build(plan, Parallelism.Serial)), Describe(Build(plan, new Parallelism(1, 2), cellBlockBits: 9, recordChunkSize: 1))));

    [Fact]
    public void Building_ReleasesEveryBlockOfRegistrations()
    {
        var builder = new LedgerBuilder(Midden2025, cellBlockBits: 8);
        var school = builder.SchoolFor("00AA");
        for (var p = 0; p < 100; p++)
        {
            var pupil = builder.PupilFor(school, $"{1000 + p}");
            for (var day = p % 7; day < 150; day += 1 + (p % 5))
                builder.RegisterSlot(pupil, day, 1, Category.Sick);
        }
        // Pupils outside the year hold cells and get no records: their blocks go too.
        builder.SetEnrolment(0, new SchoolDayRange(0, -1));
        Assert.True(builder.BlocksHeld > 10);
        var ledger = builder.Build(Timetable.Bundled("po-standaard"), fullRegister: false);
        Assert.Equal(0, builder.BlocksHeld);
        Assert.Equal(0, ledger.Records(0).Length);
        Assert.Equal(75, ledger.Records(1).Length); // days 1, 3, …, 149
    }

    private static DayLedger Build(Plan plan, Parallelism parallelism, int cellBlockBits = 16, int? recordChunkSize = null)
    {
        var builder = new LedgerBuilder(Midden2025, cellBlockBits);
        var school = builder.SchoolFor("00AA");
        for (var p = 0; p < plan.Pupils; p++)
            builder.PupilFor(school, $"{1000 + p}");
        foreach (var (pupil, group, day) in plan.Groups)
            builder.SetGroup(pupil, builder.GroupFor(System.Text.Encoding.UTF8.GetBytes(group)), day);
        foreach (var r in plan.Registrations)
        {
            _ = r.Kind switch
            {
                0 => builder.RegisterSlot(r.Pupil, r.Day, r.Slot, r.Category),
                1 => builder.RegisterWholeDay(r.Pupil, r.Day, r.Category),
                _ => builder.RegisterMinutes(r.Pupil, r.Day, r.Category, r.Minutes, r.Slot * 60),
            };
        }
        // Enrolment set after the rows: registrations outside it are left out of the ledger.
        foreach (var (pupil, first, last) in plan.Enrolments)
            builder.SetEnrolment(pupil, new SchoolDayRange(first, last));
        return builder.Build(Timetable.Bundled("po-standaard"), fullRegister: false, parallelism, recordChunkSize);
    }

    private static string Describe(DayLedger ledger)
    {
        var text = new System.Text.StringBuilder();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        text.Append(invariant, $"{ledger.PupilCount} pupils, {ledger.RecordCount} records\n");
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            text.Append(invariant, $"{ledger.PupilId(p)} {ledger.Group(p)} {ledger.Enrolment(p)} v{ledger.Variant(p)} sick {string.Join('.', ledger.SickDays(p).ToArray())} home {string.Join('.', ledger.SentHomeDays(p).ToArray())}:");
            foreach (var r in ledger.Records(p))
                text.Append(invariant, $" {r.Day}:{r.Scheduled}/{r.ScheduledSlots}/{r.AbsentSlots}/{r.LateArrivals}/{r.UnauthorizedSlots}/{string.Join('.', Enumerable.Range(0, Categories.Counted).Select(i => r.Minutes[i]))}");
            text.Append('\n');
        }
        return text.ToString();
    }
}
