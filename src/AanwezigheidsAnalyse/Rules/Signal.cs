using System.Numerics;
using AanwezigheidsAnalyse.Calendar;
using AanwezigheidsAnalyse.Ledger;
using AanwezigheidsAnalyse.Rules.Criteria;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>One met criterion of one pupil, with its evidence (a row of signals.parquet).</summary>
/// <param name="Pupil">The pupil (its index in the ledger).</param>
/// <param name="Criterion">The criterion met.</param>
/// <param name="FirstMet">The first school day of the run of school days, ending at T, on which the criterion held every day.</param>
/// <param name="Window">The school days the criterion looked at.</param>
/// <param name="Value">The value compared with the threshold (a count, days, weeks, hours or a share).</param>
/// <param name="Threshold">The policy's threshold.</param>
/// <param name="Evidence">The dates that make it true.</param>
/// <param name="AbsenceKind">LR-50 only: the kind of absence.</param>
public sealed record Signal(
    int Pupil,
    CriterionId Criterion,
    int FirstMet,
    SchoolDayRange Window,
    double Value,
    double Threshold,
    IReadOnlyList<EvidenceItem> Evidence,
    AbsenceKind? AbsenceKind);

/// <summary>
/// Turns the criteria a pupil meets into signals: the evidence, and <c>first_met</c>, "the first school day of
/// the run of school days, ending at T, on which the criterion held on every day" (criteria §2), found by
/// evaluating the criterion at earlier as-of dates, one school day at a time.
/// </summary>
internal sealed class SignalExplainer(RulesEngine engine, DayLedger ledger)
{
    private readonly PupilFacts _facts = engine.NewFacts(ledger);
    private readonly AsOf?[] _asOfByDay = new AsOf?[ledger.Calendar.DayCount];
    private readonly List<Criterion> _met = []; // the pupil's met criteria, in the engine's order
    private readonly int[] _firstMet = new int[32]; // theirs, by position (a criterion set holds at most 32)

    /// <summary>Adds the signals of <paramref name="pupil"/>, which meets <paramref name="met"/> at <paramref name="asOf"/>, to <paramref name="signals"/>.</summary>
    public void Explain(int pupil, AsOf asOf, CriterionSet met, List<Signal> signals)
    {
        var criteria = _met;
        criteria.Clear();
        foreach (var criterion in engine.Criteria)
        {
            if (met.Contains(criterion.Id))
                criteria.Add(criterion);
        }
        var firstMet = FirstMet(criteria, pupil, asOf);
        var last = ledger.Calendar.DayCount - 1;
        _facts.Reset(pupil, asOf);
        for (var i = 0; i < criteria.Count; i++)
        {
            var criterion = criteria[i];
            criterion.Evaluate(_facts, out var value);
            var explanation = criterion.Explain(_facts);
            var window = new SchoolDayRange(Math.Clamp(explanation.Window.First, 0, last), Math.Clamp(explanation.Window.Last, 0, last));
            // The evidence kept in an array of its length: a national run holds about 650 000 signals until they are written.
            signals.Add(new Signal(pupil, criterion.Id, firstMet[i], window, value, criterion.AppliedThreshold(_facts), explanation.Items.ToArray(), explanation.AbsenceKind));
        }
    }

    /// <summary>
    /// Each criterion's first_met, in one walk back day by day for all of them: a day's facts are made once for every
    /// criterion still holding (a pupil with signals has two on average), and a criterion leaves the walk on the first
    /// day it does not hold.
    /// </summary>
    private Span<int> FirstMet(List<Criterion> criteria, int pupil, AsOf asOf)
    {
        var first = _firstMet.AsSpan(0, criteria.Count);
        first.Fill(asOf.Day);
        var holding = (1UL << criteria.Count) - 1;
        var records = ledger.Records(pupil);
        var upTo = records.FirstFrom(asOf.Day + 1); // the records up to the day after the one looked at
        // Back to the start of the enrolment, or of the pupil's return after a gap: what held before it is another story.
        var gaps = ledger.GapsOf(pupil);
        for (var day = asOf.Day - 1; day >= ledger.Enrolment(pupil).First && holding != 0 && !EnrolmentGaps.Contain(gaps, day); day--)
        {
            while (upTo > 0 && records.DayOf(upTo - 1) > day + 1)
                upTo--;
            var recordAfter = upTo > 0 && records.DayOf(upTo - 1) == day + 1;
            var reset = false;
            for (var bits = holding; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                var criterion = criteria[i];
                // It holds the day after; when that day has no record and the criterion starts only with one, it holds
                // on this day too: only the days before a record are evaluated (a few in a run of months).
                if (!criterion.StartsOnlyWithARecord || recordAfter)
                {
                    if (!reset)
                    {
                        _facts.Reset(pupil, _asOfByDay[day] ??= new AsOf(ledger.Calendar, ledger.Calendar.Date(day)));
                        reset = true;
                    }
                    if (!criterion.Evaluate(_facts, out _))
                    {
                        holding &= ~(1UL << i);
                        continue;
                    }
                }
                first[i] = day;
            }
        }
        for (var i = 0; i < first.Length; i++)
            first[i] = Math.Max(first[i], 0);
        return first;
    }
}
