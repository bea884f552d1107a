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
        PupilRanges.ForEach(ledger.PupilCount, parallelism, () => (Totals: new WeekMinutes(ledger.Schools.Count, weeks), Scheduled: new long[weeks]), (from, to, worker) =>
        {
            var (totals, scheduled) = worker;
            for (var p = from; p < to; p++)
            {
                var school = ledger.SchoolIndex(p);
                for (var w = 0; w < weeks; w++)
                    scheduled[w] = ledger.Timetabled(p, calendar.WeekFirstDay(w), Math.Min(calendar.WeekLastDay(w), lastDay)).Minutes;
                foreach (var record in ledger.Records(p))
                {
                    if (record.Day > lastDay)
                        break;
                    var w = calendar.WeekOf(record.Day);
                    scheduled[w] += record.Scheduled - ledger.TimetabledMinutes(p, record.Day);
                    var at = (school * weeks + w) * Categories.Counted;
                    for (var c = 0; c < Categories.Counted; c++)
                        totals._minutes[at + c] += record.Minutes[c];
                }
                for (var w = 0; w < weeks; w++)
                {
                    totals._scheduled[school * weeks + w] += scheduled[w];
                    if (scheduled[w] > 0)
                        totals._pupils[school * weeks + w]++;
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
}
