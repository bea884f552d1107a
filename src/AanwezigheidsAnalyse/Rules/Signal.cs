using AanwezigheidsAnalyse.Ledger;
using NodaTime;

namespace AanwezigheidsAnalyse.Rules;

/// <summary>One met criterion of one pupil, with its evidence (a row of signals.parquet).</summary>
public sealed record Signal(
    int Pupil,
    string CriterionId,
    LocalDate FirstMet,
    LocalDate WindowStart,
    LocalDate WindowEnd,
    double Value,
    double Threshold,
    IReadOnlyList<EvidenceItem> Evidence,
    string? AbsenceKind);

/// <summary>
/// Turns the criteria a pupil meets into signals: the evidence, and <c>first_met</c>, "the first school day of
/// the run of school days, ending at T, on which the predicate held on every day" (RULES §2), found by
/// evaluating the criterion at earlier as-of dates, one school day at a time.
/// </summary>
public sealed class SignalExplainer(RulesEngine engine, DayLedger ledger)
{
    private readonly PupilFacts _facts = new();
    private readonly AsOf?[] _asOfByDay = new AsOf?[ledger.Calendar.DayCount];

    public List<Signal> Explain(int pupil, AsOf asOf, in PupilResult result)
    {
        var signals = new List<Signal>();
        foreach (var criterion in engine.Criteria)
        {
            if (!result.IsMet(RulesEngine.IndexOf(criterion.Id)))
                continue;
            _facts.Reset(ledger, engine.Policy, pupil, asOf);
            criterion.Evaluate(_facts, out var value);
            var explanation = criterion.Explain(_facts);
            var firstMet = FirstMet(criterion, pupil, asOf);
            var calendar = ledger.Calendar;
            signals.Add(new Signal(
                pupil,
                criterion.Id,
                firstMet,
                calendar.Date(Math.Clamp(explanation.WindowStart, 0, calendar.DayCount - 1)),
                calendar.Date(Math.Clamp(explanation.WindowEnd, 0, calendar.DayCount - 1)),
                value,
                criterion.Threshold,
                explanation.Items,
                explanation.AbsenceKind));
        }
        return signals;
    }

    private LocalDate FirstMet(Rules.Criteria.Criterion criterion, int pupil, AsOf asOf)
    {
        var first = asOf.Day;
        for (var day = asOf.Day - 1; day >= ledger.EnrolFirst(pupil); day--)
        {
            var earlier = _asOfByDay[day] ??= new AsOf(ledger.Calendar, ledger.Calendar.Date(day));
            _facts.Reset(ledger, engine.Policy, pupil, earlier);
            if (!criterion.Evaluate(_facts, out _))
                break;
            first = day;
        }
        return ledger.Calendar.Date(Math.Max(first, 0));
    }
}
