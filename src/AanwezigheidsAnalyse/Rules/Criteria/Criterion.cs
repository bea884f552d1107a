using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Localization;

namespace AanwezigheidsAnalyse.Rules.Criteria;

/// <summary>
/// One criterion of criteria §2, whole: its id, its name for people and who picks it up (criteria §6), the predicate on
/// the ledger up to T and how its evidence reads in words. <see cref="Evaluate"/> is the fast path every pupil
/// takes (no allocation); <see cref="Explain"/> and <see cref="Describe"/> run only for criteria that hold.
/// Adding a criterion: a class like these, a member of <see cref="CriterionId"/>, and its settings in the policy
/// (<see cref="CriteriaSettings"/>).
/// </summary>
internal abstract class Criterion
{
    public abstract CriterionId Id { get; }

    /// <summary>
    /// The criterion's name in the report (criteria §6), with the policy's numbers: a policy of 5 days for ZZV-LONG
    /// listed pupils under "meer dan 10 schooldagen" (an adversarial pass).
    /// </summary>
    public abstract Phrase Label { get; }

    /// <summary>Whose action list the criterion lands on first (criteria §6).</summary>
    public abstract Owner Owner { get; }

    /// <summary>
    /// Every owner whose action list the criterion lands on, <see cref="Owner"/> first: criteria §6 names two for
    /// LR-50 ("zorgcoördinator + leerplicht"), and a pupil meeting it was on the zorgcoördinator's list alone while
    /// the legend said leerplicht picks it up too.
    /// </summary>
    public virtual IReadOnlyList<Owner> Owners => [Owner];

    /// <summary>Who picks it up, in criteria §6's words: signals.parquet writes the Dutch, whatever the language; the report's legend the page's.</summary>
    public virtual Phrase PickedUpBy => Owner.Name();

    /// <summary>The threshold <see cref="Evaluate"/>'s value is compared with, as written in signals.parquet.</summary>
    public abstract double Threshold { get; }

    /// <summary>The threshold the value of a met criterion was compared with at the facts' date: <see cref="Threshold"/>, unless the criterion has two.</summary>
    public virtual double AppliedThreshold(PupilFacts facts) => Threshold;

    /// <summary>Whether the criterion holds at T, and the value behind it (a count, hours, weeks …).</summary>
    public abstract bool Evaluate(PupilFacts facts, out double value);

    /// <summary>
    /// Whether the criterion can hold at any as-of date up to the one <paramref name="facts"/> stand on (T). False
    /// only when a total over the pupil's school year up to T already falls short of the threshold: a window ending
    /// at an earlier date lies inside that year, and an episode cut at an earlier date is no longer. The weekly
    /// replay asks once per pupil and leaves the criteria that cannot hold out of every week's end before T. True
    /// unless a criterion states its bound, so a new criterion is evaluated every week until it does.
    /// </summary>
    public virtual bool CanHoldBy(PupilFacts facts) => true;

    /// <summary>
    /// Whether the criterion can start to hold only with a record: when it does not hold at one as-of date, it does not
    /// hold at a later one either unless the pupil has a record after the first date, up to the second. True for a
    /// count of records in a window ending at T: as T moves on without records, the window can only lose them. The
    /// weekly replay leaves such a criterion out of a week without records when it did not hold the week before, and
    /// first_met's walk back evaluates it only on the days before a record. False unless a criterion states it: not
    /// for a share (KPA-25: a short week after can raise it) nor for a date that moves with T (TZ-3M's three months).
    /// StartsOnlyWithARecordTest checks every criterion that states it against the reference rules.
    /// </summary>
    public virtual bool StartsOnlyWithARecord => false;

    /// <summary>
    /// The window and the dates that make the criterion true. Call only when it holds. The evidence is made in the
    /// facts' one list (<see cref="PupilFacts.NewEvidence"/>): copy it before the next explanation of the same facts.
    /// </summary>
    public abstract Explanation Explain(PupilFacts facts);

    /// <summary>The evidence in words ("4e ziekmelding binnen 12 schoolweken: 3 sep, 17 sep, 2 okt, 30 okt").</summary>
    public abstract string Describe(Signal signal, Language language);

    /// <summary>The window of school days <c>[from..Last]</c>.</summary>
    protected static SchoolDayRange From(PupilFacts facts, int from) => new(from, facts.Last);

    /// <summary>Evidence: the episodes that start on or after a day, limited to a length.</summary>
    protected static List<EvidenceItem> EpisodesFrom(PupilFacts facts, int from, int maxLength = int.MaxValue)
    {
        var items = facts.NewEvidence();
        foreach (var episode in facts.Episodes)
        {
            if (episode.First >= from && episode.Length <= maxLength)
                items.Add(new EvidenceItem(facts.Date(episode.First), facts.Date(episode.Last)));
        }
        return items;
    }

    /// <summary>Evidence: the days of a bitset in <c>[from..Last]</c>.</summary>
    protected static List<EvidenceItem> DaysOf(PupilFacts facts, ReadOnlySpan<ulong> bits, int from)
    {
        var items = facts.NewEvidence();
        for (var d = Internals.Bits.NextSet(bits, from, facts.Last); d >= 0; d = Internals.Bits.NextSet(bits, d + 1, facts.Last))
            items.Add(EvidenceItem.Day(facts.Date(d)));
        return items;
    }

    /// <summary>Evidence: the weeks of a run ending with the week of T, each with its attendance fraction.</summary>
    protected static List<EvidenceItem> WeeksOf(PupilFacts facts, int weeks)
    {
        var items = facts.NewEvidence();
        var calendar = facts.AsOf.Calendar;
        for (var w = facts.AsOf.Week - weeks + 1; w <= facts.AsOf.Week; w++)
        {
            var totals = facts.Week(w);
            var last = Math.Min(calendar.WeekLastDay(w), facts.Last);
            // Whole percents rounded down: a week of 49.9 % under a rule of "below 50 %" must not read as 50 %.
            var percent = totals.Scheduled > 0 ? Math.Max(totals.Attended, 0) * 100 / totals.Scheduled : 100;
            items.Add(new EvidenceItem(facts.Date(totals.FirstDay), facts.Date(last), percent / 100.0));
        }
        return items;
    }
}
