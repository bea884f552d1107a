using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Synthetic;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>
/// Random school years, ledgers and as-of dates for the properties: holidays of random length anywhere in the
/// year, pupils with random enrolment, sick episodes short and long, sent-home days, runs of unauthorized days
/// and weeks, lates, reduced timetables, exempt slots, and as-of dates on school days, weekends and holidays.
/// </summary>
internal static class RandomLedgers
{
    public sealed record Operation(int Kind, double Where, int Length, int Slot, Category Category);

    public sealed record PupilPlan(double EnrolFrom, double EnrolUntil, bool FullYear, IReadOnlyList<Operation> Operations);

    public sealed record Scenario(IReadOnlyList<(int Start, int Length)> Holidays, IReadOnlyList<PupilPlan> Pupils, double AsOf)
    {
        public override string ToString() =>
            $"holidays [{string.Join(", ", Holidays)}], as-of {AsOf:0.000}, pupils:\n" +
            string.Join("\n", Pupils.Select(p => $"  enrol {(p.FullYear ? "year" : $"{p.EnrolFrom:0.00}-{p.EnrolUntil:0.00}")}: " +
                string.Join("; ", p.Operations.Select(o => $"{o.Kind}@{o.Where:0.000}x{o.Length} s{o.Slot} {o.Category}"))));
    }

    private static readonly Category[] Absences =
    [
        Category.Sick, Category.Sick, Category.Sick, Category.SentHomeSick, Category.Unauthorized, Category.Unauthorized,
        Category.AuthorizedOther, Category.Suspended, Category.ReducedTimetable, Category.Late, Category.Late, Category.Exempt,
        Category.OffSiteEducation, Category.Present,
    ];

    private static Gen<Operation> OperationGen =>
        from kind in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (3, Gen.Constant(2)), (2, Gen.Constant(3)), (1, Gen.Constant(4)))
        from position in Gen.Choose(0, 9999).Select(x => x / 10000.0)
        from length in kind switch
        {
            0 => Gen.Frequency((6, Gen.Choose(1, 3)), (3, Gen.Choose(4, 12)), (1, Gen.Choose(13, 60))),
            3 => Gen.Choose(3, 70),
            _ => Gen.Choose(1, 6),
        }
        from slot in Gen.Choose(0, 9)
        from category in Gen.Elements(Absences)
        select new Operation(kind, position, length, slot, category);

    private static Gen<PupilPlan> PupilGen =>
        from fullYear in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
        from enrolFrom in Gen.Choose(0, 60).Select(x => x / 100.0)
        from until in Gen.Choose(40, 100).Select(x => x / 100.0)
        from operations in Gen.Choose(0, 30).SelectMany(n => Gen.ListOf(OperationGen, n))
        select new PupilPlan(enrolFrom, Math.Max(enrolFrom, until), fullYear, [.. operations]);

    public static Gen<Scenario> ScenarioGen =>
        from holidayCount in Gen.Choose(0, 7)
        from holidays in Gen.ListOf(Gen.Zip(Gen.Choose(0, 360), Gen.Frequency((2, Gen.Choose(1, 3)), (3, Gen.Choose(7, 16)))), holidayCount)
        from pupils in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(PupilGen, n))
        from asOf in Gen.Choose(0, 1000).Select(x => x / 1000.0)
        select new Scenario([.. holidays], [.. pupils], asOf);

    public static Arbitrary<Scenario> Scenarios => ScenarioGen.ToArbitrary();

    /// <summary>A timetable whose first years (classes 1*) have short Wednesdays and no Friday afternoon.</summary>
    public static readonly Lazy<Timetable> TwoVariants = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"aanwezigheid-two-variants-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "name": "twee-varianten", "slot_kind": "lesuur",
              "slots": [ { "slot": 1, "minutes": 50 }, { "slot": 2, "minutes": 50 }, { "slot": 3, "minutes": 50 }, { "slot": 4, "minutes": 50 }, { "slot": 5, "minutes": 50 }, { "slot": 6, "minutes": 50 }, { "slot": 7, "minutes": 50 } ],
              "days": { "monday": [1,2,3,4,5,6,7], "tuesday": [1,2,3,4,5,6,7], "wednesday": [1,2,3,4,5,6,7], "thursday": [1,2,3,4,5,6,7], "friday": [1,2,3,4,5,6,7] },
              "groups": [ { "match": "1*", "days": { "monday": [1,2,3,4,5,6,7], "tuesday": [1,2,3,4,5,6,7], "wednesday": [1,2,3], "thursday": [1,2,3,4,5,6,7], "friday": [1,2,3,4] } } ]
            }
            """);
        try
        {
            return Timetable.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    });

    /// <summary>A generated VO school (<see cref="GeneratedSchool"/>'s seed), an as-of day of its year and a bundled policy.</summary>
    public static Arbitrary<(int Seed, int Day, string Policy)> Schools =>
        (from seed in Gen.Choose(1, 10_000)
         from day in Gen.Choose(20, 180)
         from policy in Gen.Elements("kearney-nl", "attendance-works", "dfe-england")
         select (seed, day, policy)).ToArbitrary();

    /// <summary>The ledger of a generated VO school of <paramref name="pupils"/> pupils, and the as-of date of school day <paramref name="day"/>.</summary>
    public static (DayLedger Ledger, LocalDate AsOf) GeneratedSchool(int seed, int day, int pupils)
    {
        var calendar = CalendarFactory.Create(new SchoolYear(2025), Region.Midden);
        var builder = new LedgerBuilder(calendar);
        var school = builder.SchoolFor("");
        foreach (var pupil in Generator.Pupils(new GeneratorOptions { Pupils = pupils, Seed = seed }, calendar, SchoolType.Vo))
        {
            var index = builder.PupilFor(school, pupil.PupilId);
            builder.SetEnrolment(index, pupil.Enrolment);
            foreach (var r in pupil.Registrations)
                builder.RegisterSlot(index, r.Day, r.Slot, r.Category);
        }
        return (builder.Build(Timetable.Bundled("vo-standaard"), fullRegister: false), calendar.Date(Math.Min(day, calendar.DayCount - 1)));
    }

    /// <summary>
    /// Builds the calendar, the ledger and the as-of date a scenario describes; with <paramref name="timetable"/>, the
    /// pupils are in classes 1A, 2A, 1A … (for a timetable with a variant for the first years).
    /// </summary>
    public static (DayLedger Ledger, LocalDate AsOf) Build(Scenario scenario, Timetable? timetable = null)
    {
        var year = new SchoolYear(2025);
        var summerEnd = new LocalDate(2025, 8, 17);
        var summerStart = new LocalDate(2026, 7, 11);
        var free = new List<FreePeriod>
        {
            new("zomer", year.FirstDay, summerEnd),
            new("zomer", summerStart, year.LastDay),
        };
        foreach (var (start, length) in scenario.Holidays)
        {
            var first = summerEnd.PlusDays(1 + start % 320);
            free.Add(new FreePeriod("vakantie", first, first.PlusDays(length - 1)));
        }
        var calendar = new SchoolCalendar(year, free, "random");
        var builder = new LedgerBuilder(calendar);
        var school = builder.SchoolFor("");
        var days = calendar.DayCount;
        for (var p = 0; p < scenario.Pupils.Count; p++)
        {
            var plan = scenario.Pupils[p];
            var pupil = builder.PupilFor(school, $"p{p}");
            if (timetable is not null)
                builder.SetGroup(pupil, builder.GroupFor(p % 2 == 0 ? "1A" : "2A"), 0);
            if (!plan.FullYear)
                builder.SetEnrolment(pupil, new SchoolDayRange((int)(plan.EnrolFrom * (days - 1)), (int)(plan.EnrolUntil * (days - 1))));
            foreach (var op in plan.Operations)
            {
                var start = (int)(op.Where * days);
                for (var d = start; d < Math.Min(days, start + op.Length); d++)
                {
                    if (!builder.IsEnrolled(pupil, d))
                        continue;
                    switch (op.Kind)
                    {
                        case 0: // a sick episode; sometimes sent home on its first day
                            if (d == start && op.Slot < 3)
                                builder.RegisterSlot(pupil, d, 5, Category.SentHomeSick);
                            else
                                builder.RegisterWholeDay(pupil, d, Category.Sick);
                            break;
                        case 1: // whole days of one category
                            builder.RegisterWholeDay(pupil, d, op.Category);
                            break;
                        case 2: // one slot
                            builder.RegisterSlot(pupil, d, op.Slot, op.Category);
                            break;
                        case 3: // unauthorized days, most of the day or all of it
                            if (op.Slot < 3)
                            {
                                for (var s = 1; s <= 4; s++)
                                    builder.RegisterSlot(pupil, d, s, Category.Unauthorized);
                            }
                            else
                            {
                                builder.RegisterWholeDay(pupil, d, Category.Unauthorized);
                            }
                            break;
                        default: // late to the first lesson
                            builder.RegisterSlot(pupil, d, 1, Category.Late);
                            break;
                    }
                }
            }
        }
        var ledger = builder.Build(timetable ?? Timetable.Bundled("vo-standaard"), fullRegister: false);
        var asOf = year.FirstDay.PlusDays((int)(scenario.AsOf * 364));
        return (ledger, asOf);
    }
}
