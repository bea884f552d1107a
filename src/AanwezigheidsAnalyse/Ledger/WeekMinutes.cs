using AanwezigheidsAnalyse.Internals;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// Per school and school week: the pupils with scheduled time, and scheduled minutes and minutes per category over
/// their school days up to a day. The absence columns of weekly.parquet.
/// </summary>
public sealed class WeekMinutes
{
    private readonly int _weeks;
    private readonly int[] _pupils;
    private readonly long[] _scheduled;
    private readonly long[] _minutes; // per school and week: Categories.Counted counts

    private WeekMinutes(int schools, int weeks)
    {
        _weeks = weeks;
        _pupils = new int[schools * weeks];
        _scheduled = new long[schools * weeks];
        _minutes = new long[schools * weeks * Categories.Counted];
    }

    /// <summary>Pupils with scheduled time in the week.</summary>
    public int Pupils(int school, int week) => _pupils[school * _weeks + week];

    /// <summary>Scheduled minutes of all pupils in the week.</summary>
    public long Scheduled(int school, int week) => _scheduled[school * _weeks + week];

    /// <summary>Minutes of one category in the week.</summary>
    public long Minutes(int school, int week, Category category) =>
        _minutes[(school * _weeks + week) * Categories.Counted + category.MinutesIndex()];

    /// <summary>Absent minutes (criteria §1) in the week.</summary>
    public long Absent(int school, int week)
    {
        long absent = 0;
        foreach (var category in Categories.Absent)
            absent += Minutes(school, week, category);
        return absent;
    }

    /// <summary>Counts the school weeks <c>0..weeks-1</c> over the school days up to <paramref name="lastDay"/>: one pass over each pupil's records.</summary>
    internal static WeekMinutes Count(DayLedger ledger, int weeks, int lastDay) => Count(ledger, weeks, lastDay, Parallelism.Default);

    /// <summary>
    /// <see cref="Count(DayLedger, int, int)"/> on the cores <paramref name="parallelism"/> allows: each core counts
    /// into its own totals, which are added up (sums: the split never shows).
    /// </summary>
    internal static WeekMinutes Count(DayLedger ledger, int weeks, int lastDay, Parallelism parallelism)
    {
        var calendar = ledger.Calendar;
        var result = new WeekMinutes(ledger.Schools.Count, weeks);
        var lastWeekDay = weeks == 0 ? -1 : Math.Min(calendar.WeekLastDay(weeks - 1), lastDay);
        PupilRanges.ForEach(ledger.PupilCount, parallelism, () => new Worker(new WeekMinutes(ledger.Schools.Count, weeks), weeks), (from, to, worker) =>
        {
            var (totals, timetabled, ofPupil) = (worker.Totals, worker.Timetabled, worker.OfPupil);
            for (var p = from; p < to; p++)
            {
                var school = ledger.SchoolIndex(p);
                // The timetable's minutes per week: a pupil enrolled over all the weeks has its day schedule's, the same
                // for every such pupil of the schedule (most pupils), counted once per core.
                var enrolment = ledger.Enrolment(p);
                var whole = enrolment.First <= 0 && enrolment.Last >= lastWeekDay;
                if (!whole || !worker.OfVariant.TryGetValue(ledger.Variant(p), out var weekTimetabled))
                {
                    weekTimetabled = whole ? new int[weeks] : timetabled;
                    for (var w = 0; w < weeks; w++)
                        weekTimetabled[w] = ledger.Timetabled(p, calendar.WeekFirstDay(w), Math.Min(calendar.WeekLastDay(w), lastDay)).Minutes;
                    if (whole)
                        worker.OfVariant[ledger.Variant(p)] = weekTimetabled;
                }
                // The pupil's records by week (scheduled time differing from the timetable's, minutes per category),
                // added to the school's weeks at the end: a record is not unpacked.
                var records = ledger.Records(p);
                var counted = 0; // the records up to the last day
                for (; counted < records.Length && records.DayOf(counted) is var day && day <= lastDay; counted++)
                    records.AddTo(ref ofPupil[calendar.WeekOf(day)], counted, ledger.TimetabledMinutes(p, day));
                for (var w = 0; w < weeks; w++)
                {
                    var scheduled = weekTimetabled[w] + ofPupil[w].Scheduled;
                    totals._scheduled[school * weeks + w] += scheduled;
                    if (scheduled > 0)
                        totals._pupils[school * weeks + w]++;
                }
                // Records are in day order: the weeks they touched run from the first one's to the last one's.
                var (firstWeek, lastWeek) = counted == 0 ? (0, -1) : (calendar.WeekOf(records.DayOf(0)), calendar.WeekOf(records.DayOf(counted - 1)));
                for (var w = firstWeek; w <= lastWeek; w++)
                {
                    var at = (school * weeks + w) * Categories.Counted;
                    for (var c = 0; c < Categories.Counted; c++)
                        totals._minutes[at + c] += ofPupil[w].Minutes[c];
                    ofPupil[w] = default;
                }
            }
        }, worker =>
        {
            lock (result)
            {
                Add(result._pupils, worker.Totals._pupils);
                Add(result._scheduled, worker.Totals._scheduled);
                Add(result._minutes, worker.Totals._minutes);
            }
        });
        return result;

        static void Add<T>(T[] sum, T[] part) where T : System.Numerics.INumber<T>
        {
            for (var i = 0; i < sum.Length; i++)
                sum[i] += part[i];
        }
    }

    /// <summary>A core's totals and scratch: a pupil's weeks, and the timetable's weeks of each day schedule.</summary>
    private sealed class Worker(WeekMinutes totals, int weeks)
    {
        public WeekMinutes Totals { get; } = totals;

        public int[] Timetabled { get; } = new int[weeks];

        public WindowTotals[] OfPupil { get; } = new WindowTotals[weeks];

        public Dictionary<int, int[]> OfVariant { get; } = [];
    }
}
