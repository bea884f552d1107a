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

    public List<Signal> Explain(int pupil, AsOf asOf, CriterionSet met)
    {
        var signals = new List<Signal>();
        var last = ledger.Calendar.DayCount - 1;
        foreach (var criterion in engine.Criteria)
        {
            if (!met.Contains(criterion.Id))
                continue;
            _facts.Reset(pupil, asOf);
            criterion.Evaluate(_facts, out var value);
            var explanation = criterion.Explain(_facts);
            var window = new SchoolDayRange(Math.Clamp(explanation.Window.First, 0, last), Math.Clamp(explanation.Window.Last, 0, last));
            // The evidence kept in an array of its length: a national run holds about 650 000 signals until they are written.
            signals.Add(new Signal(pupil, criterion.Id, FirstMet(criterion, pupil, asOf), window, value, criterion.Threshold, explanation.Items.ToArray(), explanation.AbsenceKind));
        }
        return signals;
    }

    private int FirstMet(Criterion criterion, int pupil, AsOf asOf)
    {
        var first = asOf.Day;
        var startsWithARecord = criterion.StartsOnlyWithARecord;
        var records = ledger.Records(pupil);
        var upTo = records.FirstFrom(asOf.Day + 1); // the records up to the day after the one looked at
        for (var day = asOf.Day - 1; day >= ledger.Enrolment(pupil).First; day--)
        {
            // It holds the day after; when that day has no record and the criterion starts only with one, it holds on
            // this day too: only the days before a record are evaluated (a few in a run of months).
            if (startsWithARecord)
            {
                while (upTo > 0 && records.DayOf(upTo - 1) > day + 1)
                    upTo--;
                if (upTo == 0 || records.DayOf(upTo - 1) != day + 1)
                {
                    first = day;
                    continue;
                }
            }
            var earlier = _asOfByDay[day] ??= new AsOf(ledger.Calendar, ledger.Calendar.Date(day));
            _facts.Reset(pupil, earlier);
            if (!criterion.Evaluate(_facts, out _))
                break;
            first = day;
        }
        return Math.Max(first, 0);
    }
}
