using AanwezigheidsAnalyse.Rules;
using NodaTime;

namespace AanwezigheidsAnalyse.Tiering;

/// <summary>Last week's run as the transitions need it: per pupil its tier, weeks in tier and criteria met.</summary>
/// <param name="Directory">Where last week's run was read from.</param>
/// <param name="AsOf">Last week's as-of date; null when it listed no pupil.</param>
/// <param name="Pupils">Tier and weeks in tier by school and pupil_key.</param>
/// <param name="Met">The criteria met by school and pupil_key.</param>
public sealed record LastWeek(
    string Directory,
    LocalDate? AsOf,
    IReadOnlyDictionary<(string SchoolId, string PupilKey), (Tier Tier, int WeeksInTier)> Pupils,
    IReadOnlyDictionary<(string SchoolId, string PupilKey), CriterionSet> Met)
{
    /// <summary>
    /// False when last week's run was made with another policy or calendar: its DUO meldingen were counted by other
    /// rules, so one missing now is no correction, nor one new a late entry (an adversarial pass: a policy of 20 hours
    /// said last week's 16-hour melding was "corrected" and to be withdrawn).
    /// </summary>
    public bool SameRules { get; init; } = true;

    /// <summary>The DUO meldingen (LPW-16U's evidence, first and last day) last week's run listed, by school and pupil_key.</summary>
    public IReadOnlyDictionary<(string SchoolId, string PupilKey), HashSet<(LocalDate First, LocalDate Last)>> Meldingen { get; init; } =
        new Dictionary<(string, string), HashSet<(LocalDate, LocalDate)>>();
}

/// <summary>A pupil of last week's run who is in none of this week's inputs: not in the export, not on the pupil list.</summary>
/// <param name="SchoolId">The school.</param>
/// <param name="PupilKey">The pupil_key last week's run wrote.</param>
/// <param name="Tier">The tier last week.</param>
/// <param name="Met">The criteria met last week.</param>
public sealed record MissingPupil(string SchoolId, string PupilKey, Tier Tier, CriterionSet Met);

/// <summary>A DUO melding last week's run listed that this week's data no longer make.</summary>
/// <param name="Pupil">The pupil (ledger index).</param>
/// <param name="First">The melding's first day, as listed last week.</param>
/// <param name="Last">Its last day.</param>
public sealed record WithdrawnMelding(int Pupil, LocalDate First, LocalDate Last);

/// <summary>
/// previous_tier, tier_change, weeks_in_tier and the criteria met last week, per pupil (criteria §5). From last week's
/// run, as the SAT saw it; or from the replay of last school week's end on this week's data (which also counts
/// registrations made late).
/// </summary>
public sealed class Transitions
{
    private readonly Tier?[] _previousTier;
    private readonly int[] _weeksInTier;
    private readonly CriterionSet[] _previousMet;
    private readonly HashSet<(LocalDate First, LocalDate Last)>?[]? _meldingen;
    private readonly bool[]? _inLastWeek;
    private LocalDate _listedFrom = LocalDate.MinIsoValue;

    private Transitions(int pupils, LastWeek? lastWeek)
    {
        _previousTier = new Tier?[pupils];
        _weeksInTier = new int[pupils];
        _previousMet = new CriterionSet[pupils];
        _meldingen = lastWeek is not { SameRules: true } ? null : new HashSet<(LocalDate, LocalDate)>?[pupils];
        _inLastWeek = _meldingen is null ? null : new bool[pupils];
        LastWeek = lastWeek;
    }

    /// <summary>
    /// Whether last week's run listed this DUO melding of the pupil; null when that cannot be known: last week was
    /// replayed (the replay on this week's data lists every melding up to then, entered late or not), or its run had
    /// no row for the pupil. Last week's run lists a pupil's meldingen only while LPW-16U holds, up to 4 school weeks
    /// after the latest: without them, a melding ending in those weeks was not in last week's data (entered or
    /// corrected late, so not announced), and an older one is taken as announced in an earlier week. Taking every
    /// unlisted melding as unannounced put a September melding, filed then, on the "report now" list again in November,
    /// when a new one made LPW-16U hold again (an adversarial pass).
    /// </summary>
    public bool? Announced(int pupil, LocalDate first, LocalDate last) =>
        _meldingen is null || !_inLastWeek![pupil] ? null
        : _meldingen[pupil] is { } listed ? listed.Contains((first, last))
        : last < _listedFrom;

    /// <summary>
    /// Pupils of last week's run, at this run's schools and in this school year, whom this week's inputs do not hold at
    /// all (a pupil list without them, an export without their rows): highest tier first. A pupil taken off the list
    /// without an uitschrijfdatum, renumbered, or cut from the export would otherwise vanish from every list without a
    /// word, tier 3 or not (an adversarial pass). Empty when last week was replayed: this week's data hold only this
    /// week's pupils.
    /// </summary>
    public IReadOnlyList<MissingPupil> Missing { get; private set; } = [];

    /// <summary>
    /// DUO meldingen last week's run listed that this week's data no longer make, a correction since (ongeoorloofd
    /// became ziek, a row removed): one the team filed may need withdrawing. Compared with all of the pupil's meldingen
    /// of the year, not only those of an LPW-16U that holds now: that lapses 4 school weeks after the latest melding,
    /// and every melding then looked withdrawn (a review). Empty when last week was replayed.
    /// </summary>
    public IReadOnlyList<WithdrawnMelding> Withdrawn { get; private set; } = [];

    /// <summary>Last week's run, or null when last week was recomputed by the weekly replay.</summary>
    public LastWeek? LastWeek { get; }

    /// <summary>True when last week was recomputed by the weekly replay.</summary>
    public bool IsReplay => LastWeek is null;

    /// <summary>The tier last week; null when the pupil had none.</summary>
    public Tier? PreviousTier(int pupil) => _previousTier[pupil];

    /// <summary>Consecutive weeks, up to T, in the current tier.</summary>
    public int WeeksInTier(int pupil) => _weeksInTier[pupil];

    /// <summary>The criteria met last week.</summary>
    public CriterionSet PreviousMet(int pupil) => _previousMet[pupil];

    /// <summary>Where the tier went since last week.</summary>
    public TierChange Change(int pupil, Tier now) => Tiers.Change(_previousTier[pupil], now);

    /// <summary>True when <paramref name="criterion"/> was not met last week (a new signal, newly_met).</summary>
    public bool NewlyMet(int pupil, CriterionId criterion) => !_previousMet[pupil].Contains(criterion);

    /// <summary>Transitions from the weekly replay of this week's data.</summary>
    public static Transitions FromReplay(WeeklyReplay replay, int pupils)
    {
        var transitions = new Transitions(pupils, null);
        for (var p = 0; p < pupils; p++)
        {
            transitions._previousTier[p] = replay.PreviousTier(p);
            transitions._weeksInTier[p] = replay.WeeksInTier(p);
            transitions._previousMet[p] = replay.PreviousMet(p);
        }
        return transitions;
    }

    /// <summary>
    /// Transitions from last week's run; pupils are matched by school and pupil_key (<paramref name="keys"/>, by ledger
    /// index). <paramref name="replay"/>, of this week's data, fills in what that run cannot know: the weeks it did not
    /// see, and the pupils it had no row for.
    /// </summary>
    public static Transitions FromLastWeek(LastWeek lastWeek, IReadOnlyList<string> keys, Evaluation now, WeeklyReplay replay)
    {
        var ledger = now.Ledger;
        var calendar = ledger.Calendar;
        // School weeks between the two runs when both lie in this school year (else one): none when last week's run fell
        // in the same school week, as a run in a holiday does. "At least one" added a week to every pupil at each
        // holiday, for good: 18 weeks in a tier in a year of 16 (an adversarial pass).
        var before = calendar.LastOnOrBefore(lastWeek.AsOf ?? now.AsOf);
        var week = now.Day.Week;
        var weeksBetween = before >= 0 && week >= 0 ? Math.Max(0, week - calendar.WeekOf(before)) : 1;

        var transitions = new Transitions(ledger.PupilCount, lastWeek);
        // The first day a melding could end on and still make LPW-16U hold at last week's date (its window of school weeks).
        if (before >= 0)
            transitions._listedFrom = calendar.Date(new Rules.AsOf(calendar, calendar.Date(before)).SchoolWeeksStart(now.Policy.Criteria.Lpw16u.ReportedWithinSchoolWeeks));
        var present = new HashSet<(string, string)>(ledger.PupilCount);
        for (var p = 0; p < ledger.PupilCount; p++)
        {
            var key = (ledger.SchoolId(p), keys[p]);
            present.Add(key);
            transitions._previousMet[p] = lastWeek.Met.GetValueOrDefault(key);
            if (transitions._meldingen is { } meldingen)
                meldingen[p] = lastWeek.Meldingen.GetValueOrDefault(key);
            if (lastWeek.Pupils.TryGetValue(key, out var row))
            {
                transitions._inLastWeek?[p] = true;
                transitions._previousTier[p] = row.Tier;
                // Over a week or more that no run saw (a week skipped, a pupil off the roll in between), the tier
                // may have been another one meanwhile: the weeks count from last run only when this week's data hold
                // the tier through every week since; else they are this week's data's own count (a skipped week
                // added its weeks to a tier the pupil had just come back to).
                var replayed = replay.WeeksInTier(p);
                transitions._weeksInTier[p] = row.Tier == now.Tiers[p] && (weeksBetween <= 1 || replayed > weeksBetween) ? Math.Max(1, row.WeeksInTier) + weeksBetween
                    : weeksBetween > 1 ? Math.Clamp(replayed, 1, weeksBetween)
                    : 1;
            }
            else
            {
                // No row last week: without a pupil list, a pupil without any registration up to then was not in that
                // run at all. This week's data say what it was (tier 1, for weeks): a first absence is a move up, not
                // "new", and its weeks in tier are not 1 (an adversarial pass). A pupil who joined since has no tier
                // last week in the replay either.
                // One who had left by last week's date was not in that run for that reason: no tier then. The replay's
                // last week is the school week before T's, which in a holiday is before that run, when the pupil was
                // still enrolled: it stood under "left since last week" again, and its melding under "report now"
                // (an adversarial pass).
                // One who joined after last week's date (the pupil list's enrolment; without a list every pupil is enrolled
                // all year) was not in that run either: new, also when a week nobody ran lies between (a replay of the
                // school week before T, after that run, had it already; an adversarial pass).
                var enrolment = ledger.Enrolment(p);
                transitions._previousTier[p] = before >= 0 && (enrolment.Last < before || enrolment.First > before) ? null : replay.PreviousTier(p);
                transitions._weeksInTier[p] = Math.Max(1, replay.WeeksInTier(p));
            }
        }
        // Only a run of this school year: at a new year's first run the pupils who finished school last July are gone
        // by nature. A school of last week's run that this run does not hold is another run's, not missing pupils.
        if (lastWeek.AsOf is { } then && then >= calendar.Year.FirstDay)
        {
            var schools = ledger.Schools.ToHashSet();
            transitions.Missing = [.. lastWeek.Pupils
                .Where(row => schools.Contains(row.Key.SchoolId) && !present.Contains(row.Key))
                .Select(row => new MissingPupil(row.Key.SchoolId, row.Key.PupilKey, row.Value.Tier, lastWeek.Met.GetValueOrDefault(row.Key)))
                .OrderByDescending(pupil => pupil.Tier).ThenBy(pupil => pupil.SchoolId, StringComparer.Ordinal).ThenBy(pupil => pupil.PupilKey, StringComparer.Ordinal)];
            var listed = transitions._meldingen is null ? [] : Enumerable.Range(0, ledger.PupilCount).Where(p => transitions._meldingen[p] is { Count: > 0 }).ToList();
            var meldingen = now.Meldingen(listed);
            transitions.Withdrawn = [.. listed.SelectMany(p => transitions._meldingen![p]!.Where(m => !meldingen[p].Contains(m)).Order()
                .Select(m => new WithdrawnMelding(p, m.First, m.Last)))];
        }
        return transitions;
    }
}
