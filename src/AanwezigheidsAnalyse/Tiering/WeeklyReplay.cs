using AanwezigheidsAnalyse.Internals;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>
/// Replays the as-of date at the end of every school week of the year so far (the last school day of the
/// week, or T for the week of T), so that one run shows the trend of the year: tiers and criteria per school
/// and week, each pupil's tier history (for weeks_in_tier and last week's tier), and absence per category per
/// school and week.
/// </summary>
public sealed class WeeklyReplay
{
    private WeeklyReplay(int weeks, int schools, int pupils)
    {
        Weeks = weeks;
        PreviousMet = new uint[pupils];
        _previousTier = new byte[pupils];
        _weeksInTier = new ushort[pupils];
        Schools = new SchoolWeek[schools, weeks];
        for (var w = 0; w < weeks; w++)
        {
            for (var s = 0; s < schools; s++)
                Schools[s, w] = new SchoolWeek();
        }
    }

    // Per pupil, what the transitions need of the tier history: last week's tier (0: none) and the length of the
    // run of weeks ending with the week of T in the current tier. A tier per pupil per week would be 100 MB for
    // the country.
    private readonly byte[] _previousTier;
    private readonly ushort[] _weeksInTier;

    /// <summary>School weeks 0..Weeks-1, the last being the week of T.</summary>
    public int Weeks { get; }

    /// <summary>
    /// Each pupil's met criteria at the end of last school week (bits as <see cref="PupilResult.Met"/>); only
    /// last week's are kept, as four bytes a pupil a week add up to gigabytes for the country.
    /// </summary>
    public uint[] PreviousMet { get; }

    /// <summary>Aggregates per school (ledger school index) and week.</summary>
    public SchoolWeek[,] Schools { get; }

    /// <summary>Consecutive replayed weeks, ending with the week of T, in the pupil's current tier.</summary>
    public int WeeksInTier(int pupil) => _weeksInTier[pupil];

    /// <summary>The tier at the end of last school week; null when there was none (the first week, or not yet enrolled).</summary>
    public byte? PreviousTier(int pupil) => _previousTier[pupil] is var tier and > 0 ? tier : null;

    public static WeeklyReplay Run(RulesEngine engine, DayLedger ledger, AsOf asOf, PupilResult[] atT)
    {
        var calendar = ledger.Calendar;
        var weeks = asOf.Week + 1;
        var replay = new WeeklyReplay(Math.Max(weeks, 0), ledger.Schools.Count, ledger.PupilCount);
        if (weeks <= 0)
            return replay;
        var weekEnds = new AsOf[weeks];
        for (var w = 0; w < weeks; w++)
            weekEnds[w] = w == asOf.Week ? asOf : new AsOf(calendar, calendar.Date(calendar.WeekLastDay(w)));

        // Pupil by pupil, every week: a pupil's records and bitsets stay in cache for all its weeks, instead of the
        // whole ledger streaming through memory once per week. Each worker counts into its own totals.
        var counts = new WeekCounts(ledger.Schools.Count, weeks);
        PupilRanges.ForEach(ledger.PupilCount, () => (Facts: new PupilFacts(), Counts: new WeekCounts(ledger.Schools.Count, weeks)), (from, to, worker) =>
        {
            for (var p = from; p < to; p++)
            {
                var school = ledger.SchoolIndex(p);
                byte lastTier = 0;
                var run = 0;
                for (var w = 0; w < weeks; w++)
                {
                    byte tier;
                    uint met;
                    if (w == asOf.Week)
                    {
                        (tier, met) = (atT[p].Tier, atT[p].Met);
                    }
                    else
                    {
                        engine.Evaluate(ledger, p, weekEnds[w], worker.Facts, out var result, measures: false);
                        (tier, met) = (worker.Facts.HasDays ? result.Tier : (byte)0, result.Met); // 0: not enrolled yet
                    }
                    run = tier == lastTier ? run + 1 : 1;
                    if (w == weeks - 2)
                    {
                        replay._previousTier[p] = tier;
                        replay.PreviousMet[p] = tier > 0 ? met : 0;
                    }
                    lastTier = tier;
                    if (tier > 0)
                        worker.Counts.Add(school, w, tier, met);
                }
                replay._weeksInTier[p] = (ushort)run;
            }
        }, worker =>
        {
            lock (counts)
                counts.Add(worker.Counts);
        });

        for (var school = 0; school < ledger.Schools.Count; school++)
        {
            for (var w = 0; w < weeks; w++)
            {
                var week = replay.Schools[school, w];
                week.AsOf = weekEnds[w].Date;
                counts.CopyTo(school, w, week);
            }
        }
        AddMinutes(ledger, asOf, replay);
        return replay;
    }

    /// <summary>Pupils per tier and per criterion for every school and week, as one flat array (cheap to merge).</summary>
    private sealed class WeekCounts(int schools, int weeks)
    {
        private const int Stride = 3 + 32; // tiers 1–3, then one count per criterion bit
        private readonly int[] _counts = new int[schools * weeks * Stride];

        public void Add(int school, int week, byte tier, uint met)
        {
            var at = (school * weeks + week) * Stride;
            if (tier is >= 1 and <= 3)
                _counts[at + tier - 1]++;
            for (var bits = met; bits != 0; bits &= bits - 1)
                _counts[at + 3 + System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
        }

        public void Add(WeekCounts other)
        {
            for (var i = 0; i < _counts.Length; i++)
                _counts[i] += other._counts[i];
        }

        public void CopyTo(int school, int week, SchoolWeek target)
        {
            var at = (school * weeks + week) * Stride;
            for (var t = 0; t < 3; t++)
                target.Tiers[t] = _counts[at + t];
            for (var c = 0; c < 32; c++)
                target.Criteria[c] = _counts[at + 3 + c];
        }
    }

    /// <summary>Scheduled and absent minutes per school and week: one pass over each pupil's records.</summary>
    private static void AddMinutes(DayLedger ledger, AsOf asOf, WeeklyReplay replay)
    {
        var calendar = ledger.Calendar;
        var scheduled = new long[replay.Weeks];
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var school = ledger.SchoolIndex(p);
            for (var w = 0; w < replay.Weeks; w++)
                scheduled[w] = ledger.Timetabled(p, calendar.WeekFirstDay(w), Math.Min(calendar.WeekLastDay(w), asOf.Day)).Minutes;
            foreach (ref readonly var record in ledger.Records(p))
            {
                if (record.Day > asOf.Day)
                    break;
                var w = calendar.WeekOf(record.Day);
                scheduled[w] += record.Scheduled - ledger.TimetabledMinutes(p, record.Day);
                var minutes = replay.Schools[school, w].Minutes;
                for (var c = 0; c < Categories.Counted; c++)
                    minutes[c] += record.Minutes[c];
            }
            for (var w = 0; w < replay.Weeks; w++)
            {
                replay.Schools[school, w].Scheduled += scheduled[w];
                if (scheduled[w] > 0)
                    replay.Schools[school, w].Pupils++;
            }
        }
    }
}

/// <summary>One school's week: pupils per tier and per criterion at the week's end, and minutes per category in the week.</summary>
public sealed class SchoolWeek
{
    public NodaTime.LocalDate AsOf;
    public int Pupils;
    public long Scheduled;
    public readonly int[] Tiers = new int[3];
    public readonly int[] Criteria = new int[32];
    public readonly long[] Minutes = new long[Categories.Counted];

    public long Absent => Categories.Absent.Sum(c => Minutes[c.MinutesIndex()]);
}
