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
        TierByWeek = new byte[weeks][];
        MetByWeek = new uint[weeks][];
        Schools = new SchoolWeek[schools, weeks];
        for (var w = 0; w < weeks; w++)
        {
            TierByWeek[w] = new byte[pupils];
            MetByWeek[w] = new uint[pupils];
            for (var s = 0; s < schools; s++)
                Schools[s, w] = new SchoolWeek();
        }
    }

    /// <summary>School weeks 0..Weeks-1, the last being the week of T.</summary>
    public int Weeks { get; }

    /// <summary>Each pupil's tier at the end of each week (0 when the pupil had no school day yet).</summary>
    public byte[][] TierByWeek { get; }

    /// <summary>Each pupil's met criteria at the end of each week (bits as <see cref="PupilResult.Met"/>).</summary>
    public uint[][] MetByWeek { get; }

    /// <summary>Aggregates per school (ledger school index) and week.</summary>
    public SchoolWeek[,] Schools { get; }

    /// <summary>Consecutive replayed weeks, ending with the week of T, in the pupil's current tier.</summary>
    public int WeeksInTier(int pupil)
    {
        var tier = TierByWeek[Weeks - 1][pupil];
        var weeks = 0;
        for (var w = Weeks - 1; w >= 0 && TierByWeek[w][pupil] == tier; w--)
            weeks++;
        return weeks;
    }

    /// <summary>The tier at the end of last school week; null when there was none (the first week, or not yet enrolled).</summary>
    public byte? PreviousTier(int pupil) =>
        Weeks >= 2 && TierByWeek[Weeks - 2][pupil] is var tier and > 0 ? tier : null;

    public static WeeklyReplay Run(RulesEngine engine, DayLedger ledger, AsOf asOf, PupilResult[] atT)
    {
        var calendar = ledger.Calendar;
        var weeks = asOf.Week + 1;
        var replay = new WeeklyReplay(Math.Max(weeks, 0), ledger.Schools.Count, ledger.PupilCount);
        if (weeks <= 0)
            return replay;

        for (var w = 0; w < weeks; w++)
        {
            var at = w == asOf.Week ? asOf : new AsOf(calendar, calendar.Date(calendar.WeekLastDay(w)));
            var tiers = replay.TierByWeek[w];
            var met = replay.MetByWeek[w];
            if (w == asOf.Week)
            {
                for (var p = 0; p < atT.Length; p++)
                {
                    tiers[p] = atT[p].Tier;
                    met[p] = atT[p].Met;
                }
            }
            else
            {
                var partitions = System.Collections.Concurrent.Partitioner.Create(0, ledger.PupilCount, Math.Max(1024, ledger.PupilCount / (Environment.ProcessorCount * 4) + 1));
                Parallel.ForEach(partitions, () => new PupilFacts(), (range, _, facts) =>
                {
                    for (var p = range.Item1; p < range.Item2; p++)
                    {
                        engine.Evaluate(ledger, p, at, facts, out var result, measures: false);
                        tiers[p] = facts.HasDays ? result.Tier : (byte)0;
                        met[p] = result.Met;
                    }
                    return facts;
                }, _ => { });
            }
            for (var p = 0; p < ledger.PupilCount; p++)
            {
                if (w < asOf.Week && tiers[p] == 0)
                    continue;
                var school = replay.Schools[ledger.SchoolIndex(p), w];
                school.AsOf = at.Date;
                if (tiers[p] is >= 1 and <= 3)
                    school.Tiers[tiers[p] - 1]++;
                for (var bits = met[p]; bits != 0; bits &= bits - 1)
                    school.Criteria[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
            }
        }
        AddMinutes(ledger, asOf, replay);
        return replay;
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
