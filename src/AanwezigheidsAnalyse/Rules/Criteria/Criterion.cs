namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// One criterion of RULES §2: a predicate on the ledger up to T. <see cref="Evaluate"/> is the fast path the
/// tiering reads (no allocation); <see cref="Explain"/> gives the evidence for signals.parquet and the report,
/// and runs only for criteria that hold.
/// </summary>
public abstract class Criterion
{
    public abstract string Id { get; }

    /// <summary>The threshold <see cref="Evaluate"/>'s value is compared with, as written in signals.parquet.</summary>
    public abstract double Threshold { get; }

    /// <summary>Whether the criterion holds at T, and the value behind it (a count, hours, weeks …).</summary>
    public abstract bool Evaluate(PupilFacts facts, out double value);

    /// <summary>The window and the dates that make the criterion true. Call only when it holds.</summary>
    public abstract Explanation Explain(PupilFacts facts);

    /// <summary>The criteria a policy switches on, in RULES.md order.</summary>
    public static IReadOnlyList<Criterion> For(Policy policy)
    {
        var c = policy.Criteria;
        var all = new List<(bool Enabled, Criterion Criterion)>
        {
            (c.ZzvShort.Enabled, new ZzvShort(c.ZzvShort)),
            (c.ZzvLong.Enabled, new LongEpisode(CriterionIds.ZzvLong, c.ZzvLong)),
            (c.ZzvMonth.Enabled, new ZzvMonth(c.ZzvMonth)),
            (c.ZzvHome.Enabled, new ZzvHome(c.ZzvHome)),
            (c.MazlFreq.Enabled, new MazlFreq(c.MazlFreq)),
            (c.MazlLong.Enabled, new LongEpisode(CriterionIds.MazlLong, c.MazlLong)),
            (c.MazlPattern.Enabled, new MazlPattern(c.MazlPattern)),
            (c.Lr50.Enabled, new Lr50(c.Lr50)),
            (c.Tz0.Enabled, new Tz0(c.Tz0)),
            (c.TzLpw.Enabled, new TzLpw(c.TzLpw)),
            (c.Tz3m.Enabled, new Tz3m(c.Tz3m, c.Tz0, c.TzLpw)),
            (c.Lpw16u.Enabled, new Lpw16u(c.Lpw16u)),
            (c.Prev10u.Enabled, new Prev10u(c.Prev10u)),
            (c.LateRep.Enabled, new LateRep(c.LateRep)),
            (c.Kpa25.Enabled, new Kpa25(c.Kpa25)),
            (c.Kpa10In15.Enabled, new Kpa10In15(c.Kpa10In15)),
        };
        return [.. all.Where(x => x.Enabled).Select(x => x.Criterion)];
    }

    /// <summary>Evidence: the episodes that start on or after a day, limited to a length.</summary>
    protected static List<EvidenceItem> EpisodesFrom(PupilFacts facts, int from, int maxLength = int.MaxValue)
    {
        var items = new List<EvidenceItem>();
        for (var e = 0; e < facts.EpisodeCount; e++)
        {
            if (facts.EpisodeStart(e) >= from && facts.EpisodeLength(e) <= maxLength)
                items.Add(new EvidenceItem(facts.Date(facts.EpisodeStart(e)), facts.Date(facts.EpisodeEnd(e))));
        }
        return items;
    }

    /// <summary>Evidence: the days of a bitset in <c>[from..Last]</c>.</summary>
    protected static List<EvidenceItem> DaysOf(PupilFacts facts, ReadOnlySpan<ulong> bits, int from)
    {
        var items = new List<EvidenceItem>();
        for (var d = Internals.Bits.NextSet(bits, from, facts.Last); d >= 0; d = Internals.Bits.NextSet(bits, d + 1, facts.Last))
            items.Add(EvidenceItem.Day(facts.Date(d)));
        return items;
    }

    /// <summary>Evidence: the weeks of a run ending with the week of T, each with its attendance fraction.</summary>
    protected static List<EvidenceItem> WeeksOf(PupilFacts facts, int weeks)
    {
        var items = new List<EvidenceItem>();
        var calendar = facts.AsOf.Calendar;
        for (var w = facts.AsOf.Week - weeks + 1; w <= facts.AsOf.Week; w++)
        {
            var totals = facts.Week(w);
            var last = Math.Min(calendar.WeekLastDay(w), facts.Last);
            items.Add(new EvidenceItem(facts.Date(totals.FirstDay), facts.Date(last), Math.Round(totals.Fraction, 2)));
        }
        return items;
    }
}
