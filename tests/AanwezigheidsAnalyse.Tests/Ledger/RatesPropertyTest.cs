using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Ledger;

/// <summary>
/// Rates computed through the whole path (CSV text → ingestion → ledger → rules engine) equal a naive
/// recomputation straight from the raw rows: dedup by slot with the precedence of the README, the timetable for
/// days without rows, windows of school weeks counted by their Mondays.
/// </summary>
public class RatesPropertyTest
{
    private const int SlotMinutes = 50;
    private static readonly int[] Timetabled = [1, 2, 3, 4, 5, 6, 7];

    // The README's precedence, written out again: higher wins.
    private static readonly Dictionary<string, int> Precedence = new()
    {
        ["present"] = 1,
        ["late"] = 2,
        ["unauthorized"] = 3,
        ["authorized_other"] = 4,
        ["sick"] = 5,
        ["sent_home_sick"] = 6,
        ["off_site_education"] = 7,
        ["suspended"] = 8,
        ["reduced_timetable"] = 9,
        ["exempt"] = 10,
    };

    private static readonly string[] AbsentNames = ["sick", "sent_home_sick", "authorized_other", "unauthorized", "suspended", "reduced_timetable"];

    public sealed record Row(int Pupil, int DayOffset, int? Slot, string Status);

    public sealed record Case(IReadOnlyList<Row> Rows, char Separator, int AsOfOffset, bool Shuffle)
    {
        public override string ToString() => $"sep '{Separator}', as-of +{AsOfOffset}, rows: {string.Join(" ", Rows.Select(r => $"{r.Pupil}/{r.DayOffset}/{r.Slot}/{r.Status}"))}";
    }

    private static readonly string[] Statuses =
        ["sick", "sick", "sick", "unauthorized", "unauthorized", "late", "late", "authorized_other", "sent_home_sick", "suspended",
         "reduced_timetable", "exempt", "off_site_education", "present", "ignore"];

    private static Gen<Row> RowGen =>
        from pupil in Gen.Choose(1, 4)
        from day in Gen.Choose(0, 75)
        from slot in Gen.Frequency((1, Gen.Constant<int?>(null)), (4, Gen.Choose(0, 9).Select(s => (int?)s)))
        from status in Gen.Elements(Statuses)
        from casing in Gen.Choose(0, 2)
        select new Row(pupil, day, slot, casing switch { 0 => status, 1 => status.ToUpperInvariant(), _ => char.ToUpperInvariant(status[0]) + status[1..] });

    private static Arbitrary<Case> Cases =>
        (from rows in Gen.Choose(0, 120).SelectMany(n => Gen.ListOf(RowGen, n))
         from separator in Gen.Elements(';', ',', '\t')
         from asOf in Gen.Choose(0, 110)
         from shuffle in Gen.Elements(true, false)
         select new Case([.. rows], separator, asOf, shuffle)).ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Rates_FromTheLedger_EqualANaiveRecomputationFromTheRawRows() => Prop.ForAll(Cases, c =>
    {
        // Calendar days from 1 Sep 2025 (the first school day, midden); offsets that hit weekends or the
        // herfstvakantie give rows the reader must reject, which the naive side skips too.
        var first = D("2025-09-01");
        var rows = c.Shuffle ? [.. c.Rows.OrderBy(r => (r.DayOffset * 7919 + r.Pupil * 31) % 101)] : c.Rows.ToList();
        var text = string.Join(c.Separator, "pupil_id", "date", "slot", "status") + "\n" + string.Concat(rows.Select(r =>
            string.Join(c.Separator, $"p{r.Pupil}", first.PlusDays(r.DayOffset).ToString("yyyy-MM-dd", null), r.Slot?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", r.Status) + "\n"));
        var asOf = first.PlusDays(c.AsOfOffset);
        var ingested = Ingest(text, asOf);
        if (ingested.Ledger.FullRegister)
            return true; // a rare case where present rows are the majority; the full-register path has its own tests

        var engine = new RulesEngine(Policy.Default);
        var at = new AsOf(Midden2025, asOf);
        var facts = engine.NewFacts(ingested.Ledger);
        for (var p = 0; p < ingested.Ledger.PupilCount; p++)
        {
            var id = int.Parse(ingested.Ledger.PupilId(p)[1..], System.Globalization.CultureInfo.InvariantCulture);
            engine.Evaluate(facts, p, at, out var result);
            var valid = rows.Where(r => r.Pupil == id && Midden2025.IndexOf(first.PlusDays(r.DayOffset)) >= 0 && first.PlusDays(r.DayOffset) <= asOf).ToList();
            Check(valid, NaiveWindow(asOf, null), result.Ytd, "ytd");
            Check(valid, NaiveWindow(asOf, 8), result.Weeks8, "8w");
            Check(valid, NaiveWindow(asOf, 4), result.Weeks4, "4w");
        }
        return true;

        void Check(List<Row> valid, List<LocalDate> window, WindowTotals engineTotals, string name)
        {
            var scheduled = 0;
            var minutes = new Dictionary<string, int>();
            foreach (var date in window)
            {
                var (daySchedule, dayMinutes) = NaiveDay(valid.Where(r => first.PlusDays(r.DayOffset) == date).ToList());
                scheduled += daySchedule;
                foreach (var (category, m) in dayMinutes)
                    minutes[category] = minutes.GetValueOrDefault(category) + m;
            }
            Assert.True(scheduled == engineTotals.Scheduled, $"{name}: scheduled naive {scheduled}, engine {engineTotals.Scheduled}");
            foreach (var category in AbsentNames)
            {
                Assert.True(Categories.TryParse(category, out var parsed));
                Assert.True(minutes.GetValueOrDefault(category) == engineTotals.Minutes[parsed.MinutesIndex()],
                    $"{name} {category}: naive {minutes.GetValueOrDefault(category)}, engine {engineTotals.Minutes[parsed.MinutesIndex()]}");
            }
            var naiveRate = scheduled > 0 ? (double)AbsentNames.Sum(minutes.GetValueOrDefault) / scheduled : 0;
            Assert.Equal(naiveRate, engineTotals.Rate(), 12);
        }
    });

    /// <summary>The school days of a window: all up to T (ytd) or those in the last n school weeks, by their Mondays.</summary>
    private static List<LocalDate> NaiveWindow(LocalDate asOf, int? weeks)
    {
        var days = Midden2025.Days.ToArray().Where(d => d <= asOf).ToList();
        if (weeks is not { } n)
            return days;
        var mondays = days.Select(d => d.PlusDays(1 - (int)d.DayOfWeek)).Distinct().TakeLast(n).ToHashSet();
        return [.. days.Where(d => mondays.Contains(d.PlusDays(1 - (int)d.DayOfWeek)))];
    }

    /// <summary>One pupil-day from its raw rows: the winning code per slot, a whole-day code competing on every slot of the day.</summary>
    private static (int Scheduled, Dictionary<string, int> Minutes) NaiveDay(List<Row> rows)
    {
        var perSlot = new Dictionary<int, string>();
        string? wholeDay = null;
        foreach (var row in rows)
        {
            var status = row.Status.ToLowerInvariant();
            if (status == "ignore")
                continue;
            if (row.Slot is { } slot)
            {
                if (!perSlot.TryGetValue(slot, out var current) || Precedence[status] > Precedence[current])
                    perSlot[slot] = status;
            }
            else if (wholeDay is null || Precedence[status] > Precedence[wholeDay])
            {
                wholeDay = status;
            }
        }
        // README: "A row without slot (the whole day) registers every timetabled lesson of the day, and where a lesson
        // has a row of its own the same precedence decides … A whole day late is one late arrival, at the day's first
        // lesson the pupil attended (none more when a lesson is registered late), and the day's other lessons stay
        // scheduled." (Late is attended: where the arrival lands moves no rate.)
        if (wholeDay is not null)
        {
            var lessons = Timetabled.Union(perSlot.Keys).Order().ToList();
            var covered = wholeDay != "late" ? lessons
                : perSlot.ContainsValue("late") ? []
                : lessons.Where(s => !perSlot.TryGetValue(s, out var own) || own == "present").Take(1).ToList();
            foreach (var slot in covered)
            {
                if (!perSlot.TryGetValue(slot, out var own) || Precedence[wholeDay] > Precedence[own])
                    perSlot[slot] = wholeDay;
            }
        }
        var slots = Timetabled.Union(perSlot.Keys).ToList();
        var scheduled = slots.Count(s => !perSlot.TryGetValue(s, out var c) || c != "exempt") * SlotMinutes;
        var minutes = perSlot.Values.Where(c => c != "exempt").GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count() * SlotMinutes);
        return (scheduled, minutes);
    }
}
