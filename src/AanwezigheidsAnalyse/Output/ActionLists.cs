using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;

namespace AanwezigheidsAnalyse.Output;

/// <summary>One pupil's news for one owner: a move up (with that owner's reasons) and the newly met criteria the owner acts on.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="MovedUp">True when the pupil went up a tier and the owner has a reason behind the new tier.</param>
/// <param name="Signals">The owner's newly met criteria of the pupil.</param>
internal sealed record OwnerItem(int Pupil, bool MovedUp, IReadOnlyList<Signal> Signals);

/// <summary>A pupil who left since last week, as it left: its tier and signals at its last school day.</summary>
/// <param name="Pupil">The pupil.</param>
/// <param name="Tier">The tier at the last school day.</param>
/// <param name="Signals">The criteria met at the last school day, with their evidence.</param>
internal sealed record LeftPupil(int Pupil, Tier Tier, IReadOnlyList<Signal> Signals);

/// <summary>
/// What needs action this week (the report's first section, and actielijsten.csv): who went up or down a tier, the
/// newly met criteria per owner (criteria §6), the DUO meldingen due now, LR-50, the thuiszitters and the pupils who
/// left since last week. One model for
/// both outputs, so that the page and the spreadsheet never disagree.
/// </summary>
internal sealed class ActionLists
{
    private readonly Transitions _transitions;
    private readonly bool _missingAcrossSchools;

    private ActionLists(AnalysisRun run)
    {
        _transitions = run.Transitions;
        Up = [.. run.Order.Where(p => run.Transitions.Change(p, run.TierOf(p)) == TierChange.Up)];
        Down = [.. run.Order.Where(p => run.Transitions.Change(p, run.TierOf(p)) == TierChange.Down)];
        Since = LastWeekEnd(run);
        // Pupils with a tier last week and none now: they left the school (enrolled_until before the week of T), and
        // are off every other list. This one says how they left, highest tier first, for the hand-over.
        List<int> left = [.. Enumerable.Range(0, run.Evaluation.PupilCount).Where(p => run.HasLeft(p) && run.Transitions.PreviousTier(p) is not null)];
        Left = [.. run.Evaluation.AtLeaving(left).Select((at, i) => new LeftPupil(left[i], at.Tier, at.Signals))
            .OrderByDescending(pupil => pupil.Tier)
            .ThenBy(pupil => run.Ledger.SchoolId(pupil.Pupil), StringComparer.Ordinal).ThenBy(pupil => run.Keys[pupil.Pupil], StringComparer.Ordinal)];
        // A DUO melding that fell due since last week is news to file now, even when LPW-16U held last week too;
        // its signal then carries only those meldingen, the year's earlier ones stay in the DUO table.
        Newly = [.. run.Signals
            .Select(s => s.Criterion == CriterionId.Lpw16u ? DueNow(s) ?? (run.Transitions.NewlyMet(s.Pupil, s.Criterion) ? s : null) : run.Transitions.NewlyMet(s.Pupil, s.Criterion) ? s : null)
            .OfType<Signal>()];
        // A pupil who left is on the DUO list the week after, as it would have been that week: a melding that fell due
        // in the week of leaving must still be filed (its signal at the last school day, as for a pupil on the roll).
        Duo = [.. run.Signals.Where(s => s.Criterion == CriterionId.Lpw16u)
            .Concat(Left.SelectMany(pupil => pupil.Signals).Where(s => s.Criterion == CriterionId.Lpw16u))
            .OrderBy(s => DueNow(s) is null)];
        Withdrawn = run.Transitions.Withdrawn;
        Missing = run.Transitions.Missing;
        _missingAcrossSchools = Missing.Select(pupil => pupil.SchoolId).Distinct().Count() > 1;
        Lr50 = [.. run.Signals.Where(s => s.Criterion == CriterionId.Lr50)];
        // Every thuiszitter (TZ-0 or TZ-LPW: no education for more than 4 weeks), longest first; TZ-3M marks those
        // over 3 months, who are a few of them, not all of them.
        Over3Months = [.. run.Signals.Where(s => s.Criterion == CriterionId.Tz3m).Select(s => s.Pupil)];
        Unauthorized = [.. run.Signals.Where(s => s.Criterion == CriterionId.TzLpw).Select(s => s.Pupil)];
        AtHome = [.. run.Signals.Where(s => s.Criterion is CriterionId.Tz0 or CriterionId.TzLpw)
            .GroupBy(s => s.Pupil).Select(g => g.First())
            .OrderByDescending(s => run.ResultOf(s.Pupil).Measures.WeeksWithoutEducation)];

        // Pupils with news (tier up or a newly met criterion), highest tier first, then in output order; per owner
        // in the order of Owner, the order a SAT goes through them.
        var movedUp = Up.ToHashSet();
        var newlyByPupil = Newly.GroupBy(s => s.Pupil).ToDictionary(g => g.Key, g => g.ToList());
        var withNews = run.Order.Where(p => movedUp.Contains(p) || newlyByPupil.ContainsKey(p)).OrderByDescending(run.TierOf).ToList();
        foreach (var owner in Enum.GetValues<Owner>())
        {
            var items = new List<OwnerItem>();
            foreach (var pupil in withNews)
            {
                var mine = newlyByPupil.GetValueOrDefault(pupil)?.Where(s => run.Evaluation.Engine.Criterion(s.Criterion).Owners.Contains(owner)).ToList() ?? [];
                // A pupil that went up goes to every owner of a reason that sets its new tier, with that owner's
                // reasons: a move from 2 to 3 by the 8-week rate is not the news of KPA-25's owner.
                var up = movedUp.Contains(pupil) && run.Evaluation.OwnersOfTier(pupil).Contains(owner);
                if (mine.Count > 0 || up)
                    items.Add(new OwnerItem(pupil, up, mine));
            }
            PerOwner[owner] = items;
        }
    }

    public static ActionLists Of(AnalysisRun run) => new(run);

    /// <summary>Pupils who went up a tier since last week.</summary>
    public List<int> Up { get; }

    /// <summary>Pupils who went down a tier since last week: good news, and a plan to scale down.</summary>
    public List<int> Down { get; }

    /// <summary>
    /// Pupils on the roll last week who left before this week: no tier now, so on no other list but the DUO list; the
    /// tier and criteria at their last school day tell whom to hand over to.
    /// </summary>
    public List<LeftPupil> Left { get; }

    /// <summary>The last day "new" compares with.</summary>
    public NodaTime.LocalDate Since { get; }

    /// <summary>Criteria met now and not last week, and DUO meldingen due since last week.</summary>
    public List<Signal> Newly { get; }

    /// <summary>LPW-16U signals, those with a melding due now first; those of the pupils who left since last week among them.</summary>
    public List<Signal> Duo { get; }

    /// <summary>DUO meldingen last week's run listed that this week's data no longer make (<see cref="Transitions.Withdrawn"/>).</summary>
    public IReadOnlyList<WithdrawnMelding> Withdrawn { get; }

    /// <summary>Pupils of last week's run whom this week's inputs do not hold at all (<see cref="Transitions.Missing"/>).</summary>
    public IReadOnlyList<MissingPupil> Missing { get; }

    /// <summary>A missing pupil as the lists name it: its pupil_key, after its school when they are of several schools.</summary>
    public string KeyOf(MissingPupil pupil) => _missingAcrossSchools ? $"{pupil.SchoolId} {pupil.PupilKey}" : pupil.PupilKey;

    /// <summary>LR-50 signals.</summary>
    public List<Signal> Lr50 { get; }

    /// <summary>One signal per thuiszitter, longest at home first.</summary>
    public List<Signal> AtHome { get; }

    /// <summary>Thuiszitters for more than 3 months (TZ-3M).</summary>
    public HashSet<int> Over3Months { get; }

    /// <summary>
    /// Thuiszitters whose absence is unauthorised (TZ-LPW): leerplicht's case under the Leerplichtwet. A pupil at home
    /// sick (TZ-0 alone) is the jeugdarts' first; the table says which is which.
    /// </summary>
    public HashSet<int> Unauthorized { get; }

    /// <summary>Per owner, the pupils with news for them.</summary>
    public Dictionary<Owner, List<OwnerItem>> PerOwner { get; } = [];

    /// <summary>The meldingen of an LPW-16U signal that fell due since last week, or null when none did.</summary>
    public Signal? DueNow(Signal signal) => signal.Evidence.Any(e => IsNew(signal.Pupil, e))
        ? signal with { Evidence = [.. signal.Evidence.Where(e => IsNew(signal.Pupil, e))] }
        : null;

    /// <summary>The meldingen of an LPW-16U signal up to last week: the school year's history.</summary>
    public Signal Earlier(Signal signal) => signal with { Evidence = [.. signal.Evidence.Where(e => !IsNew(signal.Pupil, e))] };

    /// <summary>
    /// A melding that ends after last week's date, or one last week's run did not list: absence entered or corrected
    /// late (ziek became ongeoorloofd) makes a melding of days before that run, which the team has not filed. It was
    /// history, and a correction's new melding was on no list at all (an adversarial pass).
    /// </summary>
    private bool IsNew(int pupil, EvidenceItem melding) => melding.Last > Since || _transitions.Announced(pupil, melding.First, melding.Last) == false;

    /// <summary>
    /// The last day "new" compares with, the same "last week" as <c>newly_met</c>: last week's run's as-of date, or
    /// the end of the previous school week of the replay.
    /// </summary>
    private static NodaTime.LocalDate LastWeekEnd(AnalysisRun run) =>
        run.Transitions.LastWeek?.AsOf
        ?? (run.Replay.Weeks >= 2 ? run.Replay.WeekEnd(run.Replay.Weeks - 2) : run.Calendar.Year.FirstDay.PlusDays(-1));
}
